import ArgumentParser
import Foundation
import TTHCCompiler
import TTHCDiagnostics
import TTHCModel

/// `tthc lint [PATH…]`: every diagnostic of the catalogue or of the files named; exit 0 when clean
/// of errors, 1 otherwise.
public struct LintCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Kiểm tra các tệp thủ tục và báo mọi lỗi kèm dòng, cột.")

    @OptionGroup public var options: GlobalOptions

    /// Folders (each a catalogue) or procedure files (checked against --catalog's registries).
    @Argument(help: "Thư mục danh mục hoặc tệp thủ tục (mặc định: --catalog).")
    public var paths: [String] = []

    /// Warnings count as errors.
    @Flag(name: .long, help: "Coi cảnh báo là lỗi.")
    public var strict = false

    public init() {}

    public func run() throws {
        try Self.execute(paths: paths, options: options, strict: strict, colored: isatty(STDOUT_FILENO) == 1).emit()
    }

    /// Lints and returns the output.
    public static func execute(paths: [String], options: GlobalOptions, strict: Bool = false, colored: Bool = false) -> CommandOutput {
        let language = options.lang.language
        var diagnostics: [Diagnostic] = []
        var sources: [String: String] = [:]
        var files = 0
        var loose: [String] = []
        for path in paths.isEmpty ? [options.catalog] : paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                return CommandFailure(vi: "không tìm thấy '\(path)'", en: "'\(path)' not found").output(language)
            }
            if isDirectory.boolValue {
                let result = CatalogCompiler(root: path).compile()
                diagnostics += result.diagnostics
                sources.merge(result.sources) { a, _ in a }
                files += result.procedureFileCount
            } else {
                loose.append(path)
            }
        }
        if !loose.isEmpty {
            let result = CatalogCompiler(root: options.catalog).compile(files: loose)
            diagnostics += result.diagnostics
            sources.merge(result.sources) { a, _ in a }
            files += result.procedureFileCount
        }
        var output = CommandOutput()
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count - errors
        switch options.format {
        case .json:
            output.out = DiagnosticJSON(language: language).render(diagnostics) + "\n"
        case .text:
            let renderer = DiagnosticRenderer(language: language, colored: colored, sources: sources)
            output.out = renderer.render(diagnostics) + renderer.summary(errors: errors, warnings: warnings, files: files) + "\n"
        }
        output.status = errors > 0 || (strict && warnings > 0) ? 1 : 0
        return output
    }
}

/// `tthc compile [PATH] -o FILE`: writes the compiled catalogue bundle.
public struct CompileCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Biên dịch danh mục thủ tục thành một tệp để nạp nhanh, không cần đọc lại YAML.")

    @OptionGroup public var options: GlobalOptions

    /// The catalogue folder (default --catalog).
    @Argument(help: "Thư mục danh mục (mặc định: --catalog).")
    public var path: String?

    /// Where to write the bundle.
    @Option(name: .shortAndLong, help: "Tệp kết quả.")
    public var output: String

    public init() {}

    public func run() throws {
        try Self.execute(path: path ?? options.catalog, output: output, options: options).emit()
    }

    /// Compiles and writes the bundle, returning what to print.
    public static func execute(path: String, output file: String, options: GlobalOptions) -> CommandOutput {
        let language = options.lang.language
        let result = CatalogCompiler(root: path).compile()
        var output = CommandOutput()
        let renderer = DiagnosticRenderer(language: language, sources: result.sources)
        output.err = renderer.render(result.diagnostics)
        guard let catalog = result.catalog else {
            output.status = 1
            let errors = result.diagnostics.count { $0.severity == .error }
            output.err += renderer.summary(errors: errors, warnings: result.diagnostics.count - errors, files: result.procedureFileCount) + "\n"
            return output
        }
        do {
            try catalog.encoded().write(to: URL(fileURLWithPath: file))
        } catch {
            return CommandFailure(vi: "không ghi được tệp '\(file)'", en: "cannot write '\(file)'", status: 1).output(language)
        }
        output.out = language == .vi
            ? "Đã biên dịch \(catalog.procedures.count) thủ tục vào \(file) (phiên bản \(catalog.revision)).\n"
            : "Compiled \(catalog.procedures.count) procedures into \(file) (revision \(catalog.revision)).\n"
        return output
    }
}
