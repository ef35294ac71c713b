import ArgumentParser
import Foundation
import TTHCCalendar
import TTHCDiagnostics

/// `tthc due FROM (--working-days N | --working-hours N | --days N | --same-day HH:MM)`: the due
/// instant of a statutory time counted from a receipt, by the counting rules of Docs/deadlines.md.
public struct DueCommand: ParsableCommand {
    /// The command's name, abstract and help.
    public static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "Tính hạn giải quyết (ngày giờ hẹn trả kết quả) theo lịch làm việc.",
        discussion: "Ngày tiếp nhận không tính (Bộ luật Dân sự 2015, Điều 147); ngày cuối là ngày nghỉ thì chuyển sang ngày làm việc tiếp theo (Điều 148). Xem Docs/deadlines.md.")

    @OptionGroup public var options: GlobalOptions

    /// The receipt, ISO 8601.
    @Argument(help: "Thời điểm tiếp nhận hồ sơ, ISO 8601: 2026-02-13T09:00:00+07:00, 2026-02-13T09:00 hoặc 2026-02-13.")
    public var from: String

    /// N working days.
    @Option(name: .long, parsing: .unconditional, help: "Số ngày làm việc.")
    public var workingDays: String?

    /// N working hours (decimals allowed).
    @Option(name: .long, parsing: .unconditional, help: "Số giờ làm việc (có thể có phần thập phân, ví dụ 0.5).")
    public var workingHours: String?

    /// N calendar days.
    @Option(name: .customLong("days"), parsing: .unconditional, help: "Số ngày theo lịch.")
    public var days: String?

    /// Same day with a cut-off.
    @Option(name: .long, help: "Trả trong ngày nếu tiếp nhận trước giờ này (HH:MM), sau đó thì trả ngày làm việc tiếp theo.")
    public var sameDay: String?

    /// Receipt cut-off.
    @Option(name: .long, help: "Tiếp nhận sau giờ này (HH:MM) thì tính từ ngày làm việc tiếp theo.")
    public var cutoff: String?

    /// The calendar id.
    @Option(name: .long, help: "Mã lịch làm việc trong <catalog>/calendars (mặc định: vn).")
    public var calendar: String = "vn"

    /// List the days skipped.
    @Flag(name: .long, help: "Giải thích: các ngày không tính và lý do.")
    public var explain: Bool = false

    /// Creates the command with default options (the argument parser fills them in).
    public init() {}

    /// Runs the command: prints its output and exits with status 2 on bad input.
    public func run() throws {
        try output().emit()
    }

    /// Computes the due date and returns what to print.
    public func output() -> CommandOutput { output(calendars: .folder(options.catalog)) }

    /// Computes the due date with the calendar definitions taken from `source`.
    public func output(calendars source: CalendarSource) -> CommandOutput {
        let language = options.lang.language
        let vi = language == .vi
        // The period: exactly one unit.
        let given = [workingDays, workingHours, days, sameDay].compactMap { $0 }
        guard given.count == 1 else {
            return badInput(vi: "cần đúng một trong --working-days, --working-hours, --days, --same-day",
                            en: "give exactly one of --working-days, --working-hours, --days, --same-day", language)
        }
        let period: DuePeriod
        if let text = workingDays ?? days {
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)) else {
                return badInput(vi: "'\(text)' không phải số ngày (số nguyên)", en: "'\(text)' is not a number of days (a whole number)", language)
            }
            guard n >= 0 else { return badInput(vi: "số ngày không được âm: \(n)", en: "the number of days must not be negative: \(n)", language) }
            period = workingDays != nil ? .workingDays(n) : .calendarDays(n)
        } else if let text = workingHours {
            guard let hours = Double(text.trimmingCharacters(in: .whitespaces)), hours.isFinite, !text.contains("e"), !text.contains("E") else {
                return badInput(vi: "'\(text)' không phải số giờ", en: "'\(text)' is not a number of hours", language)
            }
            guard hours >= 0 else { return badInput(vi: "số giờ không được âm: \(text)", en: "the number of hours must not be negative: \(text)", language) }
            guard hours <= 1_000_000 else { return badInput(vi: "số giờ quá lớn: \(text)", en: "too many hours: \(text)", language) }
            period = .workingMinutes(Int((hours * 60).rounded()))
        } else {
            let text = sameDay ?? ""
            guard let time = TimeOfDay(text) else {
                return badInput(vi: "'\(text)' không phải giờ hợp lệ dạng HH:MM", en: "'\(text)' is not a valid time HH:MM", language)
            }
            period = .sameDay(cutoff: time)
        }
        var cutoffTime: TimeOfDay?
        if let cutoff {
            guard let time = TimeOfDay(cutoff) else {
                return badInput(vi: "'\(cutoff)' không phải giờ hợp lệ dạng HH:MM", en: "'\(cutoff)' is not a valid time HH:MM", language)
            }
            cutoffTime = time
        }
        guard let parsed = ISO8601.parse(from) else {
            return badInput(vi: "'\(from)' không phải thời điểm hợp lệ (ISO 8601, ví dụ 2026-02-13T09:00:00+07:00, hoặc ngày YYYY-MM-DD có thật)",
                            en: "'\(from)' is not a valid instant (ISO 8601, e.g. 2026-02-13T09:00:00+07:00, or a real date YYYY-MM-DD)", language)
        }
        let ahead = 5 + period.count / (period.isMinutes ? 60 * 24 * 5 : 200)
        let working: WorkingCalendar
        switch CalendarLoader.load(id: calendar, source: source, years: CalendarLoader.years(around: parsed.local.date.year, ahead: ahead), language: language) {
        case let .success(value): working = value
        case let .failure(failure): return failure.output
        }
        let receipt = Instant(parsed.local, offset: parsed.offset ?? working.utcOffset)
        let explanation: DueExplanation
        do {
            explanation = try working.explainDue(from: receipt, period, cutoff: cutoffTime)
        } catch {
            return badInput(vi: error.message(.vi), en: error.message(.en), language)
        }

        var output = CommandOutput()
        if options.format == .json {
            output.out = CalendarText.json(DueJSON(explanation, calendar: calendar, language: language))
            return output
        }
        output.out = explanation.due.iso8601 + "\n"
        if explain {
            let due = explanation.due.local
            let local = receipt.local(at: working.utcOffset)
            output.out += vi
                ? "Hạn giải quyết: \(CalendarText.time(due)) \(CalendarText.day(due.date, language)) (\(Self.describe(period, language)), lịch \(calendar))\n"
                : "Due: \(CalendarText.time(due)) \(CalendarText.day(due.date, language)) (\(Self.describe(period, language)), calendar \(calendar))\n"
            output.out += vi
                ? "Tiếp nhận: \(CalendarText.time(local)) \(CalendarText.day(local.date, language))\n"
                : "Received: \(CalendarText.time(local)) \(CalendarText.day(local.date, language))\n"
            if let adjustment = explanation.adjustment {
                output.out += "  " + adjustment.text(language.calendarLanguage) + "\n"
            }
            switch period {
            case .workingMinutes:
                let start = explanation.countingFrom.local(at: working.utcOffset)
                output.out += vi
                    ? "Bắt đầu tính giờ: \(CalendarText.time(start)) \(CalendarText.day(start.date, language)), chỉ trong giờ làm việc (Bộ luật Dân sự 2015, Điều 147 khoản 1)\n"
                    : "Hours counted from \(CalendarText.time(start)) \(CalendarText.day(start.date, language)), inside office hours only (Civil Code 2015, art. 147(1))\n"
            case .sameDay, .workingDays(0), .calendarDays(0):
                output.out += vi
                    ? "Tính là tiếp nhận ngày \(explanation.countingDay.vietnameseFormat); hạn là cuối giờ làm việc của ngày đó\n"
                    : "Deemed received on \(explanation.countingDay.iso); due at the end of that day's office hours\n"
            default:
                output.out += vi
                    ? "Tính là tiếp nhận ngày \(explanation.countingDay.vietnameseFormat); ngày này không tính, thời hạn tính từ ngày hôm sau (Bộ luật Dân sự 2015, Điều 147)\n"
                    : "Deemed received on \(explanation.countingDay.iso); that day is not counted, the period starts the next day (Civil Code 2015, art. 147)\n"
            }
            if explanation.skipped.isEmpty {
                output.out += vi ? "Không có ngày nghỉ nào bị bỏ qua.\n" : "No day off was skipped.\n"
            } else {
                output.out += vi ? "Các ngày không tính (\(explanation.skipped.count)):\n" : "Days skipped (\(explanation.skipped.count)):\n"
                for day in explanation.skipped {
                    let reason = day.reason?.text(language.calendarLanguage) ?? ""
                    output.out += "  \(day.date.iso) \(CalendarText.day(day.date, language).components(separatedBy: ",").first ?? ""): \(reason)\n"
                }
            }
        }
        if !explanation.projectedYears.isEmpty {
            let years = explanation.projectedYears.map(String.init).joined(separator: ", ")
            output.out += vi
                ? "Dự kiến: năm \(years) chưa có thông báo nghỉ lễ; ngày Tết và ngày nghỉ liền kề Quốc khánh tính theo quy tắc dự kiến.\n"
                : "Projected: no holiday notice is known for \(years); Tết and the day adjacent to National Day follow the projection rule.\n"
        }
        return output
    }

    static func describe(_ period: DuePeriod, _ language: Language) -> String {
        let vi = language == .vi
        switch period {
        case let .workingDays(n): return vi ? "\(n) ngày làm việc" : "\(n) working day\(n == 1 ? "" : "s")"
        case let .calendarDays(n): return vi ? "\(n) ngày" : "\(n) day\(n == 1 ? "" : "s")"
        case let .workingMinutes(m):
            let hours = m % 60 == 0 ? String(m / 60) : String(Double(m) / 60)
            return vi ? "\(hours) giờ làm việc" : "\(hours) working hours"
        case let .sameDay(cutoff): return vi ? "trong ngày, tiếp nhận trước \(cutoff)" : "same day if received by \(cutoff)"
        }
    }
}

