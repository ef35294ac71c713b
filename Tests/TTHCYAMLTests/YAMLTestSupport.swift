import Testing
import TTHCDiagnostics
@testable import TTHCYAML

/// A location in a YAML file (the diagnostics module's, not Swift Testing's).
typealias Loc = TTHCDiagnostics.SourceLocation

/// The file name every test parses under.
let testFile = "Procedures/ho-tich/khai-sinh.yaml"

/// What one parse produced.
struct Parsed {
    var document: YAMLDocument
    var diagnostics: [Diagnostic]

    var root: YAMLNode? { document.root }
    var codes: [String] { diagnostics.map(\.code) }
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// The diagnostics with `code`.
    func with(_ code: String) -> [Diagnostic] { diagnostics.filter { $0.code == code } }
}

/// Parses `text` through `parse(text:)`.
func parse(_ text: String, file: String = testFile) -> Parsed {
    var bag = DiagnosticBag()
    let document = YAMLParser.parse(text: text, file: file, diagnostics: &bag)
    return Parsed(document: document, diagnostics: bag.all)
}

/// Parses raw bytes through `parse(bytes:)`.
func parse(bytes: [UInt8], file: String = testFile) -> Parsed {
    var bag = DiagnosticBag()
    let document = YAMLParser.parse(bytes: bytes, file: file, diagnostics: &bag)
    return Parsed(document: document, diagnostics: bag.all)
}

/// Parses `text`, which must be free of diagnostics, and returns its root.
func valid(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> YAMLNode? {
    let parsed = parse(text)
    #expect(parsed.diagnostics.isEmpty, "\(text.debugDescription): \(parsed.diagnostics.map { "\($0.code) \($0.range): \($0.message.en)" })", sourceLocation: sourceLocation)
    #expect(parsed.root != nil, "\(text.debugDescription) gave no root", sourceLocation: sourceLocation)
    return parsed.root
}

/// `line:column`.
func loc(_ line: Int, _ column: Int) -> Loc { Loc(line: line, column: column) }

/// A range in the test file from `start` to `end`.
func range(_ start: (Int, Int), _ end: (Int, Int), file: String = testFile) -> SourceRange {
    SourceRange(file: file, start: loc(start.0, start.1), end: loc(end.0, end.1))
}

extension YAMLNode {
    /// The value of the first pair whose key is the scalar `key`.
    subscript(key: String) -> YAMLNode? {
        pairs?.first { $0.key.scalar?.value == key }?.value
    }

    /// The item at `index`, if this is a sequence long enough.
    subscript(index: Int) -> YAMLNode? {
        guard let items, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// Every pair whose key is the scalar `key` (duplicates included).
    func pairs(named key: String) -> [YAMLPair] {
        (pairs ?? []).filter { $0.key.scalar?.value == key }
    }

    /// The key texts in order.
    var keys: [String] { (pairs ?? []).map { $0.key.scalar?.value ?? "<non-scalar>" } }

    /// The scalar text, if a scalar.
    var text: String? { scalar?.value }
}

/// A small deterministic generator (SplitMix64) so fuzz cases are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
