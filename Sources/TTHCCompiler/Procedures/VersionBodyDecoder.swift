import TTHCDiagnostics
import TTHCModel
import TTHCYAML

/// Decodes the versioned sections of a procedure (facts, papers, deadline, steps, fee) against one
/// version's facts, and records which facts the expressions use.
struct VersionBodyDecoder {
    var decoder: NodeDecoder
    let registries: Registries
    var scope = ExpressionScope(facts: [:])
    var factTypes: [String: ValueType] = [:]
    var usedFacts: Set<String> = []
    /// Whether a fee rule takes its amount from the provincial schedules.
    var usesSchedule = false
    /// Facts whose `default` is written, even when it did not decode (so examples are not asked for them).
    var factsWithWrittenDefault: Set<String> = []
    /// The version's first day, named in workflow warnings when the procedure has several versions.
    var versionLabel: ExprDate?

    static let reservedNames: Set<String> = ["true", "false", "and", "or", "not", "in", "if", "then", "else", "channel", "received", "min", "max", "clamp", "ceil_div", "end"]

    init(decoder: NodeDecoder, registries: Registries) {
        self.decoder = decoder
        self.registries = registries
    }

    // MARK: Expressions

    mutating func expression(_ node: YAMLNode, expecting: ValueType) -> Expr? {
        guard let text = decoder.scalarText(node, vi: "một biểu thức", en: "an expression") else { return nil }
        // Compile against a placeholder line, then move every place into the source through the
        // scalar's position map (quotes, escapes, folded lines, blocks, NFD text).
        let placeholder = "\u{0}expression"
        var local = DiagnosticBag()
        let expr = ExpressionCompiler.compile(text, at: SourceRange(file: placeholder, at: SourceLocation(line: 1, column: 1)), expecting: expecting, scope: scope, diagnostics: &local)
        let map = local.all.isEmpty ? nil : ScalarPositionMap(node: node, sourceLines: decoder.sourceLines)
        func place(_ range: SourceRange) -> SourceRange {
            guard range.file == placeholder else { return range }
            return map?.remap(range) ?? node.range
        }
        for var diagnostic in local.all {
            diagnostic.range = place(diagnostic.range)
            diagnostic.notes = diagnostic.notes.map { note in
                var note = note
                note.range = note.range.map(place)
                return note
            }
            decoder.diagnostics.report(diagnostic)
        }
        if let expr {
            usedFacts.formUnion(expr.factNames)
        } else {
            // A broken expression still names facts: do not call them unused.
            usedFacts.formUnion(Self.identifiers(in: text))
        }
        return expr
    }

