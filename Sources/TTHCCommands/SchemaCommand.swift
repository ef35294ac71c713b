import ArgumentParser
import Foundation
import TTHCCompiler
import TTHCDiagnostics

/// Which schema `tthc schema` writes.
public enum SchemaKindOption: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Procedure files.
    case procedure
    /// Calendar files.
    case calendar
    /// Provincial fee schedules.
    case fees
    /// Shared registries (`_shared`).
    case shared
    /// All of them.
    case all

    var kinds: [EditorSchemaKind] {
        switch self {
        case .procedure: [.procedure]
        case .calendar: [.calendar]
        case .fees: [.fees]
        case .shared: [.shared]
        case .all: EditorSchemaKind.allCases
        }
    }
}

/// `tthc schema [--kind K] [-o DIR]`: the JSON Schemas editors use to check procedure, calendar,
/// fee schedule and registry files as they are typed, generated from the compiler's description of
/// the language. See Docs/editing.md.
public struct SchemaCommand: ParsableCommand {
    /// The command's name, abstract and help.
    public static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Sinh JSON Schema (draft 2020-12) cho trình soạn thảo từ mô tả ngôn ngữ của trình biên dịch.",
        discussion: "Không có -o: in lược đồ của tệp thủ tục (hoặc của --kind) ra màn hình. Có -o THƯ_MỤC: ghi procedure.schema.json, calendar.schema.json, fees.schema.json, shared.schema.json (hoặc chỉ --kind). Xem Docs/editing.md.")

    /// The language of messages (the shared `--catalog` and `--format` do not apply here).
    @Option(name: .long, help: "Ngôn ngữ thông báo: vi (mặc định) hoặc en.")
    public var lang: OutputLanguage = .vi

    /// Which schema.
    @Option(name: .long, help: "procedure, calendar, fees, shared hoặc all (mặc định: procedure khi in ra màn hình, all khi có -o).")
    public var kind: SchemaKindOption?

    /// The folder to write into.
    @Option(name: .shortAndLong, help: "Thư mục ghi các tệp *.schema.json (ví dụ schemas).")
    public var output: String?

    /// Creates the command with default options (the argument parser fills them in).
    public init() {}

    /// Runs the command.
    public func run() throws {
        var options = GlobalOptions()
        options.lang = lang
        options.catalog = "Procedures"
        options.format = .text
        try Self.execute(kind: kind, output: output, options: options).emit()
    }

    /// Writes or prints the schemas and returns what to print.
    public static func execute(kind: SchemaKindOption?, output directory: String?, options: GlobalOptions) -> CommandOutput {
        let language = options.lang.language
        guard let directory else {
            let kinds = (kind ?? .procedure).kinds
            guard kinds.count == 1, let only = kinds.first else {
                return CommandFailure(vi: "--kind all cần -o THƯ_MỤC (mỗi lược đồ một tệp)", en: "--kind all needs -o DIR (one file a schema)").output(language)
            }
            var result = CommandOutput()
            result.out = EditorSchema.document(for: only)
            return result
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return CommandFailure(vi: "không tạo được thư mục '\(directory)'", en: "cannot create the folder '\(directory)'").output(language)
        }
        var result = CommandOutput()
        for schema in (kind ?? .all).kinds {
            let path = (directory as NSString).appendingPathComponent(schema.fileName)
            guard FileManager.default.createFile(atPath: path, contents: Data(EditorSchema.document(for: schema).utf8)) else {
                return CommandFailure(vi: "không ghi được tệp '\(path)'", en: "cannot write '\(path)'").output(language)
            }
            result.out += (language == .vi ? "đã ghi " : "wrote ") + path + " (" + schema.files + ")\n"
        }
        return result
    }
}
