/// A date on the Vietnamese lunisolar calendar (âm lịch): day, month, whether the month is a leap
/// month (tháng nhuận), and the lunar year, numbered like the Gregorian year in which it starts.
public struct LunarDate: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Day of the lunar month, 1…30.
    public var day: Int
    /// Lunar month, 1…12 (a leap month carries the number of the month before it).
    public var month: Int
    /// Whether the month is the leap month of its year.
    public var isLeapMonth: Bool
    /// The lunar year: the Gregorian year in which its first day (Tết) falls.
    public var year: Int

    /// Creates a lunar date (not checked against the calendar; ``LunisolarCalendar/solarDate(of:)``
    /// returns nil for one that does not exist).
    public init(day: Int, month: Int, isLeapMonth: Bool = false, year: Int) {
        self.day = day
        self.month = month
        self.isLeapMonth = isLeapMonth
        self.year = year
    }

    /// The sexagenary (can chi) name of the year, for example "Bính Ngọ" for 2026.
    public var yearName: String { CanChi.year(year) }

    /// The can chi name of the month, for example "Canh Dần" for month 1 of 2026.
    public var monthName: String { CanChi.month(month, ofYear: year) }

    /// `D/M` (with " nhuận" for a leap month) followed by the year and its can chi name, e.g.
    /// `1/1 năm Bính Ngọ (2026)`.
    public var description: String { text(.vi) }

    /// A human rendering in `language`: "ngày 10 tháng 3 năm Bính Ngọ (2026)" or
    /// "day 10 of month 3, year Bính Ngọ (2026)"; leap months are marked ("nhuận", "leap").
    public func text(_ language: CalendarLanguage) -> String {
        switch language {
        case .vi:
            return "ngày \(day) tháng \(month)\(isLeapMonth ? " nhuận" : "") năm \(yearName) (\(year))"
        case .en:
            return "day \(day) of \(isLeapMonth ? "leap " : "")month \(month), year \(yearName) (\(year))"
        }
    }
}

/// The sexagenary cycle (can chi): ten heavenly stems and twelve earthly branches, with the
/// Vietnamese names (the cat, Mão, where the Chinese cycle has the rabbit).
public enum CanChi {
    /// Giáp, Ất, Bính, Đinh, Mậu, Kỷ, Canh, Tân, Nhâm, Quý.
    public static let stems = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"]
    /// Tý, Sửu, Dần, Mão, Thìn, Tỵ, Ngọ, Mùi, Thân, Dậu, Tuất, Hợi.
    public static let branches = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"]

    /// The can chi name of a lunar year: 2024 "Giáp Thìn", 2025 "Ất Tỵ", 2026 "Bính Ngọ".
    public static func year(_ year: Int) -> String {
        stems[mod(year + 6, 10)] + " " + branches[mod(year + 8, 12)]
    }

    /// The can chi name of a lunar month (month 1 is always a Dần month).
    public static func month(_ month: Int, ofYear year: Int) -> String {
        stems[mod(year * 12 + month + 3, 10)] + " " + branches[mod(month + 1, 12)]
    }

    /// The can chi name of a day, from its Julian Day Number.
    public static func day(julianDayNumber jdn: Int) -> String {
        stems[mod(jdn + 9, 10)] + " " + branches[mod(jdn + 1, 12)]
    }

    private static func mod(_ a: Int, _ n: Int) -> Int { ((a % n) + n) % n }
}
