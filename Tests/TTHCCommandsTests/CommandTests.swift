import Foundation
import Testing
@testable import TTHCCommands

/// End-to-end runs of the commands in-process: output and exit codes.
@Suite struct CommandTests {
    func options(_ catalog: String = RepositoryPaths.procedures, lang: OutputLanguage = .vi, format: OutputFormat = .text) -> GlobalOptions {
        var options = GlobalOptions()
        options.catalog = catalog
        options.lang = lang
        options.format = format
        return options
    }

    @Test func lintOfTheShippedCatalogueIsClean() {
        let output = LintCommand.execute(paths: [RepositoryPaths.procedures], options: options())
        #expect(output.status == 0, "\(output.out)")
        #expect(output.out.contains("0 lỗi"))
    }

    @Test func lintReportsMissingPathAsBadInput() {
        let output = LintCommand.execute(paths: ["/nonexistent/tthc"], options: options())
        #expect(output.status == 2)
        #expect(output.err.contains("không tìm thấy"))
    }

    @Test func lintJSONIsAnArray() throws {
        let output = LintCommand.execute(paths: [RepositoryPaths.procedures], options: options(format: .json))
        let parsed = try JSONSerialization.jsonObject(with: Data(output.out.utf8))
        #expect(parsed is [Any])
    }

    @Test func showPrintsTheClerkSheet() {
        let output = ShowCommand.execute(procedure: "dang-ky-khai-sinh", on: nil, options: options())
        #expect(output.status == 0, "\(output.err)")
        #expect(output.out.contains("Thành phần hồ sơ:"))
        #expect(output.out.contains("Thời hạn giải quyết:"))
        #expect(output.out.contains("Căn cứ pháp lý:"))
    }

    @Test func showUnknownProcedureSuggests() {
        let output = ShowCommand.execute(procedure: "dang-ky-khai-sin", on: nil, options: options())
        #expect(output.status == 2)
        #expect(output.err.contains("dang-ky-khai-sinh"))
    }

    @Test func showRejectsAnImpossibleDate() {
        let output = ShowCommand.execute(procedure: "dang-ky-khai-sinh", on: "2026-02-30", options: options())
        #expect(output.status == 2)
    }

    @Test func listHasOneLineAProcedure() {
        let output = ListCommand.execute(field: nil, options: options())
        #expect(output.status == 0)
        #expect(output.out.split(separator: "\n").count == RepositoryPaths.procedureFiles.count)
    }

    @Test func compileWritesALoadableBundle() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-\(UUID().uuidString).tthcbundle").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let output = CompileCommand.execute(path: RepositoryPaths.procedures, output: file, options: options())
        #expect(output.status == 0, "\(output.err)")
        let listed = ListCommand.execute(field: nil, options: options(file))
        #expect(listed.status == 0)
        #expect(listed.out == ListCommand.execute(field: nil, options: options()).out)
    }

    @Test func testCommandPassesOnTheShippedCatalogue() {
        let output = TestCommand.execute(paths: [], options: options())
        #expect(output.status == 0, "\(output.out)\(output.err)")
        #expect(output.out.contains(" 0 failed"))
    }
}
