import TTHCDiagnostics
import TTHCModel

/// The messages of the expression compiler, alphabetical, each named after the mistake. Codes:
/// `expr-arity`, `expr-bad-date`, `expr-division-by-zero`, `expr-syntax`, `expr-type-mismatch`,
/// `expr-unknown-enum-value`, `expr-unknown-function`, `expr-unknown-name` (see Docs/expressions.md).
extension DiagnosticMessage {
    /// Every code the expression compiler reports, for the documentation check.
    static let expressionCodes = [
        "expr-arity", "expr-bad-date", "expr-division-by-zero", "expr-syntax", "expr-type-mismatch",
        "expr-unknown-enum-value", "expr-unknown-function", "expr-unknown-name",
    ]

    /// `if c then 1 else 2026-01-01`
    static func exprBranchTypes(_ then: ValueType, _ otherwise: ValueType) -> DiagnosticMessage {
        .error(
            "expr-type-mismatch",
            vi: "Hai nhánh `then` và `else` phải cùng kiểu, nhưng một nhánh có \(then.vietnamese), nhánh kia có \(otherwise.vietnamese).",
            en: "The `then` and `else` branches must have the same type, but they are \(then.english) and \(otherwise.english)."
        )
    }

    /// `a < b < c`
    static let exprChainedComparison = DiagnosticMessage.error(
        "expr-syntax",
        vi: "Không thể nối tiếp các phép so sánh; hãy dùng `and`, ví dụ `a < b and b < c`.",
        en: "Comparisons cannot be chained; use `and`, as in `a < b and b < c`."
    )

    /// `2.000`
    static let exprDecimalPoint = DiagnosticMessage.error(
        "expr-syntax",
        vi: "Số không có dấu chấm: số tiền tính bằng đồng chẵn, phân nhóm chữ số bằng `_`, ví dụ `2_000`.",
        en: "Numbers have no decimal point: amounts are whole đồng, with digits grouped by `_`, as in `2_000`."
    )

    /// `copies / 0`
    static let exprDivisionByZero = DiagnosticMessage.error(
        "expr-division-by-zero",
        vi: "Phép chia cho 0: số chia luôn bằng 0.",
        en: "Division by zero: the divisor is always 0."
    )

    /// An empty scalar where an expression is expected.
    static let exprEmpty = DiagnosticMessage.error(
        "expr-syntax",
        vi: "Biểu thức trống.",
        en: "The expression is empty."
    )

    /// `a && b`, `a || b`, `!a`
    static func exprForeignOperator(_ written: String, use word: String) -> DiagnosticMessage {
        .error(
            "expr-syntax",
            vi: "Dùng `\(word)` thay cho `\(written)`.",
            en: "Use `\(word)` instead of `\(written)`."
        )
    }

    /// `min(on_time, 2)`
    static func exprInvalidArgument(_ function: ExprFunction, found: ValueType) -> DiagnosticMessage {
        .error(
            "expr-type-mismatch",
            vi: "Hàm `\(function.rawValue)` nhận số nguyên, tiền hoặc ngày, nhưng đối số này có \(found.vietnamese).",
            en: "`\(function.rawValue)` takes int, money or date arguments, but this one has type \(found.english)."
        )
    }

    /// `"a\tb"`
    static func exprInvalidEscape(_ character: Character) -> DiagnosticMessage {
        .error(
            "expr-syntax",
            vi: "Ký tự thoát `\\\(character)` không hợp lệ; trong chuỗi chỉ dùng được `\\\"` và `\\\\`.",
            en: "Invalid escape `\\\(character)`; text allows only `\\\"` and `\\\\`."
        )
    }

    /// `on_time + 1`, `fee * fee`, `2 / fee`
    static func exprInvalidOperands(_ op: String, _ lhs: ValueType, _ rhs: ValueType) -> DiagnosticMessage {
        .error(
            "expr-type-mismatch",
            vi: "Không thể dùng `\(op)` với \(lhs.vietnamese) và \(rhs.vietnamese).",
            en: "`\(op)` cannot be applied to \(lhs.english) and \(rhs.english)."
        )
    }

    /// `applicant in [ordinary, 2]`
    static func exprListItemType(_ item: ValueType, subject: ValueType) -> DiagnosticMessage {
        .error(
            "expr-type-mismatch",
            vi: "Phần tử này có \(item.vietnamese), khác với \(subject.vietnamese) của giá trị đem so.",
            en: "This item has type \(item.english), but the value tested has type \(subject.english)."
        )
    }

    /// `x == [a, b]`
    static let exprListOutsideIn = DiagnosticMessage.error(
        "expr-syntax",
        vi: "Danh sách `[…]` chỉ được dùng sau `in` hoặc `not in`.",
        en: "A list `[…]` may only follow `in` or `not in`."
    )

