/// Collects diagnostics from every stage of a run; failure is decided at the end, from the
/// severities collected (STYLE.md 7: collect, don't throw).
public struct DiagnosticBag: Sendable, Hashable {
    /// Everything reported so far, in the order it was reported.
    public private(set) var all: [Diagnostic] = []

    /// An empty bag.
    public init() {}

    /// Adds one diagnostic.
    public mutating func report(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    /// Adds a declared message at a place.
    public mutating func report(_ message: DiagnosticMessage, at range: SourceRange, notes: [DiagnosticNote] = [], fixIt: String? = nil) {
        all.append(Diagnostic(message, at: range, notes: notes, fixIt: fixIt))
    }

    /// Adds many diagnostics.
    public mutating func append(contentsOf other: some Sequence<Diagnostic>) {
        all.append(contentsOf: other)
    }

    /// Whether any error was reported.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// The number of errors.
    public var errorCount: Int { all.count { $0.severity == .error } }

    /// The number of warnings.
    public var warningCount: Int { all.count { $0.severity == .warning } }

    /// The diagnostics ordered by file, line and column (stable for equal places), for printing.
    public var sorted: [Diagnostic] {
        all.enumerated().sorted { a, b in
            let l = a.element.range, r = b.element.range
            if l.file != r.file { return l.file < r.file }
            if l.start != r.start { return l.start < r.start }
            return a.offset < b.offset
        }.map(\.element)
    }
}
