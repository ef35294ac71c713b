import TTHCModel

/// The located surface syntax of an expression, before names are resolved and types checked.
/// Offsets and lengths count Unicode scalars from the start of the scalar's text.
struct ExpressionSyntax: Sendable, Hashable {
    indirect enum Kind: Sendable, Hashable {
        /// `true`, `2_000`, `2_000đ`, `"Hà Nội"`, `2026-01-01`
        case literal(Value)
        /// A bare identifier: a fact, a built-in, or an enum case (decided by the checker).
        case name(String)
        /// `f(a, b)`; the name is at the node's start, `nameLength` scalars long.
        case call(String, nameLength: Int, [ExpressionSyntax])
        case not(ExpressionSyntax)
        case negate(ExpressionSyntax)
        /// `and`, `or`, comparisons and arithmetic; the operator's own place is kept for messages.
        case binary(BinaryOperator, ExpressionSyntax, ExpressionSyntax, operatorOffset: Int, operatorLength: Int)
        /// `x in [a, b]`, `x not in [a, b]`
        case membership(ExpressionSyntax, [ExpressionSyntax], negated: Bool, operatorOffset: Int, operatorLength: Int)
        case conditional(ExpressionSyntax, then: ExpressionSyntax, else: ExpressionSyntax)
        /// Where the parser found nothing usable; the error is already reported.
        case missing
    }

    enum BinaryOperator: Sendable, Hashable {
        case and, or
        case comparison(ExprComparison)
        case arithmetic(ExprArithmetic)

        var spelling: String {
            switch self {
            case .and: "and"
            case .or: "or"
            case .comparison(let op): op.rawValue
            case .arithmetic(let op): op.rawValue
            }
        }
    }

    var kind: Kind
    var offset: Int
    var length: Int

    var end: Int { offset + length }

    /// The node spanning `first` to `last`.
    init(_ kind: Kind, from first: Int, to last: Int) {
        self.kind = kind
        self.offset = first
        self.length = max(0, last - first)
    }
}
