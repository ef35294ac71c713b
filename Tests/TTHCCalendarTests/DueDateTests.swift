import Testing
import TTHCCalendar

@Suite struct DueDateTests {
    func due(_ from: Instant, _ period: DuePeriod, cutoff: TimeOfDay? = nil) throws -> String {
        try national.due(from: from, period, cutoff: cutoff).iso8601
    }

    @Test func workingDaysSkipTet() throws {
        #expect(try due(vn(2026, 2, 13, 9), .workingDays(1)) == "2026-02-23T17:00:00+07:00")
        let explanation = try national.explainDue(from: vn(2026, 2, 13, 9), .workingDays(1))
        #expect(explanation.skipped.map(\.date) == (14...22).map { date(2026, 2, $0) })
        #expect(explanation.adjustment == nil)
        #expect(explanation.countingDay == date(2026, 2, 13))
        #expect(explanation.projectedYears.isEmpty && !explanation.due.projected)
    }

    @Test func receiptDayIsNotCounted() throws {
        #expect(try due(vn(2026, 3, 9, 8), .workingDays(1)) == "2026-03-10T17:00:00+07:00")
        #expect(try due(vn(2026, 3, 9, 8), .workingDays(5)) == "2026-03-16T17:00:00+07:00")
        #expect(try due(vn(2026, 3, 9, 6), .workingDays(0)) == "2026-03-09T17:00:00+07:00")
    }

    @Test func receiptAfterHoursOrOnDayOff() throws {
        // After closing: counted from the next working day.
        #expect(try due(vn(2026, 3, 9, 17), .workingDays(1)) == "2026-03-11T17:00:00+07:00")
        #expect(try due(vn(2026, 3, 9, 16, 59, 59), .workingDays(1)) == "2026-03-10T17:00:00+07:00")
        // On Saturday: deemed received Monday, due Tuesday.
        #expect(try due(vn(2026, 3, 7, 10), .workingDays(1)) == "2026-03-10T17:00:00+07:00")
        // On New Year's Day 2026 (then 2/1 swapped, 3–4/1 weekend): effective Monday 5/1.
        let e = try national.explainDue(from: vn(2026, 1, 1, 10), .workingDays(1))
        #expect(e.due.iso8601 == "2026-01-06T17:00:00+07:00")
        #expect(e.countingDay == date(2026, 1, 5))
        if case .nonWorkingDay = e.adjustment {} else { Issue.record("expected a day-off adjustment, got \(String(describing: e.adjustment))") }
        // A swapped Saturday is a working day.
        #expect(try due(vn(2026, 1, 10, 9), .workingDays(1)) == "2026-01-12T17:00:00+07:00")
        // Cut-off 15:00: 15:00 itself is in time, 15:01 is not.
        #expect(try due(vn(2026, 3, 9, 15), .workingDays(1), cutoff: time(15, 0)) == "2026-03-10T17:00:00+07:00")
        #expect(try due(vn(2026, 3, 9, 15, 1), .workingDays(1), cutoff: time(15, 0)) == "2026-03-11T17:00:00+07:00")
    }

    @Test func sameDay() throws {
        let rule = DuePeriod.sameDay(cutoff: time(15, 0))
        #expect(try due(vn(2026, 3, 9, 14, 59), rule) == "2026-03-09T17:00:00+07:00")
        #expect(try due(vn(2026, 3, 9, 15, 0), rule) == "2026-03-09T17:00:00+07:00")
        #expect(try due(vn(2026, 3, 9, 15, 1), rule) == "2026-03-10T17:00:00+07:00")
        #expect(try due(vn(2026, 3, 13, 16), rule) == "2026-03-16T17:00:00+07:00")
        #expect(try due(vn(2026, 4, 29, 16), rule) == "2026-05-04T17:00:00+07:00")
        let e = try national.explainDue(from: vn(2026, 3, 9, 15, 1), rule)
        #expect(e.adjustment == .afterCutoff(time(15, 0)))
    }

    @Test func calendarDays() throws {
        #expect(try due(vn(2026, 3, 9, 10), .calendarDays(4)) == "2026-03-13T17:00:00+07:00")
        // Ends on Saturday: moves to Monday (Civil Code art. 148).
        #expect(try due(vn(2026, 3, 9, 10), .calendarDays(5)) == "2026-03-16T17:00:00+07:00")
        let e = try national.explainDue(from: vn(2026, 3, 9, 10), .calendarDays(5))
        #expect(e.skipped.map(\.date) == [date(2026, 3, 14), date(2026, 3, 15)])
        #expect(try due(vn(2026, 2, 10, 10), .calendarDays(7)) == "2026-02-23T17:00:00+07:00")
    }

