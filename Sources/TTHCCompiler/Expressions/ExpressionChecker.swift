import TTHCDiagnostics
import TTHCModel

/// Resolves the names of a parsed expression and checks its types, producing a typed `Expr` and
/// problems placed in scalar offsets.
///
/// Each `check` returns nil when the node is wrong (the problem already reported) or missing; a
/// parent whose child is nil checks its other children and then gives up silently, so one mistake
/// gives one diagnostic. After a syntax error only naming mistakes are reported (`namesOnly`), since
/// the types of a half-parsed tree would mislead.
struct ExpressionChecker {
    typealias Typed = (expr: Expr, type: ValueType)

    let scope: ExpressionScope
    let namesOnly: Bool
    private(set) var problems: [ExpressionProblem] = []

    init(scope: ExpressionScope, namesOnly: Bool) {
        self.scope = scope
        self.namesOnly = namesOnly
    }

    // MARK: Reporting

    private mutating func report(_ message: DiagnosticMessage, at node: ExpressionSyntax, fixIt: String? = nil, notes: [LocalizedText] = []) {
        report(message, offset: node.offset, length: node.length, fixIt: fixIt, notes: notes)
    }

    private mutating func report(_ message: DiagnosticMessage, offset: Int, length: Int, fixIt: String? = nil, notes: [LocalizedText] = []) {
        let naming = ["expr-unknown-name", "expr-unknown-enum-value", "expr-unknown-function"]
        if namesOnly, !naming.contains(message.code) { return }
        problems.append(ExpressionProblem(message: message, offset: offset, length: length, fixIt: fixIt, notes: notes))
    }

    // MARK: Types

    /// The common type of two types: equal types, or `money` for an `int` and a `money`.
    static func join(_ a: ValueType, _ b: ValueType) -> ValueType? {
        if a == b { return a }
        if a.isNumeric, b.isNumeric { return .money }
        return nil
    }

    /// `typed` as a value of `type`, widening an `int` to `money`; `type` must be a join of its type.
    static func widen(_ typed: Typed, to type: ValueType) -> Expr {
        typed.type == .int && type == .money ? .asMoney(typed.expr) : typed.expr
    }

    /// Checks the whole expression against the type the caller expects, if any.
    mutating func checkRoot(_ node: ExpressionSyntax, expecting: ValueType?) -> Typed? {
        guard let typed = check(node, hint: expecting) else { return nil }
        guard let expecting else { return typed }
        if Self.join(typed.type, expecting) == expecting {
            return (Self.widen(typed, to: expecting), expecting)
        }
        report(.exprUnexpectedType(expected: expecting, found: typed.type), at: node)
        return nil
    }

    /// Whether `node` is a bare name that only a context could resolve (not a fact or built-in).
    private func isContextualName(_ node: ExpressionSyntax) -> Bool {
        guard case .name(let name) = node.kind else { return false }
        return scope.facts[name] == nil && ExpressionScope.builtins[name] == nil
    }

    // MARK: Checking

