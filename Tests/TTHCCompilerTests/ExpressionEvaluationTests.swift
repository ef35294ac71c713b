import Testing
import TTHCDiagnostics
import TTHCModel
@testable import TTHCCompiler

@Suite("Expression evaluation")
struct ExpressionEvaluationTests {
    typealias F = ExpressionFixture

    static let certifiedCopyFee = "min(2_000 * min(pages, 2) + 1_000 * max(pages - 2, 0), 200_000) * copies"

    /// Chứng thực bản sao: 2 000 đ for each of the first two pages, 1 000 đ for each further page,
    /// at most 200 000 đ per copy.
    @Test(arguments: [
        (1, 1, 2_000), (2, 1, 4_000), (3, 1, 5_000), (250, 1, 200_000),
        (1, 3, 6_000), (2, 3, 12_000), (3, 3, 15_000), (250, 3, 600_000),
        (198, 1, 200_000), (197, 1, 199_000), (0, 1, 0),
    ])
    func certifiedCopyFee(pages: Int, copies: Int, expected: Int) throws {
        var bag = DiagnosticBag()
        let scope = ExpressionScope(facts: ["pages": .int, "copies": .int])
        let fee = try #require(ExpressionCompiler.compile(Self.certifiedCopyFee, at: F.start, expecting: .money, scope: scope, diagnostics: &bag))
        #expect(bag.all.isEmpty)
        let env = ExprEnvironment(facts: ["pages": .int(pages), "copies": .int(copies)])
        #expect(try fee.evaluate(in: env) == .money(expected))
    }

    @Test func birthRegistrationFeeRule() throws {
        let rule = try #require(F.valid("on_time or applicant != ordinary", expecting: .bool))
        func matches(_ onTime: Bool, _ applicant: String) throws -> Value {
            try rule.evaluate(in: ExprEnvironment(facts: ["on_time": .bool(onTime), "applicant": .enumCase(applicant)]))
        }
        #expect(try matches(true, "ordinary") == .bool(true))
        #expect(try matches(false, "ordinary") == .bool(false))
        #expect(try matches(false, "poor_household") == .bool(true))
    }

    @Test func builtins() throws {
        let online = try #require(F.valid("channel == online and received >= 2026-01-01"))
        let date = ExprDate(year: 2026, month: 2, day: 13)
        #expect(try online.evaluate(in: ExprEnvironment(channel: "online", received: date)) == .bool(true))
        #expect(try online.evaluate(in: ExprEnvironment(channel: "postal", received: date)) == .bool(false))
        #expect(try online.evaluate(in: ExprEnvironment(channel: "online", received: ExprDate(year: 2025, month: 12, day: 31))) == .bool(false))
        #expect(throws: ExprEvaluationError.missingReceivedDate) { try online.evaluate(in: ExprEnvironment(channel: "online")) }
    }

    @Test func membership() throws {
        let exempt = try #require(F.valid("applicant in [poor_household, disabled]"))
        let notExempt = try #require(F.valid("applicant not in [poor_household, disabled]"))
        for (applicant, isIn) in [("poor_household", true), ("disabled", true), ("ordinary", false)] {
            let env = ExprEnvironment(facts: ["applicant": .enumCase(applicant)])
            #expect(try exempt.evaluate(in: env) == .bool(isIn))
            #expect(try notExempt.evaluate(in: env) == .bool(!isIn))
        }
        let hanoi = try #require(F.valid("province in [\"Hà Nội\", \"Hải Phòng\"]"))
        // Text compares by canonical equivalence: an NFD value matches the NFC literal.
        #expect(try hanoi.evaluate(in: ExprEnvironment(facts: ["province": .text("Ha\u{300} No\u{302}\u{323}i")])) == .bool(true))
        #expect(try hanoi.evaluate(in: ExprEnvironment(facts: ["province": .text("Phú Thọ")])) == .bool(false))
    }

