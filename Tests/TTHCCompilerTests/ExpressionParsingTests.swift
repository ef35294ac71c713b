import Foundation
import Testing
import TTHCDiagnostics
import TTHCModel
@testable import TTHCCompiler

@Suite("Expression parsing and printing")
struct ExpressionParsingTests {
    typealias F = ExpressionFixture

    /// Canonical texts print back unchanged, and the printed text compiles to the same `Expr`.
    @Test(arguments: [
        "on_time",
        "not surrogacy",
        "on_time or applicant != ordinary",
        "on_time and not surrogacy or copies > 0",
        "(on_time or surrogacy) and copies > 0",
        "applicant in [poor_household, disabled]",
        "applicant not in [ordinary]",
        "channel == online and received >= 2026-01-01",
        "province == \"Hà Nội\"",
        "province != \"Thành phố Hồ Chí Minh\"",
        "province == \"say \\\"xin chào\\\" \\\\ ok\"",
        "min(2_000 * min(pages, 2) + 1_000 * max(pages - 2, 0), 200_000) * copies",
        "1 - (2 - 3)",
        "1 - 2 - 3",
        "(1 + 2) * 3",
        "1 + 2 * 3",
        "-pages * 2",
        "-(pages * 2)",
        "2_000đ + 500",
        "fee / 2",
        "ceil_div(pages, 10)",
        "clamp(copies, 1, 10)",
        "if on_time then 0 else 8_000đ",
        "(if on_time then 1 else 2) + 3",
        "if on_time then if surrogacy then 1 else 2 else 3",
        "max(received, 2026-01-01) == birth_date",
        "(not on_time) == surrogacy",
        "not on_time == surrogacy",
        "copies in [1, 2, if on_time then 3 else 4]",
    ])
    func roundTrip(_ source: String) throws {
        let expr = try #require(F.valid(source))
        #expect(expr.sourceText == source)
        let again = try #require(F.valid(expr.sourceText))
        #expect(again == expr)
    }

    /// Other spellings print in the canonical form.
    @Test(arguments: [
        ("(on_time)or(applicant!=ordinary)", "on_time or applicant != ordinary"),
        ("2000đ", "2_000đ"),
        ("2_000 đ", "2_000đ"),
        ("2000₫", "2_000đ"),
        ("200000", "200_000"),
        ("((1 + 2)) * 3", "(1 + 2) * 3"),
        ("1 + (2 * 3)", "1 + 2 * 3"),
        ("(1 - 2) - 3", "1 - 2 - 3"),
        ("not (copies > 2)", "not copies > 2"),
        ("  on_time\tand\nsurrogacy  ", "on_time and surrogacy"),
        ("applicant in [ordinary, disabled,]", "applicant in [ordinary, disabled]"),
        ("- -pages", "--pages"),
    ])
    func canonicalForm(_ source: String, _ canonical: String) throws {
        let expr = try #require(F.valid(source))
        #expect(expr.sourceText == canonical)
        #expect(F.valid(canonical) == expr)
    }

    @Test func orBindsLooserThanAnd() throws {
        let expr = try #require(F.valid("on_time or surrogacy and copies > 0"))
        #expect(expr == .or(.fact("on_time"), .and(.fact("surrogacy"), .compare(.greater, .fact("copies"), .literal(.int(0))))))
    }

    @Test func notBindsLooserThanComparisonAndTighterThanAnd() throws {
        #expect(F.valid("not copies > 2") == .not(.compare(.greater, .fact("copies"), .literal(.int(2)))))
        #expect(F.valid("not on_time and surrogacy") == .and(.not(.fact("on_time")), .fact("surrogacy")))
        #expect(F.valid("not not on_time") == .not(.not(.fact("on_time"))))
    }

