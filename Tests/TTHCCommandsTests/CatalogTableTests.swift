import Foundation
import Testing
@testable import TTHCCommands
import TTHCModel

/// `tthc table`: the README's generated part, its markers, and the short texts of its cells.
@Suite struct CatalogTableTests {
    let begin = CatalogTable.beginMarker, end = CatalogTable.endMarker

    @Test func replacesOnlyTheGeneratedPart() throws {
        let readme = "# Danh mục\n\nLời dẫn.\n\n\(begin)\nbảng cũ\n\(end)\n\nPhần cuối.\n"
        let updated = try #require(CatalogTable.replacingTable(in: readme, with: "bảng mới\n"))
        #expect(updated == "# Danh mục\n\nLời dẫn.\n\n\(begin)\nbảng mới\n\(end)\n\nPhần cuối.\n")
        #expect(CatalogTable.replacingTable(in: updated, with: "bảng mới\n") == updated)
    }

    @Test func missingOrReversedMarkersLeaveTheFileAlone() {
        #expect(CatalogTable.replacingTable(in: "no markers", with: "x") == nil)
        #expect(CatalogTable.replacingTable(in: "\(end)\n\(begin)\n", with: "x") == nil)
        #expect(CatalogTable.replacingTable(in: "\(begin)\n", with: "x") == nil)
    }

    @Test func cellsNeverBreakTheTable() {
        #expect(CatalogTable.cell("a | b\nc") == "a \\| b c")
    }

    @Test func deadlinesAndFeesInAFewWords() {
        let deadline = Deadline(base: .workingDays(3), cutoff: nil, cases: [], onSupplement: .restart, note: nil)
        #expect(CatalogTable.deadline(deadline) == "03 ngày làm việc")
        #expect(CatalogTable.fee(Fee(none: true, kind: nil, exemptions: [], rules: [], extras: [], onlineDiscount: nil, note: nil)) == "không thu")
        let scheduled = FeeRule(when: nil, label: nil, note: nil, amount: .scheduled(key: "k"), per: nil, maximum: nil)
        let fee = Fee(none: false, kind: .lePhi, exemptions: [], rules: [scheduled, scheduled], extras: [], onlineDiscount: OnlineDiscount(percent: 50, from: nil, until: nil, note: nil), note: nil)
        #expect(CatalogTable.fee(fee) == "theo nghị quyết HĐND tỉnh; giảm 50% nộp trực tuyến")
    }

    /// `--check` answers 1 on a stale README and names the command that mends it; `--write`
    /// mends it; `--check` then answers 0.
    @Test func checkThenWriteThenCheck() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-table-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("README.md").path
        try Data("# R\n\(begin)\n\(end)\n".utf8).write(to: URL(fileURLWithPath: path))
        var options = GlobalOptions()
        options.catalog = RepositoryPaths.procedures
        options.lang = .vi
        options.format = .text
        let stale = TableCommand.execute(write: nil, check: path, options: options)
        #expect(stale.status == 1)
        #expect(stale.err.contains("tthc table --write"))
        let written = TableCommand.execute(write: path, check: nil, options: options)
        #expect(written.status == 0)
        let fresh = TableCommand.execute(write: nil, check: path, options: options)
        #expect(fresh.status == 0, "\(fresh.err)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# R\n\(begin)\n**"))
        #expect(text.contains("| Mã | Thủ tục | Cấp | Thời hạn giải quyết | Phí, lệ phí | Rà soát |"))
        #expect(TableCommand.execute(write: path, check: path, options: options).status == 2)
    }
}