    @Test func workingHours() throws {
        #expect(try due(vn(2026, 3, 9, 10), .workingHours(2)) == "2026-03-09T14:00:00+07:00")
        // Landing exactly on a session end stays there.
        #expect(try due(vn(2026, 3, 9, 7, 30), .workingMinutes(240)) == "2026-03-09T11:30:00+07:00")
        #expect(try due(vn(2026, 3, 9, 7, 30), .workingMinutes(450)) == "2026-03-09T17:00:00+07:00")
        #expect(try due(vn(2026, 3, 9, 7, 30), .workingMinutes(451)) == "2026-03-10T07:31:00+07:00")
        // After hours, on a lunch break, before opening.
        #expect(try due(vn(2026, 3, 9, 20), .workingHours(1)) == "2026-03-10T08:30:00+07:00")
        #expect(try due(vn(2026, 3, 9, 12), .workingHours(1)) == "2026-03-09T14:30:00+07:00")
        #expect(try due(vn(2026, 3, 9, 6), .workingHours(1)) == "2026-03-09T08:30:00+07:00")
        #expect(try due(vn(2026, 3, 9, 12), .workingMinutes(0)) == "2026-03-09T13:30:00+07:00")
        // Cut-off applies to hours when the procedure says so.
        #expect(try due(vn(2026, 3, 9, 15, 30), .workingHours(1), cutoff: time(15, 0)) == "2026-03-10T08:30:00+07:00")
        // Over Tết.
        #expect(try due(vn(2026, 2, 13, 16), .workingHours(2)) == "2026-02-23T08:30:00+07:00")
        #expect(try national.workingMinutes(from: vn(2026, 2, 13, 16), to: vn(2026, 2, 23, 8, 30)) == 120)
    }

    @Test func inverseQueries() throws {
        #expect(try national.workingDays(after: date(2026, 2, 13), through: date(2026, 2, 23)) == 1)
        #expect(try national.addingWorkingDays(1, to: date(2026, 2, 13)) == date(2026, 2, 23))
        #expect(try national.addingWorkingDays(-1, to: date(2026, 2, 23)) == date(2026, 2, 13))
        #expect(try national.addingWorkingDays(-1, to: date(2026, 2, 22)) == date(2026, 2, 13))
        #expect(try national.addingWorkingDays(-2, to: date(2026, 2, 22)) == date(2026, 2, 12))
        #expect(try national.workingDay(onOrAfter: date(2026, 2, 14)) == date(2026, 2, 23))
        #expect(try national.nextWorkingMoment(from: vn(2026, 2, 14, 9)) == vn(2026, 2, 23, 7, 30))
    }

    @Test func projectedAndErrors() throws {
        #expect(try national.due(from: vn(2026, 12, 28, 9), .workingDays(10)).projected)
        #expect(try !national.due(from: vn(2026, 12, 1, 9), .workingDays(10)).projected)
        #expect(try national.explainDue(from: vn(2026, 12, 28, 9), .workingDays(10)).projectedYears == [2027])
        #expect(throws: CalendarError.negativeCount(-1)) { try national.due(from: vn(2026, 3, 9), .workingDays(-1)) }
        #expect(throws: CalendarError.self) { try national.due(from: vn(2061, 3, 9), .workingDays(1)) }
        #expect(throws: CalendarError.self) { try national.due(from: vn(2060, 12, 30), .workingDays(10)) }
        #expect(CalendarError.negativeCount(-1).code == "calendar-negative-count")
        #expect(CalendarError.negativeCount(-1).message(.vi) == "số lượng không được âm: -1")
    }
}

/// OPENCPS.md §2, "Verified behaviour": hours Monday–Friday 07:30–11:30 and 13:00–17:00, the 2025
/// holidays. "+N d" is N × 8 working hours from the receipt, as OpenCPS counts; our answer must be
/// the "Correct" column.
@Suite struct OpenCPSRegressionTests {
    static func calendar(_ change: (inout CalendarDefinition) -> Void = { _ in }) throws -> WorkingCalendar {
        var definition = CalendarDefinition.vietnam
        definition.hours = OfficeHours(sessions: [Session("07:30-11:30"), Session("13:00-17:00")].compactMap { $0 })
        change(&definition)
        return try WorkingCalendar(definition, years: 2024...2027)
    }

