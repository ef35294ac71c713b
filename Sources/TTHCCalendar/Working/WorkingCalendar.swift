/// A working calendar ready for arithmetic: built once from a resolved ``CalendarDefinition`` for
/// a range of years, with precomputed tables so that a due date in working days is a few array
/// reads (O(1)) and one in working hours a short search (O(log n) at worst, O(1) when days have
/// equal length).
///
/// Tables, by day index from 1 January of the first year:
/// - the working-day rank: how many working days up to and including the day;
/// - the closing second of the day (0 when off);
/// - cumulative working seconds before the day and the day's session set;
/// and by working-day rank: the day index and the cumulative working seconds through it.
public struct WorkingCalendar: Sendable {
    /// The resolved definition the calendar was built from.
    public let definition: CalendarDefinition
    /// The Gregorian years covered.
    public let years: ClosedRange<Int>
    /// The offset of the office's local time.
    public let utcOffset: UTCOffset

    let offsetSeconds: Int
    /// Day number of 1 January of the first year.
    let firstDay: Int
    let dayCount: Int
    /// Per day: rank (working days through it) and closing second (0 when off).
    let days: [DayEntry]
    /// Per day (plus one): working seconds before the day, and the day's session set.
    let work: [DayWork]
    /// Day index of each working day, by rank (0-based).
    let workingDays: [Int32]
    /// Cumulative working seconds through each working day, by rank (0-based).
    let workEnd: [Int]
    /// Distinct session lists; index 0 is the empty list of a day off.
    let sessionSets: [SessionSet]
    let minDaySeconds: Int
    let maxDaySeconds: Int
    /// Day index range of the years whose notices are known (empty when none).
    let knownFrom: Int
    let knownTo: Int
    /// Reasons of days that differ from the week pattern, by day index.
    let reasons: [Int: DayReason]
    let workingWeekday: [Bool]

    struct DayEntry: Sendable {
        var rank: Int32
        var closing: Int32
    }

    struct DayWork: Sendable {
        var before: Int
        var set: Int32
    }

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
        if let parent = definition.extends { throw .unknownCalendar(parent, known: []) }
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
        var setIndex: [[Session]: Int32] = [[]: 0]
        var days: [DayEntry] = []
        var work: [DayWork] = []
        var workingDays: [Int32] = []
        var workEnd: [Int] = []
        var reasons: [Int: DayReason] = [:]
        days.reserveCapacity(dayCount)
        work.reserveCapacity(dayCount + 1)
        var rank: Int32 = 0
        var cumulative = 0
        var minDay = Int.max, maxDay = 0
        for i in 0..<dayCount {
            let n = first + i
            if let reason = schedule.reason(n), !(reason.isWeeklyRest) { reasons[i] = reason }
            guard schedule.isWorking(n) else {
                days.append(DayEntry(rank: rank, closing: 0))
                work.append(DayWork(before: cumulative, set: 0))
                continue
            }
            let sessions = hours.sessions(on: CivilDate(dayNumber: n))
            let id: Int32
            if let known = setIndex[sessions] {
                id = known
            } else {
                id = Int32(sets.count)
                sets.append(SessionSet(sessions))
                setIndex[sessions] = id
            }
            let set = sets[Int(id)]
            rank += 1
            days.append(DayEntry(rank: rank, closing: Int32(set.closing)))
            work.append(DayWork(before: cumulative, set: id))
            cumulative += set.total
            workingDays.append(Int32(i))
            workEnd.append(cumulative)
            minDay = min(minDay, set.total)
            maxDay = max(maxDay, set.total)
        }
        work.append(DayWork(before: cumulative, set: 0))
        self.days = days
        self.work = work
        self.workingDays = workingDays
        self.workEnd = workEnd
        self.sessionSets = sets
        self.minDaySeconds = minDay == .max ? 1 : minDay
        self.maxDaySeconds = max(maxDay, 1)
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
    @inline(__always)
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

    func outOfRange(_ instant: Instant) -> CalendarError {
        .outOfRange(instant.iso8601(offset: utcOffset), years: years)
    }

    func dueOutOfRange() -> CalendarError {
        .outOfRange("hạn giải quyết / due date", years: years)
    }

    @inline(__always)
    func isWorking(index i: Int) -> Bool { days[i].closing != 0 }

    /// The instant of a second of a day index.
    @inline(__always)
    func instant(index i: Int, second: Int) -> Instant {
        Instant(secondsSince1970: (firstDay + i) * 86400 + second - offsetSeconds)
    }

    /// Whether the answer for days `from`…`to` (indices) rests on projected years.
    @inline(__always)
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
