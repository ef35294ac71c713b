import TTHCDiagnostics
import TTHCModel
import TTHCYAML

/// The identity of a decoded procedure, with places, for the catalogue-wide checks.
struct ProcedureIdentity {
    var id: String
    var idRange: SourceRange
    var code: String?
    var codeRange: SourceRange?
}

/// Decodes one procedure file from its YAML tree into the typed model, reporting every mistake.
///
/// The versioned sections (papers, deadline, steps, fee, …) are kept as nodes and decoded once per
/// version against that version's facts, so a later version that changes the facts re-checks every
/// inherited condition. Diagnostics repeated by that are removed by the caller.
struct ProcedureDecoder {
    var decoder = NodeDecoder()
    let registries: Registries
    let source: String
    /// Facts whose default is written in some version (see `VersionBodyDecoder.factsWithWrittenDefault`).
    var factsWithWrittenDefault: Set<String> = []
    /// Whether every version decoded (otherwise examples are not checked against versions).
    var allVersionsDecoded = true
    var versionLabelled = false

    init(registries: Registries, source: String, text: String = "") {
        self.registries = registries
        self.source = source
        decoder.sourceText = text
    }

    /// The procedure, and its identity for cross-file checks; nil when too broken to build.
    mutating func decode(_ root: YAMLNode) -> (Procedure?, ProcedureIdentity?) {
        guard root.pairs != nil else {
            decoder.report(.fileNotMapping, at: root.range)
            return (nil, nil)
        }
        guard let top = MappingReader(root, LanguageSchema.procedure, diagnostics: &decoder.diagnostics) else { return (nil, nil) }

        let id = top["id"].flatMap { decoder.identifier($0) }
        let code = top["code"].flatMap { decoder.text($0) }
        let name = top["name"].flatMap { decoder.text($0) }
        let field = top["field"].flatMap { decoder.reference($0, in: registries.fields, "Lĩnh vực", "field", "unknown-field", "Procedures/_shared (fields)") }
        let level = top["level"].flatMap { decoder.enumValue($0, Level.self) }
        let agency = top["agency"].flatMap { decoder.reference($0, in: registries.agencies, "Cơ quan", "agency", "unknown-agency", "Procedures/_shared (agencies)") }
        let applicants = top["applicants"].flatMap { decoder.list($0) }?.compactMap { decoder.enumValue($0, Applicant.self) } ?? []
        let review = top["review"].flatMap { decoder.textList($0) } ?? []
        let note = top["note"].flatMap { decoder.text($0) }

        // Versions: the top of the file, then each entry of `versions`, each inheriting the sections before it.
        var sections: [String: YAMLNode] = [:]
        for key in LanguageSchema.versionedKeys.map(\.name) { if let node = top[key] { sections[key] = node } }
        var versionInputs: [(effective: ExprDate?, until: ExprDate?, note: String?, sections: [String: YAMLNode], range: SourceRange)] = []
        versionInputs.append((top["effective"].flatMap { decoder.date($0) }, top["until"].flatMap { decoder.date($0) }, nil, sections, top["effective"]?.range ?? MappingReader.headRange(root)))
        if let list = top["versions"].flatMap({ decoder.list($0) }) {
            for item in list {
                guard let reader = MappingReader(item, LanguageSchema.version, diagnostics: &decoder.diagnostics) else { continue }
                for key in LanguageSchema.versionedKeys.map(\.name) { if let node = reader[key] { sections[key] = node } }
                versionInputs.append((reader["effective"].flatMap { decoder.date($0) }, reader["until"].flatMap { decoder.date($0) },
                                      reader["note"].flatMap { decoder.text($0) }, sections, reader["effective"]?.range ?? MappingReader.headRange(item)))
            }
        }
        checkPeriods(versionInputs.map { ($0.effective, $0.until, $0.range) })
        // Budget warnings name the version when there are several.
        versionLabelled = versionInputs.count > 1

        var versions: [ProcedureVersion] = []
        for input in versionInputs {
            if let version = decodeVersion(effective: input.effective, until: input.until, note: input.note, sections: input.sections) {
                versions.append(version)
            } else {
                allVersionsDecoded = false
            }
        }

        let identity = id.map { ProcedureIdentity(id: $0, idRange: top["id"]?.range ?? root.range, code: code, codeRange: top["code"]?.range) }
        var draft: Procedure?
        if let id, let name, let field, let level, let agency, versions.count == versionInputs.count, !versions.isEmpty {
            draft = Procedure(id: id, code: code, name: name, field: field, level: level, agency: agency, applicants: applicants,
                              source: source, versions: versions, tests: [], review: review, note: note)
        }
        if let testsNode = top["tests"], let items = decoder.list(testsNode) {
            var tests: [ProcedureTest] = []
            for item in items {
                if let test = decodeTest(item, versions: versions) { tests.append(test) }
            }
            draft?.tests = tests
        }
        return (draft, identity)
    }

