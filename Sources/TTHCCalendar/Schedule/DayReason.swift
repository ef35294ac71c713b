/// One day of a holiday, as a rule places it in a given year.
public struct HolidayOccurrence: Sendable, Hashable {
    /// The day off.
    public var date: CivilDate
    /// The rule's id.
    public var ruleID: String
    /// The holiday's Vietnamese name.
    public var name: String
    /// The holiday's English name, when known.
    public var englishName: String?
    /// The rule's legal basis.
    public var basis: String
    /// Whether the day was placed by the projection rule because no notice is known.
    public var projected: Bool
    /// Whether the rule is verified against the official text.
    public var verified: Bool
    /// The weekly rest day of the holiday this weekday replaces, when the projection moved it.
    public var replaces: CivilDate?

    /// Creates an occurrence.
    public init(date: CivilDate, ruleID: String, name: String, englishName: String? = nil, basis: String,
                projected: Bool = false, verified: Bool = true, replaces: CivilDate? = nil) {
        self.date = date
        self.ruleID = ruleID
        self.name = name
        self.englishName = englishName
        self.basis = basis
        self.projected = projected
        self.verified = verified
        self.replaces = replaces
    }
}

/// One day of a yearly notice, with the document that decided it.
public struct NoticeEntry: Sendable, Hashable {
    /// The day as the notice gives it.
    public var day: NoticeDay
    /// The Vietnamese name of the day (the notice's, else the chosen holiday's, else a generic one).
    public var name: String
    /// The English name, when known.
    public var englishName: String?
    /// The deciding document.
    public var document: String
    /// Where it can be read.
    public var source: String?
    /// Whether the document was checked.
    public var verified: Bool

    /// Creates an entry.
    public init(day: NoticeDay, name: String, englishName: String? = nil, document: String, source: String? = nil, verified: Bool) {
        self.day = day
        self.name = name
        self.englishName = englishName
        self.document = document
        self.source = source
        self.verified = verified
    }
}

/// Why a day is not an ordinary day of the week pattern: a weekly rest day, a holiday, a make-up
/// day, a day off or a worked rest day decided by a notice.
public enum DayReason: Sendable, Hashable {
    /// A weekly rest day (Saturday, Sunday).
    case weeklyRest(Weekday)
    /// A day of a public holiday.
    case holiday(HolidayOccurrence)
    /// A make-up day (nghỉ bù) for a holiday that fell on a weekly rest day; the occurrence is the
    /// holiday's own day. The basis is the make-up rule's.
    case makeUp(HolidayOccurrence, basis: String)
    /// A weekday off decided by a notice.
    case noticeDayOff(NoticeEntry)
    /// A weekly rest day worked, decided by a notice (làm bù).
    case noticeWorkday(NoticeEntry)

    /// Whether the day is off for this reason.
    public var isDayOff: Bool {
        if case .noticeWorkday = self { return false }
        return true
    }

    /// A sentence naming the reason and its basis, in `language`. Projected days end with
    /// "(dự kiến)" / "(projected)", unverified ones with "(cần kiểm tra)" / "(to verify)".
    public func text(_ language: CalendarLanguage) -> String {
        let vi = language == .vi
        switch self {
        case let .weeklyRest(weekday):
            return vi ? "\(weekday.vietnameseName), ngày nghỉ hằng tuần" : "\(weekday.englishName), weekly rest day"
        case let .holiday(o):
            var text = vi ? o.name : (o.englishName ?? o.name)
            if let replaced = o.replaces {
                text += vi ? " (nghỉ thay cho \(Self.day(replaced, language)))" : " (in place of \(Self.day(replaced, language)))"
            }
            text += " — \(o.basis)"
            return text + Self.marks(projected: o.projected, verified: o.verified, language)
        case let .makeUp(o, basis):
            let name = vi ? o.name : (o.englishName ?? o.name)
            let text = vi
                ? "Nghỉ bù \(name) (\(Self.day(o.date, language)) trùng ngày nghỉ hằng tuần) — \(basis)"
                : "Make-up day for \(name) (\(Self.day(o.date, language)) fell on a weekly rest day) — \(basis)"
            return text + Self.marks(projected: false, verified: o.verified, language)
        case let .noticeDayOff(e):
            var text = vi ? e.name : (e.englishName ?? e.name)
            if let swapped = e.day.swappedWith {
                text += vi ? ", đổi lấy ngày làm bù \(Self.day(swapped, language))" : ", swapped with the working day \(Self.day(swapped, language))"
            }
            return text + " — \(e.document)" + Self.marks(projected: false, verified: e.verified, language)
        case let .noticeWorkday(e):
            var text: String
            if let swapped = e.day.swappedWith {
                text = vi ? "Làm bù cho ngày nghỉ \(Self.day(swapped, language))" : "Worked in exchange for the day off \(Self.day(swapped, language))"
            } else {
                text = vi ? e.name : (e.englishName ?? e.name)
            }
            text += " — \(e.document)"
            return text + Self.marks(projected: false, verified: e.verified, language)
        }
    }

    /// "thứ Bảy 10/01/2026" / "Saturday 2026-01-10".
    static func day(_ date: CivilDate, _ language: CalendarLanguage) -> String {
        switch language {
        case .vi:
            let w = date.weekday == .sunday ? "chủ nhật" : "thứ " + String(date.weekday.vietnameseName.dropFirst(4))
            return "\(w) \(date.vietnameseFormat)"
        case .en:
            return "\(date.weekday.englishName) \(date.iso)"
        }
    }

    private static func marks(projected: Bool, verified: Bool, _ language: CalendarLanguage) -> String {
        var text = ""
        if projected { text += language == .vi ? " (dự kiến)" : " (projected)" }
        if !verified { text += language == .vi ? " (cần kiểm tra)" : " (to verify)" }
        return text
    }
}

/// What the calendar says about one day.
public struct DayStatus: Sendable, Hashable {
    /// The day.
    public var date: CivilDate
    /// Whether it is a working day (counted in working-day periods).
    public var isWorking: Bool
    /// Why it differs from an ordinary weekday: nil for an ordinary working day.
    public var reason: DayReason?
    /// Whether the day's year lies outside the years whose notices are known, so the answer
    /// follows the statutory rules and the projection rule ("dự kiến").
    public var projected: Bool

    /// Creates a status.
    public init(date: CivilDate, isWorking: Bool, reason: DayReason?, projected: Bool) {
        self.date = date
        self.isWorking = isWorking
        self.reason = reason
        self.projected = projected
    }
}
