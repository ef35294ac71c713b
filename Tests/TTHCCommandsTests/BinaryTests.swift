import Foundation
import Testing

/// Runs the built `tthc` executable itself, as a clerk or CI does: the in-process tests call the
/// commands' `execute` functions and cannot see a broken entry point.
@Suite struct BinaryTests {
    /// The `tthc` executable next to the test bundle, if it was built.
    static var binary: URL? {
        var folder = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("tthc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let binary = try #require(Self.binary, "the tthc executable was not built beside the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: RepositoryPaths.root)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func helpListsTheCommands() throws {
        let result = try run(["--help"])
        #expect(result.status == 0, "\(result.err)")
        for command in ["lint", "check", "due", "show", "test"] { #expect(result.out.contains(command)) }
    }

    @Test func lintTheShippedCatalogue() throws {
        let result = try run(["lint", "Procedures"])
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(result.out.contains("0 lỗi"))
    }

    @Test func checkAnExampleDossier() throws {
        let result = try run(["check", "Examples/chung-thuc-ban-sao.yaml"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"))
    }

    @Test func badInputExitsTwo() throws {
        let result = try run(["due", "2026-02-30", "--working-days", "1"])
        #expect(result.status == 2)
        #expect(result.err.contains("2026-02-30"))
    }
}
