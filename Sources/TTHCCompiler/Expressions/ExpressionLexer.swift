import TTHCDiagnostics
import TTHCModel

/// One token of an expression, placed by offset and length in Unicode scalars from the start of
/// the scalar's text.
struct ExpressionToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// `200_000`
        case integer(Int)
        /// `2_000đ`, `2_000 đ`, `2_000₫`
        case money(Int)
        /// `"Hà Nội"`, already unescaped
        case text(String)
        /// `2026-01-01`, a real date
        case date(ExprDate)
        /// a name: fact, built-in, enum case or function
        case identifier(String)
        case keyword(Keyword)
        case symbol(Symbol)
        /// Something the lexer could not read, with the message to report when the parser reaches
        /// it; `isSyntax` is false for a well-formed but impossible date (reported as `expr-bad-date`).
        case invalid(DiagnosticMessage, fixIt: String?, isSyntax: Bool)
        case end
    }

    enum Keyword: String, Sendable, Hashable, CaseIterable {
        case `true`, `false`, and, or, not, `in`, `if`, then, `else`
    }

    enum Symbol: String, Sendable, Hashable, CaseIterable {
        case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]", comma = ","
        case equal = "==", notEqual = "!=", lessOrEqual = "<=", less = "<", greaterOrEqual = ">=", greater = ">"
        case plus = "+", minus = "-", star = "*", slash = "/"

        var comparison: ExprComparison? { ExprComparison(rawValue: rawValue) }
    }

    var kind: Kind
    var offset: Int
    var length: Int

    var end: Int { offset + length }

    func isKeyword(_ keyword: Keyword) -> Bool { kind == .keyword(keyword) }
    func isSymbol(_ symbol: Symbol) -> Bool { kind == .symbol(symbol) }
}

