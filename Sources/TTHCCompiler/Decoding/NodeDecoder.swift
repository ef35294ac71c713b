import Foundation
import TTHCDiagnostics
import TTHCModel
import TTHCCalendar
import TTHCYAML

/// Reads the keys of one mapping against its object description: reports unknown keys (with a
/// "did you mean"), missing required keys and non-scalar keys, all in one pass, and hands out the
/// value of each known key (the first one when a key is duplicated; the YAML layer reports that).
struct MappingReader {
    let node: YAMLNode
    let spec: ObjectSpec
    private(set) var values: [String: YAMLNode] = [:]
    private(set) var keyRanges: [String: SourceRange] = [:]

    /// Nil (after reporting) when `node` is not a mapping.
    init?(_ node: YAMLNode, _ spec: ObjectSpec, diagnostics: inout DiagnosticBag) {
        guard let pairs = node.pairs else {
            diagnostics.report(.expectedShape("một bảng khóa–giá trị (\(spec.name.vi))", "a mapping (\(spec.name.en))", foundVi: node.kindName(.vi), foundEn: node.kindName(.en)), at: node.range)
            return nil
        }
        self.node = node
        self.spec = spec
        for pair in pairs {
            guard let key = pair.key.scalar?.value else {
                diagnostics.report(.keyNotText, at: pair.key.range)
                continue
            }
            guard spec.key(key) != nil else {
                let suggestion = Suggestion.closest(to: key, in: spec.keys.map(\.name))
                diagnostics.report(.unknownKey(key, in: spec.name, suggestion: suggestion), at: pair.key.range, fixIt: suggestion)
                continue
            }
            if values[key] == nil {
                values[key] = pair.value
                keyRanges[key] = pair.key.range
            }
        }
        for key in spec.keys where key.required && values[key.name] == nil {
            diagnostics.report(.missingKey(key.name, in: spec.name), at: Self.headRange(node))
        }
    }

    /// The value of `key`, nil when absent or written as null.
    subscript(_ key: String) -> YAMLNode? {
        guard let value = values[key] else { return nil }
        if let scalar = value.scalar, scalar.isNull, key != "default" { return nil }
        return value
    }

    /// Whether the key is written at all.
    func has(_ key: String) -> Bool { values[key] != nil }

    /// The range of the mapping's first line, where "missing key" errors point.
    static func headRange(_ node: YAMLNode) -> SourceRange {
        if let first = node.pairs?.first { return first.key.range }
        return node.range
    }
}

/// Decodes scalars by the schema (never by YAML 1.1 guessing), reporting each mistake at its place.
struct NodeDecoder {
    var diagnostics = DiagnosticBag()
    /// The file's text, for pointing inside scalars (expressions); split into lines only when an
    /// expression has a diagnostic to place.
    var sourceText: String = ""

    /// The file's lines (LF or CRLF).
    var sourceLines: [Substring] {
        sourceText.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }

    mutating func report(_ message: DiagnosticMessage, at range: SourceRange, notes: [DiagnosticNote] = [], fixIt: String? = nil) {
        diagnostics.report(message, at: range, notes: notes, fixIt: fixIt)
    }

    /// A scalar's text, or nil (after reporting) when the node is a collection.
    mutating func scalarText(_ node: YAMLNode, vi: String = "một giá trị đơn", en: String = "a scalar") -> String? {
        guard let scalar = node.scalar else {
            report(.expectedShape(vi, en, foundVi: node.kindName(.vi), foundEn: node.kindName(.en)), at: node.range)
            return nil
        }
        return scalar.value
    }

    /// Non-empty human text.
    mutating func text(_ node: YAMLNode) -> String? {
        guard let value = scalarText(node, vi: "một đoạn văn bản", en: "text") else { return nil }
        let trimmed = Self.trimmed(value)
        if trimmed.isEmpty {
            report(.emptyText, at: node.range)
            return nil
        }
        return trimmed
    }

