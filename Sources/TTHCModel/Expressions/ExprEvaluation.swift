/// What an expression is evaluated against: the dossier's facts and the built-ins.
public struct ExprEnvironment: Sendable {
    /// The values of the procedure's facts, by name (defaults already applied by the caller).
    public var facts: [String: Value]
    /// The built-in `channel`: `in_person`, `online` or `postal`.
    public var channel: String
    /// The built-in `received`: the local date of receipt, if known.
    public var received: ExprDate?

    /// Creates an environment.
    public init(facts: [String: Value] = [:], channel: String = "in_person", received: ExprDate? = nil) {
        self.facts = facts
        self.channel = channel
        self.received = received
    }
}

/// Why an evaluation failed. A checked expression fails only with the first three; `typeMismatch`
/// means the expression was not checked or a fact's value does not have the fact's type.
public enum ExprEvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The environment has no value for this fact.
    case missingFact(String)
    /// The expression reads `received` and the environment has no date of receipt.
    case missingReceivedDate
    /// A division (`/` or `ceil_div`) by zero.
    case divisionByZero
    /// A result outside the 64-bit integer range.
    case overflow
    /// An operation met a value of a type it does not take.
    case typeMismatch(operation: String, value: Value)

    public var description: String {
        switch self {
        case .missingFact(let name): "no value for the fact `\(name)`"
        case .missingReceivedDate: "no date of receipt for `received`"
        case .divisionByZero: "division by zero"
        case .overflow: "arithmetic overflow"
        case .typeMismatch(let operation, let value): "`\(operation)` cannot take the value \(value)"
        }
    }
}

extension Expr {
    /// Evaluates the expression. `and`, `or` and `if` evaluate only what they need, left to right;
    /// integer arithmetic is overflow-checked and reports `.overflow` instead of trapping.
    public func evaluate(in env: ExprEnvironment) throws(ExprEvaluationError) -> Value {
        try evaluate(env)
    }

    /// The value of the expression when it does not depend on the environment: non-nil exactly when
    /// evaluation, left to right with short-circuits, reads no fact or built-in and does not fail.
    /// So `1 + 2` is 3, `false and on_time` is false, `if true then 1 else copies` is 1, but
    /// `on_time and false` and `1 / 0` are nil.
    public var constantValue: Value? {
        try? evaluate(nil)
    }

    /// Evaluates against `env`, or with no environment at all (constant folding), where reading a
    /// fact or built-in fails.
    private func evaluate(_ env: ExprEnvironment?) throws(ExprEvaluationError) -> Value {
        switch self {
        case .literal(let value):
            return value
        case .fact(let name):
            guard let value = env?.facts[name] else { throw .missingFact(name) }
            return value
        case .builtin(.channel):
            guard let env else { throw .missingFact(ExprBuiltin.channel.rawValue) }
            return .enumCase(env.channel)
        case .builtin(.received):
            guard let env else { throw .missingFact(ExprBuiltin.received.rawValue) }
            guard let date = env.received else { throw .missingReceivedDate }
            return .date(date)
        case .not(let x):
            return .bool(try !x.evaluate(env).bool("not"))
        case .and(let a, let b):
            guard try a.evaluate(env).bool("and") else { return .bool(false) }
            return .bool(try b.evaluate(env).bool("and"))
        case .or(let a, let b):
            if try a.evaluate(env).bool("or") { return .bool(true) }
            return .bool(try b.evaluate(env).bool("or"))
        case .compare(let op, let a, let b):
            let lhs = try a.evaluate(env), rhs = try b.evaluate(env)
            switch op {
            case .equal: return .bool(try Value.equal(lhs, rhs))
            case .notEqual: return .bool(try !Value.equal(lhs, rhs))
            case .less: return .bool(try Value.less(lhs, rhs, op.rawValue))
            case .lessOrEqual: return .bool(try !Value.less(rhs, lhs, op.rawValue))
            case .greater: return .bool(try Value.less(rhs, lhs, op.rawValue))
            case .greaterOrEqual: return .bool(try !Value.less(lhs, rhs, op.rawValue))
            }
        case .membership(let x, let items, let negated):
            let subject = try x.evaluate(env)
            for item in items {
                if try Value.equal(subject, item.evaluate(env)) { return .bool(!negated) }
            }
            return .bool(negated)
        case .arithmetic(let op, let a, let b):
            return try Value.arithmetic(op, a.evaluate(env), b.evaluate(env))
        case .negate(let x):
            let value = try x.evaluate(env)
            let (n, isMoney) = try value.number("-")
            let (result, overflow) = 0.subtractingReportingOverflow(n)
            if overflow { throw .overflow }
            return isMoney ? .money(result) : .int(result)
        case .call(let function, let args):
            var values: [Value] = []
            for arg in args { values.append(try arg.evaluate(env)) }
            return try Value.call(function, values)
        case .conditional(let c, let a, let b):
            return try c.evaluate(env).bool("if") ? a.evaluate(env) : b.evaluate(env)
        case .asMoney(let x):
            return .money(try x.evaluate(env).number("money").0)
        }
    }
}