extension DuePeriod {
    var isMinutes: Bool {
        if case .workingMinutes = self { return true }
        return false
    }
}

/// The JSON form of `tthc due`.
struct DueJSON: Encodable {
    struct Period: Encodable {
        var unit: String
        var count: Int?
        var cutoff: String?
    }

    struct Skipped: Encodable {
        var date: String
        var weekday: String
        var reason: String
    }

    var due: String
    var calendar: String
    var received: String
    var period: Period
    var countingDay: String
    var countingFrom: String
    var adjustment: String?
    var skipped: [Skipped]
    var projected: Bool
    var projectedYears: [Int]

    init(_ e: DueExplanation, calendar: String, language: Language) {
        let lang = language.calendarLanguage
        due = e.due.iso8601
        self.calendar = calendar
        received = e.receipt.iso8601(offset: e.due.utcOffset)
        switch e.period {
        case let .workingDays(n): period = Period(unit: "working_days", count: n)
        case let .workingMinutes(m): period = Period(unit: "working_minutes", count: m)
        case let .calendarDays(n): period = Period(unit: "calendar_days", count: n)
        case let .sameDay(cutoff): period = Period(unit: "same_day", cutoff: cutoff.description)
        }
        countingDay = e.countingDay.iso
        countingFrom = e.countingFrom.iso8601(offset: e.due.utcOffset)
        adjustment = e.adjustment?.text(lang)
        skipped = e.skipped.map { Skipped(date: $0.date.iso, weekday: $0.date.weekday.code, reason: $0.reason?.text(lang) ?? "") }
        projected = e.due.projected
        projectedYears = e.projectedYears
    }
}
