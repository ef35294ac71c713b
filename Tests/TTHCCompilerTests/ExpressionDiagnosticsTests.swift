import Foundation
import Testing
import TTHCDiagnostics
import TTHCModel
@testable import TTHCCompiler

/// One expected diagnostic: its code and its 1-based column inside the expression, in Unicode scalars.
struct ExpectedExpressionDiagnostic: CustomTestStringConvertible, Sendable {
    var source: String
    var code: String
    var column: Int
    var length: Int? = nil
    var expecting: ValueType? = nil
    var fixIt: String? = nil
    /// Words the English message must contain.
    var mentions: [String] = []
    /// Words the Vietnamese message must contain.
    var mentionsVi: [String] = []

    var testDescription: String { "\(code) in \(source)" }
}

@Suite("Expression diagnostics")
struct ExpressionDiagnosticsTests {
    typealias F = ExpressionFixture
    typealias E = ExpectedExpressionDiagnostic

    static let cases: [E] = [
        // expr-syntax
        E(source: "on_time and", code: "expr-syntax", column: 12, length: 0, mentions: ["expected a value", "the end of the expression"], mentionsVi: ["hết biểu thức"]),
        E(source: "if on_time 1 else 2", code: "expr-syntax", column: 12, length: 1, mentions: ["expected `then`", "found `1`"]),
        E(source: "if on_time then 1", code: "expr-syntax", column: 18, mentions: ["expected `else`"]),
        E(source: "copies = 2", code: "expr-syntax", column: 8, length: 1, fixIt: "==", mentions: ["`==`"]),
        E(source: "on_time && surrogacy", code: "expr-syntax", column: 9, length: 2, fixIt: "and", mentions: ["`and`"]),
        E(source: "on_time || surrogacy", code: "expr-syntax", column: 9, fixIt: "or"),
        E(source: "!on_time", code: "expr-syntax", column: 1, fixIt: "not"),
        E(source: "min(pages, 2", code: "expr-syntax", column: 13, mentions: ["`,` or `)`"]),
        E(source: "(pages + 2", code: "expr-syntax", column: 11, mentions: ["`)`"]),
        E(source: "copies > 1 < 3", code: "expr-syntax", column: 12, mentions: ["chained"]),
        E(source: "copies == 1 in [1]", code: "expr-syntax", column: 13, mentions: ["chained"]),
        E(source: "copies in 1", code: "expr-syntax", column: 11, mentions: ["a list `[…]` after `in`"]),
        E(source: "copies == [1]", code: "expr-syntax", column: 11, mentions: ["`in`"]),
        E(source: "province == \"Hà Nội", code: "expr-syntax", column: 13, length: 7, mentions: ["Unterminated"]),
        E(source: "province == \"Hà\\tNội\"", code: "expr-syntax", column: 16, length: 2, mentions: ["escape"]),
        E(source: "fee > 2.000đ", code: "expr-syntax", column: 7, length: 5, fixIt: "2_000", mentions: ["decimal point"], mentionsVi: ["dấu chấm"]),
        E(source: "fee > 1.5", code: "expr-syntax", column: 7, length: 3, mentions: ["decimal point"]),
        E(source: "pages > 1__000", code: "expr-syntax", column: 9, mentions: ["`_`"]),
        E(source: "pages > 1_", code: "expr-syntax", column: 9),
        E(source: "pages > 2abc", code: "expr-syntax", column: 9),
        E(source: "pages > 99999999999999999999", code: "expr-syntax", column: 9, mentions: ["too large"]),
        E(source: "copies # 2", code: "expr-syntax", column: 8, mentions: ["`#`"]),
        E(source: "", code: "expr-syntax", column: 1, mentions: ["empty"]),
        E(source: "   ", code: "expr-syntax", column: 1),
        E(source: "on_time surrogacy", code: "expr-syntax", column: 9, mentions: ["an operator or the end", "`surrogacy`"]),
        E(source: "fee > 2_000 đồng", code: "expr-syntax", column: 13, mentions: ["`đồng`"]),
        // Vietnamese text before the mistake: columns count Unicode scalars (NFC: "Hà Nội" is 8 with its quotes).
        E(source: "\"Hà Nội\" == ", code: "expr-syntax", column: 13),
        // The same in NFD: à and ộ take 2 and 3 scalars, so the end moves 3 columns right.
        E(source: "\"Ha\u{300} No\u{302}\u{323}i\" == ", code: "expr-syntax", column: 16),
        // expr-unknown-name
        E(source: "on_tme", code: "expr-unknown-name", column: 1, length: 6, fixIt: "on_time", mentions: ["`on_tme`", "Did you mean `on_time`?"], mentionsVi: ["Có phải ý bạn là `on_time`?"]),
        E(source: "\"Hà Nội\" == provnce", code: "expr-unknown-name", column: 13, length: 7, fixIt: "province"),
        E(source: "chanel == online", code: "expr-unknown-name", column: 1, fixIt: "channel"),
        E(source: "recieved > 2026-01-01", code: "expr-unknown-name", column: 1, fixIt: "received"),
        E(source: "on_time and True", code: "expr-unknown-name", column: 13, fixIt: "true"),
        E(source: "xyz", code: "expr-unknown-name", column: 1),
        // expr-unknown-enum-value
        E(source: "applicant == rich", code: "expr-unknown-enum-value", column: 14, length: 4,
          mentions: ["`rich`", "ordinary, poor_household, merit_family, disabled"], mentionsVi: ["không phải là giá trị của `applicant`"]),
        E(source: "rich == applicant", code: "expr-unknown-enum-value", column: 1),
        E(source: "applicant in [poor_household, disabld]", code: "expr-unknown-enum-value", column: 31, fixIt: "disabled"),
        E(source: "applicant not in [ordinary, poor]", code: "expr-unknown-enum-value", column: 29),
        E(source: "channel == onlin", code: "expr-unknown-enum-value", column: 12, fixIt: "online", mentions: ["in_person, online, postal"]),
        E(source: "channel != post", code: "expr-unknown-enum-value", column: 12),
        E(source: "fax", code: "expr-unknown-enum-value", column: 1, expecting: .channel),
        // expr-type-mismatch
        E(source: "on_time + 1", code: "expr-type-mismatch", column: 9, length: 1, mentions: ["`bool`", "`int`"], mentionsVi: ["kiểu logic", "kiểu số nguyên"]),
        E(source: "\"Hà Nội\" == copies", code: "expr-type-mismatch", column: 10, length: 2, mentions: ["`text`", "`int`"], mentionsVi: ["kiểu văn bản", "kiểu số nguyên"]),
        E(source: "copies", code: "expr-type-mismatch", column: 1, length: 6, expecting: .bool, mentions: ["`bool`", "`int`"], mentionsVi: ["kiểu logic", "kiểu số nguyên"]),
        E(source: "fee", code: "expr-type-mismatch", column: 1, expecting: .int, mentions: ["`int`", "`money`"], mentionsVi: ["kiểu tiền"]),
        E(source: "on_time", code: "expr-type-mismatch", column: 1, expecting: .money),
        E(source: "applicant < disabled", code: "expr-type-mismatch", column: 11, mentions: ["`enum applicant`"], mentionsVi: ["kiểu liệt kê `applicant`"]),
        E(source: "province >= \"A\"", code: "expr-type-mismatch", column: 10),
        E(source: "if on_time then 1 else 2026-01-01", code: "expr-type-mismatch", column: 24, mentions: ["`int`", "`date`"], mentionsVi: ["kiểu ngày"]),
        E(source: "if copies then 1 else 2", code: "expr-type-mismatch", column: 4, mentions: ["`if`"]),
        E(source: "fee * fee", code: "expr-type-mismatch", column: 5, mentions: ["`money`"]),
        E(source: "2 / fee", code: "expr-type-mismatch", column: 3),
        E(source: "received + 1", code: "expr-type-mismatch", column: 10, mentions: ["`date`"]),
        E(source: "-on_time", code: "expr-type-mismatch", column: 2),
        E(source: "not copies", code: "expr-type-mismatch", column: 5, mentions: ["`not`"]),
        E(source: "on_time and copies", code: "expr-type-mismatch", column: 13, length: 6),
        E(source: "copies in [1, \"hai\"]", code: "expr-type-mismatch", column: 15),
        E(source: "min(pages, on_time)", code: "expr-type-mismatch", column: 12),
        E(source: "max(pages, received)", code: "expr-type-mismatch", column: 12, mentions: ["`int`", "`date`"]),
        E(source: "ceil_div(fee, fee)", code: "expr-type-mismatch", column: 1),
        E(source: "applicant == channel", code: "expr-type-mismatch", column: 11),
        E(source: "applicant == surrogacy", code: "expr-type-mismatch", column: 11),
        // expr-unknown-function
        E(source: "ceil(pages / 2)", code: "expr-unknown-function", column: 1, length: 4, mentions: ["min, max, clamp, ceil_div"], mentionsVi: ["các hàm có sẵn"]),
        E(source: "mn(pages, 2)", code: "expr-unknown-function", column: 1, fixIt: "min"),
        E(source: "1 + copies(2)", code: "expr-unknown-function", column: 5),
        // expr-arity
        E(source: "clamp(pages, 1)", code: "expr-arity", column: 1, length: 5, mentions: ["exactly 3", "2 were given"], mentionsVi: ["đúng 3 đối số"]),
        E(source: "1 + min(pages)", code: "expr-arity", column: 5, mentions: ["at least 2"], mentionsVi: ["ít nhất 2"]),
        E(source: "max()", code: "expr-arity", column: 1),
        E(source: "ceil_div(1, 2, 3)", code: "expr-arity", column: 1),
        // expr-division-by-zero
        E(source: "pages / 0", code: "expr-division-by-zero", column: 9, length: 1),
        E(source: "fee / 0", code: "expr-division-by-zero", column: 7),
        E(source: "ceil_div(pages, 0)", code: "expr-division-by-zero", column: 17),
        E(source: "pages / (2 - 2)", code: "expr-division-by-zero", column: 9, length: 7),
        // expr-bad-date
        E(source: "received < 2026-02-30", code: "expr-bad-date", column: 12, length: 10,
          mentions: ["`2026-02-30`", "February 2026 has days 01 to 28"], mentionsVi: ["tháng 2 năm 2026"]),
        E(source: "received < 2100-02-29", code: "expr-bad-date", column: 12),
        E(source: "received < 2026-13-01", code: "expr-bad-date", column: 12, mentions: ["month"]),
        E(source: "received < 2026-04-31", code: "expr-bad-date", column: 12),
        E(source: "received < 2026-1-1", code: "expr-bad-date", column: 12, mentions: ["YYYY-MM-DD"]),
        E(source: "received < 2026-01-00", code: "expr-bad-date", column: 12),
    ]

