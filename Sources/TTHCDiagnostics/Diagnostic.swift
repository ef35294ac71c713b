/// How serious a diagnostic is. An error makes `tthc lint` fail; a warning does not.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    /// Something to look at; the catalogue still compiles.
    case warning
    /// The file cannot be compiled as written.
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// A secondary message attached to a diagnostic, with its own place (for example the first of two
/// duplicate keys).
public struct DiagnosticNote: Sendable, Hashable, Codable {
    /// The note's text.
    public var message: LocalizedText
    /// Where it points, if anywhere.
    public var range: SourceRange?

    /// Creates a note.
    public init(_ message: LocalizedText, at range: SourceRange? = nil) {
        self.message = message
        self.range = range
    }
}

/// One finding about the user's input: a stable code, a severity, a place, a message in both
/// languages, notes with their own places, and an optional replacement text the user probably meant.
///
/// Diagnostics are values: stages collect them and never throw on user mistakes (STYLE.md 5 and 7).
public struct Diagnostic: Sendable, Hashable, Codable {
    /// Stable identifier, listed in `Docs/diagnostics.md` (for example `unknown-key`).
    public var code: String
    /// Error or warning.
    public var severity: Severity
    /// Where the mistake is.
    public var range: SourceRange
    /// What is wrong, in Vietnamese and English.
    public var message: LocalizedText
    /// Further places and explanations.
    public var notes: [DiagnosticNote]
    /// A replacement for the text at `range` that would fix the mistake, when one is known.
    public var fixIt: String?

    /// Creates a diagnostic.
    public init(
        code: String,
        severity: Severity,
        range: SourceRange,
        message: LocalizedText,
        notes: [DiagnosticNote] = [],
        fixIt: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.range = range
        self.message = message
        self.notes = notes
        self.fixIt = fixIt
    }

    /// Creates a diagnostic from a declared message.
    public init(_ message: DiagnosticMessage, at range: SourceRange, notes: [DiagnosticNote] = [], fixIt: String? = nil) {
        self.init(code: message.code, severity: message.severity, range: range, message: message.text, notes: notes, fixIt: fixIt)
    }
}

/// A message as declared beside the code that emits it: code, severity and text (STYLE.md 6).
public struct DiagnosticMessage: Sendable, Hashable {
    /// The stable code.
    public var code: String
    /// Error or warning.
    public var severity: Severity
    /// The text in both languages.
    public var text: LocalizedText

    /// Declares an error message.
    public static func error(_ code: String, vi: String, en: String) -> DiagnosticMessage {
        DiagnosticMessage(code: code, severity: .error, text: LocalizedText(vi: vi, en: en))
    }

    /// Declares a warning message.
    public static func warning(_ code: String, vi: String, en: String) -> DiagnosticMessage {
        DiagnosticMessage(code: code, severity: .warning, text: LocalizedText(vi: vi, en: en))
    }
}