    /// `2026-1-1`
    static func exprMalformedDate(_ text: String) -> DiagnosticMessage {
        .error(
            "expr-bad-date",
            vi: "Ngày `\(text)` viết sai: ngày phải có dạng YYYY-MM-DD, ví dụ `2026-01-01`.",
            en: "Malformed date `\(text)`: write dates as YYYY-MM-DD, as in `2026-01-01`."
        )
    }

    /// `2abc`
    static let exprMalformedNumber = DiagnosticMessage.error(
        "expr-syntax",
        vi: "Số viết sai: sau chữ số chỉ được có chữ số, `_` hoặc `đ`.",
        en: "Malformed number: digits may be followed only by digits, `_` or `đ`."
    )

    /// `min(fee, 2026-01-01)`
    static func exprMismatchedArguments(_ function: ExprFunction, _ first: ValueType, _ other: ValueType) -> DiagnosticMessage {
        .error(
            "expr-type-mismatch",
            vi: "Các đối số của `\(function.rawValue)` phải cùng kiểu, nhưng có \(first.vietnamese) và \(other.vietnamese).",
            en: "The arguments of `\(function.rawValue)` must have the same type, but they are \(first.english) and \(other.english)."
        )
    }

    /// `1__000`, `1_`
    static let exprMisplacedUnderscore = DiagnosticMessage.error(
        "expr-syntax",
        vi: "Dấu `_` chỉ dùng để ngăn cách các chữ số, ví dụ `200_000`.",
        en: "`_` may only separate digits, as in `200_000`."
    )

    /// `not copies`, `on_time and copies`
    static func exprNonBooleanOperand(_ op: String, found: ValueType) -> DiagnosticMessage {
        .error(
            "expr-type-mismatch",
            vi: "`\(op)` cần giá trị \(ValueType.bool.vietnamese), nhưng toán hạng này có \(found.vietnamese).",
            en: "`\(op)` needs a value of type bool, but this operand has type \(found.english)."
        )
    }

    /// `-on_time`
    static func exprNonNumericOperand(_ op: String, found: ValueType) -> DiagnosticMessage {
        .error(
            "expr-type-mismatch",
            vi: "`\(op)` cần số nguyên hoặc tiền, nhưng toán hạng này có \(found.vietnamese).",
            en: "`\(op)` needs an int or money operand, but this one has type \(found.english)."
        )
    }

    /// `2026-02-30`
    static func exprNoSuchDay(_ text: String, month: Int, year: Int, days: Int) -> DiagnosticMessage {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return .error(
            "expr-bad-date",
            vi: "Ngày `\(text)` không tồn tại: tháng \(month) năm \(year) chỉ có các ngày từ 01 đến \(days).",
            en: "No such date `\(text)`: \(months[month - 1]) \(year) has days 01 to \(days) only."
        )
    }

    /// `2026-13-01`
    static func exprNoSuchMonth(_ text: String) -> DiagnosticMessage {
        .error(
            "expr-bad-date",
            vi: "Ngày `\(text)` không tồn tại: tháng phải từ 01 đến 12.",
            en: "No such date `\(text)`: the month must be 01 to 12."
        )
    }

    /// `99999999999999999999`
    static let exprNumberTooLarge = DiagnosticMessage.error(
        "expr-syntax",
        vi: "Số quá lớn: giới hạn là 9_223_372_036_854_775_807.",
        en: "Number too large: the limit is 9_223_372_036_854_775_807."
    )

    /// `copies = 2`
    static let exprSingleEquals = DiagnosticMessage.error(
        "expr-syntax",
        vi: "Dùng `==` để so sánh bằng; `=` không phải là toán tử.",
        en: "Use `==` to compare; `=` is not an operator."
    )

    /// Hundreds of nested parentheses or tokens.
    static let exprTooComplex = DiagnosticMessage.error(
        "expr-syntax",
        vi: "Biểu thức quá dài hoặc lồng nhau quá sâu; hãy tách thành nhiều quy tắc.",
        en: "The expression is too long or nested too deeply; split it into several rules."
    )

    /// `"Hà Nội" == copies`
    static func exprUncomparableTypes(_ lhs: ValueType, _ rhs: ValueType) -> DiagnosticMessage {
        .error(
            "expr-type-mismatch",
            vi: "Không thể so sánh \(lhs.vietnamese) với \(rhs.vietnamese).",
            en: "Cannot compare \(lhs.english) with \(rhs.english)."
        )
    }

    /// `copies # 2`
    static func exprUnexpectedCharacter(_ character: Character) -> DiagnosticMessage {
        .error(
            "expr-syntax",
            vi: "Ký tự `\(character)` không được dùng trong biểu thức.",
            en: "Unexpected character `\(character)` in the expression."
        )
    }

