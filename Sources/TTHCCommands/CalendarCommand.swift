import ArgumentParser
import Foundation
import TTHCCalendar
import TTHCDiagnostics

/// `tthc calendar YEAR`: every weekday that is not worked and every weekly rest day that is, with
/// its reason.
public struct CalendarCommand: ParsableCommand {
    /// The command's name, abstract and help.
    public static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Liệt kê các ngày nghỉ lễ, nghỉ bù, nghỉ hoán đổi và ngày làm bù trong một năm.")

    @OptionGroup public var options: GlobalOptions

    /// The year.
    @Argument(help: "Năm dương lịch, ví dụ 2026.")
    public var year: String

    /// The calendar id.
    @Option(name: .long, help: "Mã lịch làm việc trong <catalog>/calendars (mặc định: vn).")
    public var calendar: String = "vn"

    /// Creates the command with default options (the argument parser fills them in).
    public init() {}

    /// Runs the command: prints its output and exits with status 2 on bad input.
    public func run() throws {
        try output().emit()
    }

    struct Entry: Encodable {
        var date: String
        var weekday: String
        var working: Bool
        var reason: String
        var projected: Bool
    }

    /// The list of the year's exceptions, or an error output.
    public func output() -> CommandOutput { output(calendars: .folder(options.catalog)) }

    /// The year's days off, with the calendar definitions taken from `source`.
    public func output(calendars source: CalendarSource) -> CommandOutput {
        let language = options.lang.language
        let vi = language == .vi
        let supported = WorkingCalendar.supportedYears
        guard let y = Int(year), supported.contains(y) else {
            return badInput(vi: "'\(year)' không phải năm hợp lệ (\(supported.lowerBound)–\(supported.upperBound))",
                            en: "'\(year)' is not a valid year (\(supported.lowerBound)–\(supported.upperBound))", language)
        }
        let working: WorkingCalendar
        switch CalendarLoader.load(id: calendar, source: source, years: CalendarLoader.years(around: y), language: language) {
        case let .success(value): working = value
        case let .failure(failure): return failure.output
        }
        let days: [DayStatus]
        do {
            days = try working.exceptions(inYear: y)
        } catch {
            return badInput(vi: error.message(.vi), en: error.message(.en), language)
        }
        var output = CommandOutput()
        let lang = language.calendarLanguage
        if options.format == .json {
            output.out = CalendarText.json(days.map {
                Entry(date: $0.date.iso, weekday: $0.date.weekday.code, working: $0.isWorking, reason: $0.reason?.text(lang) ?? "", projected: $0.projected)
            })
            return output
        }
        let name = vi ? working.definition.name : (working.definition.englishName ?? working.definition.name)
        output.out = vi ? "Lịch \(calendar) (\(name)), năm \(y)\n" : "Calendar \(calendar) (\(name)), \(y)\n"
        for day in days {
            let weekday = day.date.weekday.name(lang)
            let status = day.isWorking ? (vi ? "làm việc" : "working") : (vi ? "nghỉ" : "off")
            output.out += "\(day.date.iso)  \(weekday.padding(toLength: 9, withPad: " ", startingAt: 0)) \(status.padding(toLength: 9, withPad: " ", startingAt: 0)) \(day.reason?.text(lang) ?? "")\n"
        }
        if days.contains(where: \.projected) {
            output.out += vi
                ? "Dự kiến: chưa có thông báo nghỉ lễ của năm \(y); ngày Tết và ngày nghỉ liền kề Quốc khánh tính theo quy tắc dự kiến.\n"
                : "Projected: no holiday notice is known for \(y); Tết and the day adjacent to National Day follow the projection rule.\n"
        }
        return output
    }
}
