/// A day of the week, numbered as ISO 8601 does: Monday is 1, Sunday is 7.
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Thứ Hai.
    case monday = 1
    /// Thứ Ba.
    case tuesday
    /// Thứ Tư.
    case wednesday
    /// Thứ Năm.
    case thursday
    /// Thứ Sáu.
    case friday
    /// Thứ Bảy.
    case saturday
    /// Chủ nhật.
    case sunday

    /// The three-letter code used in calendar files: `mon`, `tue`, … `sun`.
    public var code: String {
        switch self {
        case .monday: "mon"
        case .tuesday: "tue"
        case .wednesday: "wed"
        case .thursday: "thu"
        case .friday: "fri"
        case .saturday: "sat"
        case .sunday: "sun"
        }
    }

    /// The weekday for a three-letter code (`mon` … `sun`), or nil.
    public init?(code: String) {
        guard let day = Weekday.allCases.first(where: { $0.code == code.lowercased() }) else { return nil }
        self = day
    }

    /// The Vietnamese name, capitalised as at the start of a sentence: "Thứ Hai" … "Chủ nhật".
    public var vietnameseName: String {
        switch self {
        case .monday: "Thứ Hai"
        case .tuesday: "Thứ Ba"
        case .wednesday: "Thứ Tư"
        case .thursday: "Thứ Năm"
        case .friday: "Thứ Sáu"
        case .saturday: "Thứ Bảy"
        case .sunday: "Chủ nhật"
        }
    }

    /// The English name: "Monday" … "Sunday".
    public var englishName: String {
        switch self {
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        case .sunday: "Sunday"
        }
    }

    /// The name in `language`.
    public func name(_ language: CalendarLanguage) -> String {
        language == .vi ? vietnameseName : englishName
    }

    /// Orders weekdays from Monday to Sunday.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The language of the human text this library produces (reasons, explanations, errors).
public enum CalendarLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    /// Tiếng Việt, the default.
    case vi
    /// English.
    case en
}