    static let cases: [(String, Instant, Int, String)] = [
        ("Mon 10:00 + 2 d", vn(2025, 3, 10, 10), 16 * 60, "2025-03-12T10:00:00+07:00"),
        ("Fri 15:00 + 1 d", vn(2025, 3, 14, 15), 8 * 60, "2025-03-17T15:00:00+07:00"),
        ("Mon 07:30 + 1 d", vn(2025, 3, 10, 7, 30), 8 * 60, "2025-03-10T17:00:00+07:00"),
        ("Mon 10:00 + 3 h", vn(2025, 3, 10, 10), 3 * 60, "2025-03-10T14:30:00+07:00"),
        ("Mon 10:00 + 0.5 d", vn(2025, 3, 10, 10), 4 * 60, "2025-03-10T15:30:00+07:00"),
        ("Mon 10:07 + 1 h", vn(2025, 3, 10, 10, 7), 60, "2025-03-10T11:07:00+07:00"),
        ("Tue 29/4 10:00 + 2 d", vn(2025, 4, 29, 10), 16 * 60, "2025-05-06T10:00:00+07:00"),
        ("Fri 25/4 10:00 + 1 d", vn(2025, 4, 25, 10), 8 * 60, "2025-04-26T10:00:00+07:00"),
        ("Mon 18:00 + 2 h", vn(2025, 3, 10, 18), 2 * 60, "2025-03-11T09:30:00+07:00"),
        ("holiday Wed 30/4 10:00 + 1 d", vn(2025, 4, 30, 10), 8 * 60, "2025-05-05T17:00:00+07:00"),
    ]

    @Test(arguments: cases)
    func correctColumn(_ c: (String, Instant, Int, String)) throws {
        let calendar = try Self.calendar()
        #expect(try calendar.due(from: c.1, .workingMinutes(c.2)).iso8601 == c.3, "\(c.0)")
        let naive = try _NaiveDueCalculator(calendar.definition, years: 2024...2027)
        #expect(try naive.due(from: c.1, .workingMinutes(c.2)).iso8601(offset: .vietnam) == c.3, "\(c.0) (naive)")
    }

    @Test func makeUpDayOnSunday() throws {
        let calendar = try Self.calendar { d in
            d.notices.append(YearNotice(year: 2025, document: "test", verified: true,
                                        workdays: [NoticeDay(date: date(2025, 3, 16), name: "Làm bù (thử)")]))
        }
        #expect(try calendar.due(from: vn(2025, 3, 14, 10), .workingMinutes(8 * 60)).iso8601 == "2025-03-16T10:00:00+07:00")
    }

    @Test func elapsedAfterHours() throws {
        let calendar = try Self.calendar()
        #expect(try calendar.workingMinutes(from: vn(2025, 3, 10, 18), to: vn(2025, 3, 11, 9)) == 90)
    }

    @Test func saturdayHalfDay() throws {
        let calendar = try Self.calendar { d in
            d.week = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday]
            d.hours?.weekdays = [WeekdayHours(weekday: .saturday, sessions: [Session("07:30-11:30")].compactMap { $0 })]
        }
        #expect(try calendar.due(from: vn(2025, 3, 14, 15), .workingMinutes(8 * 60)).iso8601 == "2025-03-17T09:30:00+07:00")
    }

    @Test func longPeriodsAreNotTruncated() throws {
        let calendar = try Self.calendar()
        let d260 = try calendar.due(from: vn(2025, 3, 10, 10), .workingMinutes(260 * 8 * 60))
        let d300 = try calendar.due(from: vn(2025, 3, 10, 10), .workingMinutes(300 * 8 * 60))
        #expect(d260 < d300)
        #expect(d260.date == (try calendar.addingWorkingDays(260, to: date(2025, 3, 10))))
        #expect(d300.date == (try calendar.addingWorkingDays(300, to: date(2025, 3, 10))))
        #expect(d300.local.hour == 10)
    }
}

extension DueDate: Comparable {
    public static func < (lhs: DueDate, rhs: DueDate) -> Bool { lhs.instant < rhs.instant }
}

@Suite struct DegenerateCalendarTests {
    @Test func weekWithoutWorkingDays() throws {
        var definition = CalendarDefinition.vietnam
        definition.week = []
        let calendar = try WorkingCalendar(definition, years: 2025...2026)
        #expect(calendar.workingDayCount == 3) // the Saturdays worked by notice: 26/4/2025, 10/1 and 22/8/2026
        #expect(throws: CalendarError.self) { try calendar.due(from: vn(2026, 3, 9, 9), .workingDays(5)) }
    }
}
