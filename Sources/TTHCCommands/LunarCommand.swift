import ArgumentParser
import TTHCCalendar
import TTHCDiagnostics

/// `tthc lunar DATE`: the Vietnamese lunar date of a solar date (Hồ Ngọc Đức's method, UTC+7).
public struct LunarCommand: ParsableCommand {
    /// The command's name, abstract and help.
    public static let configuration = CommandConfiguration(
        commandName: "lunar",
        abstract: "Đổi ngày dương lịch sang âm lịch Việt Nam (1900–2199).")

    @OptionGroup public var options: GlobalOptions

    /// The solar date.
    @Argument(help: "Ngày dương lịch YYYY-MM-DD.")
    public var date: String

    /// Creates the command with default options (the argument parser fills them in).
    public init() {}

    /// Runs the command: prints its output and exits with status 2 on bad input.
    public func run() throws {
        try output().emit()
    }

    struct JSON: Encodable {
        var date: String
        var day: Int
        var month: Int
        var leap: Bool
        var year: Int
        var yearName: String
        var monthName: String
        var dayName: String
    }

    /// The lunar date, or an error output.
    public func output() -> CommandOutput {
        let language = options.lang.language
        guard let solar = CivilDate(iso: date) else {
            return badInput(vi: "'\(date)' không phải ngày có thật dạng YYYY-MM-DD", en: "'\(date)' is not a real date YYYY-MM-DD", language)
        }
        let calendar = LunisolarCalendar.vietnamese
        guard let lunar = calendar.lunarDate(of: solar) else {
            return badInput(vi: "chỉ đổi được các ngày từ năm \(calendar.years.lowerBound) đến \(calendar.years.upperBound)",
                            en: "only dates from \(calendar.years.lowerBound) to \(calendar.years.upperBound) can be converted", language)
        }
        let dayName = CanChi.day(julianDayNumber: solar.julianDayNumber)
        var output = CommandOutput()
        if options.format == .json {
            output.out = CalendarText.json(JSON(date: solar.iso, day: lunar.day, month: lunar.month, leap: lunar.isLeapMonth, year: lunar.year,
                                                yearName: lunar.yearName, monthName: lunar.monthName, dayName: dayName))
            return output
        }
        output.out = lunar.text(language.calendarLanguage) + "\n"
        output.out += language == .vi
            ? "Can chi: ngày \(dayName), tháng \(lunar.monthName), năm \(lunar.yearName)\n"
            : "Sexagenary names: day \(dayName), month \(lunar.monthName), year \(lunar.yearName)\n"
        return output
    }
}
