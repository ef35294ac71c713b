import TTHCDiagnostics
import TTHCModel

/// A problem found while reading an expression, placed in scalar offsets.
struct ExpressionProblem: Sendable, Hashable {
    var message: DiagnosticMessage
    var offset: Int
    var length: Int
    var fixIt: String? = nil
    var notes: [LocalizedText] = []
}

/// A recursive-descent parser over the tokens of one expression. It never fails: after the first
/// syntax error (the only one reported, since later ones are usually its echoes) it fills the tree
/// with `.missing` nodes, so the checker can still report unknown names elsewhere.
///
///     expr       := 'if' expr 'then' expr 'else' expr | or
///     or         := and ('or' and)*
///     and        := not ('and' not)*
///     not        := 'not' not | comparison
///     comparison := additive (('==' | '!=' | '<' | '<=' | '>' | '>=') additive
///                            | 'in' list | 'not' 'in' list)?
///     additive   := multiplicative (('+' | '-') multiplicative)*
///     multiplicative := prefix (('*' | '/') prefix)*
///     prefix     := '-' prefix | primary
///     primary    := literal | name | name '(' (expr (',' expr)*)? ')' | '(' expr ')' | 'if' …
///     list       := '[' (expr (',' expr)* ','?)? ']'
struct ExpressionParser {
    /// Deepest nesting of parentheses, calls, lists, `not`, `-` and `if` accepted.
    static let maximumDepth = 64
    /// Most tokens accepted in one expression.
    static let maximumTokens = 600

    private var tokens: [ExpressionToken]
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var depth = 0
    /// The first syntax error, if any.
    private(set) var syntaxError: ExpressionProblem?
    /// Problems that are not syntax errors (impossible dates), all of them.
    private(set) var otherProblems: [ExpressionProblem] = []

    init(_ source: String) {
        self.tokens = ExpressionLexer.tokenize(source)
        self.scalars = Array(source.unicodeScalars)
    }

    /// Parses a whole expression and reports anything left over.
    static func parse(_ source: String) -> (syntax: ExpressionSyntax, syntaxError: ExpressionProblem?, otherProblems: [ExpressionProblem]) {
        var parser = ExpressionParser(source)
        let syntax = parser.parseAll()
        return (syntax, parser.syntaxError, parser.otherProblems)
    }

    private mutating func parseAll() -> ExpressionSyntax {
        if tokens.count > Self.maximumTokens {
            let end = tokens[tokens.count - 1].offset
            fail(.exprTooComplex, at: 0, length: end)
            return ExpressionSyntax(.missing, from: 0, to: end)
        }
        if current.kind == .end {
            fail(.exprEmpty, at: 0, length: 0)
            return ExpressionSyntax(.missing, from: 0, to: 0)
        }
        let syntax = parseExpression()
        if current.kind != .end {
            unexpected(expected: .operatorOrEnd)
        }
        return syntax
    }

    // MARK: Tokens

    private var current: ExpressionToken { tokens[index] }

    private func peek(_ ahead: Int) -> ExpressionToken {
        tokens[min(index + ahead, tokens.count - 1)]
    }

    /// End of the last token consumed.
    private var lastEnd: Int { index > 0 ? tokens[index - 1].end : 0 }

    @discardableResult
    private mutating func advance() -> ExpressionToken {
        let token = current
        if token.kind != .end { index += 1 }
        return token
    }

    private mutating func fail(_ message: DiagnosticMessage, at offset: Int, length: Int, fixIt: String? = nil) {
        if syntaxError == nil {
            syntaxError = ExpressionProblem(message: message, offset: offset, length: length, fixIt: fixIt)
        }
    }

    /// Reports the current token as unexpected (or its own lexing error if it is invalid).
    private mutating func unexpected(expected: ExpectedSyntax) {
        let token = current
        switch token.kind {
        case .invalid(let message, let fixIt, true):
            fail(message, at: token.offset, length: token.length, fixIt: fixIt)
        default:
            fail(.exprUnexpectedToken(expected: expected, found: describe(token)), at: token.offset, length: token.length)
        }
    }

    /// Consumes `symbol`, or reports what was expected and returns false.
    private mutating func expect(_ symbol: ExpressionToken.Symbol, _ expected: ExpectedSyntax) -> Bool {
        if current.isSymbol(symbol) {
            advance()
            return true
        }
        unexpected(expected: expected)
        return false
    }

    private mutating func expect(_ keyword: ExpressionToken.Keyword) -> Bool {
        if current.isKeyword(keyword) {
            advance()
            return true
        }
        unexpected(expected: .token(keyword.rawValue))
        return false
    }

    /// The token as written, in backquotes, or "the end of the expression".
    private func describe(_ token: ExpressionToken) -> LocalizedText {
        if token.kind == .end { return LocalizedText(vi: "hết biểu thức", en: "the end of the expression") }
        let text = String(String.UnicodeScalarView(scalars[token.offset..<min(token.end, scalars.count)]))
        return LocalizedText(vi: "`\(text)`", en: "`\(text)`")
    }

