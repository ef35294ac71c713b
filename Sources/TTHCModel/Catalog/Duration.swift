/// A time of day in an office's local time, `HH:MM`.
public struct TimeOfDay: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// 0–23.
    public var hour: Int
    /// 0–59.
    public var minute: Int

    /// Creates a time of day; nil when out of range.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM` (or `H:MM`); nil when malformed or out of range.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, (1...2).contains(parts[0].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(hour: h, minute: m)
    }

    /// Minutes since midnight.
    public var minutes: Int { hour * 60 + minute }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }

    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}

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

    /// A rough size in working minutes (8-hour days) for comparing budgets with statutory times.
    public var approximateWorkingMinutes: Int {
        switch self {
        case .workingDays(let n): n * 8 * 60
        case .workingHours(let n): n * 60
        case .calendarDays(let n): n * 8 * 60 * 5 / 7
        case .sameDay: 8 * 60
        }
    }

    /// The duration in Vietnamese, as a clerk writes it ("05 ngày làm việc").
    public var vietnamese: String {
        switch self {
        case .workingDays(let n): "\(Self.twoDigits(n)) ngày làm việc"
        case .workingHours(let n): "\(Self.twoDigits(n)) giờ làm việc"
        case .calendarDays(let n): "\(Self.twoDigits(n)) ngày"
        case .sameDay(let cutoff): "trong ngày (tiếp nhận trước \(cutoff.vietnameseHour); sau đó trả trong ngày làm việc tiếp theo)"
        }
    }

    /// The duration in English.
    public var english: String {
        switch self {
        case .workingDays(let n): "\(n) working day\(n == 1 ? "" : "s")"
        case .workingHours(let n): "\(n) working hour\(n == 1 ? "" : "s")"
        case .calendarDays(let n): "\(n) day\(n == 1 ? "" : "s")"
        case .sameDay(let cutoff): "same day (if received before \(cutoff); otherwise the next working day)"
        }
    }

    public var description: String { english }

    static func twoDigits(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }
}

extension TimeOfDay {
    /// `15 giờ` or `15 giờ 30`.
    public var vietnameseHour: String { minute == 0 ? "\(hour) giờ" : "\(hour) giờ \(minute)" }
}
