extension WorkingCalendar {
    /// The due date of a period with its reasoning: how the receipt was moved, where counting
    /// starts, the days off passed over with their reasons, and the projected years involved.
    /// Linear in the length of the period; use ``due(from:_:cutoff:)`` when only the date is needed.
    public func explainDue(from receipt: Instant, _ period: DuePeriod, cutoff: TimeOfDay? = nil) throws(CalendarError) -> DueExplanation {
        let due = try self.due(from: receipt, period, cutoff: cutoff)
        let (i, second) = try locate(receipt)
        let (d, _) = try locate(due.instant)
        let closing = self.closing(index: i)
        var ownCutoff = cutoff
        if case let .sameDay(c) = period { ownCutoff = cutoff.map { min($0, c) } ?? c }
        let cut = ownCutoff?.seconds ?? .max

        var adjustment: ReceiptAdjustment?
        let countingFrom: Instant
        let countingDay: Int
        if closing == 0 {
            adjustment = .nonWorkingDay(status(index: i).reason ?? .weeklyRest(Weekday.of(dayNumber: firstDay + i)))
        } else if second > cut {
            adjustment = .afterCutoff(ownCutoff ?? TimeOfDay(minutes: 0) ?? .midnight)
        } else if second >= closing {
            adjustment = .afterClosing(TimeOfDay(minutes: closing / 60) ?? .midnight)
        }
        switch period {
        case .workingMinutes:
            let p0 = startPosition(i, second, cut)
            let (s, t) = try positionStart(p0)
            countingFrom = instant(index: s, second: t)
            countingDay = s
            if adjustment == nil, countingFrom != receipt { adjustment = .outsideSessions }
        default:
            let e = try effectiveDay(i, second, cut)
            countingDay = e
            countingFrom = instant(index: e, second: self.closing(index: e))
        }

        var skipped: [DayStatus] = []
        var from = i
        if case let .calendarDays(n) = period {
            if !isWorking(index: i) { skipped.append(status(index: i)) }
            from = countingDay + n
        }
        if from <= d {
            for j in from...d where !isWorking(index: j) { skipped.append(status(index: j)) }
        }
        var projectedYears: [Int] = []
        let firstYear = date(index: i).year, lastYear = date(index: d).year
        for year in firstYear...max(firstYear, lastYear) where !(definition.noticeYears?.contains(year) ?? false) {
            projectedYears.append(year)
        }
        return DueExplanation(due: due, period: period, receipt: receipt, adjustment: adjustment, countingFrom: countingFrom,
                              countingDay: date(index: countingDay), skipped: skipped, projectedYears: projectedYears)
    }
}

extension TimeOfDay {
    /// 00:00.
    public static let midnight = TimeOfDay(uncheckedMinutes: 0)

    init(uncheckedMinutes: Int) {
        self.minutes = uncheckedMinutes
    }
}