    @Test func comparisonBindsLooserThanArithmetic() throws {
        #expect(F.valid("copies + 1 > pages * 2") == .compare(
            .greater,
            .arithmetic(.add, .fact("copies"), .literal(.int(1))),
            .arithmetic(.multiply, .fact("pages"), .literal(.int(2)))
        ))
        #expect(F.valid("copies + 1 in [2, 3]") == .membership(
            .arithmetic(.add, .fact("copies"), .literal(.int(1))), [.literal(.int(2)), .literal(.int(3))], negated: false
        ))
    }

    @Test func multiplicationBindsTighterThanAdditionAndBothAreLeftAssociative() throws {
        #expect(F.valid("1 + 2 * 3") == .arithmetic(.add, .literal(.int(1)), .arithmetic(.multiply, .literal(.int(2)), .literal(.int(3)))))
        #expect(F.valid("10 - 3 - 2") == .arithmetic(.subtract, .arithmetic(.subtract, .literal(.int(10)), .literal(.int(3))), .literal(.int(2))))
        #expect(F.valid("12 / 3 / 2") == .arithmetic(.divide, .arithmetic(.divide, .literal(.int(12)), .literal(.int(3))), .literal(.int(2))))
        #expect(F.valid("12 / 3 * 2") == .arithmetic(.multiply, .arithmetic(.divide, .literal(.int(12)), .literal(.int(3))), .literal(.int(2))))
    }

    @Test func unaryMinusBindsTightest() throws {
        #expect(F.valid("-pages * 2") == .arithmetic(.multiply, .negate(.fact("pages")), .literal(.int(2))))
        #expect(F.valid("1 - -pages") == .arithmetic(.subtract, .literal(.int(1)), .negate(.fact("pages"))))
    }

    @Test func elseExtendsAsFarAsPossible() throws {
        #expect(F.valid("if on_time then 1 else 2 + 3") == .conditional(
            .fact("on_time"), then: .literal(.int(1)), else: .arithmetic(.add, .literal(.int(2)), .literal(.int(3)))
        ))
        #expect(F.valid("1 + if on_time then 1 else 2") == .arithmetic(
            .add, .literal(.int(1)), .conditional(.fact("on_time"), then: .literal(.int(1)), else: .literal(.int(2)))
        ))
    }

    @Test func literals() throws {
        #expect(F.valid("true") == .literal(.bool(true)))
        #expect(F.valid("false") == .literal(.bool(false)))
        #expect(F.valid("200_000") == .literal(.int(200_000)))
        #expect(F.valid("2_000đ") == .literal(.money(2_000)))
        #expect(F.valid("2_000 đ") == .literal(.money(2_000)))
        #expect(F.valid("\"Hà Nội\"") == .literal(.text("Hà Nội")))
        #expect(F.valid("2026-01-01") == .literal(.date(ExprDate(year: 2026, month: 1, day: 1))))
        #expect(F.valid("2024-02-29") == .literal(.date(ExprDate(year: 2024, month: 2, day: 29))))
        #expect(F.valid("9_223_372_036_854_775_807") == .literal(.int(.max)))
    }

    @Test func subtractionOfYearsIsNotADate() throws {
        #expect(F.valid("2026 - 1") == .arithmetic(.subtract, .literal(.int(2026)), .literal(.int(1))))
    }

    @Test func bareEnumValuesResolveFromTheOtherSide() throws {
        #expect(F.valid("applicant == poor_household") == .compare(.equal, .fact("applicant"), .literal(.enumCase("poor_household"))))
        #expect(F.valid("poor_household == applicant") == .compare(.equal, .literal(.enumCase("poor_household")), .fact("applicant")))
        #expect(F.valid("channel == online") == .compare(.equal, .builtin(.channel), .literal(.enumCase("online"))))
        #expect(F.valid("online", expecting: .channel) == .literal(.enumCase("online")))
        #expect(F.valid("if on_time then ordinary else applicant") == .conditional(
            .fact("on_time"), then: .literal(.enumCase("ordinary")), else: .fact("applicant")
        ))
    }

    @Test func intWidensToMoneyWhereMoneyIsExpected() throws {
        #expect(F.valid("8_000", expecting: .money) == .asMoney(.literal(.int(8_000))))
        #expect(F.valid("fee + 1_000") == .arithmetic(.add, .fact("fee"), .asMoney(.literal(.int(1_000)))))
        #expect(F.valid("fee * copies") == .arithmetic(.multiply, .fact("fee"), .fact("copies")))
        #expect(F.valid("if on_time then 0 else fee") == .conditional(.fact("on_time"), then: .asMoney(.literal(.int(0))), else: .fact("fee")))
        #expect(F.valid("fee > 0") == .compare(.greater, .fact("fee"), .asMoney(.literal(.int(0)))))
        #expect(F.valid("8_000", expecting: .money)?.sourceText == "8_000")
    }

    @Test func compileTypedReturnsTheType() throws {
        var bag = DiagnosticBag()
        let typed = try #require(ExpressionCompiler.compileTyped("fee * copies", at: F.start, expecting: nil, scope: F.scope, diagnostics: &bag))
        #expect(typed.type == .money)
        let count = try #require(ExpressionCompiler.compileTyped("ceil_div(pages, 10)", at: F.start, expecting: nil, scope: F.scope, diagnostics: &bag))
        #expect(count.type == .int)
        #expect(bag.all.isEmpty)
    }

    @Test func exprIsCodable() throws {
        let expr = try #require(F.valid("if applicant in [poor_household, disabled] or received < 2026-01-01 then 0 else min(fee * copies, 200_000)"))
        let data = try JSONEncoder().encode(expr)
        #expect(try JSONDecoder().decode(Expr.self, from: data) == expr)
    }

    @Test func factNames() throws {
        let expr = try #require(F.valid("min(2_000 * min(pages, 2) + 1_000 * max(pages - 2, 0), 200_000) * copies", expecting: .money))
        #expect(expr.factNames == ["pages", "copies"])
        #expect(expr.builtins.isEmpty)
        let other = try #require(F.valid("channel == online or on_time and received > birth_date"))
        #expect(other.factNames == ["on_time", "birth_date"])
        #expect(other.builtins == [.channel, .received])
    }
}
