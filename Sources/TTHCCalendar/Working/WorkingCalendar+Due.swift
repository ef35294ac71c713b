extension WorkingCalendar {
    /// The due date of a period counted from a receipt instant.
    ///
    /// - Day periods (working days, calendar days, same day) count from the *effective receipt
    ///   day*: the receipt day itself when it is a working day and the receipt is before closing
    ///   time and not after `cutoff`; otherwise the next working day (Circular 87/2021/TT-BTC
    ///   art. 10; Decree 23/2015 art. 7). That day is not counted (Civil Code art. 147). The due
    ///   instant is the closing time of the due day.
    /// - Working minutes count from the receipt instant inside office sessions only (after `cutoff`
    ///   on a working day: from the next working day's opening). A deadline that lands exactly at the
    ///   end of a session stays there.
    ///
    /// - Throws: ``CalendarError`` for a negative count or a date outside the calendar's years.
    public func due(from receipt: Instant, _ period: DuePeriod, cutoff: TimeOfDay? = nil) throws(CalendarError) -> DueDate {
        switch period {
        case let .workingDays(n):
            return try dueWorkingDays(n, from: receipt, cutoff: cutoff)
        case let .workingMinutes(m):
            return try dueWorkingSeconds(m * 60, from: receipt, cutoff: cutoff)
        case let .calendarDays(n):
            return try dueCalendarDays(n, from: receipt, cutoff: cutoff)
        case let .sameDay(own):
            return try dueWorkingDays(0, from: receipt, cutoff: cutoff.map { min($0, own) } ?? own)
        }
    }

    /// The due date `n` working days after the effective receipt day, at its closing time: O(1).
    public func dueWorkingDays(_ n: Int, from receipt: Instant, cutoff: TimeOfDay? = nil) throws(CalendarError) -> DueDate {
        guard n >= 0 else { throw .negativeCount(n) }
        let (i, second) = try locate(receipt)
        let e = try effectiveDay(i, second, cutoff?.seconds ?? .max)
        let k = Int(days[e].rank) - 1 + n
        guard k < workingDays.count else { throw dueOutOfRange() }
        let d = Int(workingDays[k])
        return DueDate(instant: instant(index: d, second: Int(days[d].closing)), utcOffset: utcOffset, projected: projected(i, d))
    }

    /// The due date `n` calendar days after the effective receipt day, moved to the next working
    /// day when that day is off (Civil Code art. 148), at its closing time: O(1).
    public func dueCalendarDays(_ n: Int, from receipt: Instant, cutoff: TimeOfDay? = nil) throws(CalendarError) -> DueDate {
        guard n >= 0 else { throw .negativeCount(n) }
        let (i, second) = try locate(receipt)
        let e = try effectiveDay(i, second, cutoff?.seconds ?? .max)
        let d = try workingDay(onOrAfter: e + n)
        return DueDate(instant: instant(index: d, second: Int(days[d].closing)), utcOffset: utcOffset, projected: projected(i, d))
    }

    /// The due instant `seconds` working seconds after the receipt, counted inside office sessions:
    /// O(1) when working days have equal length, O(log n) at worst.
    public func dueWorkingSeconds(_ seconds: Int, from receipt: Instant, cutoff: TimeOfDay? = nil) throws(CalendarError) -> DueDate {
        guard seconds >= 0 else { throw .negativeCount(seconds) }
        let (i, second) = try locate(receipt)
        let p0 = startPosition(i, second, cutoff?.seconds ?? .max)
        let (d, s) = seconds == 0 ? try positionStart(p0) : try positionEnd(p0 + seconds, hint: i)
        return DueDate(instant: instant(index: d, second: s), utcOffset: utcOffset, projected: projected(i, d))
    }

    // MARK: - Internals

    /// The effective receipt day index: `i` when it is a working day and `second` is before closing
    /// and not after the cut-off, else the next working day.
    @inline(__always)
    func effectiveDay(_ i: Int, _ second: Int, _ cutoff: Int) throws(CalendarError) -> Int {
        let entry = days[i]
        if Int(entry.closing) > second, second <= cutoff { return i }
        let r = Int(entry.rank)
        guard r < workingDays.count else { throw dueOutOfRange() }
        return Int(workingDays[r])
    }

    /// The first working day at or after a day index.
    @inline(__always)
    func workingDay(onOrAfter j: Int) throws(CalendarError) -> Int {
        guard j < dayCount else { throw dueOutOfRange() }
        if days[j].closing != 0 { return j }
        let r = Int(days[j].rank)
        guard r < workingDays.count else { throw dueOutOfRange() }
        return Int(workingDays[r])
    }

    /// The working position (cumulative working seconds) at which counting starts for a receipt.
    @inline(__always)
    func startPosition(_ i: Int, _ second: Int, _ cutoff: Int) -> Int {
        let w = work[i]
        if second > cutoff, days[i].closing != 0 { return work[i + 1].before }
        return w.before + sessionSets[Int(w.set)].worked(before: second)
    }

    /// The working position of an instant's day index and second.
    @inline(__always)
    func position(_ i: Int, _ second: Int) -> Int {
        let w = work[i]
        return w.before + sessionSets[Int(w.set)].worked(before: second)
    }

    /// The earliest (day index, second) at which the working position reaches `t` (> 0), staying at
    /// the end of a session when it lands exactly there.
    @inline(__always)
    func positionEnd(_ t: Int, hint i: Int) throws(CalendarError) -> (Int, Int) {
        let count = workEnd.count
        // Rank (0-based) of the first working day at or after day i.
        let r = Int(days[i].rank)
        let k0 = days[i].closing != 0 ? r - 1 : r
        let span = t - work[i].before
        var lo = min(max(k0 + span / maxDaySeconds - 1, k0), count)
        var hi = min(k0 + (span + minDaySeconds - 1) / minDaySeconds + 1, count)
        if lo > 0, workEnd[lo - 1] >= t { lo = 0 }
        if hi < count, workEnd[hi] < t { hi = count }
        // lowerBound of t in workEnd[lo..<hi]
        while lo < hi {
            let mid = (lo + hi) >> 1
            if workEnd[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        guard lo < count else { throw dueOutOfRange() }
        let d = Int(workingDays[lo])
        let set = sessionSets[Int(work[d].set)]
        var rest = t - (workEnd[lo] - set.total)
        for j in set.starts.indices {
            let length = set.ends[j] - set.starts[j]
            if rest <= length { return (d, set.starts[j] + rest) }
            rest -= length
        }
        return (d, set.closing)
    }

    /// The first open (day index, second) whose working position is `p`: the instant itself when it
    /// is inside a session, the next opening otherwise.
    func positionStart(_ p: Int) throws(CalendarError) -> (Int, Int) {
        var lo = 0, hi = workEnd.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if workEnd[mid] <= p { lo = mid + 1 } else { hi = mid }
        }
        guard lo < workEnd.count else { throw dueOutOfRange() }
        let d = Int(workingDays[lo])
        let set = sessionSets[Int(work[d].set)]
        var rest = p - (workEnd[lo] - set.total)
        for j in set.starts.indices {
            let length = set.ends[j] - set.starts[j]
            if rest < length { return (d, set.starts[j] + rest) }
            rest -= length
        }
        return (d, set.closing)
    }
}
