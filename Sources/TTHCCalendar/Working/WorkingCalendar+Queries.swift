extension WorkingCalendar {
    /// What the calendar says about a day.
    public func status(of date: CivilDate) throws(CalendarError) -> DayStatus {
        let i = try index(of: date)
        return status(index: i)
    }

    /// Whether a day is a working day.
    public func isWorkingDay(_ date: CivilDate) throws(CalendarError) -> Bool {
        try isWorking(index: index(of: date))
    }

    /// The office sessions of a day (empty on a day off).
    public func sessions(on date: CivilDate) throws(CalendarError) -> [Session] {
        let set = sessionSets[setID(index: try index(of: date))]
        return set.starts.indices.compactMap { j in
            guard let s = TimeOfDay(minutes: set.starts[j] / 60), let e = TimeOfDay(minutes: set.ends[j] / 60) else { return nil }
            return Session(start: s, end: e)
        }
    }

    /// The days of a year that differ from the week pattern: every weekday of the pattern that is
    /// off and every weekly rest day that is worked, in date order, with their reasons.
    public func exceptions(inYear year: Int) throws(CalendarError) -> [DayStatus] {
        guard years.contains(year), let first = CivilDate(year: year, month: 1, day: 1), let last = CivilDate(year: year, month: 12, day: 31) else {
            throw .outOfRange(String(year), years: years)
        }
        var result: [DayStatus] = []
        for i in try index(of: first)...(try index(of: last)) {
            let weekday = Weekday.of(dayNumber: firstDay + i)
            if workingWeekday[weekday.rawValue] != isWorking(index: i) {
                result.append(status(index: i))
            }
        }
        return result
    }

    /// The number of working days d with `start` < d ≤ `end` (negative when `end` is before
    /// `start`). For a working day `start`, `workingDays(after: start, through: addingWorkingDays(n, to: start)) == n`.
    public func workingDays(after start: CivilDate, through end: CivilDate) throws(CalendarError) -> Int {
        rank(index: try index(of: end)) - rank(index: try index(of: start))
    }

    /// The n-th working day after `date` (n > 0), the n-th working day before it (n < 0), or the
    /// date itself (n = 0). O(1). Subtracting inverts adding: for a working day `e`,
    /// `addingWorkingDays(-n, to: addingWorkingDays(n, to: e)) == e`.
    public func addingWorkingDays(_ n: Int, to date: CivilDate) throws(CalendarError) -> CivilDate {
        let i = try index(of: date)
        if n == 0 { return date }
        let r = rank(index: i)
        let k = n > 0 ? r + n - 1 : r - (isWorking(index: i) ? 1 : 0) + n
        guard k >= 0, k < workingDays.count else { throw .outOfRange(date.iso, years: years) }
        return self.date(index: workingDayIndex(rank: k))
    }

    /// The first working day on or after a date.
    public func workingDay(onOrAfter date: CivilDate) throws(CalendarError) -> CivilDate {
        self.date(index: try workingDay(onOrAfter: try index(of: date)))
    }

    /// Working time between two instants in seconds, counting only office sessions of working
    /// days (negative when `end` is before `start`). O(1). Used for pauses and statistics.
    public func workingSeconds(from start: Instant, to end: Instant) throws(CalendarError) -> Int {
        let (i, s) = try locate(start)
        let (j, t) = try locate(end)
        return position(j, t) - position(i, s)
    }

    /// Working time between two instants in whole minutes (rounded towards zero).
    public func workingMinutes(from start: Instant, to end: Instant) throws(CalendarError) -> Int {
        try workingSeconds(from: start, to: end) / 60
    }

    /// The first working moment at or after an instant: the instant itself inside a session,
    /// otherwise the next opening.
    public func nextWorkingMoment(from instant: Instant) throws(CalendarError) -> Instant {
        let (i, s) = try locate(instant)
        let (d, second) = try positionStart(position(i, s))
        return self.instant(index: d, second: second)
    }

    func status(index i: Int) -> DayStatus {
        let weekday = Weekday.of(dayNumber: firstDay + i)
        let reason = reasons[i] ?? (workingWeekday[weekday.rawValue] ? nil : .weeklyRest(weekday))
        return DayStatus(date: date(index: i), isWorking: isWorking(index: i), reason: reason, projected: projected(i, i))
    }
}
