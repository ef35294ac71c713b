/// A checked expression of the condition language: a `when:` condition or a computed amount.
///
/// The compiler (`ExpressionCompiler` in TTHCCompiler) builds these from the text of a YAML scalar
/// after resolving every name and checking every type, so an `Expr` from the compiler is well typed:
/// `evaluate(in:)` can only fail on a missing fact, a division by zero or an overflow. Parentheses
/// are not kept (`sourceText` puts back those the precedence needs), and implicit widening of an
/// `int` to `money` is explicit as `asMoney`.
public indirect enum Expr: Sendable, Hashable, Codable {
    /// A constant: `true`, `2_000`, `2_000đ`, `"Hà Nội"`, `2026-01-01`, or a bare enum case such as
    /// `poor_household` (`Value.enumCase`).
    case literal(Value)
    /// The value of a declared fact of the procedure.
    case fact(String)
    /// A value the engine supplies: `channel` or `received`.
    case builtin(ExprBuiltin)
    /// `not x`.
    case not(Expr)
    /// `a and b`, evaluated left to right; `b` is not evaluated when `a` is false.
    case and(Expr, Expr)
    /// `a or b`, evaluated left to right; `b` is not evaluated when `a` is true.
    case or(Expr, Expr)
    /// `a == b`, `a < b` and the other comparisons.
    case compare(ExprComparison, Expr, Expr)
    /// `x in [a, b, …]`, or `x not in [a, b, …]` when `negated`.
    case membership(Expr, [Expr], negated: Bool)
    /// `a + b`, `a - b`, `a * b`, `a / b` (floor division).
    case arithmetic(ExprArithmetic, Expr, Expr)
    /// `-x`.
    case negate(Expr)
    /// `min(…)`, `max(…)`, `clamp(x, lo, hi)`, `ceil_div(a, b)`.
    case call(ExprFunction, [Expr])
    /// `if c then a else b`; only the chosen branch is evaluated.
    case conditional(Expr, then: Expr, else: Expr)
    /// An `int` used where `money` is expected (inserted by the type checker; printed as its operand).
    case asMoney(Expr)
}

/// The values the engine supplies to every expression.
public enum ExprBuiltin: String, Sendable, Hashable, Codable, CaseIterable {
    /// How the dossier was submitted: `in_person`, `online` or `postal` (`ValueType.channel`).
    case channel
    /// The local date on which the dossier was received.
    case received

    /// The built-in's type.
    public var type: ValueType {
        switch self {
        case .channel: .channel
        case .received: .date
        }
    }
}

/// A comparison operator; the raw value is how it is written.
public enum ExprComparison: String, Sendable, Hashable, Codable, CaseIterable {
    /// `==`
    case equal = "=="
    /// `!=`
    case notEqual = "!="
    /// `<`
    case less = "<"
    /// `<=`
    case lessOrEqual = "<="
    /// `>`
    case greater = ">"
    /// `>=`
    case greaterOrEqual = ">="

    /// Whether the operator orders its operands (and so needs numbers or dates), rather than testing
    /// equality.
    public var isOrdering: Bool { self != .equal && self != .notEqual }
}

/// An arithmetic operator; the raw value is how it is written.
public enum ExprArithmetic: String, Sendable, Hashable, Codable, CaseIterable {
    /// `+`
    case add = "+"
    /// `-`
    case subtract = "-"
    /// `*`
    case multiply = "*"
    /// `/`: floor division (rounds toward minus infinity; on non-negative numbers, drops the remainder).
    case divide = "/"
}

/// A function of the language; the raw value is its name.
public enum ExprFunction: String, Sendable, Hashable, Codable, CaseIterable {
    /// `min(a, b, …)`: the smallest argument (numbers or dates).
    case min
    /// `max(a, b, …)`: the largest argument (numbers or dates).
    case max
    /// `clamp(x, lo, hi)`: `min(max(x, lo), hi)`.
    case clamp
    /// `ceil_div(a, b)`: `a / b` rounded up (toward plus infinity).
    case ceilDiv = "ceil_div"

    /// The fewest arguments the function takes.
    public var minimumArguments: Int {
        switch self {
        case .min, .max, .ceilDiv: 2
        case .clamp: 3
        }
    }

    /// The most arguments the function takes, or nil for no limit.
    public var maximumArguments: Int? {
        switch self {
        case .min, .max: nil
        case .clamp: 3
        case .ceilDiv: 2
        }
    }
}

extension Expr {
    /// The names of the facts the expression reads, anywhere in it (also in branches that a given
    /// evaluation would skip).
    public var factNames: Set<String> {
        var names: Set<String> = []
        visit { if case .fact(let name) = $0 { names.insert(name) } }
        return names
    }

    /// The built-ins the expression reads.
    public var builtins: Set<ExprBuiltin> {
        var found: Set<ExprBuiltin> = []
        visit { if case .builtin(let b) = $0 { found.insert(b) } }
        return found
    }

    /// The direct subexpressions, left to right.
    public var children: [Expr] {
        switch self {
        case .literal, .fact, .builtin: []
        case .not(let x), .negate(let x), .asMoney(let x): [x]
        case .and(let a, let b), .or(let a, let b), .compare(_, let a, let b), .arithmetic(_, let a, let b): [a, b]
        case .membership(let x, let items, _): [x] + items
        case .call(_, let args): args
        case .conditional(let c, let a, let b): [c, a, b]
        }
    }

    /// Calls `body` on this expression and every subexpression, parents before children.
    public func visit(_ body: (Expr) -> Void) {
        body(self)
        for child in children { child.visit(body) }
    }
}
