/// A recurring public holiday: when it falls, its name, its legal basis and the years it applies.
public struct HolidayRule: Sendable, Hashable, Codable, Identifiable {
    /// A stable identifier (`tet`, `gio-to-hung-vuong`), referenced by yearly notices.
    public var id: String
    /// The Vietnamese name, e.g. "Tết Nguyên đán".
    public var name: String
    /// The English name, when known.
    public var englishName: String?
    /// When the holiday falls.
    public var kind: Kind
    /// The legal basis, e.g. "Bộ luật Lao động 2019, Điều 112 khoản 1".
    public var basis: String
    /// The first year the rule applies (nil: always). For lunar rules, the lunar year.
    public var firstYear: Int?
    /// The last year the rule applies (nil: still in force).
    public var lastYear: Int?
    /// Whether a day of the holiday that falls on a weekly rest day is made up on the next working
    /// day (Labour Code 2019, art. 111(3)). Days chosen by a notice are never moved again.
    public var makeUp: Bool
    /// Whether the Prime Minister chooses the actual days each year (Tết, the day adjacent to
    /// National Day: Labour Code 2019, art. 112(3)). Where no notice is known, the projection rule
    /// gives the days and the year is marked projected.
    public var chosenByNotice: Bool
    /// Whether the rule has been checked against the official text (false: "cần kiểm tra").
    public var verified: Bool
    /// A free note, for example what remains to be verified.
    public var note: String?

    /// When a holiday falls.
    public enum Kind: Sendable, Hashable, Codable {
        /// A fixed solar date, e.g. 01-01.
        case solar(MonthDay)
        /// A fixed lunar date of the ordinary month, e.g. 03-10 (Hùng Kings).
        case lunar(LunarMonthDay)
        /// A run of lunar days, e.g. 12-last through 01-04 (Tết). `through` is in the rule's lunar
        /// year; `from` is in the year before when it comes later in the year than `through`.
        case lunarSpan(from: LunarMonthDay, through: LunarMonthDay)
        /// The day before or after a solar date (National Day 02-09 and its neighbour).
        case adjacentDay(to: MonthDay)
    }

    /// Creates a rule.
    public init(
        id: String, name: String, englishName: String? = nil, kind: Kind, basis: String,
        firstYear: Int? = nil, lastYear: Int? = nil, makeUp: Bool = true, chosenByNotice: Bool = false,
        verified: Bool = true, note: String? = nil
    ) {
        self.id = id
        self.name = name
        self.englishName = englishName
        self.kind = kind
        self.basis = basis
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.makeUp = makeUp
        self.chosenByNotice = chosenByNotice
        self.verified = verified
        self.note = note
    }

    /// Whether the rule applies in a year.
    public func applies(in year: Int) -> Bool {
        (firstYear.map { year >= $0 } ?? true) && (lastYear.map { year <= $0 } ?? true)
    }
}

/// The make-up rule (nghỉ bù): a holiday on a weekly rest day is made up on the next working day.
public struct MakeUpRule: Sendable, Hashable, Codable {
    /// The legal basis, e.g. "Bộ luật Lao động 2019, Điều 111 khoản 3".
    public var basis: String
    /// The first year it applies (nil: always).
    public var firstYear: Int?

    /// Creates the rule.
    public init(basis: String, firstYear: Int? = nil) {
        self.basis = basis
        self.firstYear = firstYear
    }
}
