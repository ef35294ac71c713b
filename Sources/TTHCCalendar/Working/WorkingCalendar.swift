/// A working calendar ready for arithmetic: built once from a resolved ``CalendarDefinition`` for
/// a range of years, with precomputed tables so that a due date in working days is a few array
/// reads (O(1)) and one in working hours a short search (O(log n) at worst, O(1) when days have
/// equal length).
///
/// Tables, by day index from 1 January of the first year: the working-day rank (how many working
/// days up to and including the day) packed with the day's session set (0 when off), four bytes a
/// day; and by working-day rank: the day index with its session set, and the cumulative working
/// minutes through that day. The closing time, length and sessions of each distinct session set
/// sit in small side tables. The working seconds before any day follow from its rank.
public struct WorkingCalendar: Sendable {
    /// The resolved definition the calendar was built from.
    public let definition: CalendarDefinition
    /// The Gregorian years covered.
    public let years: ClosedRange<Int>
    /// The offset of the office's local time.
    public let utcOffset: UTCOffset

    @usableFromInline
    let offsetSeconds: Int
    /// Day number of 1 January of the first year.
    @usableFromInline
    let firstDay: Int
    @usableFromInline
    let dayCount: Int
    /// Per day: `rank << 8 | set`, where rank is the number of working days up to and including the
    /// day and set the index of its session set (0: a day off). Four bytes a day keep the tables
    /// small enough for the cache.
    @usableFromInline
    let dayInfo: [UInt32]
    /// Per working day, by rank (0-based): `dayIndex << 8 | set`.
    @usableFromInline
    let workingDays: [UInt32]
    /// Cumulative working minutes through each working day, by rank (0-based).
    let workEnd: [UInt32]
    /// Distinct session sets; index 0 is the empty set of a day off. At most 255.
    let sessionSets: [SessionSet]
    /// The session sets flattened for the hot paths: set `s` has `sessionCounts[s]` sessions whose
    /// bounds (seconds of the day) are at `s * sessionStride + j` in `flatStarts` / `flatEnds`, and
    /// `setTotals[s]` working seconds.
    let flatStarts: [Int32]
    let flatEnds: [Int32]
    let sessionCounts: [Int32]
    let setTotals: [Int32]
    let sessionStride: Int
    /// Closing second of each session set (0 for the empty set).
    @usableFromInline
    let closings: [Int32]
    let minDaySeconds: Int
    let maxDaySeconds: Int
    /// Day index range of the years whose notices are known (empty when none).
    @usableFromInline
    let knownFrom: Int
    @usableFromInline
    let knownTo: Int
    /// Reasons of days that differ from the week pattern, by day index.
    let reasons: [Int: DayReason]
    let workingWeekday: [Bool]

    struct SessionSet: Sendable, Hashable {
        var starts: [Int]
        var ends: [Int]
        var total: Int
        var closing: Int

        init(_ sessions: [Session]) {
            starts = sessions.map(\.start.seconds)
            ends = sessions.map(\.end.seconds)
            total = sessions.reduce(0) { $0 + $1.minutes * 60 }
            closing = ends.last ?? 0
        }

        /// Working seconds of the day before a second of the day.
        @inline(__always)
        func worked(before second: Int) -> Int {
            var sum = 0
            for j in starts.indices {
                if second <= starts[j] { break }
                sum += min(second, ends[j]) - starts[j]
            }
            return sum
        }
    }

    /// The years a calendar can cover: those of the lunar calendar, less one at each end.
    public static let supportedYears = 1901...2198