    @Test func conditionalAndWidening() throws {
        let fee = try #require(F.valid("if on_time then 0 else 8_000", expecting: .money))
        #expect(try fee.evaluate(in: ExprEnvironment(facts: ["on_time": .bool(true)])) == .money(0))
        #expect(try fee.evaluate(in: ExprEnvironment(facts: ["on_time": .bool(false)])) == .money(8_000))
        let sum = try #require(F.valid("fee * copies + 500"))
        #expect(try sum.evaluate(in: ExprEnvironment(facts: ["fee": .money(8_000), "copies": .int(3)])) == .money(24_500))
    }

    @Test func shortCircuitsSkipWhatTheyDoNotNeed() throws {
        let guarded = try #require(F.valid("copies > 0 and 100 / copies > 10"))
        #expect(try guarded.evaluate(in: ExprEnvironment(facts: ["copies": .int(0)])) == .bool(false))
        #expect(try guarded.evaluate(in: ExprEnvironment(facts: ["copies": .int(5)])) == .bool(true))
        let either = try #require(F.valid("on_time or copies > 1"))
        #expect(try either.evaluate(in: ExprEnvironment(facts: ["on_time": .bool(true)])) == .bool(true))
        let branch = try #require(F.valid("if copies == 0 then 0 else 100 / copies"))
        #expect(try branch.evaluate(in: ExprEnvironment(facts: ["copies": .int(0)])) == .int(0))
    }

    @Test(arguments: [
        ("7 / 2", 3), ("6 / 2", 3), ("0 / 5", 0), ("-7 / 2", -4),
        ("ceil_div(7, 2)", 4), ("ceil_div(6, 2)", 3), ("ceil_div(0, 5)", 0), ("ceil_div(-7, 2)", -3), ("ceil_div(1, 10)", 1),
        ("min(3, 1, 2)", 1), ("max(3, 1, 2)", 3), ("clamp(0, 1, 10)", 1), ("clamp(5, 1, 10)", 5), ("clamp(50, 1, 10)", 10),
        ("-(2 - 5)", 3), ("2 + 3 * 4 - 10 / 3", 11),
    ])
    func integerArithmetic(_ source: String, _ expected: Int) throws {
        let expr = try #require(F.valid(source))
        #expect(try expr.evaluate(in: ExprEnvironment()) == .int(expected))
    }

    @Test func moneyArithmetic() throws {
        let env = ExprEnvironment(facts: ["fee": .money(8_001), "pages": .int(3)])
        #expect(try F.valid("fee / 2")?.evaluate(in: env) == .money(4_000))
        #expect(try F.valid("ceil_div(fee, 2)")?.evaluate(in: env) == .money(4_001))
        #expect(try F.valid("pages * fee")?.evaluate(in: env) == .money(24_003))
        #expect(try F.valid("max(fee, 10_000)")?.evaluate(in: env) == .money(10_000))
        #expect(try F.valid("min(fee, 10_000)")?.evaluate(in: env) == .money(8_001))
        #expect(try F.valid("-fee")?.evaluate(in: env) == .money(-8_001))
        #expect(try F.valid("fee - pages")?.evaluate(in: env) == .money(7_998))
    }

    @Test func dates() throws {
        let env = ExprEnvironment(facts: ["birth_date": .date(ExprDate(year: 2025, month: 12, day: 1))], received: ExprDate(year: 2026, month: 2, day: 13))
        #expect(try F.valid("max(received, 2026-03-01)")?.evaluate(in: env) == .date(ExprDate(year: 2026, month: 3, day: 1)))
        #expect(try F.valid("clamp(birth_date, 2026-01-01, 2026-12-31)")?.evaluate(in: env) == .date(ExprDate(year: 2026, month: 1, day: 1)))
        #expect(try F.valid("birth_date < received")?.evaluate(in: env) == .bool(true))
        #expect(try F.valid("received != 2026-02-13")?.evaluate(in: env) == .bool(false))
    }