    @Test(arguments: cases)
    func reportsAtTheExactColumn(_ expected: E) throws {
        let (expr, diagnostics) = F.compile(expected.source, expecting: expected.expecting)
        #expect(expr == nil)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.message.en))")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == expected.code, "\(diagnostic.message.en)")
        #expect(diagnostic.severity == .error)
        #expect(F.column(diagnostic) == expected.column, "\(diagnostic.message.en)")
        #expect(diagnostic.range.start.line == 12)
        if let length = expected.length {
            #expect(diagnostic.range.end.column - diagnostic.range.start.column == length)
        }
        if let fixIt = expected.fixIt {
            #expect(diagnostic.fixIt == fixIt)
        }
        for word in expected.mentions {
            #expect(diagnostic.message.en.localizedCaseInsensitiveContains(word), "\(diagnostic.message.en) lacks \(word)")
        }
        for word in expected.mentionsVi {
            #expect(diagnostic.message.vi.contains(word), "\(diagnostic.message.vi) lacks \(word)")
        }
    }

    @Test func everyCodeIsCovered() {
        #expect(Set(Self.cases.map(\.code)) == Set(DiagnosticMessage.expressionCodes))
    }

    @Test func columnsAreFileColumns() throws {
        // `    when: applicant == rich` with the scalar at line 12, column 11: `rich` is at column 24.
        let (_, diagnostics) = F.compile("applicant == rich")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.range.file == "Procedures/ho-tich/khai-sinh.yaml")
        #expect(diagnostic.range.start == TTHCDiagnostics.SourceLocation(line: 12, column: 24))
        #expect(diagnostic.range.end == TTHCDiagnostics.SourceLocation(line: 12, column: 28))
    }

    @Test func everyMistakeIsCollected() {
        let (expr, diagnostics) = F.compile("on_tme and applicant == rich and copies + on_time > 1 and received < 2026-02-30")
        #expect(expr == nil)
        #expect(diagnostics.map(\.code) == ["expr-unknown-name", "expr-unknown-enum-value", "expr-type-mismatch", "expr-bad-date"])
        #expect(diagnostics.map(F.column) == [1, 25, 41, 70])
    }

    @Test func onlyTheFirstSyntaxErrorIsReported() {
        let (_, diagnostics) = F.compile("on_time and and or (")
        #expect(diagnostics.map(\.code) == ["expr-syntax"])
        #expect(diagnostics.map(F.column) == [13])
    }

    @Test func namingMistakesAreStillReportedAfterASyntaxError() {
        let (_, diagnostics) = F.compile("on_tme and (applicant == rich or")
        #expect(diagnostics.map(\.code) == ["expr-unknown-name", "expr-unknown-enum-value", "expr-syntax"])
        #expect(diagnostics.map(F.column) == [1, 26, 33])
    }

    @Test func typeMistakesAreNotReportedAfterASyntaxError() {
        // `copies` alone is an int where a bool is expected, but only because `= 2` did not parse.
        let (_, diagnostics) = F.compile("copies = 2", expecting: .bool)
        #expect(diagnostics.map(\.code) == ["expr-syntax"])
    }

    @Test func anEnumValueUsedAloneNamesItsFact() throws {
        let (_, diagnostics) = F.compile("disabled", expecting: .bool)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == "expr-unknown-name")
        #expect(diagnostic.notes.first?.message.en == "`disabled` is a value of the fact `applicant`: write `applicant == disabled`.")
    }

    @Test func anUnknownNameWithoutSuggestionListsTheNamesInScope() throws {
        let (_, diagnostics) = F.compile("xyz")
        let note = try #require(diagnostics.first?.notes.first)
        #expect(note.message.en == "The names in scope are applicant, birth_date, copies, fee, on_time, pages, province, surrogacy, channel, received.")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(F.compile(deep).diagnostics.map(\.code) == ["expr-syntax"])
        let long = Array(repeating: "1", count: 5_000).joined(separator: " + ")
        #expect(F.compile(long).diagnostics.map(\.code) == ["expr-syntax"])
        let notNot = String(repeating: "not ", count: 10_000) + "on_time"
        #expect(F.compile(notNot).diagnostics.map(\.code) == ["expr-syntax"])
        // Few tokens but deep: the nesting limit, not the length limit.
        let nested = String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100)
        let diagnostics = F.compile(nested).diagnostics
        #expect(diagnostics.map(\.code) == ["expr-syntax"])
        #expect(diagnostics.map(F.column) == [ExpressionParser.maximumDepth + 1])
        #expect(F.valid(String(repeating: "(", count: 60) + "1" + String(repeating: ")", count: 60)) == .literal(.int(1)))
    }

    @Test func garbageNeverCrashes() {
        let inputs = [
            ")", "]", ",", "(", "[", "in", "not", "not in [1]", "if", "if then else", "min(", "min(,)", "-", "--", "\"", "\\",
            "2026-", "2026-01-", "2026-01-01-01", "đ", "1 đ đ", "₫", "applicant in [", "applicant in [,]", "a.b", "🙂",
            "if on_time then else 1", "then", "1 +", "* 2", "on_time and or", "copies in []", "x(", "x)",
        ]
        for input in inputs {
            let (expr, diagnostics) = F.compile(input, expecting: .bool)
            #expect(expr == nil || diagnostics.isEmpty, "\(input)")
            #expect(expr != nil || !diagnostics.isEmpty, "\(input)")
        }
    }

    @Test func messagesAreBilingualAndNFC() {
        var diagnostics: [Diagnostic] = []
        for expected in Self.cases {
            diagnostics += F.compile(expected.source, expecting: expected.expecting).diagnostics
        }
        for diagnostic in diagnostics {
            #expect(!diagnostic.message.vi.isEmpty && !diagnostic.message.en.isEmpty)
            #expect(diagnostic.message.vi != diagnostic.message.en)
            let scalars = Array(diagnostic.message.vi.unicodeScalars)
            #expect(scalars == Array(diagnostic.message.vi.precomposedStringWithCanonicalMapping.unicodeScalars), "\(diagnostic.message.vi)")
        }
    }

    @Test func theReferenceDocumentsEveryCode() throws {
        let docs = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Docs/expressions.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for code in DiagnosticMessage.expressionCodes {
            #expect(text.contains("`\(code)`"), "Docs/expressions.md does not document \(code)")
        }
    }
}