    /// The identifier-like words of a text (used when an expression does not compile).
    static func identifiers(in text: String) -> Set<String> {
        var words: Set<String> = []
        var current = ""
        for scalar in text.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" {
                current.unicodeScalars.append(scalar)
            } else {
                if !current.isEmpty { words.insert(current) }
                current = ""
            }
        }
        if !current.isEmpty { words.insert(current) }
        return words
    }

    mutating func condition(_ node: YAMLNode?) -> Expr? {
        node.flatMap { expression($0, expecting: .bool) }
    }

    // MARK: Facts

    mutating func facts(_ node: YAMLNode) -> [Fact] {
        guard let pairs = node.pairs else {
            decoder.report(.expectedShape("một bảng tên thông tin → khai báo", "a mapping fact name → declaration", foundVi: node.kindName(.vi), foundEn: node.kindName(.en)), at: node.range)
            return []
        }
        var result: [Fact] = []
        for pair in pairs {
            guard let name = decoder.identifier(pair.key) else { continue }
            if Self.reservedNames.contains(name) { decoder.report(.reservedFactName(name), at: pair.key.range); continue }
            if name.contains("-") { decoder.report(.badIdentifier(name), at: pair.key.range); continue }
            guard let reader = MappingReader(pair.value, LanguageSchema.fact, diagnostics: &decoder.diagnostics) else { continue }
            let label = reader["label"].flatMap { decoder.text($0) }
            var caseLabels: [String: String] = [:]
            var type: ValueType?
            if let typeNode = reader["type"], let word = decoder.word(typeNode, ["bool", "int", "money", "date", "enum", "text"]) {
                switch word {
                case "bool": type = .bool
                case "int": type = .int
                case "money": type = .money
                case "date": type = .date
                case "text": type = .text
                default:
                    guard let ofNode = reader["of"] else {
                        decoder.report(.enumWithoutValues, at: typeNode.range)
                        break
                    }
                    var cases: [String] = []
                    if let items = ofNode.items {
                        cases = items.compactMap { decoder.identifier($0) }
                    } else if let casePairs = ofNode.pairs {
                        for casePair in casePairs {
                            guard let id = decoder.identifier(casePair.key) else { continue }
                            cases.append(id)
                            if let label = decoder.text(casePair.value) { caseLabels[id] = label }
                        }
                    } else {
                        decoder.report(.expectedShape("một danh sách giá trị", "a list of values", foundVi: ofNode.kindName(.vi), foundEn: ofNode.kindName(.en)), at: ofNode.range)
                    }
                    if cases.isEmpty { decoder.report(.enumWithoutValues, at: ofNode.range) } else { type = .enumeration(name: name, cases: cases) }
                }
                if word != "enum", let ofNode = reader["of"] { decoder.report(.ofWithoutEnum, at: ofNode.range) }
            }
            let numeric = type == .int || type == .money
            let minimum = reader["min"].flatMap { decoder.integer($0) }
            let maximum = reader["max"].flatMap { decoder.integer($0) }
            if (minimum != nil || maximum != nil), type != nil, !numeric, let node = reader["min"] ?? reader["max"] {
                decoder.report(.boundsNotNumeric, at: node.range)
            }
            var bounds = (minimum, maximum)
            if let minimum, let maximum, minimum > maximum, let node = reader["max"] {
                decoder.report(.boundsReversed, at: node.range)
                bounds = (nil, nil)
            }
            var defaultValue: Value?
            if reader.has("default") { factsWithWrittenDefault.insert(name) }
            if let type, let node = reader["default"] {
                defaultValue = FactValueDecoder.value(node, type: type, minimum: bounds.0, maximum: bounds.1, decoder: &decoder)
            }
            guard let type, let label else { continue }
            result.append(Fact(name: name, type: type, label: label, defaultValue: defaultValue, minimum: minimum, maximum: maximum, caseLabels: caseLabels))
        }
        factTypes = Dictionary(result.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        scope = ExpressionScope(facts: factTypes)
        return result
    }

    mutating func reportUnusedFacts(_ node: YAMLNode?) {
        // With errors in the file, usage is not reliable (a broken rule was discarded): say nothing.
        guard let pairs = node?.pairs, !decoder.diagnostics.hasErrors else { return }
        for pair in pairs {
            guard let name = pair.key.scalar?.value, factTypes[name] != nil, !usedFacts.contains(name) else { continue }
            decoder.report(.unusedFact(name), at: pair.key.range)
        }
    }

    // MARK: Papers

    mutating func papers(_ node: YAMLNode) -> [PaperRequirement]? {
        guard let items = decoder.list(node) else { return nil }
        var seen: [String: SourceRange] = [:]
        var result: [PaperRequirement] = []
        func claim(_ id: String, _ range: SourceRange, _ decoder: inout NodeDecoder) {
            if let first = seen[id] {
                decoder.report(.duplicateID("Giấy tờ", "paper", "duplicate-paper", id), at: range, notes: [DiagnosticNote(DiagnosticMessage.firstDeclaredHere, at: first)])
            } else {
                seen[id] = range
            }
        }
        for item in items {
            let keys = Set(item.pairs?.compactMap { $0.key.scalar?.value } ?? [])
            if keys.contains("one_of") {
                guard let reader = MappingReader(item, LanguageSchema.alternatives, diagnostics: &decoder.diagnostics),
                      let listNode = reader["one_of"], let options = decoder.list(listNode) else { continue }
                var papers: [Paper] = []
                for option in options {
                    let optionKeys = Set(option.pairs?.compactMap { $0.key.scalar?.value } ?? [])
                    if optionKeys.contains("one_of") || optionKeys.contains("ref") {
                        decoder.report(.oneOfNested, at: option.range)
                        continue
                    }
                    if let paper = paper(option) {
                        claim(paper.id, option.pairs?.first { $0.key.scalar?.value == "id" }?.value.range ?? option.range, &decoder)
                        papers.append(paper)
                    }
                }
                if options.count == 1 { decoder.report(.oneOfSingle, at: listNode.range) }
                guard !papers.isEmpty else { continue }
                result.append(.oneOf(PaperAlternatives(name: reader["name"].flatMap { decoder.text($0) }, options: papers, when: condition(reader["when"]))))
            } else if keys.contains("ref") {
                guard let reader = MappingReader(item, LanguageSchema.sharedPaperReference, diagnostics: &decoder.diagnostics),
                      let refNode = reader["ref"], let id = decoder.identifier(refNode) else { continue }
                guard let shared = registries.papers[id]?.value else {
                    let suggestion = Suggestion.closest(to: id, in: registries.papers.keys)
                    decoder.report(.unknownReference("Giấy tờ dùng chung", "shared paper", "unknown-shared-paper", id, registry: "Procedures/_shared (papers)", suggestion: suggestion), at: refNode.range, fixIt: suggestion)
                    continue
                }
                claim(id, refNode.range, &decoder)
                let overrides = reader.has("original") || reader.has("copy") || reader.has("present")
                let original = overrides ? (reader["original"].flatMap { decoder.integer($0, minimum: 0) } ?? 0) : shared.original
                let copy = overrides ? (reader["copy"].flatMap { decoder.integer($0, minimum: 0) } ?? 0) : shared.copy
                let present = overrides ? (reader["present"].flatMap { decoder.integer($0, minimum: 0) } ?? 0) : shared.present
                if original + copy + present == 0 { decoder.report(.paperNoCount, at: refNode.range) }
                result.append(.paper(Paper(id: id, name: shared.name, original: original, copy: copy, present: present, when: condition(reader["when"]),
                                           form: shared.form, note: reader["note"].flatMap { decoder.text($0) } ?? shared.note, shared: id)))
            } else if let paper = paper(item) {
                claim(paper.id, item.pairs?.first { $0.key.scalar?.value == "id" }?.value.range ?? item.range, &decoder)
                result.append(.paper(paper))
            }
        }
        return result
    }

    mutating func paper(_ node: YAMLNode) -> Paper? {
        guard let reader = MappingReader(node, LanguageSchema.paper, diagnostics: &decoder.diagnostics) else { return nil }
        let id = reader["id"].flatMap { decoder.identifier($0) }
        if let id, id.contains("-"), let idNode = reader["id"] { decoder.report(.badIdentifier(id), at: idNode.range) }
        let name = reader["name"].flatMap { decoder.text($0) }
        let counts = ["original", "copy", "present"].map { key in reader[key].map { decoder.integer($0, minimum: 0) } }
        let original = (counts[0] ?? nil) ?? 0, copy = (counts[1] ?? nil) ?? 0, present = (counts[2] ?? nil) ?? 0
        let countsDecoded = counts.allSatisfy { written in written.map { $0 != nil } ?? true }
        if original + copy + present == 0, countsDecoded {
            decoder.report(.paperNoCount, at: reader["id"]?.range ?? node.range)
        }
        let when = condition(reader["when"])
        guard let id, let name else { return nil }
        return Paper(id: id, name: name, original: original, copy: copy, present: present, when: when,
                     form: reader["form"].flatMap { decoder.text($0) }, note: reader["note"].flatMap { decoder.text($0) }, shared: nil)
    }

    // MARK: Deadline

    /// Exactly one duration key of `reader`.
    /// `none: true` (no statutory time) is read only where the spec has the key: in a deadline and
    /// its cases, not in a step's budget.
    mutating func duration(_ reader: MappingReader, at node: YAMLNode) -> Duration? {
        let present = ["working_days", "working_hours", "calendar_days", "same_day", "none"].filter { reader.has($0) }
        guard let first = present.first else {
            decoder.report(.missingDuration, at: MappingReader.headRange(node))
            return nil
        }
        if present.count > 1, let second = reader[present[1]] {
            decoder.report(.durationConflict, at: second.range)
            return nil
        }
        guard let value = reader[first] else { return nil }
        switch first {
        case "working_days": return decoder.integer(value, minimum: 0).map(Duration.workingDays)
        case "working_hours": return decoder.integer(value, minimum: 0).map(Duration.workingHours)
        case "calendar_days": return decoder.integer(value, minimum: 0).map(Duration.calendarDays)
        case "none":
            guard let none = decoder.bool(value) else { return nil }
            guard none else {
                decoder.report(.deadlineNoneFalse, at: value.range)
                return nil
            }
            return .noTimeLimit
        default: return decoder.time(value).map { Duration.sameDay(cutoff: $0) }
        }
    }

    mutating func durationObject(_ node: YAMLNode) -> Duration? {
        guard let reader = MappingReader(node, LanguageSchema.duration, diagnostics: &decoder.diagnostics) else { return nil }
        return duration(reader, at: node)
    }

    mutating func deadline(_ node: YAMLNode) -> Deadline? {
        guard let reader = MappingReader(node, LanguageSchema.deadline, diagnostics: &decoder.diagnostics) else { return nil }
        let base = duration(reader, at: node)
        let cutoff = reader["cutoff"].flatMap { decoder.time($0) }
        var cases: [DeadlineCase] = []
        if let items = reader["cases"].flatMap({ decoder.list($0) }) {
            for item in items {
                guard let caseReader = MappingReader(item, LanguageSchema.deadlineCase, diagnostics: &decoder.diagnostics) else { continue }
                let when = condition(caseReader["when"])
                let duration = duration(caseReader, at: item)
                if let when, let duration { cases.append(DeadlineCase(when: when, duration: duration)) }
            }
        }
        let clock = reader["on_supplement"].flatMap { decoder.enumValue($0, SupplementClock.self) } ?? .resume
        guard let base else { return nil }
        return Deadline(base: base, cutoff: cutoff, cases: cases, onSupplement: clock, note: reader["note"].flatMap { decoder.text($0) })
    }
}
