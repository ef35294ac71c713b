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

    /// The due date `n` working days after the effective receipt day, at its closing time: O(1),
    /// two reads from the tables. Inlinable, so that callers in other modules avoid a call.
    @inlinable
    public func dueWorkingDays(_ n: Int, from receipt: Instant, cutoff: TimeOfDay? = nil) throws(CalendarError) -> DueDate {
        guard n >= 0 else { throw .negativeCount(n) }
        let (i, second) = try locate(receipt)
        let k = effectiveRank(i, second, cutoff?.seconds ?? .max) + n
        guard k < workingDays.count else { throw dueOutOfRange() }
        let w = workingDays[k]
        let d = Int(w >> 8)
        return DueDate(instant: instant(index: d, second: Int(closings[Int(w & 0xFF)])), utcOffset: utcOffset, projected: projected(i, d))
    }

    /// The due date `n` calendar days after the effective receipt day, moved to the next working
    /// day when that day is off (Civil Code art. 148), at its closing time: O(1).
    public func dueCalendarDays(_ n: Int, from receipt: Instant, cutoff: TimeOfDay? = nil) throws(CalendarError) -> DueDate {
        guard n >= 0 else { throw .negativeCount(n) }
        let (i, second) = try locate(receipt)
        let e = try effectiveDay(i, second, cutoff?.seconds ?? .max)
        let d = try workingDay(onOrAfter: e + n)
        return DueDate(instant: instant(index: d, second: closing(index: d)), utcOffset: utcOffset, projected: projected(i, d))
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

    /// The 0-based rank of the effective receipt day: day `i` itself when it is a working day and
    /// `second` is before its closing time and not after the cut-off, else the next working day.
    /// (The rank may equal `workingDays.count` when no working day follows.)
    @inlinable @inline(__always)
    func effectiveRank(_ i: Int, _ second: Int, _ cutoff: Int) -> Int {
        let info = dayInfo[i]
        let closing = Int(closings[Int(info & 0xFF)]) // 0 on a day off, so never after `second`
        // Branch-free (receipt times are unpredictable): -1 when before closing and not after the cut-off.
        let beforeClosing = (second &- closing) >> 63
        let afterCutoff = (cutoff &- second) >> 63
        return Int(info >> 8) + (beforeClosing & ~afterCutoff)
    }

    /// The effective receipt day index (see ``effectiveRank(_:_:_:)``).
    @inline(__always)
    func effectiveDay(_ i: Int, _ second: Int, _ cutoff: Int) throws(CalendarError) -> Int {
        let k = effectiveRank(i, second, cutoff)
        guard k < workingDays.count else { throw dueOutOfRange() }
        return workingDayIndex(rank: k)
    }

    /// The first working day at or after a day index.
    @inline(__always)
    func workingDay(onOrAfter j: Int) throws(CalendarError) -> Int {
        guard j < dayCount else { throw dueOutOfRange() }
        if isWorking(index: j) { return j }
        let r = rank(index: j)
        guard r < workingDays.count else { throw dueOutOfRange() }
        return workingDayIndex(rank: r)
    }

    /// The working position (cumulative working seconds) at which counting starts for a receipt.
    @inline(__always)
    func startPosition(_ i: Int, _ second: Int, _ cutoff: Int) -> Int {
        if second > cutoff, isWorking(index: i) { return workBefore(index: i) + Int(setTotals[setID(index: i)]) }
        return position(i, second)
    }

    /// The working position of an instant's day index and second.
    @inline(__always)
    func position(_ i: Int, _ second: Int) -> Int {
        workBefore(index: i) + worked(set: setID(index: i), before: second)
    }

    /// The earliest (day index, second) at which the working position reaches `t` (> 0), staying at
    /// the end of a session when it lands exactly there.
    @inline(__always)
    func positionEnd(_ t: Int, hint i: Int) throws(CalendarError) -> (Int, Int) {
        let count = workEnd.count
        // Rank (0-based) of the first working day at or after day i, and the work before it.
        let k0 = rank(index: i) - (isWorking(index: i) ? 1 : 0)
        let span = t - (k0 > 0 ? Int(workEnd[k0 - 1]) * 60 : 0)
        var lo = min(max(k0 + span / maxDaySeconds - 1, k0), count)
        var hi = min(k0 + (span + minDaySeconds - 1) / minDaySeconds + 1, count)
        if lo > 0, Int(workEnd[lo - 1]) * 60 >= t { lo = 0 }
        if hi < count, Int(workEnd[hi]) * 60 < t { hi = count }
        while lo < hi {
            let mid = (lo + hi) >> 1
            if Int(workEnd[mid]) * 60 < t { lo = mid + 1 } else { hi = mid }
        }
        guard lo < count else { throw dueOutOfRange() }
        return locateInDay(rank: lo, rest: t, atEnd: true)
    }

    /// The first open (day index, second) whose working position is `p`: the instant itself when it
    /// is inside a session, the next opening otherwise.
    func positionStart(_ p: Int) throws(CalendarError) -> (Int, Int) {
        var lo = 0, hi = workEnd.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if Int(workEnd[mid]) * 60 <= p { lo = mid + 1 } else { hi = mid }
        }
        guard lo < workEnd.count else { throw dueOutOfRange() }
        return locateInDay(rank: lo, rest: p, atEnd: false)
    }

    /// The second within the working day of rank `k` at which the position `p` falls; `atEnd`
    /// keeps a position that ends a session at that session's end instead of the next opening.
    @inline(__always)
    private func locateInDay(rank k: Int, rest p: Int, atEnd: Bool) -> (Int, Int) {
        let w = workingDays[k]
        let d = Int(w >> 8)
        let set = Int(w & 0xFF)
        var rest = p - (Int(workEnd[k]) * 60 - Int(setTotals[set]))
        let base = set * sessionStride
        for j in base..<(base + Int(sessionCounts[set])) {
            let start = Int(flatStarts[j])
            let length = Int(flatEnds[j]) - start
            if atEnd ? rest <= length : rest < length { return (d, start + rest) }
            rest -= length
        }
        return (d, Int(closings[set]))
    }
}
