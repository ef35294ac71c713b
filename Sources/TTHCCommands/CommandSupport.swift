import ArgumentParser
import Foundation
import TTHCCompiler
import TTHCDiagnostics
import TTHCModel

/// What a command printed and the status it ends with; commands compute this in-process so tests can
/// check output and exit codes without spawning the binary.
public struct CommandOutput: Sendable, Equatable {
    /// Standard output.
    public var out: String = ""
    /// Standard error.
    public var err: String = ""
    /// The exit status: 0 success, 1 a negative answer (errors found, dossier incomplete), 2 bad input.
    public var status: Int32 = 0
    /// Why the command failed, for programs (the HTTP service's problem documents); nil on success
    /// and on a negative answer that is not a failure (an incomplete dossier).
    public var problem: CommandProblem?

    /// An empty output with status 0.
    public init() {}

    /// Prints `out` and `err` and exits with `status` when it is not 0.
    func emit() throws {
        if !out.isEmpty { FileHandle.standardOutput.write(Data(out.utf8)) }
        if !err.isEmpty { FileHandle.standardError.write(Data(err.utf8)) }
        if status != 0 { throw ExitCode(status) }
    }
}

/// The human language of the output.
public enum OutputLanguage: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Tiếng Việt (default).
    case vi
    /// English.
    case en

    var language: Language { self == .vi ? .vi : .en }
}

/// Text for people or JSON for programs.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Text for people.
    case text
    /// JSON for programs.
    case json
}

/// Options every command shares.
public struct GlobalOptions: ParsableArguments, Sendable {
    /// The catalogue: a folder of procedure files or a compiled bundle.
    @Option(name: .long, help: "Danh mục thủ tục: thư mục YAML hoặc tệp đã biên dịch (mặc định: Procedures).")
    public var catalog: String = "Procedures"

    /// The language of messages.
    @Option(name: .long, help: "Ngôn ngữ: vi (mặc định) hoặc en.")
    public var lang: OutputLanguage = .vi

    /// Text or JSON.
    @Option(name: .long, help: "Định dạng: text (mặc định) hoặc json.")
    public var format: OutputFormat = .text

    /// Creates default options.
    public init() {}
}

/// Loads a catalogue from a folder (compiling it) or from a bundle file.
public enum CatalogLoader {
    /// The catalogue at `path` (a folder of procedure files or a compiled bundle), or why not.
    public static func load(_ path: String) -> Result<Catalog, CommandProblem> {
        load(path, language: .vi).mapError { failure in
            var problem = failure.problem
            problem.code = "catalog-unavailable"
            problem.kind = .unavailable
            return problem
        }
    }

    static func load(_ path: String, language: Language) -> Result<Catalog, CommandFailure> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(CommandFailure(vi: "không tìm thấy danh mục '\(path)'", en: "catalogue '\(path)' not found"))
        }
        if isDirectory.boolValue {
            let result = CatalogCompiler(root: path).compile()
            guard let catalog = result.catalog else {
                let count = result.diagnostics.count { $0.severity == .error }
                return .failure(CommandFailure(
                    vi: "danh mục '\(path)' có \(count) lỗi; chạy 'tthc lint \(path)' để xem chi tiết",
                    en: "catalogue '\(path)' has \(count) error(s); run 'tthc lint \(path)' for details"))
            }
            return .success(catalog)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(CommandFailure(vi: "không đọc được tệp '\(path)'", en: "cannot read '\(path)'"))
        }
        do {
            return .success(try Catalog.decode(data))
        } catch CatalogBundleError.unsupportedFormat(let format) {
            return .failure(CommandFailure(vi: "tệp '\(path)' được biên dịch theo định dạng \(format), không tương thích; hãy biên dịch lại", en: "'\(path)' has bundle format \(format); compile it again"))
        } catch {
            return .failure(CommandFailure(vi: "tệp '\(path)' không phải danh mục đã biên dịch (tthc compile)", en: "'\(path)' is not a compiled catalogue (tthc compile)"))
        }
    }
}

/// Why a command failed, with a stable code, its kind and the message in both languages.
public struct CommandProblem: Sendable, Equatable, Error {
    /// What kind of failure: decides the HTTP status the service answers with.
    public enum Kind: String, Sendable, Equatable {
        /// The input is malformed or names nothing known (400).
        case badInput
        /// The dossier, procedure or other resource does not exist (404).
        case notFound
        /// Someone changed the dossier meanwhile: reload and retry (409).
        case conflict
        /// The workflow's rules refuse the action in the dossier's state (422).
        case refused
        /// The actor lacks the role, agency or ward the action needs (403).
        case forbidden
        /// The server cannot answer now: the store or the catalogue is unavailable (503).
        case unavailable
    }

    /// A stable kebab-case code.
    public var code: String
    /// The kind.
    public var kind: Kind
    /// The message in Vietnamese.
    public var vietnamese: String
    /// The message in English.
    public var english: String

    /// Creates a problem.
    public init(code: String, kind: Kind, vietnamese: String, english: String) {
        self.code = code
        self.kind = kind
        self.vietnamese = vietnamese
        self.english = english
    }