    // MARK: Grammar

    /// Tracks nesting; returns false (and reports) when too deep.
    private mutating func enter() -> Bool {
        depth += 1
        if depth > Self.maximumDepth {
            fail(.exprTooComplex, at: current.offset, length: current.length)
            index = tokens.count - 1
            return false
        }
        return true
    }

    private mutating func parseExpression() -> ExpressionSyntax {
        guard enter() else { return ExpressionSyntax(.missing, from: current.offset, to: current.offset) }
        defer { depth -= 1 }
        if current.isKeyword(.if) { return parseConditional() }
        return parseOr()
    }

    private mutating func parseConditional() -> ExpressionSyntax {
        let start = advance().offset
        let condition = parseExpression()
        var then = ExpressionSyntax(.missing, from: lastEnd, to: lastEnd)
        var otherwise = then
        if expect(.then) {
            then = parseExpression()
            otherwise = ExpressionSyntax(.missing, from: lastEnd, to: lastEnd)
            if expect(.else) { otherwise = parseExpression() }
        }
        return ExpressionSyntax(.conditional(condition, then: then, else: otherwise), from: start, to: lastEnd)
    }

    private mutating func parseOr() -> ExpressionSyntax {
        var lhs = parseAnd()
        while current.isKeyword(.or) {
            let op = advance()
            let rhs = parseAnd()
            lhs = ExpressionSyntax(.binary(.or, lhs, rhs, operatorOffset: op.offset, operatorLength: op.length), from: lhs.offset, to: rhs.end)
        }
        return lhs
    }

    private mutating func parseAnd() -> ExpressionSyntax {
        var lhs = parseNot()
        while current.isKeyword(.and) {
            let op = advance()
            let rhs = parseNot()
            lhs = ExpressionSyntax(.binary(.and, lhs, rhs, operatorOffset: op.offset, operatorLength: op.length), from: lhs.offset, to: rhs.end)
        }
        return lhs
    }

    private mutating func parseNot() -> ExpressionSyntax {
        guard current.isKeyword(.not) else { return parseComparison() }
        guard enter() else { return ExpressionSyntax(.missing, from: current.offset, to: current.offset) }
        defer { depth -= 1 }
        let start = advance().offset
        let operand = parseNot()
        return ExpressionSyntax(.not(operand), from: start, to: operand.end)
    }

    private mutating func parseComparison() -> ExpressionSyntax {
        let lhs = parseAdditive()
        if case .symbol(let symbol) = current.kind, let comparison = symbol.comparison {
            let op = advance()
            let rhs = parseAdditive()
            rejectChainedComparison()
            return ExpressionSyntax(.binary(.comparison(comparison), lhs, rhs, operatorOffset: op.offset, operatorLength: op.length), from: lhs.offset, to: rhs.end)
        }
        var negated = false
        if current.isKeyword(.not), peek(1).isKeyword(.in) {
            negated = true
        } else if !current.isKeyword(.in) {
            return lhs
        }
        let opStart = current.offset
        if negated { advance() }
        let opEnd = advance().end
        let items = parseList()
        rejectChainedComparison()
        return ExpressionSyntax(.membership(lhs, items, negated: negated, operatorOffset: opStart, operatorLength: opEnd - opStart), from: lhs.offset, to: lastEnd)
    }

    /// `a < b < c` and `a == b in [..]` read as chains, which the language does not have.
    private mutating func rejectChainedComparison() {
        let token = current
        let chained: Bool
        switch token.kind {
        case .symbol(let symbol): chained = symbol.comparison != nil
        case .keyword(.in): chained = true
        case .keyword(.not): chained = peek(1).isKeyword(.in)
        default: chained = false
        }
        if chained { fail(.exprChainedComparison, at: token.offset, length: token.length) }
    }

    private mutating func parseList() -> [ExpressionSyntax] {
        guard expect(.leftBracket, .listAfterIn) else { return [] }
        guard enter() else { return [] }
        defer { depth -= 1 }
        var items: [ExpressionSyntax] = []
        while !current.isSymbol(.rightBracket) {
            items.append(parseExpression())
            if current.isSymbol(.comma) {
                advance()
            } else {
                break
            }
        }
        _ = expect(.rightBracket, .commaOr("]"))
        return items
    }

    private mutating func parseAdditive() -> ExpressionSyntax {
        var lhs = parseMultiplicative()
        while case .symbol(let symbol) = current.kind, symbol == .plus || symbol == .minus {
            let op = advance()
            let rhs = parseMultiplicative()
            let arithmetic: ExprArithmetic = symbol == .plus ? .add : .subtract
            lhs = ExpressionSyntax(.binary(.arithmetic(arithmetic), lhs, rhs, operatorOffset: op.offset, operatorLength: op.length), from: lhs.offset, to: rhs.end)
        }
        return lhs
    }

