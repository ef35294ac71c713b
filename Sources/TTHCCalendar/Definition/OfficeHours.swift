/// One opening period of an office in a day, such as 07:30–11:30.
public struct Session: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Opening time.
    public var start: TimeOfDay
    /// Closing time, after `start`.
    public var end: TimeOfDay

    /// Creates a session; nil unless `start < end`.
    public init?(start: TimeOfDay, end: TimeOfDay) {
        guard start < end else { return nil }
        self.start = start
        self.end = end
    }

    /// Parses `HH:MM-HH:MM`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let s = TimeOfDay(parts[0].trimmingSpaces), let e = TimeOfDay(parts[1].trimmingSpaces) else { return nil }
        self.init(start: s, end: e)
    }

    /// Length in minutes.
    public var minutes: Int { end.minutes - start.minutes }

    /// `HH:MM–HH:MM`.
    public var description: String { "\(start)–\(end)" }
}

/// Office hours that apply in part of every year (for example summer hours from 15 April to
/// 14 October). The range wraps over the new year when `from` is after `through`.
public struct SeasonalHours: Sendable, Hashable, Codable {
    /// A name such as "Giờ mùa hè".
    public var name: String
    /// First day of the season (inclusive).
    public var from: MonthDay
    /// Last day of the season (inclusive).
    public var through: MonthDay
    /// The sessions of a working day in the season.
    public var sessions: [Session]

    /// Creates a seasonal variant.
    public init(name: String, from: MonthDay, through: MonthDay, sessions: [Session]) {
        self.name = name
        self.from = from
        self.through = through
        self.sessions = sessions
    }

    /// Whether a date falls in the season.
    public func contains(_ date: CivilDate) -> Bool {
        let md = (date.month, date.day)
        let f = (from.month, from.day), t = (through.month, through.day)
        return f <= t ? (f <= md && md <= t) : (md >= f || md <= t)
    }
}

/// Office hours that apply on one weekday instead of the usual ones (for example a Saturday
/// morning, 07:30–11:30).
public struct WeekdayHours: Sendable, Hashable, Codable {
    /// The weekday.
    public var weekday: Weekday
    /// Its sessions.
    public var sessions: [Session]

    /// Creates a weekday override.
    public init(weekday: Weekday, sessions: [Session]) {
        self.weekday = weekday
        self.sessions = sessions
    }
}

/// When an office is open on a working day: usual sessions, seasonal variants and per-weekday
/// overrides. A day's sessions are the weekday's override if there is one, otherwise those of the
/// season containing the day, otherwise the usual ones. A weekly rest day worked by notice (a
/// swapped Saturday) uses the same lookup.
public struct OfficeHours: Sendable, Hashable, Codable {
    /// The usual sessions of a working day, in order, not overlapping.
    public var sessions: [Session]
    /// Variants for parts of the year.
    public var seasons: [SeasonalHours]
    /// Overrides for particular weekdays.
    public var weekdays: [WeekdayHours]

    /// Creates office hours.
    public init(sessions: [Session], seasons: [SeasonalHours] = [], weekdays: [WeekdayHours] = []) {
        self.sessions = sessions
        self.seasons = seasons
        self.weekdays = weekdays
    }

    /// The sessions of a working day.
    public func sessions(on date: CivilDate) -> [Session] {
        let weekday = date.weekday
        if let override = weekdays.first(where: { $0.weekday == weekday }) { return override.sessions }
        if let season = seasons.first(where: { $0.contains(date) }) { return season.sessions }
        return sessions
    }

    /// Every list of sessions the hours can give, for validation.
    public var allSessionLists: [[Session]] {
        [sessions] + seasons.map(\.sessions) + weekdays.map(\.sessions)
    }

    /// A problem with a list of sessions: empty, unordered or overlapping; nil when it is fine.
    public static func problem(in sessions: [Session]) -> SessionProblem? {
        guard !sessions.isEmpty else { return .empty }
        for (a, b) in zip(sessions, sessions.dropFirst()) where b.start < a.end {
            return .overlap(a, b)
        }
        return nil
    }

    /// What is wrong with a list of sessions.
    public enum SessionProblem: Sendable, Hashable {
        /// A working day with no session.
        case empty
        /// The second session starts before the first one ends (or they are out of order).
        case overlap(Session, Session)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces.
    var trimmingSpaces: Substring {
        let s = Substring(self)
        let start = s.firstIndex { $0 != " " } ?? s.endIndex
        let end = s.lastIndex { $0 != " " }.map { s.index(after: $0) } ?? start
        return start < end ? s[start..<end] : s[start..<start]
    }
}
