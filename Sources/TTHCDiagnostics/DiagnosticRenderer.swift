public import Foundation

/// Turns diagnostics into the text a person reads:
///
///     Procedures/x.yaml:12:5: error: message [code]
///        12 |     working_day: 3
///           |     ^~~~~~~~~~~
///
/// then each note the same way, and colour only when asked for (a terminal).
public struct DiagnosticRenderer: Sendable {
    /// The language of the messages.
    public var language: Language
    /// Whether to colour severities with ANSI escapes (only for a terminal).
    public var colored: Bool
    /// The source texts by path, for the snippet lines; a missing file gives no snippet.
    public var sources: [String: String]

    /// Creates a renderer.
    public init(language: Language = .vi, colored: Bool = false, sources: [String: String] = [:]) {
        self.language = language
        self.colored = colored
        self.sources = sources
    }

    /// Renders all diagnostics in order, each followed by its snippet and notes.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    /// Renders one diagnostic with its snippet and notes, ending with a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        let severity = paint(diagnostic.severity.rawValue, diagnostic.severity == .error ? "31" : "33")
        out += "\(location(diagnostic.range)): \(severity): \(diagnostic.message.text(language)) [\(diagnostic.code)]\n"
        out += snippet(diagnostic.range)
        if let fixIt = diagnostic.fixIt {
            let label = language == .vi ? "sửa thành" : "fix"
            out += "      = \(label): \(fixIt)\n"
        }
        for note in diagnostic.notes {
            if let range = note.range {
                out += "\(location(range)): \(paint("note", "36")): \(note.message.text(language))\n"
                out += snippet(range)
            } else {
                out += "      = \(paint("note", "36")): \(note.message.text(language))\n"
            }
        }
        return out
    }

    /// A one-line summary such as `2 lỗi, 1 cảnh báo` (vi) or `2 errors, 1 warning` (en).
    public func summary(errors: Int, warnings: Int, files: Int) -> String {
        switch language {
        case .vi:
            return "\(files) tệp: \(errors) lỗi, \(warnings) cảnh báo"
        case .en:
            func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
            return "\(plural(files, "file")): \(plural(errors, "error")), \(plural(warnings, "warning"))"
        }
    }

    private func location(_ range: SourceRange) -> String {
        "\(range.file):\(range.start.line):\(range.start.column)"
    }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[1;\(code)m\(text)\u{1B}[0m" : text
    }

    private func snippet(_ range: SourceRange) -> String {
        guard let text = sources[range.file] else { return "" }
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        let index = range.start.line - 1
        guard lines.indices.contains(index) else { return "" }
        let line = String(lines[index]).replacingOccurrences(of: "\r", with: "")
        let scalars = Array(line.unicodeScalars)
        let number = String(range.start.line)
        let gutter = String(repeating: " ", count: max(number.count, 4))
        let startColumn = max(1, min(range.start.column, scalars.count + 1))
        var width = 1
        if range.end.line == range.start.line, range.end.column > startColumn {
            width = min(range.end.column, scalars.count + 1) - startColumn
        }
        // Keep tabs so the caret lines up under a tab-indented line; count what the terminal shows
        // (characters), so decomposed accents do not push the caret right.
        let before = String(String.UnicodeScalarView(scalars.prefix(startColumn - 1)))
        let pad = before.map { $0 == "\t" ? "\t" : " " }.joined()
        let marker = "^" + String(repeating: "~", count: max(width - 1, 0))
        let paddedNumber = String(repeating: " ", count: gutter.count - number.count) + number
        return "\(paddedNumber) | \(line)\n\(gutter) | \(pad)\(paint(marker, "32"))\n"
    }
}

/// The machine-readable form of diagnostics (`--format json`): one object per diagnostic with the
/// file, 1-based line and column, end, severity, code, message in the chosen language and notes.
public struct DiagnosticJSON: Sendable {
    /// The language of the messages.
    public var language: Language

    /// Creates a JSON renderer.
    public init(language: Language = .vi) {
        self.language = language
    }

    struct Entry: Encodable {
        var file: String
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int
        var severity: String
        var code: String
        var message: String
        var fixIt: String?
        var notes: [Note]
    }

    struct Note: Encodable {
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
    }

    /// Renders the diagnostics as a pretty-printed JSON array with sorted keys.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        let entries = diagnostics.map { d in
            Entry(
                file: d.range.file, line: d.range.start.line, column: d.range.start.column,
                endLine: d.range.end.line, endColumn: d.range.end.column,
                severity: d.severity.rawValue, code: d.code, message: d.message.text(language),
                fixIt: d.fixIt,
                notes: d.notes.map { Note(message: $0.message.text(language), file: $0.range?.file, line: $0.range?.start.line, column: $0.range?.start.column) }
            )
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(entries) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
