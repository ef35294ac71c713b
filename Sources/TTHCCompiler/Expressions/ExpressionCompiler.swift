import TTHCDiagnostics
import TTHCModel

/// The names an expression may use: the procedure's declared facts, and the built-ins.
public struct ExpressionScope: Sendable {
    /// The procedure's declared facts and their types.
    public var facts: [String: ValueType]

    /// Creates a scope over the declared facts.
    public init(facts: [String: ValueType]) {
        self.facts = facts
    }

    /// The built-ins present in every scope: `channel` (enumeration `channel`: `in_person`, `online`,
    /// `postal`) and `received` (date, the local date of receipt). A declared fact of the same name
    /// takes precedence; the procedure checker should reject such facts.
    public static let builtins: [String: ValueType] = Dictionary(
        uniqueKeysWithValues: ExprBuiltin.allCases.map { ($0.rawValue, $0.type) }
    )
}

/// Compiles the text of a `when:` condition or an amount into a checked `Expr`.
public enum ExpressionCompiler {
    /// `source` is the text of a YAML scalar; `range` is where that text starts (already past any opening quote),
    /// so columns inside the scalar map to `range.slice(fromColumnOffset:length:)` (count offsets in Unicode scalars).
    /// `expecting` nil means any type. Returns nil (and reports) when the text does not parse or does not type-check.
    ///
    /// Every mistake is reported, each at its own place: the first syntax error, every impossible
    /// date, and every naming and type mistake (after a syntax error, only naming mistakes).
    public static func compile(
        _ source: String,
        at range: SourceRange,
        expecting: ValueType?,
        scope: ExpressionScope,
        diagnostics: inout DiagnosticBag
    ) -> Expr? {
        compileTyped(source, at: range, expecting: expecting, scope: scope, diagnostics: &diagnostics)?.expr
    }

    /// Like `compile`, and also returns the expression's type (`expecting` itself when one is given).
    public static func compileTyped(
        _ source: String,
        at range: SourceRange,
        expecting: ValueType?,
        scope: ExpressionScope,
        diagnostics: inout DiagnosticBag
    ) -> (expr: Expr, type: ValueType)? {
        let (syntax, syntaxError, otherProblems) = ExpressionParser.parse(source)
        var checker = ExpressionChecker(scope: scope, namesOnly: syntaxError != nil)
        let typed = checker.checkRoot(syntax, expecting: expecting)
        var problems = otherProblems + checker.problems
        if let syntaxError { problems.append(syntaxError) }
        // In source order; `sorted` on the enumeration keeps equal places in reporting order.
        problems = problems.enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map(\.element)
        for problem in problems {
            diagnostics.report(
                problem.message,
                at: range.slice(fromColumnOffset: problem.offset, length: problem.length),
                notes: problem.notes.map { DiagnosticNote($0) },
                fixIt: problem.fixIt
            )
        }
        guard problems.isEmpty, let typed else { return nil }
        return typed
    }
}
