import ArgumentParser
import Foundation
import TTHCCompiler
import TTHCDiagnostics
import TTHCModel

/// The drawing formats of `tthc graph`.
public enum GraphFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Mermaid `flowchart TD` text (GitHub, GitLab and many wikis draw it).
    case mermaid
    /// Graphviz dot text.
    case dot
    /// An SVG image, laid out by tthc itself.
    case svg
}

/// `tthc graph ID [--format mermaid|dot|svg] [--on DATE]`: a procedure's workflow (steps, roles,
/// branches with their conditions, time budgets, rework loops, the agencies of inter-agency steps).
public struct GraphCommand: ParsableCommand {
    /// The command's name, abstract and help.
    public static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Vẽ sơ đồ trình tự thực hiện của một thủ tục: các bước, vai trò, nhánh rẽ có điều kiện, thời gian, vòng trả lại.")

    /// The catalogue. The shared options are declared one by one because here `--format` is the
    /// drawing format, not text or JSON.
    @Option(name: .long, help: "Danh mục thủ tục: thư mục YAML hoặc tệp đã biên dịch (mặc định: Procedures).")
    public var catalog: String = "Procedures"

    /// The language of messages.
    @Option(name: .long, help: "Ngôn ngữ thông báo: vi (mặc định) hoặc en.")
    public var lang: OutputLanguage = .vi

    /// Procedure id or national code.
    @Argument(help: "Mã thủ tục (id) hoặc mã thủ tục quốc gia.")
    public var procedure: String

    /// The drawing format.
    @Option(name: .long, help: "mermaid (mặc định), dot hoặc svg.")
    public var format: GraphFormat = .mermaid

    /// The version in force on this date (default: the newest).
    @Option(name: .long, help: "Phiên bản có hiệu lực vào ngày này (YYYY-MM-DD); mặc định: phiên bản mới nhất.")
    public var on: String?

    /// Creates the command with default options (the argument parser fills them in).
    public init() {}

    /// Runs the command.
    public func run() throws {
        var options = GlobalOptions()
        options.catalog = catalog
        options.lang = lang
        options.format = .text
        try Self.execute(procedure: procedure, format: format, on: on, options: options).emit()
    }

    /// Draws the workflow and returns what to print (exit 2 for an unknown procedure or a bad date,
    /// 1 when no version is in force on the date).
    public static func execute(procedure key: String, format: GraphFormat, on: String?, options: GlobalOptions) -> CommandOutput {
        let language = options.lang.language
        let catalog: Catalog, procedure: Procedure, version: ProcedureVersion
        switch ProcedureLookup.resolve(key, on: on, catalogPath: options.catalog, language: language) {
        case .failure(let failure): return failure.output(language)
        case .success(let found): (catalog, procedure, version) = found
        }
        let graph = WorkflowGraph(procedure: procedure, version: version, catalog: catalog)
        var output = CommandOutput()
        switch format {
        case .mermaid: output.out = graph.mermaid()
        case .dot: output.out = graph.dot()
        case .svg: output.out = graph.svg(idPrefix: "tthc-" + procedure.id)
        }
        return output
    }
}
