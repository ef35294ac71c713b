public import Foundation
public import TTHCDiagnostics
public import TTHCModel
import TTHCCalendar
import TTHCYAML

/// What a compilation produced: the catalogue (nil when any error was found), every diagnostic,
/// and the source texts for printing snippets.
public struct CompilationResult: Sendable {
    /// The checked catalogue, present only when there was no error.
    public var catalog: Catalog?
    /// Every diagnostic, deduplicated, in file/line/column order.
    public var diagnostics: [Diagnostic]
    /// The source text of each file read, by the path used in diagnostics.
    public var sources: [String: String]
    /// How many procedure files were read.
    public var procedureFileCount: Int
    /// Procedures decoded without error (also when other files had errors), for tools that can show them.
    public var procedures: [Procedure]

    /// Whether any error was reported.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Compiles a catalogue folder (`Procedures/`): the shared registries in `_shared/`, the calendars
/// in `calendars/`, the provincial fee schedules in `fees/`, then every other `*.yaml` file as one
/// procedure, with the checks across files
/// (duplicate ids and codes). Every mistake of every file is reported in one run.
public struct CatalogCompiler: Sendable {
    /// The catalogue folder.
    public var root: String

    /// Creates a compiler for the catalogue folder `root`.
    public init(root: String) {
        self.root = root
    }

    /// Compiles every procedure file of the catalogue, or only `files` when given (the registries
    /// still come from the catalogue folder).
    public func compile(files: [String]? = nil) -> CompilationResult {
        var diagnostics = DiagnosticBag()
        var sources: [String: String] = [:]
        let layout = CatalogLayout(root: root)

        // Registries and calendar ids.
        var registries = Registries()
        var decoder = NodeDecoder()
        for path in layout.registryFiles {
            guard let document = Self.read(path, diagnostics: &diagnostics, sources: &sources) else { continue }
            if let root = document.root { registries.read(root, decoder: &decoder) }
        }
        registries.calendars = layout.calendarIDs
        // Calendars are compiled and diagnosed like procedures.
        var calendars: [CalendarDefinition] = []
        let calendarCompiler = CalendarCompiler(catalog: root)
        if calendarCompiler.exists {
            let compiled = calendarCompiler.compile()
            diagnostics.append(contentsOf: compiled.diagnostics)
            sources.merge(compiled.sources) { a, _ in a }
            calendars = Array(compiled.definitions.values)
        }
        for path in layout.feeScheduleFiles {
            guard let document = Self.read(path, diagnostics: &diagnostics, sources: &sources), let root = document.root else { continue }
            let id = layout.fileID(path)
            if let schedule = FeeScheduleDecoder.decode(root, id: id, declared: registries.feeKeys, decoder: &decoder) { registries.feeSchedules[id] = schedule }
        }
        diagnostics.append(contentsOf: decoder.diagnostics.all)

        // Procedures.
        let procedureFiles = files.map(layout.expandingFolders) ?? layout.procedureFiles
        var procedures: [Procedure] = []
        var identities: [ProcedureIdentity] = []
        for path in procedureFiles {
            guard let document = Self.read(path, diagnostics: &diagnostics, sources: &sources) else { continue }
            guard let root = document.root else {
                if document.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || !diagnostics.all.contains(where: { $0.range.file == path && $0.severity == .error }) {
                    diagnostics.report(.emptyFile, at: .file(path))
                }
                continue
            }
            var procedureDecoder = ProcedureDecoder(registries: registries, source: layout.relative(path), text: document.text)
            let (procedure, identity) = procedureDecoder.decode(root)
            let fileHasErrors = procedureDecoder.decoder.diagnostics.hasErrors || diagnostics.all.contains { $0.range.file == path && $0.severity == .error }
            diagnostics.append(contentsOf: procedureDecoder.decoder.diagnostics.all)
            if let identity { identities.append(identity) }
            if let procedure, !fileHasErrors { procedures.append(procedure) }
        }
        Self.checkUniqueness(identities, diagnostics: &diagnostics)

        let unique = Self.deduplicated(diagnostics)
        let hasErrors = unique.contains { $0.severity == .error }
        let catalog = hasErrors ? nil : Catalog(
            revision: Self.revision(of: sources),
            procedures: procedures,
            fields: registries.fields.values.map(\.value),
            agencies: registries.agencies.values.map(\.value),
            roles: registries.roles.values.map(\.value),
            calendars: calendars,
            feeSchedules: Array(registries.feeSchedules.values),
            feeKeys: registries.feeKeys.values.map(\.value))
        var bag = DiagnosticBag()
        bag.append(contentsOf: unique)
        return CompilationResult(catalog: catalog, diagnostics: bag.sorted, sources: sources, procedureFileCount: procedureFiles.count, procedures: procedures)
    }