    /// Checks `node`. `hint` is the type the context would like, used to resolve bare enum values
    /// (the caller still checks the type it gets).
    mutating func check(_ node: ExpressionSyntax, hint: ValueType?) -> Typed? {
        switch node.kind {
        case .missing:
            return nil
        case .literal(let value):
            let type: ValueType
            switch value {
            case .bool: type = .bool
            case .int: type = .int
            case .money: type = .money
            case .date: type = .date
            case .text: type = .text
            case .enumCase: return nil  // the parser makes no enum literals
            }
            return (.literal(value), type)
        case .name(let name):
            return resolve(name, node, hint: hint)
        case .not(let operand):
            guard let x = check(operand, hint: .bool) else { return nil }
            guard x.type == .bool else {
                report(.exprNonBooleanOperand("not", found: x.type), at: operand)
                return nil
            }
            return (.not(x.expr), .bool)
        case .negate(let operand):
            guard let x = check(operand, hint: nil) else { return nil }
            guard x.type.isNumeric else {
                report(.exprNonNumericOperand("-", found: x.type), at: operand)
                return nil
            }
            return (.negate(x.expr), x.type)
        case .binary(let op, let lhs, let rhs, let opOffset, let opLength):
            switch op {
            case .and, .or:
                return checkLogical(op, lhs, rhs)
            case .comparison(let comparison):
                return checkComparison(comparison, lhs, rhs, opOffset: opOffset, opLength: opLength)
            case .arithmetic(let arithmetic):
                return checkArithmetic(arithmetic, lhs, rhs, opOffset: opOffset, opLength: opLength)
            }
        case .membership(let subject, let items, let negated, _, _):
            return checkMembership(subject, items, negated: negated)
        case .conditional(let condition, let then, let otherwise):
            return checkConditional(condition, then, otherwise, hint: hint)
        case .call(let name, let nameLength, let args):
            return checkCall(name, nameLength: nameLength, args, node)
        }
    }

    /// A bare name: an enum case the context wants, a fact, a built-in, or a mistake.
    private mutating func resolve(_ name: String, _ node: ExpressionSyntax, hint: ValueType?) -> Typed? {
        if let hint, case .enumeration(_, let cases) = hint, cases.contains(name) {
            return (.literal(.enumCase(name)), hint)
        }
        if let type = scope.facts[name] { return (.fact(name), type) }
        if let builtin = ExprBuiltin(rawValue: name) { return (.builtin(builtin), builtin.type) }
        if case .enumeration(let enumeration, let cases)? = hint {
            let suggestion = Suggestion.closest(to: name, in: cases)
            report(.exprUnknownEnumValue(name, enumeration: enumeration, cases: cases, suggestion: suggestion), at: node, fixIt: suggestion)
            return nil
        }
        let candidates = scope.facts.keys.sorted() + ExpressionScope.builtins.keys.sorted() + ["true", "false"]
        let suggestion = Suggestion.closest(to: name, in: candidates)
        var notes: [LocalizedText] = []
        let owners = scope.facts.filter { entry in
            if case .enumeration(_, let cases) = entry.value { return cases.contains(name) }
            return false
        }.keys.sorted()
        if let owner = owners.first {
            notes.append(LocalizedText(
                vi: "`\(name)` là một giá trị của dữ kiện `\(owner)`: hãy viết `\(owner) == \(name)`.",
                en: "`\(name)` is a value of the fact `\(owner)`: write `\(owner) == \(name)`."
            ))
        } else if suggestion == nil {
            let names = candidates.dropLast(2).joined(separator: ", ")
            notes.append(LocalizedText(vi: "Các tên dùng được: \(names).", en: "The names in scope are \(names)."))
        }
        report(.exprUnknownName(name, suggestion: suggestion), at: node, fixIt: suggestion, notes: notes)
        return nil
    }

    private mutating func checkLogical(_ op: ExpressionSyntax.BinaryOperator, _ lhs: ExpressionSyntax, _ rhs: ExpressionSyntax) -> Typed? {
        let a = check(lhs, hint: .bool), b = check(rhs, hint: .bool)
        var ok = true
        for (side, typed) in [(lhs, a), (rhs, b)] {
            if let typed, typed.type != .bool {
                report(.exprNonBooleanOperand(op.spelling, found: typed.type), at: side)
                ok = false
            }
        }
        guard ok, let a, let b else { return nil }
        return (op == .and ? .and(a.expr, b.expr) : .or(a.expr, b.expr), .bool)
    }

    /// Checks two operands, the second in the light of the first's type (or the reverse when the
    /// first is a bare enum value, as in `poor_household == applicant`).
    private mutating func checkPair(_ lhs: ExpressionSyntax, _ rhs: ExpressionSyntax) -> (Typed?, Typed?) {
        if isContextualName(lhs), !isContextualName(rhs) {
            let b = check(rhs, hint: nil)
            return (check(lhs, inContextOf: b), b)
        }
        let a = check(lhs, hint: nil)
        return (a, check(rhs, inContextOf: a))
    }