extension Value {
    fileprivate func bool(_ operation: String) throws(ExprEvaluationError) -> Bool {
        guard case .bool(let b) = self else { throw .typeMismatch(operation: operation, value: self) }
        return b
    }

    /// The amount and whether it is money.
    fileprivate func number(_ operation: String) throws(ExprEvaluationError) -> (Int, Bool) {
        switch self {
        case .int(let n): return (n, false)
        case .money(let n): return (n, true)
        default: throw .typeMismatch(operation: operation, value: self)
        }
    }

    /// Equality, with an `int` and a `money` compared by amount; values of unrelated kinds do not compare.
    fileprivate static func equal(_ a: Value, _ b: Value) throws(ExprEvaluationError) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)), (.int(let x), .money(let y)), (.money(let x), .int(let y)), (.money(let x), .money(let y)):
            return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.date(let x), .date(let y)): return x == y
        case (.text(let x), .text(let y)): return x == y
        case (.enumCase(let x), .enumCase(let y)): return x == y
        default: throw .typeMismatch(operation: "==", value: b)
        }
    }

    /// Order on numbers and dates.
    fileprivate static func less(_ a: Value, _ b: Value, _ operation: String) throws(ExprEvaluationError) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)), (.int(let x), .money(let y)), (.money(let x), .int(let y)), (.money(let x), .money(let y)):
            return x < y
        case (.date(let x), .date(let y)):
            return x < y
        case (.int, _), (.money, _), (.date, _):
            throw .typeMismatch(operation: operation, value: b)
        default:
            throw .typeMismatch(operation: operation, value: a)
        }
    }

    fileprivate static func arithmetic(_ op: ExprArithmetic, _ a: Value, _ b: Value) throws(ExprEvaluationError) -> Value {
        let (x, xMoney) = try a.number(op.rawValue)
        let (y, yMoney) = try b.number(op.rawValue)
        let result: (partialValue: Int, overflow: Bool)
        switch op {
        case .add: result = x.addingReportingOverflow(y)
        case .subtract: result = x.subtractingReportingOverflow(y)
        case .multiply: result = x.multipliedReportingOverflow(by: y)
        case .divide: result = try floorDivide(x, y)
        }
        if result.overflow { throw .overflow }
        return xMoney || yMoney ? .money(result.partialValue) : .int(result.partialValue)
    }

    private static func floorDivide(_ x: Int, _ y: Int) throws(ExprEvaluationError) -> (partialValue: Int, overflow: Bool) {
        guard y != 0 else { throw .divisionByZero }
        let (q, overflow) = x.dividedReportingOverflow(by: y)
        if overflow { return (q, true) }
        let r = x % y
        return (r != 0 && (r < 0) != (y < 0)) ? (q - 1, false) : (q, false)
    }

    private static func ceilDivide(_ x: Int, _ y: Int) throws(ExprEvaluationError) -> (partialValue: Int, overflow: Bool) {
        guard y != 0 else { throw .divisionByZero }
        let (q, overflow) = x.dividedReportingOverflow(by: y)
        if overflow { return (q, true) }
        let r = x % y
        return (r != 0 && (r < 0) == (y < 0)) ? (q + 1, false) : (q, false)
    }

    fileprivate static func call(_ function: ExprFunction, _ args: [Value]) throws(ExprEvaluationError) -> Value {
        let name = function.rawValue
        guard args.count >= function.minimumArguments, args.count <= (function.maximumArguments ?? .max),
              let first = args.first
        else { throw .typeMismatch(operation: name, value: args.first ?? .bool(false)) }
        let anyMoney = args.contains { if case .money = $0 { true } else { false } }
        func widened(_ v: Value) -> Value {
            if anyMoney, case .int(let n) = v { return .money(n) }
            return v
        }
        switch function {
        case .min, .max:
            var best = first
            for value in args.dropFirst() {
                let better = function == .min ? try less(value, best, name) : try less(best, value, name)
                if better { best = value }
            }
            return widened(best)
        case .clamp:
            let (x, lo, hi) = (args[0], args[1], args[2])
            var result = try less(x, lo, name) ? lo : x
            if try less(hi, result, name) { result = hi }
            return widened(result)
        case .ceilDiv:
            let (x, xMoney) = try first.number(name)
            let (y, yMoney) = try args[1].number(name)
            let (q, overflow) = try ceilDivide(x, y)
            if overflow { throw .overflow }
            return xMoney || yMoney ? .money(q) : .int(q)
        }
    }
}