    // MARK: Periods

    mutating func checkPeriods(_ periods: [(effective: ExprDate?, until: ExprDate?, range: SourceRange)]) {
        for (index, period) in periods.enumerated() {
            if let effective = period.effective, let until = period.until, until < effective {
                decoder.report(.dateRangeReversed, at: period.range)
            }
            guard index > 0, let effective = period.effective, let previous = periods[index - 1].effective else { continue }
            let note = [DiagnosticNote(DiagnosticMessage.previousVersionHere, at: periods[index - 1].range)]
            if effective <= previous {
                decoder.report(.versionOrder, at: period.range, notes: note)
            } else if let until = periods[index - 1].until {
                if until >= effective {
                    decoder.report(.versionOverlap(until.iso, effective.iso), at: period.range, notes: note)
                } else if until.nextDay < effective {
                    decoder.report(.versionGap(until.iso, effective.iso), at: period.range, notes: note)
                }
            }
        }
    }

    // MARK: One version

    mutating func decodeVersion(effective: ExprDate?, until: ExprDate?, note: String?, sections: [String: YAMLNode]) -> ProcedureVersion? {
        let channels = sections["channels"].flatMap { decoder.list($0) }?.compactMap { decoder.enumValue($0, Channel.self) }
        let legalBasis = sections["legal_basis"].flatMap { decoder.textList($0) }
        let result = sections["result"].flatMap { decoder.textList($0) }
        var calendar = "vn"
        if let node = sections["calendar"], let id = decoder.identifier(node) {
            if let known = registries.calendars, !known.contains(id) {
                let suggestion = Suggestion.closest(to: id, in: known)
                decoder.report(.unknownReference("Lịch", "calendar", "unknown-calendar", id, registry: "Procedures/calendars", suggestion: suggestion), at: node.range, fixIt: suggestion)
            }
            calendar = id
        }
        for (key, list) in [("channels", channels?.count), ("legal_basis", legalBasis?.count), ("result", result?.count)] {
            if list == 0, let node = sections[key] { decoder.report(.emptyText, at: node.range) }
        }
        var body = VersionBodyDecoder(decoder: decoder, registries: registries)
        body.versionLabel = versionLabelled ? effective : nil
        let facts = sections["facts"].map { body.facts($0) } ?? []
        let papers = sections["papers"].flatMap { body.papers($0) }
        let deadline = sections["deadline"].flatMap { body.deadline($0) }
        let steps = sections["steps"].flatMap { body.steps($0, deadline: deadline) }
        let fee = sections["fee"].flatMap { body.fee($0, channels: channels ?? []) }
        body.reportUnusedFacts(sections["facts"])
        factsWithWrittenDefault.formUnion(body.factsWithWrittenDefault)
        decoder = body.decoder
        guard let effective, let channels, let legalBasis, let result, let papers, let deadline, let steps, let fee else { return nil }
        return ProcedureVersion(effective: effective, until: until, note: note, channels: channels, legalBasis: legalBasis, result: result,
                                calendar: calendar, facts: facts, papers: papers, deadline: deadline, steps: steps, fee: fee)
    }

    // MARK: Tests

