/// The days off and worked rest days that a resolved definition gives over a range of years, as
/// dictionaries by day number. Built once; ``WorkingCalendar`` turns it into tables and
/// ``_NaiveDueCalculator`` reads it a day at a time.
///
/// The order of the steps is the law's:
/// 1. statutory days of rules not chosen by notice (fixed solar, lunar dates);
/// 2. the days that yearly notices decide (chosen holidays, swaps) and the rest days they make
///    working;
/// 3. for a rule chosen by notice with no notice that year, the projection rule: Tết = eve + the
///    first days of the year, a Saturday among them replaced by the previous free weekday and any
///    other rest day by the next one; the day adjacent to 2/9 after the weekday table
///    (Mon→3/9, Tue/Wed→1/9, Thu→3/9, Fri/Sat→1/9, Sun→3/9);
/// 4. the make-up rule (Labour Code 2019, art. 111(3)): a statutory day on a weekly rest day moves to
///    the next weekday that is not yet off, in date order. Chosen days are not moved again.
struct HolidaySchedule: Sendable {
    /// Whether each ISO weekday (index 1…7) is a working day of the week pattern.
    let workingWeekday: [Bool]
    /// Reasons for days off, by day number.
    private(set) var off: [Int: DayReason] = [:]
    /// Reasons for worked weekly rest days, by day number.
    private(set) var worked: [Int: DayReason] = [:]

