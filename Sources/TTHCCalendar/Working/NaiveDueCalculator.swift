/// The obvious day-by-day implementation of the same counting rules as ``WorkingCalendar``,
/// reading the holiday schedule from dictionaries a day at a time. It is the reference the
/// property tests compare the tables against, and the baseline of the benchmark. Not API.
public struct _NaiveDueCalculator: Sendable {
    let schedule: HolidaySchedule
    let hours: OfficeHours
    let offset: Int
    let firstDay: Int
    let lastDay: Int
    let years: ClosedRange<Int>

    /// Builds the schedule of a resolved definition for a range of years.
    public init(_ definition: CalendarDefinition, years: ClosedRange<Int> = 1990...2100) throws(CalendarError) {
        guard let hours = definition.hours else { throw .incomplete(calendar: definition.id, missing: "hours") }
        self.hours = hours
        self.years = years
        schedule = HolidaySchedule(definition: definition, years: years)
        offset = (definition.utcOffset ?? .vietnam).seconds
        firstDay = CivilDate(year: years.lowerBound, month: 1, day: 1)?.dayNumber ?? 0
        lastDay = (CivilDate(year: years.upperBound, month: 12, day: 31)?.dayNumber ?? 0)
    }

    /// The due instant of a period, day by day.
    public func due(from receipt: Instant, _ period: DuePeriod, cutoff: TimeOfDay? = nil) throws(CalendarError) -> Instant {
        let s = receipt.secondsSince1970 + offset
        var day = s >= 0 ? s / 86400 : (s - 86399) / 86400
        let second = s - day * 86400
        guard day >= firstDay, day <= lastDay else { throw .outOfRange(receipt.description, years: years) }
        var cut = cutoff?.seconds ?? .max
        switch period {
        case let .workingDays(n):
            guard n >= 0 else { throw .negativeCount(n) }
            day = try effective(day, second, cut)
            var counted = 0
            while counted < n {
                day = try next(day)
                if isWorking(day) { counted += 1 }
            }
            return closing(day)
        case let .sameDay(c):
            cut = min(cut, c.seconds)
            return closing(try effective(day, second, cut))
        case let .calendarDays(n):
            guard n >= 0 else { throw .negativeCount(n) }
            day = try effective(day, second, cut) + n
            while !isWorking(day) { day = try next(day) }
            return closing(day)
        case let .workingMinutes(m):
            guard m >= 0 else { throw .negativeCount(m) }
            var rest = m * 60
            var from = second
            if isWorking(day), second > cut {
                day = try next(day)
                from = 0
            }
            while true {
                if isWorking(day) {
                    for session in hours.sessions(on: CivilDate(dayNumber: day)) {
                        let start = max(from, session.start.seconds)
                        let end = session.end.seconds
                        guard start < end else { continue }
                        if rest == 0 { return Instant(secondsSince1970: day * 86400 + start - offset) }
                        if rest <= end - start { return Instant(secondsSince1970: day * 86400 + start + rest - offset) }
                        rest -= end - start
                    }
                }
                day = try next(day)
                from = 0
            }
        }
    }

    /// Working seconds between two instants, day by day.
    public func workingSeconds(from start: Instant, to end: Instant) -> Int {
        if end < start { return -workingSeconds(from: end, to: start) }
        let a = start.secondsSince1970 + offset, b = end.secondsSince1970 + offset
        var day = a >= 0 ? a / 86400 : (a - 86399) / 86400
        var total = 0
        while day * 86400 <= b {
            if isWorking(day) {
                for session in hours.sessions(on: CivilDate(dayNumber: day)) {
                    let s = max(day * 86400 + session.start.seconds, a)
                    let e = min(day * 86400 + session.end.seconds, b)
                    if e > s { total += e - s }
                }
            }
            day += 1
        }
        return total
    }

    /// Whether a date is a working day.
    public func isWorkingDay(_ date: CivilDate) -> Bool { isWorking(date.dayNumber) }

    private func isWorking(_ day: Int) -> Bool { schedule.isWorking(day) }

    private func next(_ day: Int) throws(CalendarError) -> Int {
        guard day < lastDay else { throw .dueOutOfRange(years: years) }
        return day + 1
    }

    private func effective(_ day: Int, _ second: Int, _ cut: Int) throws(CalendarError) -> Int {
        if isWorking(day), second < closingSecond(day), second <= cut { return day }
        var d = try next(day)
        while !isWorking(d) { d = try next(d) }
        return d
    }

    private func closingSecond(_ day: Int) -> Int {
        hours.sessions(on: CivilDate(dayNumber: day)).last?.end.seconds ?? 0
    }

    private func closing(_ day: Int) -> Instant {
        Instant(secondsSince1970: day * 86400 + closingSecond(day) - offset)
    }
}
