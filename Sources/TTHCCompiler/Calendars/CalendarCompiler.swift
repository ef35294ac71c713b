import Foundation
public import TTHCCalendar
public import TTHCDiagnostics
import TTHCYAML

/// What compiling a calendars folder produced.
public struct CalendarCompilation: Sendable {
    /// The calendars decoded without error, by id, as written (``CalendarDefinition/extends`` not
    /// yet resolved; see ``resolved(_:)``).
    public var definitions: [String: CalendarDefinition]
    /// Every diagnostic, in file/line/column order.
    public var diagnostics: [Diagnostic]
    /// The source text of each file read, for snippets.
    public var sources: [String: String]

    /// Whether any error was reported.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The calendar `id` merged onto the calendars it extends.
    public func resolved(_ id: String) throws(CalendarError) -> CalendarDefinition {
        guard let definition = definitions[id] else { throw .unknownCalendar(id, known: definitions.keys.sorted()) }
        return try definition.resolved(in: definitions)
    }
}

/// Compiles the calendar files of a catalogue (`<catalog>/calendars/*.yaml`) like procedures: every
/// mistake of every file is a located diagnostic, then the checks across files: the id matches
/// the file name and is unique, `extends` names a calendar of the folder and makes no cycle, and
/// the holidays that notices refer to exist in the calendar or those it extends.
public struct CalendarCompiler: Sendable {
    /// The calendars folder.
    public var folder: String

    /// Creates a compiler for a calendars folder.
    public init(folder: String) {
        self.folder = folder
    }

    /// Creates a compiler for the `calendars` folder of a catalogue folder.
    public init(catalog: String) {
        self.folder = catalog.hasSuffix("/") ? catalog + "calendars" : catalog + "/calendars"
    }

    /// Whether the folder exists.
    public var exists: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Compiles every `*.yaml` file of the folder.
    public func compile() -> CalendarCompilation {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var files: [(path: String, text: String)] = []
        var diagnostics = DiagnosticBag()
        for name in names {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                diagnostics.report(.unreadableFile(path), at: .file(path))
                continue
            }
            files.append((path, String(decoding: data, as: UTF8.self)))
        }
        var result = Self.compile(files: files)
        var all = diagnostics
        all.append(contentsOf: result.diagnostics)
        result.diagnostics = all.sorted
        return result
    }

    /// Compiles calendar files given as (path, text) pairs; the file name without `.yaml` must be
    /// the calendar's id.
    public static func compile(files: [(path: String, text: String)]) -> CalendarCompilation {
        var diagnostics = DiagnosticBag()
        var sources: [String: String] = [:]
        var decoded: [String: DecodedCalendar] = [:]
        for (path, text) in files {
            let document = YAMLParser.parse(text: text, file: path, diagnostics: &diagnostics)
            sources[path] = document.text
            guard let root = document.root else {
                if !diagnostics.all.contains(where: { $0.range.file == path && $0.severity == .error }) {
                    diagnostics.report(.emptyFile, at: .file(path))
                }
                continue
            }
            var decoder = CalendarDecoder()
            let calendar = decoder.decode(root, file: path)
            diagnostics.append(contentsOf: decoder.decoder.diagnostics.all)
            guard let calendar else { continue }
            let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            if calendar.definition.id != base {
                diagnostics.report(.calendarIDMismatch(calendar.definition.id, file: base), at: calendar.idRange, fixIt: base)
                continue
            }
            if let first = decoded[calendar.definition.id] {
                diagnostics.report(.calendarDuplicateID(calendar.definition.id), at: calendar.idRange,
                                   notes: [DiagnosticNote(LocalizedText(vi: "khai báo lần đầu ở đây", en: "first declared here"), at: first.idRange)])
                continue
            }
            decoded[calendar.definition.id] = calendar
        }

        // Across files: extends, cycles, holiday references.
        var valid = decoded
        for (id, calendar) in decoded.sorted(by: { $0.key < $1.key }) {
            var chain = [id]
            var current = calendar
            var broken = false
            while let parent = current.definition.extends {
                guard let next = decoded[parent] else {
                    if current.definition.id == id {
                        let suggestion = Suggestion.closest(to: parent, in: decoded.keys.filter { $0 != id })
                        diagnostics.report(.calendarUnknownExtends(parent, suggestion: suggestion), at: calendar.extendsRange ?? calendar.idRange, fixIt: suggestion)
                    }
                    broken = true
                    break
                }
                if chain.contains(parent) {
                    diagnostics.report(.calendarCycle((chain + [parent]).joined(separator: " → ")), at: calendar.extendsRange ?? calendar.idRange)
                    broken = true
                    break
                }
                chain.append(parent)
                current = next
            }
            if broken {
                valid[id] = nil
                continue
            }
            let known = chain.flatMap { decoded[$0]?.holidayIDs.keys.map { $0 } ?? [] }
            for reference in calendar.holidayReferences where !known.contains(reference.id) {
                let suggestion = Suggestion.closest(to: reference.id, in: known)
                diagnostics.report(.calendarUnknownHoliday(reference.id, suggestion: suggestion), at: reference.range, fixIt: suggestion)
                valid[id] = nil
            }
        }
        return CalendarCompilation(definitions: valid.mapValues(\.definition), diagnostics: diagnostics.sorted, sources: sources)
    }
}
