extension Expr {
    /// The canonical text of the expression, which parses back to the same `Expr`: single spaces
    /// around binary operators, `_` between thousands (`200_000`), `đ` after money literals, and
    /// parentheses only where precedence needs them (an `if` that is an operand is always
    /// parenthesised). Implicit widening (`asMoney`) is not shown.
    public var sourceText: String {
        Self.print(self, atLeast: Precedence.conditional)
    }

    /// Binding strength, loosest first.
    private enum Precedence {
        static let conditional = 0
        static let or = 1
        static let and = 2
        static let not = 3
        static let comparison = 4
        static let additive = 5
        static let multiplicative = 6
        static let prefix = 7
        static let primary = 8
    }

    private var precedence: Int {
        switch self {
        case .conditional: Precedence.conditional
        case .or: Precedence.or
        case .and: Precedence.and
        case .not: Precedence.not
        case .compare, .membership: Precedence.comparison
        case .arithmetic(.add, _, _), .arithmetic(.subtract, _, _): Precedence.additive
        case .arithmetic: Precedence.multiplicative
        case .negate: Precedence.prefix
        case .asMoney(let x): x.precedence
        case .literal, .fact, .builtin, .call: Precedence.primary
        }
    }

    private static func print(_ e: Expr, atLeast minimum: Int) -> String {
        let text: String
        switch e {
        case .literal(let value):
            text = value.description
        case .fact(let name):
            text = name
        case .builtin(let builtin):
            text = builtin.rawValue
        case .not(let x):
            text = "not " + print(x, atLeast: Precedence.not)
        case .and(let a, let b):
            text = print(a, atLeast: Precedence.and) + " and " + print(b, atLeast: Precedence.and + 1)
        case .or(let a, let b):
            text = print(a, atLeast: Precedence.or) + " or " + print(b, atLeast: Precedence.or + 1)
        case .compare(let op, let a, let b):
            text = print(a, atLeast: Precedence.additive) + " \(op.rawValue) " + print(b, atLeast: Precedence.additive)
        case .membership(let x, let items, let negated):
            let list = items.map { print($0, atLeast: Precedence.conditional) }.joined(separator: ", ")
            text = print(x, atLeast: Precedence.additive) + (negated ? " not in [" : " in [") + list + "]"
        case .arithmetic(let op, let a, let b):
            let level = e.precedence
            text = print(a, atLeast: level) + " \(op.rawValue) " + print(b, atLeast: level + 1)
        case .negate(let x):
            text = "-" + print(x, atLeast: Precedence.prefix)
        case .call(let function, let args):
            text = function.rawValue + "(" + args.map { print($0, atLeast: Precedence.conditional) }.joined(separator: ", ") + ")"
        case .conditional(let c, let a, let b):
            text = "if \(print(c, atLeast: Precedence.conditional)) then \(print(a, atLeast: Precedence.conditional)) else \(print(b, atLeast: Precedence.conditional))"
        case .asMoney(let x):
            return print(x, atLeast: minimum)
        }
        // A looser expression gets parentheses; so an `if` has them everywhere but at the top, in an
        // argument, a list item or a branch (its `else` would otherwise swallow what follows).
        return e.precedence < minimum ? "(" + text + ")" : text
    }
}
