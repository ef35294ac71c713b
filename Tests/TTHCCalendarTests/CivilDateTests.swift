import Testing
import TTHCCalendar

@Suite struct CivilDateTests {
    @Test func rejectsImpossibleDates() {
        #expect(CivilDate(year: 2025, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2026, month: 13, day: 1) == nil)
        #expect(CivilDate(year: 2026, month: 4, day: 31) == nil)
        #expect(CivilDate(year: 2026, month: 1, day: 0) == nil)
        #expect(CivilDate(iso: "2026-02-30") == nil)
        #expect(CivilDate(iso: "2026-2-3") == nil)
        #expect(CivilDate(iso: "abcd-ef-gh") == nil)
    }

    @Test func dayNumbersAndWeekdays() {
        #expect(date(1970, 1, 1).dayNumber == 0)
        #expect(date(2000, 3, 1).dayNumber == 11017)
        #expect(date(1969, 12, 31).dayNumber == -1)
        #expect(date(2026, 2, 17).weekday == .tuesday)
        #expect(date(2024, 2, 10).weekday == .saturday)
        #expect(date(1970, 1, 1).weekday == .thursday)
        #expect(date(1900, 1, 1).weekday == .monday)
        for n in stride(from: -800_000, to: 800_000, by: 997) {
            let d = CivilDate(dayNumber: n)
            #expect(d.dayNumber == n)
            #expect(CivilDate(iso: d.iso) == d || d.year < 1)
        }
    }

    @Test func isoRoundTrip() {
        #expect(date(2026, 2, 3).iso == "2026-02-03")
        #expect(CivilDate(iso: "2026-02-03") == date(2026, 2, 3))
        #expect(date(2026, 2, 3).vietnameseFormat == "03/02/2026")
    }

    @Test func parsesInstants() throws {
        let a = try #require(Instant(iso8601: "2026-02-13T09:00:00+07:00"))
        let b = try #require(Instant(iso8601: "2026-02-13T09:00+07:00"))
        let c = try #require(Instant(iso8601: "2026-02-13T02:00:00Z"))
        let e = try #require(Instant(iso8601: "2026-02-13T09:00:00.250+0700"))
        #expect(a == b && b == c && c == e)
        #expect(a == vn(2026, 2, 13, 9))
        #expect(Instant(iso8601: "2026-02-13T09:00") == nil)
        #expect(Instant(iso8601: "2026-02-13T09:00", defaultOffset: .vietnam) == a)
        #expect(Instant(iso8601: "2026-02-13", defaultOffset: .vietnam) == vn(2026, 2, 13))
        #expect(Instant(iso8601: "2026-02-30T09:00+07:00") == nil)
        #expect(Instant(iso8601: "2026-02-13T24:00+07:00") == nil)
        #expect(Instant(iso8601: "2026-02-13T09:00+07:00x") == nil)
        #expect(Instant(iso8601: "2026-02-13T09:60+07:00") == nil)
    }

    @Test func formatsInstants() {
        #expect(vn(2026, 2, 23, 17).iso8601(offset: .vietnam) == "2026-02-23T17:00:00+07:00")
        #expect(vn(2026, 2, 23, 17).description == "2026-02-23T10:00:00Z")
        #expect(vn(2026, 1, 1, 3).iso8601(offset: .utc) == "2025-12-31T20:00:00+00:00")
        #expect(UTCOffset("-03:30")?.description == "-03:30")
        #expect(UTCOffset("+07")?.seconds == 25200)
    }

    @Test func timesOfDay() {
        #expect(TimeOfDay("15:00")?.minutes == 900)
        #expect(TimeOfDay("7:30")?.minutes == 450)
        #expect(TimeOfDay("24:00")?.minutes == 1440)
        #expect(TimeOfDay("24:01") == nil)
        #expect(TimeOfDay("15:60") == nil)
        #expect(TimeOfDay("1500") == nil)
        #expect(TimeOfDay("07:05")?.description == "07:05")
    }
}
