import Foundation
import Testing

/// Keeps Docs/diagnostics.md from going stale (STYLE.md 8): every stable code that the sources
/// declare must have its own section in the reference, and every section must name a code that
/// the sources still declare.
@Suite("Diagnostics documentation")
struct DiagnosticsDocumentationTests {
    /// The package root, from this file's place (`Tests/TTHCCompilerTests/…`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("Every code declared in Sources/ has a section in Docs/diagnostics.md")
    func everyCodeIsDocumented() throws {
        let declared = try Self.declaredCodes()
        let documented = try Self.documentedCodes()
        // Sanity: the scan must find the codes of every layer, or it is scanning the wrong files.
        for code in ["duplicate-key", "unknown-key", "unknown-field", "duplicate-step", "expr-syntax", "version-gap", "calendar-unknown"] {
            #expect(declared.keys.contains(code), "the scan of Sources/ did not find '\(code)'")
        }
        let missing = declared.keys.filter { !documented.contains($0) }.sorted()
        #expect(missing.isEmpty, "codes missing from Docs/diagnostics.md: \(missing.map { "\($0) (\(declared[$0] ?? ""))" }.joined(separator: ", "))")
    }

    @Test("Every section of Docs/diagnostics.md names a code the sources declare")
    func noSectionIsStale() throws {
        let declared = try Self.declaredCodes()
        let stale = try Self.documentedCodes().filter { declared[$0] == nil }.sorted()
        #expect(stale.isEmpty, "Docs/diagnostics.md documents codes no source declares: \(stale.joined(separator: ", "))")
    }

    /// Codes declared in `Sources/**/*.swift`, each with the first file that declares it:
    /// - `.error("code"` and `.warning("code"`, also with the code on the next line;
    /// - codes passed as a string argument to the helpers that build messages from a code
    ///   (`unknownReference`, `duplicateID`, `reference`), such as `"unknown-field"`;
    /// - the calendar library's `"calendar-…"` codes.
    static func declaredCodes() throws -> [String: String] {
        let sources = root.appendingPathComponent("Sources")
        let patterns = try [
            #"\.(?:error|warning)\(\s*"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)""#,
            #"(?:unknownReference|duplicateID|reference)\((?:[^()]|\([^()]*\))*?"((?:unknown|duplicate)-[a-z0-9-]+)""#,
            #""(calendar-[a-z0-9-]+)""#,
        ].map { try NSRegularExpression(pattern: $0) }
        var codes: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(atPath: sources.path) else { return [:] }
        for case let relative as String in walker where relative.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for pattern in patterns {
                for match in pattern.matches(in: text, range: range) {
                    guard let r = Range(match.range(at: 1), in: text) else { continue }
                    let code = String(text[r])
                    if codes[code] == nil { codes[code] = "Sources/" + relative }
                }
            }
        }
        return codes
    }

    /// Codes with a section heading in Docs/diagnostics.md: a line `### \`code\`` (or `##`).
    static func documentedCodes() throws -> Set<String> {
        let text = try String(contentsOf: root.appendingPathComponent("Docs/diagnostics.md"), encoding: .utf8)
        var codes = Set<String>()
        for line in text.split(separator: "\n") where line.hasPrefix("## `") || line.hasPrefix("### `") {
            let parts = line.split(separator: "`")
            if parts.count >= 2 { codes.insert(String(parts[1])) }
        }
        return codes
    }
}