    /// The message in `language`.
    public func message(_ language: Language) -> String { language == .vi ? vietnamese : english }
}

extension CommandOutput {
    /// A failure: the message on standard error (with its code when `showCode`), the exit status,
    /// and the problem for programs.
    static func failure(_ problem: CommandProblem, status: Int32, language: Language, showCode: Bool = false) -> CommandOutput {
        var output = CommandOutput()
        output.err = (language == .vi ? "lỗi: " : "error: ") + problem.message(language) + (showCode ? " [\(problem.code)]" : "") + "\n"
        output.status = status
        output.problem = problem
        return output
    }

    /// A dossier text that does not decode: its diagnostics with line and column (exit 2); the
    /// problem's message holds the errors in both languages.
    static func invalidDossier(_ diagnostics: [Diagnostic], name: String, source: String, language: Language) -> CommandOutput {
        func render(_ language: Language, _ diagnostics: [Diagnostic]) -> String {
            DiagnosticRenderer(language: language, sources: [name: source]).render(diagnostics)
        }
        let errors = diagnostics.filter { $0.severity == .error }
        var output = CommandOutput()
        output.err = render(language, diagnostics)
        output.status = 2
        output.problem = CommandProblem(code: "invalid-dossier", kind: .badInput,
                                        vietnamese: render(.vi, errors).trimmingCharacters(in: .whitespacesAndNewlines),
                                        english: render(.en, errors).trimmingCharacters(in: .whitespacesAndNewlines))
        return output
    }
}

/// A failure reported to the user in their language, with exit code 2 by default.
struct CommandFailure: Error {
    var text: LocalizedText
    var status: Int32 = 2
    var code: String
    var kind: CommandProblem.Kind

    init(vi: String, en: String, status: Int32 = 2, code: String = "bad-input", kind: CommandProblem.Kind = .badInput) {
        self.text = LocalizedText(vi: vi, en: en)
        self.status = status
        self.code = code
        self.kind = kind
    }

    var problem: CommandProblem { CommandProblem(code: code, kind: kind, vietnamese: text.text(.vi), english: text.text(.en)) }

    func output(_ language: Language) -> CommandOutput {
        .failure(problem, status: status, language: language)
    }

    /// A fee schedule the catalogue does not have.
    static func unknownFeeSchedule(_ id: String) -> CommandFailure {
        CommandFailure(vi: "không có biểu phí '\(id)' trong danh mục", en: "no fee schedule '\(id)' in the catalogue", code: "unknown-fee-schedule")
    }
}

/// Vietnamese formatting of money and dates.
enum VietnameseFormat {
    /// `8.000 đồng`.
    static func money(_ amount: Int) -> String {
        let digits = String(abs(amount))
        var grouped = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { grouped.append(".") }
            grouped.append(ch)
        }
        return (amount < 0 ? "-" : "") + grouped + " đồng"
    }

    /// `01/07/2025`.
    static func date(_ date: ExprDate) -> String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(pad(date.day))/\(pad(date.month))/\(date.year)"
    }
}

/// Finds a procedure by id or national code in a catalogue, and the version to show: the newest,
/// or the one in force on a date. Shared by the commands that show one procedure.
enum ProcedureLookup {
    static func resolve(_ key: String, on: String?, catalogPath: String, language: Language) -> Result<(Catalog, Procedure, ProcedureVersion), CommandFailure> {
        let catalog: Catalog
        switch CatalogLoader.load(catalogPath, language: language) {
        case .failure(let failure): return .failure(failure)
        case .success(let loaded): catalog = loaded
        }
        guard let procedure = catalog.procedure(key) else {
            let suggestion = Suggestion.closest(to: key, in: catalog.procedures.map(\.id))
            let hintVi = suggestion.map { "; có phải ý bạn là '\($0)'?" } ?? ""
            let hintEn = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            return .failure(CommandFailure(vi: "không có thủ tục '\(key)' trong danh mục\(hintVi)", en: "no procedure '\(key)' in the catalogue\(hintEn)",
                                           code: "unknown-procedure", kind: .notFound))
        }
        guard let on else {
            guard let latest = procedure.latest else {
                return .failure(CommandFailure(vi: "thủ tục '\(procedure.id)' không có phiên bản nào", en: "procedure '\(procedure.id)' has no version", status: 1))
            }
            return .success((catalog, procedure, latest))
        }
        guard let date = ExprDate(on) else {
            return .failure(CommandFailure(vi: "'\(on)' không phải ngày hợp lệ dạng YYYY-MM-DD", en: "'\(on)' is not a valid date YYYY-MM-DD"))
        }
        guard let version = procedure.version(on: date) else {
            return .failure(CommandFailure(vi: "thủ tục '\(procedure.id)' không có phiên bản nào có hiệu lực vào ngày \(VietnameseFormat.date(date))",
                                           en: "procedure '\(procedure.id)' has no version in force on \(date)", status: 1))
        }
        return .success((catalog, procedure, version))
    }
}
