public import TTHCCalendar

/// A statutory time or a step's budget, in the units Vietnamese law uses.
public enum Duration: Sendable, Hashable, Codable, CustomStringConvertible {
    /// N working days; the day of receipt is not counted.
    case workingDays(Int)
    /// N working hours, counted inside office hours.
    case workingHours(Int)
    /// N calendar days; an end on a day off moves to the next working day.
    case calendarDays(Int)
    /// The same working day when received before the cut-off, otherwise the next working day.
    case sameDay(cutoff: TimeOfDay)
    /// The law sets no time for the procedure (không quy định thời hạn giải quyết): no due date is
    /// computed and no appointment given. Only a statutory time can be this, never a step's budget.
    case noTimeLimit

    /// A rough size in working minutes (8-hour days) for comparing budgets with statutory times;
    /// nil when there is no limit.
    public var approximateWorkingMinutes: Int? {
        switch self {
        case .workingDays(let n): n * 8 * 60
        case .workingHours(let n): n * 60
        case .calendarDays(let n): n * 8 * 60 * 5 / 7
        case .sameDay: 8 * 60
        case .noTimeLimit: nil
        }
    }

    /// The duration in Vietnamese, as a clerk writes it ("05 ngày làm việc").
    public var vietnamese: String {
        switch self {
        case .workingDays(let n): "\(Self.twoDigits(n)) ngày làm việc"
        case .workingHours(let n): "\(Self.twoDigits(n)) giờ làm việc"
        case .calendarDays(let n): "\(Self.twoDigits(n)) ngày"
        case .sameDay(let cutoff): "trong ngày (tiếp nhận trước \(cutoff.vietnameseHour); sau đó trả trong ngày làm việc tiếp theo)"
        case .noTimeLimit: "không quy định"
        }
    }

    /// The duration in English.
    public var english: String {
        switch self {
        case .workingDays(let n): "\(n) working day\(n == 1 ? "" : "s")"
        case .workingHours(let n): "\(n) working hour\(n == 1 ? "" : "s")"
        case .calendarDays(let n): "\(n) day\(n == 1 ? "" : "s")"
        case .sameDay(let cutoff): "same day (if received before \(cutoff); otherwise the next working day)"
        case .noTimeLimit: "none set by law"
        }
    }

    public var description: String { english }

    /// A count written with two digits, as Vietnamese forms do ("01", "12").
    public static func twoDigits(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }
}

extension TimeOfDay {
    /// `15 giờ` or `15 giờ 30`.
    public var vietnameseHour: String { minute == 0 ? "\(hour) giờ" : "\(hour) giờ \(minute)" }
}