    /// Builds the calendar for a range of years (default 1990–2100). The definition must be
    /// resolved (no `extends`) and have office hours; the week defaults to Monday–Friday and the
    /// offset to UTC+7.
    public init(_ definition: CalendarDefinition, years: ClosedRange<Int> = 1990...2100) throws(CalendarError) {
        if let parent = definition.extends {
            throw .incomplete(calendar: definition.id, missing: "extends: \(parent) (resolved(in:))")
        }
        guard let hours = definition.hours else { throw .incomplete(calendar: definition.id, missing: "hours") }
        for list in hours.allSessionLists {
            switch OfficeHours.problem(in: list) {
            case nil: break
            case .empty: throw .badSessions(calendar: definition.id, detail: "no session / không có buổi nào")
            case let .overlap(a, b): throw .badSessions(calendar: definition.id, detail: "\(a) / \(b)")
            }
        }
        guard Self.supportedYears.contains(years.lowerBound), Self.supportedYears.contains(years.upperBound) else {
            throw .outOfRange("\(years.lowerBound)–\(years.upperBound)", years: Self.supportedYears)
        }
        self.definition = definition
        self.years = years
        let offset = definition.utcOffset ?? .vietnam
        self.utcOffset = offset
        self.offsetSeconds = offset.seconds

        let schedule = HolidaySchedule(definition: definition, years: years)
        workingWeekday = schedule.workingWeekday
        let first = CivilDate(year: years.lowerBound, month: 1, day: 1)?.dayNumber ?? 0
        let end = CivilDate(year: years.upperBound + 1, month: 1, day: 1)?.dayNumber ?? 0
        firstDay = first
        dayCount = end - first

        var sets = [SessionSet([])]
        var setIndex: [[Session]: UInt32] = [[]: 0]
        var dayInfo: [UInt32] = []
        var workingDays: [UInt32] = []
        var workEnd: [UInt32] = []
        var reasons: [Int: DayReason] = [:]
        dayInfo.reserveCapacity(dayCount)
        var rank: UInt32 = 0
        var cumulative: UInt32 = 0
        var minDay = Int.max, maxDay = 0
        for i in 0..<dayCount {
            let n = first + i
            if let reason = schedule.reason(n), !(reason.isWeeklyRest) { reasons[i] = reason }
            guard schedule.isWorking(n) else {
                dayInfo.append(rank << 8)
                continue
            }
            let sessions = hours.sessions(on: CivilDate(dayNumber: n))
            let id: UInt32
            if let known = setIndex[sessions] {
                id = known
            } else {
                guard sets.count < 256 else { throw .badSessions(calendar: definition.id, detail: "more than 255 distinct lists of sessions") }
                id = UInt32(sets.count)
                sets.append(SessionSet(sessions))
                setIndex[sessions] = id
            }
            let set = sets[Int(id)]
            rank += 1
            cumulative += UInt32(set.total / 60)
            dayInfo.append(rank << 8 | id)
            workingDays.append(UInt32(i) << 8 | id)
            workEnd.append(cumulative)
            minDay = min(minDay, set.total)
            maxDay = max(maxDay, set.total)
        }
        self.dayInfo = dayInfo
        self.workingDays = workingDays
        self.workEnd = workEnd
        self.sessionSets = sets
        self.closings = sets.map { Int32($0.closing) }
        let stride = max(1, sets.map(\.starts.count).max() ?? 1)
        var flatStarts = [Int32](repeating: 0, count: stride * sets.count)
        var flatEnds = flatStarts
        for (s, set) in sets.enumerated() {
            for j in set.starts.indices {
                flatStarts[s * stride + j] = Int32(set.starts[j])
                flatEnds[s * stride + j] = Int32(set.ends[j])
            }
        }
        self.flatStarts = flatStarts
        self.flatEnds = flatEnds
        self.sessionStride = stride
        self.sessionCounts = sets.map { Int32($0.starts.count) }
        self.setTotals = sets.map { Int32($0.total) }
        self.minDaySeconds = minDay == .max ? 60 : minDay
        self.maxDaySeconds = max(maxDay, 60)
        self.reasons = reasons
        if let known = definition.noticeYears, known.lowerBound <= known.upperBound {
            knownFrom = (CivilDate(year: known.lowerBound, month: 1, day: 1)?.dayNumber ?? 0) - first
            knownTo = (CivilDate(year: known.upperBound + 1, month: 1, day: 1)?.dayNumber ?? 0) - first
        } else {
            knownFrom = 0
            knownTo = 0
        }
    }