    /// The text without leading and trailing white space (block scalars end with a newline).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return text }
        var view = Substring(text).unicodeScalars
        while let f = view.first, f.properties.isWhitespace { view.removeFirst() }
        while let l = view.last, l.properties.isWhitespace { view.removeLast() }
        return String(view)
    }

    /// An identifier.
    mutating func identifier(_ node: YAMLNode) -> String? {
        guard let value = scalarText(node, vi: "một mã", en: "an id") else { return nil }
        guard Self.isIdentifier(value) else {
            report(.badIdentifier(value), at: node.range)
            return nil
        }
        return value
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }

    /// A whole number with optional `_` separators and sign.
    mutating func integer(_ node: YAMLNode, minimum: Int? = nil, maximum: Int? = nil) -> Int? {
        guard let value = scalarText(node, vi: "một số nguyên", en: "a whole number") else { return nil }
        guard let number = Self.parseInteger(value) else {
            report(.badInteger(value), at: node.range)
            return nil
        }
        if let minimum, number < minimum, maximum == nil {
            report(.integerTooSmall(number, minimum: minimum), at: node.range)
            return nil
        }
        if (minimum.map { number < $0 } ?? false) || (maximum.map { number > $0 } ?? false) {
            report(.integerOutOfRange(number, minimum, maximum), at: node.range)
            return nil
        }
        return number
    }

    static func parseInteger(_ text: String) -> Int? {
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if digits.first == "-" { negative = true; digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.first != "_", digits.last != "_",
              digits.allSatisfy({ ("0"..."9").contains($0) || $0 == "_" }) else { return nil }
        guard let n = Int(digits.filter { $0 != "_" }) else { return nil }
        return negative ? -n : n
    }

    /// `true` or `false`, nothing else.
    mutating func bool(_ node: YAMLNode) -> Bool? {
        guard let value = scalarText(node, vi: "true hoặc false", en: "true or false") else { return nil }
        switch value {
        case "true": return true
        case "false": return false
        default:
            report(.badBool(value), at: node.range, fixIt: ["yes", "on", "True", "TRUE", "y", "Yes"].contains(value) ? "true" : (["no", "off", "False", "FALSE", "n", "No"].contains(value) ? "false" : nil))
            return nil
        }
    }

    /// A real date `YYYY-MM-DD`.
    mutating func date(_ node: YAMLNode) -> ExprDate? {
        guard let value = scalarText(node, vi: "một ngày YYYY-MM-DD", en: "a date YYYY-MM-DD") else { return nil }
        guard let date = Self.parseDate(value) else {
            report(.badDate(value), at: node.range)
            return nil
        }
        return date
    }

    static func parseDate(_ text: String) -> ExprDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
              (1...12).contains(m), d >= 1, d <= daysInMonth(y, m) else { return nil }
        return ExprDate(year: y, month: m, day: d)
    }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// An `HH:MM` time.
    mutating func time(_ node: YAMLNode) -> TimeOfDay? {
        guard let value = scalarText(node, vi: "một giờ \"HH:MM\"", en: "a time \"HH:MM\"") else { return nil }
        guard let time = TimeOfDay(value) else {
            report(.badTime(value), at: node.range)
            return nil
        }
        return time
    }

    /// An ISO 8601 instant with an explicit offset; returns the text and its local date.
    mutating func instant(_ node: YAMLNode) -> (text: String, localDate: ExprDate)? {
        guard let value = scalarText(node, vi: "một thời điểm ISO 8601", en: "an ISO 8601 instant") else { return nil }
        guard let parsed = Self.parseInstant(value) else {
            report(.badInstant(value), at: node.range)
            return nil
        }
        return (value, parsed)
    }

    /// Checks `YYYY-MM-DDTHH:MM[:SS][+HH:MM|Z]` and returns the local date as written.
    static func parseInstant(_ text: String) -> ExprDate? {
        let parts = text.split(separator: "T", maxSplits: 1)
        guard parts.count == 2, let date = parseDate(String(parts[0])) else { return nil }
        var rest = Substring(parts[1])
        var zone: Substring = ""
        if rest.hasSuffix("Z") { zone = "Z"; rest = rest.dropLast() } else if let i = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            zone = rest[i...]
            rest = rest[..<i]
        }
        guard !zone.isEmpty else { return nil }
        if zone != "Z" {
            let z = zone.dropFirst().split(separator: ":")
            guard z.count == 2, let zh = Int(z[0]), let zm = Int(z[1]), z[0].count == 2, z[1].count == 2, zh <= 14, zm < 60 else { return nil }
        }
        let clock = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(clock.count), clock.allSatisfy({ $0.count == 2 && $0.allSatisfy { ("0"..."9").contains($0) } }),
              let h = Int(clock[0]), let m = Int(clock[1]), h < 24, m < 60 else { return nil }
        if clock.count == 3, let s = Int(clock[2]), s >= 60 { return nil }
        return date
    }

    /// One of fixed words, with a suggestion for a near miss.
    mutating func word(_ node: YAMLNode, _ allowed: [String]) -> String? {
        guard let value = scalarText(node) else { return nil }
        guard allowed.contains(value) else {
            let suggestion = Suggestion.closest(to: value, in: allowed)
            report(.notOneOf(value, allowed, suggestion: suggestion), at: node.range, fixIt: suggestion)
            return nil
        }
        return value
    }

    /// A raw-valued enum.
    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ node: YAMLNode, _: E.Type) -> E? where E.RawValue == String {
        word(node, E.allCases.map(\.rawValue)).flatMap(E.init(rawValue:))
    }

    /// The items of a list; a single scalar is not accepted as a list.
    mutating func list(_ node: YAMLNode, vi: String = "một danh sách", en: String = "a list") -> [YAMLNode]? {
        guard let items = node.items else {
            report(.expectedShape(vi, en, foundVi: node.kindName(.vi), foundEn: node.kindName(.en)), at: node.range)
            return nil
        }
        return items
    }

    /// A list of texts.
    mutating func textList(_ node: YAMLNode) -> [String]? {
        guard let items = list(node, vi: "một danh sách văn bản", en: "a list of texts") else { return nil }
        return items.compactMap { text($0) }
    }

    /// A scalar or list of identifiers.
    mutating func identifierList(_ node: YAMLNode) -> [(String, SourceRange)] {
        if node.scalar != nil { return identifier(node).map { [($0, node.range)] } ?? [] }
        guard let items = list(node) else { return [] }
        return items.compactMap { item in identifier(item).map { ($0, item.range) } }
    }

    /// The range where an expression's text starts inside a scalar (after an opening quote).
    static func contentRange(_ node: YAMLNode) -> SourceRange {
        guard let scalar = node.scalar else { return node.range }
        switch scalar.style {
        case .singleQuoted, .doubleQuoted:
            return SourceRange(file: node.range.file, start: SourceLocation(line: node.range.start.line, column: node.range.start.column + 1), end: node.range.end)
        default:
            return node.range
        }
    }
}
