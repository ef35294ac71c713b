import Foundation
import TTHCCalendar
import TTHCCompiler
import TTHCDiagnostics

/// Loads a working calendar for the calendar commands from `<catalog>/calendars/*.yaml`,
/// compiled like procedures. Without a calendars folder, the library's national calendar stands
/// in for `vn`.
enum CalendarLoader {
    /// The default range of years the tables cover, widened to include `year` when needed.
    static func years(around year: Int, ahead: Int = 5) -> ClosedRange<Int> {
        let supported = WorkingCalendar.supportedYears
        let low = max(supported.lowerBound, min(1990, year - 1))
        let high = min(supported.upperBound, max(2100, year + ahead))
        return low...max(low, high)
    }

    /// The working calendar `id`, or the output to print (diagnostics or a message, exit code 2).
    /// The definitions come from `source`: compiled from the catalogue folder's `calendars/`, or
    /// those of a catalogue already loaded (the HTTP service), so nothing is read per request.
    static func load(id: String, source: CalendarSource, years: ClosedRange<Int>, language: Language) -> Result<WorkingCalendar, CommandFailureOutput> {
        var definitions: [String: CalendarDefinition] = [:]
        var compilation: CalendarCompilation?
        switch source {
        case .loaded(let given):
            definitions = Dictionary(given.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        case .folder(let catalog):
            let compiler = CalendarCompiler(catalog: catalog)
            if compiler.exists {
                let result = compiler.compile()
                compilation = result
                definitions = result.definitions
            }
        }
        if definitions.isEmpty && compilation == nil { definitions["vn"] = .vietnam }
        guard definitions[id] != nil else {
            var output = CommandOutput()
            if let compilation, compilation.hasErrors {
                output.err = DiagnosticRenderer(language: language, sources: compilation.sources)
                    .render(compilation.diagnostics.filter { $0.severity == .error })
            }
            let known = definitions.keys.sorted()
            let error = CalendarError.unknownCalendar(id, known: known)
            output.err += (language == .vi ? "lỗi: " : "error: ") + error.message(language.calendarLanguage) + "\n"
            output.status = 2
            return .failure(CommandFailureOutput(output: output))
        }
        do {
            return .success(try WorkingCalendar(id: id, in: definitions, years: years))
        } catch {
            var output = CommandOutput()
            output.err = (language == .vi ? "lỗi: " : "error: ") + error.message(language.calendarLanguage) + "\n"
            output.status = 2
            return .failure(CommandFailureOutput(output: output))
        }
    }
}

/// Where the calendar commands take their definitions from.
public enum CalendarSource: Sendable {
    /// Compile `<catalog>/calendars/` (the command line's `--catalog`).
    case folder(String)
    /// The calendars of a loaded catalogue (empty: the national calendar).
    case loaded([CalendarDefinition])
}

/// A failure already rendered as command output.
struct CommandFailureOutput: Error {
    var output: CommandOutput
}

/// The output for bad input: the message on stderr in the chosen language and exit code 2.
func badInput(vi: String, en: String, _ language: Language) -> CommandOutput {
    CommandFailure(vi: vi, en: en).output(language)
}

extension Language {
    /// The calendar library's language.
    var calendarLanguage: CalendarLanguage { self == .vi ? .vi : .en }
}

/// Dates and times as people read them.
enum CalendarText {
    /// "thứ Hai, 23/02/2026" / "Monday 2026-02-23".
    static func day(_ date: CivilDate, _ language: Language) -> String {
        switch language {
        case .vi:
            let weekday = date.weekday == .sunday ? "chủ nhật" : "thứ " + date.weekday.vietnameseName.dropFirst(4)
            return "\(weekday), \(date.vietnameseFormat)"
        case .en:
            return "\(date.weekday.englishName) \(date.iso)"
        }
    }

    /// "17:00" (with seconds when they are not zero).
    static func time(_ local: LocalDateTime) -> String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(pad(local.hour)):\(pad(local.minute))" + (local.second == 0 ? "" : ":\(pad(local.second))")
    }

    /// Pretty, sorted JSON of an encodable value.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
