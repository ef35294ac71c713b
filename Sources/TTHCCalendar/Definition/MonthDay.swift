/// A day of the solar year without the year, such as 09-02 (National Day).
public struct MonthDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Month, 1…12.
    public let month: Int
    /// Day, 1…31 (29 February is allowed and is skipped in common years).
    public let day: Int

    /// Creates a month-day; nil if no year has it (02-30, 04-31).
    public init?(month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: 2000, month: month) else { return nil }
        self.month = month
        self.day = day
    }

    init(uncheckedMonth month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    /// Parses `MM-DD`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              parts[0].allSatisfy(\.isASCIIDigit), parts[1].allSatisfy(\.isASCIIDigit),
              let m = Int(parts[0]), let d = Int(parts[1])
        else { return nil }
        self.init(month: m, day: d)
    }

    /// The date in a year, or nil (29 February in a common year).
    public func date(in year: Int) -> CivilDate? { CivilDate(year: year, month: month, day: day) }

    /// `MM-DD`.
    public var description: String { ISO8601.pad(month, 2) + "-" + ISO8601.pad(day, 2) }

    /// Orders days within a year.
    public static func < (lhs: MonthDay, rhs: MonthDay) -> Bool { (lhs.month, lhs.day) < (rhs.month, rhs.day) }
}

extension MonthDay: Codable {
    /// Decodes `MM-DD`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = MonthDay(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a month-day MM-DD: \(text)")
        }
        self = value
    }

    /// Encodes `MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A day of a lunar month without the year, such as 03-10 (Hùng Kings) or 12-last (the last day
/// of the year, Tết's eve). Always a day of the ordinary (not leap) month.
public struct LunarMonthDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Lunar month, 1…12.
    public let month: Int
    /// Day 1…30, or nil for the last day of the month (29 or 30).
    public let day: Int?

    /// Creates a lunar month-day; `day` nil means the last day of the month.
    public init?(month: Int, day: Int?) {
        guard (1...12).contains(month) else { return nil }
        if let day, !(1...30).contains(day) { return nil }
        self.month = month
        self.day = day
    }

    init(uncheckedMonth month: Int, day: Int?) {
        self.month = month
        self.day = day
    }

    /// Parses `MM-DD` or `MM-last`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[0].allSatisfy(\.isASCIIDigit), let m = Int(parts[0]) else { return nil }
        if parts[1] == "last" {
            self.init(month: m, day: nil)
        } else {
            guard parts[1].count == 2, parts[1].allSatisfy(\.isASCIIDigit), let d = Int(parts[1]) else { return nil }
            self.init(month: m, day: d)
        }
    }

    /// `MM-DD` or `MM-last`.
    public var description: String { ISO8601.pad(month, 2) + "-" + (day.map { ISO8601.pad($0, 2) } ?? "last") }

    /// Whether `self` comes before `other` within a lunar year (the last day after any numbered day).
    public static func < (lhs: LunarMonthDay, rhs: LunarMonthDay) -> Bool {
        (lhs.month, lhs.day ?? 31) < (rhs.month, rhs.day ?? 31)
    }

    /// The Gregorian date of this day in a lunar year, or nil (day 30 of a 29-day month, or out of
    /// the calendar's range).
    public func date(inLunarYear year: Int, calendar: LunisolarCalendar = .vietnamese) -> CivilDate? {
        let d: Int
        if let day {
            d = day
        } else {
            guard let length = calendar.monthLength(year: year, month: month) else { return nil }
            d = length
        }
        return calendar.solarDate(of: LunarDate(day: d, month: month, year: year))
    }
}

extension LunarMonthDay: Codable {
    /// Decodes `MM-DD` or `MM-last`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = LunarMonthDay(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a lunar month-day: \(text)")
        }
        self = value
    }

    /// Encodes `MM-DD` or `MM-last`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