    @Test func runtimeDivisionByZero() throws {
        let expr = try #require(F.valid("100 / copies"))
        #expect(throws: ExprEvaluationError.divisionByZero) { try expr.evaluate(in: ExprEnvironment(facts: ["copies": .int(0)])) }
        let ceil = try #require(F.valid("ceil_div(100, copies)"))
        #expect(throws: ExprEvaluationError.divisionByZero) { try ceil.evaluate(in: ExprEnvironment(facts: ["copies": .int(0)])) }
    }

    @Test func overflowIsReportedNotTrapped() throws {
        let huge = ExprEnvironment(facts: ["pages": .int(.max), "copies": .int(.min), "fee": .money(.max)])
        for source in [
            "pages + 1", "pages * 2", "copies - 1", "-copies", "copies / -1", "ceil_div(copies, -1)",
            "fee + 1", "fee * 2", "min(2_000 * pages, 200_000)",
        ] {
            let expr = try #require(F.valid(source))
            #expect(throws: ExprEvaluationError.overflow, "\(source)") { try expr.evaluate(in: huge) }
        }
        let certified = try #require(F.valid(Self.certifiedCopyFee, expecting: .money))
        #expect(throws: ExprEvaluationError.overflow) {
            try certified.evaluate(in: ExprEnvironment(facts: ["pages": .int(3), "copies": .int(.max)]))
        }
    }

    @Test func missingFacts() throws {
        let expr = try #require(F.valid("on_time and copies > 1"))
        #expect(throws: ExprEvaluationError.missingFact("copies")) {
            try expr.evaluate(in: ExprEnvironment(facts: ["on_time": .bool(true)]))
        }
        #expect(try expr.evaluate(in: ExprEnvironment(facts: ["on_time": .bool(false)])) == .bool(false))
    }

    @Test func illTypedExpressionsFailWithoutTrapping() {
        let env = ExprEnvironment(facts: ["copies": .text("hai")])
        #expect(throws: ExprEvaluationError.typeMismatch(operation: "+", value: .text("hai"))) {
            try Expr.arithmetic(.add, .fact("copies"), .literal(.int(1))).evaluate(in: env)
        }
        #expect(throws: ExprEvaluationError.typeMismatch(operation: "not", value: .int(1))) {
            try Expr.not(.literal(.int(1))).evaluate(in: env)
        }
        #expect(throws: ExprEvaluationError.self) { try Expr.call(.clamp, [.literal(.int(1))]).evaluate(in: env) }
        #expect(throws: ExprEvaluationError.self) {
            try Expr.compare(.less, .literal(.bool(true)), .literal(.bool(false))).evaluate(in: env)
        }
    }

    @Test(arguments: [
        ("false", Value.bool(false)),
        ("true or on_time", .bool(true)),
        ("false and on_time", .bool(false)),
        ("not true and surrogacy", .bool(false)),
        ("1 + 2", .int(3)),
        ("min(2_000 * 2, 200_000)", .int(4_000)),
        ("2_000đ * 3", .money(6_000)),
        ("if true then 1 else copies", .int(1)),
        ("2026-01-01 < 2026-02-01", .bool(true)),
        ("\"Hà Nội\" == \"Hà Nội\"", .bool(true)),
        ("ceil_div(7, 2)", .int(4)),
    ])
    func constantFolding(_ source: String, _ value: Value) throws {
        let expr = try #require(F.valid(source))
        #expect(expr.constantValue == value)
    }

    @Test(arguments: ["on_time", "on_time and false", "copies + 1", "channel == online", "received > 2026-01-01", "if on_time then 1 else 1"])
    func notConstant(_ source: String) throws {
        let expr = try #require(F.valid(source))
        #expect(expr.constantValue == nil)
    }

    @Test func failingConstantsDoNotFold() {
        #expect(Expr.arithmetic(.divide, .literal(.int(1)), .literal(.int(0))).constantValue == nil)
        #expect(Expr.arithmetic(.add, .literal(.int(.max)), .literal(.int(1))).constantValue == nil)
    }

    @Test func constantMoneyKeepsItsType() throws {
        let expr = try #require(F.valid("8_000", expecting: .money))
        #expect(expr.constantValue == .money(8_000))
    }
}