    /// Builds the calendar `id` from a set of definitions, resolving `extends` first.
    public init(id: String, in definitions: [String: CalendarDefinition], years: ClosedRange<Int> = 1990...2100) throws(CalendarError) {
        guard let definition = definitions[id] else { throw .unknownCalendar(id, known: definitions.keys.sorted()) }
        try self.init(definition.resolved(in: definitions), years: years)
    }

    /// The number of working days the tables hold.
    public var workingDayCount: Int { workingDays.count }

    // MARK: - Internal helpers shared by the queries

    /// The day index and second of the local day of an instant.
    @inlinable @inline(__always)
    func locate(_ instant: Instant) throws(CalendarError) -> (index: Int, second: Int) {
        let s = instant.secondsSince1970 + offsetSeconds
        let day = s >= 0 ? s / 86400 : (s - 86399) / 86400
        let i = day - firstDay
        guard i >= 0, i < dayCount else { throw outOfRange(instant) }
        return (i, s - day * 86400)
    }

    /// The day index of a date.
    @inline(__always)
    func index(of date: CivilDate) throws(CalendarError) -> Int {
        let i = date.dayNumber - firstDay
        guard i >= 0, i < dayCount else { throw .outOfRange(date.iso, years: years) }
        return i
    }

    @usableFromInline
    func outOfRange(_ instant: Instant) -> CalendarError {
        .outOfRange(instant.iso8601(offset: utcOffset), years: years)
    }

    @usableFromInline
    func dueOutOfRange() -> CalendarError {
        .dueOutOfRange(years: years)
    }

    @inline(__always)
    func isWorking(index i: Int) -> Bool { dayInfo[i] & 0xFF != 0 }

    /// The session set of a day index (0 when off).
    @inline(__always)
    func setID(index i: Int) -> Int { Int(dayInfo[i] & 0xFF) }

    /// The number of working days up to and including a day index.
    @inline(__always)
    func rank(index i: Int) -> Int { Int(dayInfo[i] >> 8) }

    /// The closing second of a day index (0 when off).
    @inline(__always)
    func closing(index i: Int) -> Int { Int(closings[setID(index: i)]) }

    /// Working seconds before a day index.
    @inline(__always)
    func workBefore(index i: Int) -> Int {
        let r = rank(index: i) - (isWorking(index: i) ? 1 : 0)
        return r > 0 ? Int(workEnd[r - 1]) * 60 : 0
    }

    /// Working seconds of a day with session set `set` before a second of the day.
    @inline(__always)
    func worked(set: Int, before second: Int) -> Int {
        var sum = 0
        let base = set * sessionStride
        for j in base..<(base + Int(sessionCounts[set])) {
            let start = Int(flatStarts[j])
            if second <= start { break }
            sum += min(second, Int(flatEnds[j])) - start
        }
        return sum
    }

    /// The day index of a working day by its 0-based rank.
    @inline(__always)
    func workingDayIndex(rank k: Int) -> Int { Int(workingDays[k] >> 8) }

    /// The instant of a second of a day index.
    @inlinable @inline(__always)
    func instant(index i: Int, second: Int) -> Instant {
        Instant(secondsSince1970: (firstDay + i) * 86400 + second - offsetSeconds)
    }

    /// Whether the answer for days `from`…`to` (indices) rests on projected years.
    @inlinable @inline(__always)
    func projected(_ from: Int, _ to: Int) -> Bool {
        !(from >= knownFrom && to < knownTo)
    }

    /// The date of a day index.
    func date(index i: Int) -> CivilDate { CivilDate(dayNumber: firstDay + i) }
}

extension DayReason {
    var isWeeklyRest: Bool {
        if case .weeklyRest = self { return true }
        return false
    }
}
