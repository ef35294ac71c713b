import ArgumentParser
import Foundation
import TTHCDiagnostics
import TTHCModel

/// `tthc site -o DIR`: a static website of the whole catalogue, in Vietnamese, that works opened from
/// disk with no network: an index by field with search as you type, and a page per procedure in the
/// shape of the national public service portal's page.
public struct SiteCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Tạo trang web tĩnh của cả danh mục: mục lục theo lĩnh vực có ô tìm kiếm, mỗi thủ tục một trang (mở trực tiếp từ đĩa, không cần mạng).")

    @OptionGroup public var options: GlobalOptions

    /// The folder to write the site into (created when missing).
    @Option(name: [.short, .customLong("output")], help: "Thư mục ghi trang web (tạo mới nếu chưa có).")
    public var output: String

    /// Show the version in force on this day on each procedure's main page (default: the newest).
    @Option(name: .long, help: "Trang chính của mỗi thủ tục trình bày phiên bản có hiệu lực vào ngày này (YYYY-MM-DD); mặc định: phiên bản mới nhất.")
    public var on: String?

    public init() {}

    public func run() throws {
        try Self.execute(output: output, on: on, options: options).emit()
    }

    /// Builds the site of the catalogue in `options.catalog` and writes it under `output`. Pages of
    /// procedures no longer in the catalogue (`thu-tuc/*.html` not written this time) are removed.
    public static func execute(output: String, on: String?, options: GlobalOptions) -> CommandOutput {
        let language = options.lang.language
        var date: ExprDate?
        if let on {
            guard let parsed = ExprDate(on) else {
                return CommandFailure(vi: "'\(on)' không phải ngày hợp lệ dạng YYYY-MM-DD", en: "'\(on)' is not a valid date YYYY-MM-DD").output(language)
            }
            date = parsed
        }
        let catalog: Catalog
        switch CatalogLoader.load(options.catalog, language: language) {
        case .failure(let failure): return failure.output(language)
        case .success(let loaded): catalog = loaded
        }
        let files = SiteBuilder(catalog: catalog, on: date).files()
        let manager = FileManager.default
        let root = URL(fileURLWithPath: output, isDirectory: true)
        do {
            for path in files.keys.sorted() {
                let url = root.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data((files[path] ?? "").utf8).write(to: url, options: .atomic)
            }
            let folder = root.appendingPathComponent(SiteBuilder.procedureFolder)
            for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".html") {
                if files["\(SiteBuilder.procedureFolder)/\(name)"] == nil {
                    try manager.removeItem(at: folder.appendingPathComponent(name))
                }
            }
        } catch {
            return CommandFailure(vi: "không ghi được trang web vào '\(output)': \(error.localizedDescription)", en: "cannot write the site into '\(output)': \(error.localizedDescription)").output(language)
        }
        let index = root.appendingPathComponent("index.html").path
        var result = CommandOutput()
        switch options.format {
        case .json:
            struct Summary: Encodable { var directory: String; var index: String; var procedures: Int; var files: [String] }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let summary = Summary(directory: output, index: index, procedures: catalog.procedures.count, files: files.keys.sorted())
            result.out = (try? encoder.encode(summary)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? ""
        case .text:
            result.out = language == .vi
                ? "Đã ghi \(files.count) tệp (\(catalog.procedures.count) thủ tục) vào \(output)\nMở: file://\(index)\n"
                : "Wrote \(files.count) files (\(catalog.procedures.count) procedures) to \(output)\nOpen: file://\(index)\n"
        }
        return result
    }
}
