import Testing
@testable import TTHCCommands
import TTHCCompiler
import TTHCDiagnostics
import TTHCModel

/// `tthc test` must be able to fail: the corpus only ever shows the runner examples that pass, so
/// these take shipped examples, change one expectation, and check the runner names the difference.
@Suite struct ExampleRunnerTests {
    /// The runner's findings for `procedure`'s first example whose completeness is `complete`, after `change`.
    func failures(_ procedure: String, complete: Bool, _ change: (inout TestExpectation) -> Void) throws -> [String] {
        let catalog = try #require(CatalogCorpusTests.compiled.catalog, "the catalogue has errors")
        let found = try #require(catalog.procedure(procedure))
        var test = try #require(found.tests.first { $0.expect.complete == complete })
        let assessor = try EngineSetup.assessor(for: catalog)
        #expect(ExampleRunner.run(test, of: found, assessor: EngineSetup.assessor(assessor, for: test, in: catalog), language: .vi).isEmpty,
                "the shipped example passes as written")
        change(&test.expect)
        return ExampleRunner.run(test, of: found, assessor: EngineSetup.assessor(assessor, for: test, in: catalog), language: .vi)
    }

    @Test func aDueDateWhereTheLawSetsNoneFails() throws {
        let found = try failures("thong-bao-to-chuc-bieu-dien-nghe-thuat", complete: true) { $0.due = "2026-11-19T17:00:00+07:00" }
        #expect(found == ["ngày hẹn trả: mong đợi 2026-11-19T17:00:00+07:00, thực tế không có"])
    }

    @Test func noDueWhereTheLawSetsATimeFails() throws {
        let found = try failures("chung-thuc-ban-sao-tu-ban-chinh", complete: true) { $0.due = TestExpectation.noDue }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("ngày hẹn trả: mong đợi không có (không quy định thời hạn), thực tế 20") == true, "\(found)")
    }

    @Test func noDueOnAnIncompleteDossierFails() throws {
        let found = try failures("thong-bao-to-chuc-bieu-dien-nghe-thuat", complete: false) { $0.due = TestExpectation.noDue }
        #expect(found == ["ngày hẹn trả: mong đợi không có (không quy định thời hạn), thực tế hồ sơ chưa đầy đủ"])
    }

    @Test func aWrongFeeAndAWrongCompletenessFail() throws {
        let found = try failures("chung-thuc-ban-sao-tu-ban-chinh", complete: true) { expect in
            expect.fee = (expect.fee ?? 0) + 1
            expect.complete = false
        }
        #expect(found.count == 2)
        #expect(found.contains { $0.hasPrefix("đầy đủ: mong đợi false, thực tế true") })
        #expect(found.contains { $0.hasPrefix("phí, lệ phí: mong đợi ") })
    }
}
