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

    /// A folder stands for the procedure files below it: the whole catalogue, or one field.
    @Test func testCommandTakesFolders() throws {
        let field = RepositoryPaths.procedures + "/chung-thuc"
        let files = try FileManager.default.contentsOfDirectory(atPath: field).filter { $0.hasSuffix(".yaml") }
        let one = TestCommand.execute(paths: [field], options: options())
        #expect(one.status == 0, "\(one.out)\(one.err)")
        let ids = Set(one.out.split(separator: "\n").compactMap { line in line.hasPrefix("✓ ") ? line.dropFirst(2).split(separator: ":").first.map(String.init) : nil })
        #expect(ids == Set(files.map { String($0.dropLast(5)) }))
        let whole = TestCommand.execute(paths: [RepositoryPaths.procedures + "/"], options: options())
        #expect(whole.status == 0, "\(whole.err)")
        #expect(whole.out == TestCommand.execute(paths: [], options: options()).out)
    }
}

/// `tthc check`: the clerk's receipt or supplement request, JSON, and exit codes.
@Suite struct CheckCommandTests {
    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-check-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func options(format: OutputFormat = .text, lang: OutputLanguage = .vi) -> GlobalOptions {
        var options = GlobalOptions()
        options.catalog = RepositoryPaths.procedures
        options.format = format
        options.lang = lang
        return options
    }

    @Test func completeDossierGetsTheReceiptAndExitZero() throws {
        let path = try write("""
        procedure: chung-thuc-ban-sao-tu-ban-chinh
        received: 2026-01-09T15:30:00+07:00
        facts: {pages: 5, copies: 3}
        papers: [original_document]
        """)
        let output = CheckCommand.execute(dossier: path, fees: nil, options: options())
        #expect(output.status == 0, "\(output.err)")
        #expect(output.out.hasPrefix("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"))
        #expect(output.out.contains("21.000 đồng"))
        #expect(output.out.contains("Ngày hẹn trả kết quả: 17:00, Thứ Bảy, ngày 10/01/2026"))
    }

    @Test func incompleteDossierGetsTheSupplementRequestAndExitOne() throws {
        let path = try write("""
        procedure: "2.000815"
        received: 2026-01-09T10:30:00+07:00
        facts: {no_copier: true}
        papers: [original_document]
        """)
        let output = CheckCommand.execute(dossier: path, fees: nil, options: options())
        #expect(output.status == 1)
        #expect(output.out.hasPrefix("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"))
        #expect(output.out.contains("Bản sao cần chứng thực"))
        #expect(!output.out.contains("Ngày hẹn trả kết quả"))
    }

    @Test func jsonHasTheContractFields() throws {
        let path = try write("""
        {"procedure": "chung-thuc-ban-sao-tu-ban-chinh", "received": "2026-03-10T09:00:00+07:00",
         "facts": {"pages": 3}, "papers": [{"id": "original_document", "present": 1}]}
        """)
        let output = CheckCommand.execute(dossier: path, fees: nil, options: options(format: .json))
        #expect(output.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.out.utf8)) as? [String: Any])
        #expect(object["complete"] as? Bool == true)
        #expect(object["fee"] as? Int == 5_000)
        #expect(object["due"] as? String == "2026-03-10T17:00:00+07:00")
        #expect((object["missing"] as? [Any])?.isEmpty == true)
    }

    @Test func badInputIsLocatedAndExitsTwo() throws {
        let path = try write("""
        procedure: chung-thuc-ban-sao-tu-ban-chinh
        received: 2026-01-09T15:30:00+07:00
        facts: {pages: năm, copis: 3}
        papers: [original_documnt]
        """)
        let output = CheckCommand.execute(dossier: path, fees: nil, options: options())
        #expect(output.status == 2)
        #expect(output.err.contains(":3:16: error:"))
        #expect(output.err.contains("'copies'"))
        #expect(output.err.contains("'original_document'"))
    }

    @Test func unknownProcedureSuggestsTheCompletion() throws {
        let path = try write("procedure: chung-thuc-ban-sao\nreceived: 2026-01-09T15:30:00+07:00\n")
        let output = CheckCommand.execute(dossier: path, fees: nil, options: options(lang: .en))
        #expect(output.status == 2)
        #expect(output.err.contains("did you mean 'chung-thuc-ban-sao-tu-ban-chinh'"))
    }

    @Test func missingFileExitsTwo() {
        let output = CheckCommand.execute(dossier: "/nonexistent/dossier.yaml", fees: nil, options: options())
        #expect(output.status == 2)
    }
}