    static func read(_ path: String, diagnostics: inout DiagnosticBag, sources: inout [String: String]) -> YAMLDocument? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.report(.unreadableFile(path), at: .file(path))
            return nil
        }
        let document = YAMLParser.parse(bytes: Array(data), file: path, diagnostics: &diagnostics)
        sources[path] = document.text
        return document
    }

    static func checkUniqueness(_ identities: [ProcedureIdentity], diagnostics: inout DiagnosticBag) {
        var ids: [String: SourceRange] = [:]
        var codes: [String: SourceRange] = [:]
        for identity in identities {
            if let first = ids[identity.id] {
                diagnostics.report(.duplicateProcedureID(identity.id), at: identity.idRange, notes: [DiagnosticNote(DiagnosticMessage.firstDeclaredHere, at: first)])
            } else {
                ids[identity.id] = identity.idRange
            }
            if let code = identity.code, let range = identity.codeRange {
                if let first = codes[code] {
                    diagnostics.report(.duplicateCode(code), at: range, notes: [DiagnosticNote(DiagnosticMessage.firstDeclaredHere, at: first)])
                } else {
                    codes[code] = range
                }
            }
        }
    }

    /// Removes repeats (a section inherited by several versions is checked once per version).
    static func deduplicated(_ bag: DiagnosticBag) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return bag.all.filter { seen.insert($0).inserted }
    }

    /// A content hash of the sources: the first 16 hex digits of SHA-256 over paths and texts.
    static func revision(of sources: [String: String]) -> String {
        var bytes: [UInt8] = []
        for path in sources.keys.sorted() {
            bytes.append(contentsOf: Array(path.utf8) + [0] + Array((sources[path] ?? "").utf8) + [0])
        }
        return String(SHA256.hex(bytes).prefix(16))
    }
}

extension DiagnosticMessage {
    static func unreadableFile(_ path: String) -> DiagnosticMessage {
        .error("unreadable-file", vi: "không đọc được tệp '\(path)' (không tồn tại hoặc không có quyền đọc)", en: "cannot read the file '\(path)' (missing or not readable)")
    }
}

/// Where things are in a catalogue folder.
struct CatalogLayout {
    let root: String

    var registryFiles: [String] { yamlFiles(in: join(root, "_shared"), recursive: false) }

    var calendarIDs: Set<String>? {
        let folder = join(root, "calendars")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return Set(yamlFiles(in: folder, recursive: false).map(fileID))
    }

    var feeScheduleFiles: [String] { yamlFiles(in: join(root, "fees"), recursive: false) }

    /// A file's name without its folder and `.yaml` ending: the id of a calendar or fee schedule.
    func fileID(_ path: String) -> String {
        (path as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "").replacingOccurrences(of: ".yml", with: "")
    }

    var procedureFiles: [String] {
        yamlFiles(in: root, recursive: true).filter { path in
            let relative = relative(path)
            return !relative.hasPrefix("_shared/") && !relative.hasPrefix("calendars/") && !relative.hasPrefix("fees/")
        }
    }

    func relative(_ path: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }

    /// `paths` with each folder replaced by the procedure files below it (registries, calendars
    /// and fee schedules left out), so that `tthc test Procedures/ho-tich` tests a whole field.
    /// Files and paths that do not exist are kept as given (they are diagnosed when read).
    func expandingFolders(_ paths: [String]) -> [String] {
        let standardRoot = URL(fileURLWithPath: root).standardizedFileURL.path
        return paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
            return yamlFiles(in: path, recursive: true).filter { file in
                let full = URL(fileURLWithPath: file).standardizedFileURL.path
                guard full.hasPrefix(standardRoot + "/") else { return true }
                let relative = String(full.dropFirst(standardRoot.count + 1))
                return !relative.hasPrefix("_shared/") && !relative.hasPrefix("calendars/") && !relative.hasPrefix("fees/")
            }
        }
    }

    func yamlFiles(in folder: String, recursive: Bool) -> [String] {
        let fm = FileManager.default
        guard let names = try? (recursive ? fm.subpathsOfDirectory(atPath: folder) : fm.contentsOfDirectory(atPath: folder)) else { return [] }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { join(folder, $0) }
    }
}