    /// Checks `node` with the type of `context` as its hint; when the context itself is wrong, a bare
    /// name that only it could resolve is left alone (one mistake, one diagnostic).
    private mutating func check(_ node: ExpressionSyntax, inContextOf context: Typed?) -> Typed? {
        if context == nil, isContextualName(node) { return nil }
        return check(node, hint: context?.type)
    }

    private mutating func checkComparison(_ op: ExprComparison, _ lhs: ExpressionSyntax, _ rhs: ExpressionSyntax, opOffset: Int, opLength: Int) -> Typed? {
        let (a, b) = checkPair(lhs, rhs)
        guard let a, let b else { return nil }
        guard let type = Self.join(a.type, b.type) else {
            report(.exprUncomparableTypes(a.type, b.type), offset: opOffset, length: opLength)
            return nil
        }
        if op.isOrdering, !type.isOrdered {
            report(.exprUnorderedType(op.rawValue, type), offset: opOffset, length: opLength)
            return nil
        }
        return (.compare(op, Self.widen(a, to: type), Self.widen(b, to: type)), .bool)
    }

    private mutating func checkMembership(_ subject: ExpressionSyntax, _ items: [ExpressionSyntax], negated: Bool) -> Typed? {
        var checkedItems: [Typed?] = Array(repeating: nil, count: items.count)
        var checked = Array(repeating: false, count: items.count)
        var hint: ValueType?
        if isContextualName(subject) {
            // `poor_household in [applicant]` is odd but legal: take the type from the first item that has one.
            for (index, item) in items.enumerated() where !isContextualName(item) {
                checkedItems[index] = check(item, hint: nil)
                checked[index] = true
                if let type = checkedItems[index]?.type { hint = type; break }
            }
        }
        guard let x = check(subject, hint: hint) else {
            for (index, item) in items.enumerated() where !checked[index] { _ = check(item, inContextOf: nil) }
            return nil
        }
        var type = x.type
        var ok = true
        for (index, item) in items.enumerated() {
            if !checked[index] { checkedItems[index] = check(item, hint: x.type) }
            guard let typed = checkedItems[index] else { ok = false; continue }
            guard let joined = Self.join(type, typed.type) else {
                report(.exprListItemType(typed.type, subject: x.type), at: item)
                ok = false
                continue
            }
            type = joined
        }
        guard ok else { return nil }
        let exprs = checkedItems.compactMap { $0 }.map { Self.widen($0, to: type) }
        return (.membership(Self.widen(x, to: type), exprs, negated: negated), .bool)
    }

    private mutating func checkArithmetic(_ op: ExprArithmetic, _ lhs: ExpressionSyntax, _ rhs: ExpressionSyntax, opOffset: Int, opLength: Int) -> Typed? {
        let a = check(lhs, hint: nil), b = check(rhs, hint: nil)
        guard let a, let b else { return nil }
        guard let type = Self.arithmeticType(op, a.type, b.type) else {
            report(.exprInvalidOperands(op.rawValue, a.type, b.type), offset: opOffset, length: opLength)
            return nil
        }
        if op == .divide, !checkDivisor(b, rhs) { return nil }
        // Addition and subtraction widen an int operand; a product or quotient keeps its int factor.
        let widenOperands = op == .add || op == .subtract
        let l = widenOperands ? Self.widen(a, to: type) : a.expr
        let r = widenOperands ? Self.widen(b, to: type) : b.expr
        return (.arithmetic(op, l, r), type)
    }