/// Splits the text of an expression into tokens. It never fails: what it cannot read becomes an
/// `.invalid` token carrying its diagnostic, for the parser to report in source order.
struct ExpressionLexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    /// All tokens, ending with `.end`.
    static func tokenize(_ source: String) -> [ExpressionToken] {
        var lexer = ExpressionLexer(source)
        var tokens: [ExpressionToken] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let index = position + ahead
        return index < scalars.count ? scalars[index] : nil
    }

    static func isDigit(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        return ("0"..."9").contains(s)
    }

    static func isIdentifierStart(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        return s == "_" || s.properties.isAlphabetic
    }

    static func isIdentifierContinue(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return isIdentifierStart(s) || isDigit(s)
        }
    }

    private static func isMoneySign(_ s: Unicode.Scalar?) -> Bool { s == "đ" || s == "₫" }

    private mutating func next() -> ExpressionToken {
        while let s = peek(), s.properties.isWhitespace { position += 1 }
        let start = position
        func token(_ kind: ExpressionToken.Kind) -> ExpressionToken {
            ExpressionToken(kind: kind, offset: start, length: position - start)
        }
        guard let s = peek() else { return token(.end) }

        if Self.isDigit(s) { return number() }
        if s == "\"" { return text() }
        if Self.isIdentifierStart(s) {
            while Self.isIdentifierContinue(peek()) { position += 1 }
            let word = String(String.UnicodeScalarView(scalars[start..<position]))
            if let keyword = ExpressionToken.Keyword(rawValue: word) { return token(.keyword(keyword)) }
            return token(.identifier(word))
        }
        for symbol in ExpressionToken.Symbol.allCases {
            let spelling = Array(symbol.rawValue.unicodeScalars)
            if scalars[start...].starts(with: spelling) {
                position += spelling.count
                return token(.symbol(symbol))
            }
        }
        // Symbols from other languages, with the spelling this one uses.
        for (spelling, replacement, message) in [
            ("&&", "and", DiagnosticMessage.exprForeignOperator("&&", use: "and")),
            ("||", "or", DiagnosticMessage.exprForeignOperator("||", use: "or")),
            ("=", "==", DiagnosticMessage.exprSingleEquals),
            ("!", "not", DiagnosticMessage.exprForeignOperator("!", use: "not")),
        ] where scalars[start...].starts(with: Array(spelling.unicodeScalars)) {
            position += spelling.unicodeScalars.count
            return token(.invalid(message, fixIt: replacement, isSyntax: true))
        }
        position += 1
        return token(.invalid(.exprUnexpectedCharacter(Character(s)), fixIt: nil, isSyntax: true))
    }

    /// An integer, a money amount with its `đ`, or a `YYYY-MM-DD` date.
    private mutating func number() -> ExpressionToken {
        let start = position
        func token(_ kind: ExpressionToken.Kind) -> ExpressionToken {
            ExpressionToken(kind: kind, offset: start, length: position - start)
        }
        func invalid(_ message: DiagnosticMessage, isSyntax: Bool = true) -> ExpressionToken {
            token(.invalid(message, fixIt: nil, isSyntax: isSyntax))
        }
        var digits = ""
        var misplacedUnderscore = false
        while let s = peek(), Self.isDigit(s) || s == "_" {
            if s == "_", !Self.isDigit(peek(1)) { misplacedUnderscore = true }
            if s != "_" { digits.unicodeScalars.append(s) }
            position += 1
        }
        // A date: four digits, then `-` and digits with no space (`2026-01-01`, or the malformed `2026-1-1`).
        if position - start == 4, digits.count == 4, peek() == "-", Self.isDigit(peek(1)) {
            return date(start: start)
        }
        if peek() == ".", Self.isDigit(peek(1)) {
            position += 1
            while Self.isDigit(peek()) || peek() == "." || peek() == "_" { position += 1 }
            // `2.000` written the Vietnamese way, with dots between thousands: offer `2_000`.
            let written = String(String.UnicodeScalarView(scalars[start..<position]))
            let groups = written.split(separator: ".", omittingEmptySubsequences: false)
            let thousands = groups.count > 1 && (1...3).contains(groups[0].count)
                && groups.allSatisfy { $0.allSatisfy(\.isNumber) } && groups.dropFirst().allSatisfy { $0.count == 3 }
            return token(.invalid(.exprDecimalPoint, fixIt: thousands ? groups.joined(separator: "_") : nil, isSyntax: true))
        }
        if Self.isIdentifierStart(peek()), !Self.isMoneySign(peek()) {
            while Self.isIdentifierContinue(peek()) { position += 1 }
            return invalid(.exprMalformedNumber)
        }
        if misplacedUnderscore { return invalid(.exprMisplacedUnderscore) }
        guard let value = Int(digits) else { return invalid(.exprNumberTooLarge) }
        // The money suffix, possibly after spaces, when not the start of a longer word (`đồng`).
        var lookahead = position
        while lookahead < scalars.count, scalars[lookahead] == " " { lookahead += 1 }
        if lookahead < scalars.count, Self.isMoneySign(scalars[lookahead]),
           !Self.isIdentifierContinue(lookahead + 1 < scalars.count ? scalars[lookahead + 1] : nil) {
            position = lookahead + 1
            return token(.money(value))
        }
        return token(.integer(value))
    }

    private mutating func date(start: Int) -> ExpressionToken {
        position = start
        var fields: [String] = [""]
        while let s = peek(), Self.isDigit(s) || (s == "-" && Self.isDigit(peek(1))) {
            if s == "-" { fields.append("") } else { fields[fields.count - 1].unicodeScalars.append(s) }
            position += 1
        }
        var trailing = false
        while Self.isIdentifierContinue(peek()) { position += 1; trailing = true }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        func token(_ kind: ExpressionToken.Kind) -> ExpressionToken {
            ExpressionToken(kind: kind, offset: start, length: position - start)
        }
        guard !trailing, fields.count == 3, fields[0].count == 4, fields[1].count == 2, fields[2].count == 2,
              let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2])
        else { return token(.invalid(.exprMalformedDate(text), fixIt: nil, isSyntax: false)) }
        guard year >= 1 else { return token(.invalid(.exprMalformedDate(text), fixIt: nil, isSyntax: false)) }
        guard let days = ExprDate.daysInMonth(month, year: year) else {
            return token(.invalid(.exprNoSuchMonth(text), fixIt: nil, isSyntax: false))
        }
        guard (1...days).contains(day) else {
            return token(.invalid(.exprNoSuchDay(text, month: month, year: year, days: days), fixIt: nil, isSyntax: false))
        }
        return token(.date(ExprDate(year: year, month: month, day: day)))
    }

    /// A double-quoted text; `\"` and `\\` are the only escapes.
    private mutating func text() -> ExpressionToken {
        let start = position
        position += 1
        var value = String.UnicodeScalarView()
        var badEscape: (Character, Int)?
        while let s = peek() {
            position += 1
            if s == "\"" {
                let length = position - start
                if let (c, offset) = badEscape {
                    return ExpressionToken(kind: .invalid(.exprInvalidEscape(c), fixIt: nil, isSyntax: true), offset: offset, length: 2)
                }
                return ExpressionToken(kind: .text(String(value)), offset: start, length: length)
            }
            if s == "\\" {
                guard let escaped = peek() else { break }
                position += 1
                if escaped == "\"" || escaped == "\\" {
                    value.append(escaped)
                } else if badEscape == nil {
                    badEscape = (Character(escaped), position - 2)
                }
                continue
            }
            value.append(s)
        }
        return ExpressionToken(kind: .invalid(.exprUnterminatedText, fixIt: nil, isSyntax: true), offset: start, length: position - start)
    }
}
