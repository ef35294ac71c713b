import ArgumentParser
import Foundation
import TTHCDiagnostics
import TTHCModel

/// `tthc table`: the catalogue as a Markdown table, printed, written into a README between its
/// markers (`--write`), or compared with what a README holds (`--check`, for CI and tests).
public struct TableCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Lập bảng danh mục thủ tục (Markdown: lĩnh vực, mã, tên, thời hạn, phí, lệ phí) cho Procedures/README.md.")

    @OptionGroup public var options: GlobalOptions

    /// The README whose generated part is rewritten.
    @Option(name: .long, help: "Ghi bảng vào tệp README này, giữa hai dòng đánh dấu «tthc table».")
    public var write: String?

    /// The README whose generated part is compared with a fresh table.
    @Option(name: .long, help: "Chỉ so sánh: trả mã 1 nếu bảng trong tệp README này đã cũ so với các tệp thủ tục.")
    public var check: String?

    public init() {}

    public func run() throws {
        try Self.execute(write: write, check: check, options: options).emit()
    }

    /// Makes the table and prints, writes or checks it.
    public static func execute(write: String?, check: String?, options: GlobalOptions) -> CommandOutput {
        let language = options.lang.language
        if write != nil && check != nil {
            return CommandFailure(vi: "chỉ dùng một trong hai tùy chọn --write và --check", en: "use only one of --write and --check").output(language)
        }
        let catalog: Catalog
        switch CatalogLoader.load(options.catalog, language: language) {
        case .failure(let failure): return failure.output(language)
        case .success(let loaded): catalog = loaded
        }
        let table = CatalogTable.markdown(catalog)
        guard let path = write ?? check else {
            var output = CommandOutput()
            output.out = table
            return output
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return CommandFailure(vi: "không đọc được tệp '\(path)'", en: "cannot read the file '\(path)'").output(language)
        }
        let readme = String(decoding: data, as: UTF8.self)
        guard let updated = CatalogTable.replacingTable(in: readme, with: table) else {
            return CommandFailure(vi: "tệp '\(path)' thiếu hai dòng đánh dấu (\(CatalogTable.beginMarker) … \(CatalogTable.endMarker))",
                                  en: "the file '\(path)' lacks the two marker lines (\(CatalogTable.beginMarker) … \(CatalogTable.endMarker))").output(language)
        }
        var output = CommandOutput()
        if check != nil {
            if updated == readme {
                output.out = language == .vi ? "Bảng danh mục trong \(path) khớp với \(catalog.procedures.count) tệp thủ tục.\n"
                    : "The catalogue table in \(path) matches the \(catalog.procedures.count) procedure files.\n"
            } else {
                output.err = language == .vi ? "Bảng danh mục trong \(path) đã cũ; chạy: tthc table --write \(path)\n"
                    : "The catalogue table in \(path) is out of date; run: tthc table --write \(path)\n"
                output.status = 1
            }
            return output
        }
        if updated != readme {
            do {
                try Data(updated.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                return CommandFailure(vi: "không ghi được tệp '\(path)': \(error.localizedDescription)", en: "cannot write the file '\(path)': \(error.localizedDescription)").output(language)
            }
        }
        output.out = language == .vi ? "Đã ghi bảng \(catalog.procedures.count) thủ tục vào \(path).\n" : "Wrote the table of \(catalog.procedures.count) procedures into \(path).\n"
        return output
    }
}