    init(definition: CalendarDefinition, years: ClosedRange<Int>, lunar: LunisolarCalendar = .vietnamese) {
        let week = definition.week ?? [.monday, .tuesday, .wednesday, .thursday, .friday]
        var pattern = [Bool](repeating: false, count: 8)
        for day in week { pattern[day.rawValue] = true }
        workingWeekday = pattern

        let span = (years.lowerBound - 1)...(years.upperBound + 1)
        var decided: Set<String> = []
        for notice in definition.notices {
            for day in notice.daysOff {
                if let id = day.holiday { decided.insert("\(id)#\(notice.year)") }
            }
        }
        let rulesByID = Dictionary(definition.holidays.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        // 1. Statutory days.
        var makeUpCandidates: [HolidayOccurrence] = []
        var chosen: [(HolidayRule, Int)] = []
        for year in span {
            for rule in definition.holidays where rule.applies(in: year) {
                if rule.chosenByNotice || isAdjacent(rule) {
                    if !decided.contains("\(rule.id)#\(year)") { chosen.append((rule, year)) }
                    continue
                }
                let eligible = rule.makeUp && !decided.contains("\(rule.id)#\(year)")
                for date in Self.dates(of: rule, year: year, lunar: lunar) {
                    let occurrence = Self.occurrence(rule, date)
                    addOff(date, .holiday(occurrence))
                    if eligible { makeUpCandidates.append(occurrence) }
                }
            }
        }

        // 2. Notices.
        for notice in definition.notices {
            for day in notice.daysOff {
                let rule = day.holiday.flatMap { rulesByID[$0] }
                let name = day.name ?? rule?.name ?? (day.swappedWith != nil ? "Nghỉ hoán đổi" : "Ngày nghỉ theo thông báo")
                let english = day.englishName ?? rule?.englishName ?? (day.name == nil && rule == nil ? (day.swappedWith != nil ? "Swapped day off" : "Day off by notice") : nil)
                let entry = NoticeEntry(day: day, name: name, englishName: english, document: notice.document, source: notice.source, verified: notice.verified)
                addOff(day.date, .noticeDayOff(entry))
            }
            for day in notice.workdays {
                let entry = NoticeEntry(day: day, name: day.name ?? "Ngày làm bù", englishName: day.englishName ?? (day.name == nil ? "Worked day" : nil),
                                        document: notice.document, source: notice.source, verified: notice.verified)
                worked[day.date.dayNumber] = .noticeWorkday(entry)
            }
        }

        // 2b. The rest days inside a span whose weekdays a notice chose keep the holiday's name.
        for year in span {
            for rule in definition.holidays where rule.applies(in: year) && rule.chosenByNotice && decided.contains("\(rule.id)#\(year)") {
                guard case .lunarSpan = rule.kind else { continue }
                for date in Self.dates(of: rule, year: year, lunar: lunar) where !isPatternWorkday(date.dayNumber) {
                    addOff(date, .holiday(Self.occurrence(rule, date)))
                }
            }
        }

        // 3. Projection of chosen days.
        for (rule, year) in chosen {
            switch rule.kind {
            case let .adjacentDay(to: md):
                guard let base = md.date(in: year) else { continue }
                let shift: Int
                switch base.weekday {
                case .monday, .thursday, .sunday: shift = 1
                case .tuesday, .wednesday, .friday, .saturday: shift = -1
                }
                let date = base.adding(days: shift)
                addOff(date, .holiday(Self.occurrence(rule, date, projected: true)))
            default:
                let dates = Self.dates(of: rule, year: year, lunar: lunar)
                for date in dates { addOff(date, .holiday(Self.occurrence(rule, date, projected: true))) }
                for date in dates where !isPatternWorkday(date.dayNumber) {
                    let step = date.weekday == .saturday ? -1 : 1
                    guard let d = freeWorkday(from: date.dayNumber + step, step: step) else { continue }
                    addOff(CivilDate(dayNumber: d), .holiday(Self.occurrence(rule, CivilDate(dayNumber: d), projected: true, replaces: date)))
                }
            }
        }

        // 4. Make-up days.
        if let makeUp = definition.makeUp {
            for occurrence in makeUpCandidates.sorted(by: { $0.date < $1.date }) {
                let n = occurrence.date.dayNumber
                guard makeUp.firstYear.map({ occurrence.date.year >= $0 }) ?? true,
                      !isPatternWorkday(n), worked[n] == nil
                else { continue }
                guard let d = freeWorkday(from: n + 1, step: 1) else { continue }
                addOff(CivilDate(dayNumber: d), .makeUp(occurrence, basis: makeUp.basis))
            }
        }
    }

    /// Whether a day is a working day: a notice made it one, or it is a weekday of the pattern that
    /// is not off.
    func isWorking(_ dayNumber: Int) -> Bool {
        if worked[dayNumber] != nil { return true }
        if off[dayNumber] != nil { return false }
        return isPatternWorkday(dayNumber)
    }

    /// The reason for a day that differs from the plain week pattern, or a weekly rest day.
    func reason(_ dayNumber: Int) -> DayReason? {
        if let r = worked[dayNumber] { return r }
        if let r = off[dayNumber] { return r }
        return isPatternWorkday(dayNumber) ? nil : .weeklyRest(Weekday.of(dayNumber: dayNumber))
    }

    /// Whether the weekday of a day is a working day of the week pattern.
    func isPatternWorkday(_ dayNumber: Int) -> Bool {
        workingWeekday[Weekday.of(dayNumber: dayNumber).rawValue]
    }

    /// The first weekday of the pattern that is not yet off, from `start` in steps of `step` (±1);
    /// nil when none comes within a year (a week pattern with no working day).
    private func freeWorkday(from start: Int, step: Int) -> Int? {
        var d = start
        for _ in 0..<370 {
            if isPatternWorkday(d), off[d] == nil { return d }
            d += step
        }
        return nil
    }

    private mutating func addOff(_ date: CivilDate, _ reason: DayReason) {
        let n = date.dayNumber
        if off[n] == nil { off[n] = reason }
    }

    private func isAdjacent(_ rule: HolidayRule) -> Bool {
        if case .adjacentDay = rule.kind { return true }
        return false
    }

    private static func occurrence(_ rule: HolidayRule, _ date: CivilDate, projected: Bool = false, replaces: CivilDate? = nil) -> HolidayOccurrence {
        HolidayOccurrence(date: date, ruleID: rule.id, name: rule.name, englishName: rule.englishName, basis: rule.basis,
                          projected: projected, verified: rule.verified, replaces: replaces)
    }

    /// The days a rule gives in a year (for lunar rules, the lunar year), in order.
    static func dates(of rule: HolidayRule, year: Int, lunar: LunisolarCalendar) -> [CivilDate] {
        switch rule.kind {
        case let .solar(md):
            return md.date(in: year).map { [$0] } ?? []
        case let .lunar(lmd):
            return lmd.date(inLunarYear: year, calendar: lunar).map { [$0] } ?? []
        case let .lunarSpan(from, through):
            let fromYear = through < from ? year - 1 : year
            guard let start = from.date(inLunarYear: fromYear, calendar: lunar),
                  let end = through.date(inLunarYear: year, calendar: lunar), start <= end
            else { return [] }
            return (start.dayNumber...end.dayNumber).map { CivilDate(dayNumber: $0) }
        case let .adjacentDay(to: md):
            return md.date(in: year).map { [$0] } ?? []
        }
    }
}