    mutating func decodeTest(_ node: YAMLNode, versions: [ProcedureVersion]) -> ProcedureTest? {
        guard let reader = MappingReader(node, LanguageSchema.test, diagnostics: &decoder.diagnostics) else { return nil }
        let name = reader["name"].flatMap { decoder.text($0) }
        let received = reader["received"].flatMap { decoder.instant($0) }
        let channel = reader["channel"].flatMap { decoder.enumValue($0, Channel.self) } ?? .inPerson
        var version: ProcedureVersion?
        if let received {
            version = versions.last { $0.effective <= received.localDate && ($0.until.map { received.localDate <= $0 } ?? true) }
            if version == nil, !versions.isEmpty, allVersionsDecoded, let node = reader["received"] {
                decoder.report(.testNoVersion(received.localDate.iso), at: node.range)
            }
        }
        if let version, !version.channels.contains(channel), let node = reader["channel"] {
            decoder.report(.testChannelNotOffered(channel.rawValue), at: node.range)
        }
        // Facts.
        let facts = reader["facts"].map { decoder.caseFacts($0, version: version, registry: "facts") } ?? [:]
        if let version {
            for fact in version.facts where fact.defaultValue == nil && facts[fact.name] == nil && !factsWithWrittenDefault.contains(fact.name) && !(reader["facts"]?.pairs?.contains { $0.key.scalar?.value == fact.name } ?? false) {
                decoder.report(.testMissingFact(fact.name), at: MappingReader.headRange(node))
            }
        }
        // Papers.
        let papers = reader["papers"].map { decoder.submittedPapers($0, version: version, registry: "papers") } ?? []
        // Fee schedule.
        var feeSchedule: String?
        if let node = reader["fee_schedule"], let id = decoder.identifier(node) {
            if registries.feeSchedules[id] == nil {
                let suggestion = Suggestion.closest(to: id, in: registries.feeSchedules.keys)
                decoder.report(.unknownFeeSchedule(id, suggestion: suggestion), at: node.range, fixIt: suggestion)
            }
            feeSchedule = id
        } else if let version, !version.fee.scheduleKeys.isEmpty, registries.feeSchedules.count > 1 {
            decoder.report(.testNeedsFeeSchedule, at: MappingReader.headRange(node))
        }
        // Expectations.
        var expectation: TestExpectation?
        if let expectNode = reader["expect"], let expect = MappingReader(expectNode, LanguageSchema.expectation, diagnostics: &decoder.diagnostics) {
            let complete = expect["complete"].flatMap { decoder.bool($0) }
            var missing: [String]?
            if let list = expect["missing"].flatMap({ decoder.list($0) }) {
                missing = list.compactMap { item in
                    guard let id = decoder.identifier(item) else { return nil }
                    _ = decoder.checkPaper(id, at: item.range, version: version, registry: "papers")
                    return id
                }
            }
            var fee: Int?
            var feeUndetermined = false
            if let feeNode = expect["fee"] {
                if feeNode.scalar?.value == "undetermined" { feeUndetermined = true } else { fee = decoder.integer(feeNode, minimum: 0) }
            }
            // `due: none`: complete, and no appointment because the law sets no time.
            let due = expect["due"].flatMap { node in node.scalar?.value == TestExpectation.noDue ? TestExpectation.noDue : decoder.instant(node)?.text }
            if complete == false, let dueNode = expect["due"] { decoder.report(.testDueWhenIncomplete, at: dueNode.range) }
            if complete == nil, missing == nil, fee == nil, !feeUndetermined, due == nil, !expect.has("due") { decoder.report(.testExpectsNothing, at: expectNode.range) }
            expectation = TestExpectation(complete: complete, missing: missing, fee: fee, due: due)
            expectation?.feeUndetermined = feeUndetermined
        }
        guard let name, let received, let expectation else { return nil }
        return ProcedureTest(name: name, facts: facts, channel: channel, papers: papers, received: received.text, receivedDate: received.localDate, expect: expectation, line: node.range.start.line, feeSchedule: feeSchedule)
    }
}

extension ExprDate {
    /// `YYYY-MM-DD`.
    var iso: String {
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The following day.
    var nextDay: ExprDate {
        if day < NodeDecoder.daysInMonth(year, month) { return ExprDate(year: year, month: month, day: day + 1) }
        if month < 12 { return ExprDate(year: year, month: month + 1, day: 1) }
        return ExprDate(year: year + 1, month: 1, day: 1)
    }
}