    /// The result type of `a op b`, or nil when the operator does not apply:
    /// int∘int → int; money ± money, money ± int, int ± money → money; money × int, int × money → money;
    /// money ÷ int → money.
    static func arithmeticType(_ op: ExprArithmetic, _ a: ValueType, _ b: ValueType) -> ValueType? {
        guard a.isNumeric, b.isNumeric else { return nil }
        switch op {
        case .add, .subtract: return join(a, b)
        case .multiply: return a == .money && b == .money ? nil : join(a, b)
        case .divide: return b == .int ? a : nil
        }
    }

    /// Reports a divisor that is always zero; returns false then.
    private mutating func checkDivisor(_ divisor: Typed, _ node: ExpressionSyntax) -> Bool {
        switch divisor.expr.constantValue {
        case .int(0)?, .money(0)?:
            report(.exprDivisionByZero, at: node)
            return false
        default:
            return true
        }
    }

    private mutating func checkConditional(_ condition: ExpressionSyntax, _ then: ExpressionSyntax, _ otherwise: ExpressionSyntax, hint: ValueType?) -> Typed? {
        let c = check(condition, hint: .bool)
        if let c, c.type != .bool {
            report(.exprNonBooleanOperand("if", found: c.type), at: condition)
        }
        let (a, b): (Typed?, Typed?)
        if hint == nil {
            if isContextualName(then), !isContextualName(otherwise) {
                let second = check(otherwise, hint: nil)
                (a, b) = (check(then, inContextOf: second), second)
            } else {
                let first = check(then, hint: nil)
                (a, b) = (first, check(otherwise, inContextOf: first))
            }
        } else {
            (a, b) = (check(then, hint: hint), check(otherwise, hint: hint))
        }
        guard let c, c.type == .bool, let a, let b else { return nil }
        guard let type = Self.join(a.type, b.type) else {
            report(.exprBranchTypes(a.type, b.type), at: otherwise)
            return nil
        }
        return (.conditional(c.expr, then: Self.widen(a, to: type), else: Self.widen(b, to: type)), type)
    }

    private mutating func checkCall(_ name: String, nameLength: Int, _ args: [ExpressionSyntax], _ node: ExpressionSyntax) -> Typed? {
        guard let function = ExprFunction(rawValue: name) else {
            let suggestion = Suggestion.closest(to: name, in: ExprFunction.allCases.map(\.rawValue))
            report(.exprUnknownFunction(name, suggestion: suggestion), offset: node.offset, length: nameLength, fixIt: suggestion)
            for arg in args { _ = check(arg, hint: nil) }
            return nil
        }
        let typedArgs = args.map { check($0, hint: nil) }
        if args.count < function.minimumArguments || args.count > (function.maximumArguments ?? .max) {
            report(.exprWrongArgumentCount(function, given: args.count), offset: node.offset, length: nameLength)
            return nil
        }
        guard typedArgs.allSatisfy({ $0 != nil }) else { return nil }
        let typed = typedArgs.compactMap { $0 }
        switch function {
        case .min, .max, .clamp:
            var type: ValueType?
            for (arg, t) in zip(args, typed) {
                guard t.type.isOrdered else {
                    report(.exprInvalidArgument(function, found: t.type), at: arg)
                    return nil
                }
                guard let current = type else { type = t.type; continue }
                guard let joined = Self.join(current, t.type) else {
                    report(.exprMismatchedArguments(function, current, t.type), at: arg)
                    return nil
                }
                type = joined
            }
            guard let type else { return nil }
            return (.call(function, typed.map { Self.widen($0, to: type) }), type)
        case .ceilDiv:
            let (a, b) = (typed[0], typed[1])
            guard let type = Self.arithmeticType(.divide, a.type, b.type) else {
                report(.exprInvalidOperands(function.rawValue, a.type, b.type), offset: node.offset, length: nameLength)
                return nil
            }
            guard checkDivisor(b, args[1]) else { return nil }
            return (.call(function, [a.expr, b.expr]), type)
        }
    }
}
