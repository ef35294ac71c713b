public import Foundation

/// A moment in time, to the second, independent of any time zone: when a dossier was received or
/// when it is due.
public struct Instant: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z (negative before).
    public var secondsSince1970: Int

    /// Creates an instant from seconds since 1970-01-01T00:00:00Z.
    @inlinable
    public init(secondsSince1970: Int) {
        self.secondsSince1970 = secondsSince1970
    }

    /// The instant of a Foundation `Date`, truncated to the second (towards the past).
    public init(_ date: Date) {
        self.secondsSince1970 = Int(date.timeIntervalSince1970.rounded(.down))
    }

    /// The instant at a local date and time in a fixed offset.
    public init(_ local: LocalDateTime, offset: UTCOffset) {
        self.secondsSince1970 = local.date.dayNumber * 86400 + local.secondOfDay - offset.seconds
    }

    /// The Foundation `Date` of this instant.
    public var date: Date { Date(timeIntervalSince1970: TimeInterval(secondsSince1970)) }

    /// The local date and time of the instant at a fixed offset.
    public func local(at offset: UTCOffset) -> LocalDateTime {
        let s = secondsSince1970 + offset.seconds
        let day = s >= 0 ? s / 86400 : (s - 86399) / 86400
        return LocalDateTime(date: CivilDate(dayNumber: day), secondOfDay: s - day * 86400)
    }

    /// ISO 8601 with the offset, for example `2026-02-23T17:00:00+07:00`.
    public func iso8601(offset: UTCOffset) -> String {
        local(at: offset).iso8601 + offset.description
    }

    /// The instant a number of seconds later.
    public func adding(seconds: Int) -> Instant { Instant(secondsSince1970: secondsSince1970 + seconds) }

    /// ISO 8601 in UTC (`…Z`).
    public var description: String { local(at: .utc).iso8601 + "Z" }

    /// Orders instants in time.
    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

    /// Parses an ISO 8601 instant with an offset (`2026-02-13T09:00:00+07:00`, `2026-02-13T09:00+07:00`,
    /// `…Z`). Without an offset, or for a bare date (`2026-02-13`, meaning 00:00), `defaultOffset` is
    /// used; if that is nil too, the result is nil.
    public init?(iso8601 text: String, defaultOffset: UTCOffset? = nil) {
        guard let parsed = ISO8601.parse(text), let offset = parsed.offset ?? defaultOffset else { return nil }
        self.init(parsed.local, offset: offset)
    }
}

/// A date and a wall-clock time to the second, in no particular zone.
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The date.
    public var date: CivilDate
    /// Seconds since the local midnight, 0…86399.
    public var secondOfDay: Int

    /// Creates a local date-time; `secondOfDay` must be in 0…86399.
    public init(date: CivilDate, secondOfDay: Int) {
        self.date = date
        self.secondOfDay = min(max(secondOfDay, 0), 86399)
    }

    /// Creates a local date-time at a time of day (24:00 becomes 23:59:59 of the same day).
    public init(date: CivilDate, time: TimeOfDay) {
        self.init(date: date, secondOfDay: time.seconds)
    }

    /// The hour, 0…23.
    public var hour: Int { secondOfDay / 3600 }
    /// The minute, 0…59.
    public var minute: Int { secondOfDay / 60 % 60 }
    /// The second, 0…59.
    public var second: Int { secondOfDay % 60 }

    /// `YYYY-MM-DDTHH:MM:SS`.
    public var iso8601: String {
        date.iso + "T" + ISO8601.pad(hour, 2) + ":" + ISO8601.pad(minute, 2) + ":" + ISO8601.pad(second, 2)
    }

    /// `YYYY-MM-DDTHH:MM:SS`.
    public var description: String { iso8601 }

    /// Orders date-times on the wall clock.
    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.secondOfDay) < (rhs.date, rhs.secondOfDay)
    }
}