    /// `if on_time 1 else 2`
    static func exprUnexpectedToken(expected: ExpectedSyntax, found: LocalizedText) -> DiagnosticMessage {
        .error(
            "expr-syntax",
            vi: "Lỗi cú pháp: cần \(expected.text.vi), nhưng gặp \(found.vi).",
            en: "Syntax error: expected \(expected.text.en), found \(found.en)."
        )
    }

    /// `when: copies` (int where bool is expected)
    static func exprUnexpectedType(expected: ValueType, found: ValueType) -> DiagnosticMessage {
        .error(
            "expr-type-mismatch",
            vi: "Cần giá trị \(expected.vietnamese), nhưng biểu thức có \(found.vietnamese).",
            en: "Expected a value of type \(expected.english), but the expression has type \(found.english)."
        )
    }

    /// `applicant == rich`
    static func exprUnknownEnumValue(_ name: String, enumeration: String, cases: [String], suggestion: String?) -> DiagnosticMessage {
        let allowed = cases.joined(separator: ", ")
        return .error(
            "expr-unknown-enum-value",
            vi: "`\(name)` không phải là giá trị của `\(enumeration)`; các giá trị hợp lệ: \(allowed)." + (suggestion.map { " Có phải ý bạn là `\($0)`?" } ?? ""),
            en: "`\(name)` is not a value of `\(enumeration)`; the allowed values are \(allowed)." + (suggestion.map { " Did you mean `\($0)`?" } ?? "")
        )
    }

    /// `ceil(pages, 2)`
    static func exprUnknownFunction(_ name: String, suggestion: String?) -> DiagnosticMessage {
        let functions = ExprFunction.allCases.map(\.rawValue).joined(separator: ", ")
        return .error(
            "expr-unknown-function",
            vi: "Không có hàm `\(name)`; các hàm có sẵn: \(functions)." + (suggestion.map { " Có phải ý bạn là `\($0)`?" } ?? ""),
            en: "Unknown function `\(name)`; the functions are \(functions)." + (suggestion.map { " Did you mean `\($0)`?" } ?? "")
        )
    }

    /// `on_tme`
    static func exprUnknownName(_ name: String, suggestion: String?) -> DiagnosticMessage {
        .error(
            "expr-unknown-name",
            vi: "Không có dữ kiện hay biến có sẵn nào tên `\(name)`." + (suggestion.map { " Có phải ý bạn là `\($0)`?" } ?? ""),
            en: "Unknown name `\(name)`: it is neither a declared fact nor a built-in." + (suggestion.map { " Did you mean `\($0)`?" } ?? "")
        )
    }

    /// `applicant < disabled`, `on_time > false`
    static func exprUnorderedType(_ op: String, _ type: ValueType) -> DiagnosticMessage {
        .error(
            "expr-type-mismatch",
            vi: "Không thể dùng `\(op)` với \(type.vietnamese): chỉ so sánh được bằng `==`, `!=` hoặc `in`.",
            en: "`\(op)` cannot order values of type \(type.english); use `==`, `!=` or `in`."
        )
    }

    /// `"abc` (no closing quote)
    static let exprUnterminatedText = DiagnosticMessage.error(
        "expr-syntax",
        vi: "Chuỗi chưa được đóng: thiếu dấu `\"` ở cuối.",
        en: "Unterminated text: the closing `\"` is missing."
    )

    /// `clamp(pages, 1)`, `min(pages)`
    static func exprWrongArgumentCount(_ function: ExprFunction, given: Int) -> DiagnosticMessage {
        let minimum = function.minimumArguments
        if let maximum = function.maximumArguments, maximum == minimum {
            return .error(
                "expr-arity",
                vi: "Hàm `\(function.rawValue)` cần đúng \(minimum) đối số, nhưng ở đây có \(given).",
                en: "`\(function.rawValue)` takes exactly \(minimum) arguments, but \(given) \(given == 1 ? "was" : "were") given."
            )
        }
        return .error(
            "expr-arity",
            vi: "Hàm `\(function.rawValue)` cần ít nhất \(minimum) đối số, nhưng ở đây có \(given).",
            en: "`\(function.rawValue)` takes at least \(minimum) arguments, but \(given) \(given == 1 ? "was" : "were") given."
        )
    }
}

extension ValueType {
    /// "kiểu số nguyên", "kiểu liệt kê `applicant`" …, for Vietnamese messages.
    var vietnamese: String {
        switch self {
        case .bool: "kiểu logic (đúng/sai)"
        case .int: "kiểu số nguyên"
        case .money: "kiểu tiền (đồng)"
        case .date: "kiểu ngày"
        case .text: "kiểu văn bản"
        case .enumeration(let name, _): "kiểu liệt kê `\(name)`"
        }
    }

    /// "`int`", "`enum applicant`" …, for English messages.
    var english: String { "`\(description)`" }
}