    private mutating func parseMultiplicative() -> ExpressionSyntax {
        var lhs = parsePrefix()
        while case .symbol(let symbol) = current.kind, symbol == .star || symbol == .slash {
            let op = advance()
            let rhs = parsePrefix()
            let arithmetic: ExprArithmetic = symbol == .star ? .multiply : .divide
            lhs = ExpressionSyntax(.binary(.arithmetic(arithmetic), lhs, rhs, operatorOffset: op.offset, operatorLength: op.length), from: lhs.offset, to: rhs.end)
        }
        return lhs
    }

    private mutating func parsePrefix() -> ExpressionSyntax {
        guard current.isSymbol(.minus) else { return parsePrimary() }
        guard enter() else { return ExpressionSyntax(.missing, from: current.offset, to: current.offset) }
        defer { depth -= 1 }
        let start = advance().offset
        let operand = parsePrefix()
        return ExpressionSyntax(.negate(operand), from: start, to: operand.end)
    }

    private mutating func parsePrimary() -> ExpressionSyntax {
        let token = current
        func literal(_ value: Value) -> ExpressionSyntax {
            advance()
            return ExpressionSyntax(.literal(value), from: token.offset, to: token.end)
        }
        switch token.kind {
        case .integer(let n): return literal(.int(n))
        case .money(let n): return literal(.money(n))
        case .text(let s): return literal(.text(s))
        case .date(let d): return literal(.date(d))
        case .keyword(.true): return literal(.bool(true))
        case .keyword(.false): return literal(.bool(false))
        case .keyword(.if):
            return parseExpression()
        case .identifier(let name):
            advance()
            guard current.isSymbol(.leftParen) else {
                return ExpressionSyntax(.name(name), from: token.offset, to: token.end)
            }
            return parseCall(name, token)
        case .symbol(.leftParen):
            advance()
            var inner = parseExpression()
            _ = expect(.rightParen, .token(")"))
            // The node covers its parentheses, so a diagnostic about it underlines them too.
            inner.offset = token.offset
            inner.length = lastEnd - token.offset
            return inner
        case .invalid(let message, _, false):
            // An impossible date: reported on its own, not as a syntax error.
            otherProblems.append(ExpressionProblem(message: message, offset: token.offset, length: token.length))
            advance()
            return ExpressionSyntax(.missing, from: token.offset, to: token.end)
        case .symbol(.leftBracket):
            fail(.exprListOutsideIn, at: token.offset, length: token.length)
            advance()
            return ExpressionSyntax(.missing, from: token.offset, to: token.end)
        default:
            unexpected(expected: .value)
            // Leave closers and separators for the construct that expects them.
            switch token.kind {
            case .end, .symbol(.rightParen), .symbol(.rightBracket), .symbol(.comma), .keyword(.then), .keyword(.else):
                return ExpressionSyntax(.missing, from: token.offset, to: token.offset)
            default:
                advance()
                return ExpressionSyntax(.missing, from: token.offset, to: token.end)
            }
        }
    }

    private mutating func parseCall(_ name: String, _ nameToken: ExpressionToken) -> ExpressionSyntax {
        guard enter() else { return ExpressionSyntax(.missing, from: nameToken.offset, to: nameToken.end) }
        defer { depth -= 1 }
        advance()  // (
        var args: [ExpressionSyntax] = []
        if !current.isSymbol(.rightParen) {
            while true {
                args.append(parseExpression())
                guard current.isSymbol(.comma) else { break }
                advance()
            }
        }
        _ = expect(.rightParen, .commaOr(")"))
        return ExpressionSyntax(.call(name, nameLength: nameToken.length, args), from: nameToken.offset, to: lastEnd)
    }
}

/// What the parser was looking for when it met something else.
enum ExpectedSyntax: Sendable, Hashable {
    /// a literal, a name, `(` …
    case value
    /// an operator, or nothing more
    case operatorOrEnd
    /// one exact token such as `)` or `then`
    case token(String)
    /// `,` or the closing bracket
    case commaOr(String)
    /// `[` after `in`
    case listAfterIn

    var text: LocalizedText {
        switch self {
        case .value:
            LocalizedText(vi: "một giá trị (số, ngày, chuỗi, tên hoặc `(`)", en: "a value (a number, date, text, name or `(`)")
        case .operatorOrEnd:
            LocalizedText(vi: "một toán tử hoặc hết biểu thức", en: "an operator or the end of the expression")
        case .token(let token):
            LocalizedText(vi: "`\(token)`", en: "`\(token)`")
        case .commaOr(let closer):
            LocalizedText(vi: "`,` hoặc `\(closer)`", en: "`,` or `\(closer)`")
        case .listAfterIn:
            LocalizedText(vi: "một danh sách `[…]` sau `in`", en: "a list `[…]` after `in`")
        }
    }
}
