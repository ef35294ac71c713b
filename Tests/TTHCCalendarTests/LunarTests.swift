import Testing
import TTHCCalendar

@Suite struct LunarTests {
    let lunar = LunisolarCalendar.vietnamese

    /// Tết (mùng 1 tháng Giêng) as published in Vietnam, across decades, including the years where
    /// Vietnam and China differ (1968, 1985, 2007, 2030, 2053).
    static let tet: [(Int, Int, Int)] = [
        (1900, 1, 31), (1945, 2, 13), (1954, 2, 3), (1968, 1, 29), (1975, 2, 11), (1985, 1, 21),
        (1990, 1, 27), (1995, 1, 31), (2000, 2, 5), (2001, 1, 24), (2005, 2, 9), (2007, 2, 17),
        (2008, 2, 7), (2010, 2, 14), (2012, 1, 23), (2013, 2, 10), (2015, 2, 19), (2016, 2, 8),
        (2017, 1, 28), (2018, 2, 16), (2019, 2, 5), (2020, 1, 25), (2021, 2, 12), (2022, 2, 1),
        (2023, 1, 22), (2024, 2, 10), (2025, 1, 29), (2026, 2, 17), (2027, 2, 6), (2028, 1, 26),
        (2029, 2, 13), (2030, 2, 2), (2031, 1, 23), (2040, 2, 12), (2050, 1, 23), (2053, 2, 18),
    ]

    @Test(arguments: tet)
    func tetDates(_ entry: (Int, Int, Int)) {
        #expect(lunar.newYear(entry.0) == date(entry.0, entry.1, entry.2))
        #expect(lunar.lunarDate(of: date(entry.0, entry.1, entry.2)) == LunarDate(day: 1, month: 1, year: entry.0))
    }

    /// The same method at UTC+8 gives the Chinese dates, which differ in these years.
    @Test func chinaDiffers() {
        let china = LunisolarCalendar(timeZoneHours: 8, years: 1960...2060)
        #expect(china.newYear(1985) == date(1985, 2, 20))
        #expect(china.newYear(2007) == date(2007, 2, 18))
        #expect(china.newYear(2030) == date(2030, 2, 3))
        #expect(china.newYear(2053) == date(2053, 2, 19))
        #expect(china.newYear(1968) == date(1968, 1, 30))
        #expect(china.newYear(2024) == date(2024, 2, 10))
        #expect(china.solarDate(of: LunarDate(day: 10, month: 3, year: 2009)) == date(2009, 4, 5))
        #expect(lunar.solarDate(of: LunarDate(day: 10, month: 3, year: 2009)) == date(2009, 4, 4))
    }

    /// Giỗ Tổ Hùng Vương (10/3 lunar) as published.
    static let hungKings: [(Int, Int, Int)] = [
        (2010, 4, 23), (2011, 4, 12), (2012, 3, 31), (2013, 4, 19), (2014, 4, 9), (2015, 4, 28), (2016, 4, 16),
        (2017, 4, 6), (2018, 4, 25), (2019, 4, 14), (2020, 4, 2), (2021, 4, 21), (2022, 4, 10),
        (2023, 4, 29), (2024, 4, 18), (2025, 4, 7), (2026, 4, 26),
    ]

    @Test(arguments: hungKings)
    func hungKingsDay(_ entry: (Int, Int, Int)) {
        #expect(lunar.solarDate(of: LunarDate(day: 10, month: 3, year: entry.0)) == date(entry.0, entry.1, entry.2))
    }

    @Test func leapMonthsAndNames() {
        #expect(lunar.leapMonth(ofYear: 2023) == 2)
        #expect(lunar.leapMonth(ofYear: 2025) == 6)
        #expect(lunar.leapMonth(ofYear: 2020) == 4)
        #expect(lunar.leapMonth(ofYear: 2024) == nil)
        #expect(lunar.lunarDate(of: date(2025, 7, 25)) == LunarDate(day: 1, month: 6, isLeapMonth: true, year: 2025))
        #expect(LunarDate(day: 1, month: 1, year: 2026).yearName == "Bính Ngọ")
        #expect(LunarDate(day: 1, month: 1, year: 2024).yearName == "Giáp Thìn")
        #expect(LunarDate(day: 1, month: 1, year: 2025).yearName == "Ất Tỵ")
        #expect(LunarDate(day: 1, month: 1, year: 1985).yearName == "Ất Sửu")
        #expect(LunarDate(day: 1, month: 1, year: 2023).yearName == "Quý Mão")
        #expect(lunar.solarDate(of: LunarDate(day: 1, month: 5, isLeapMonth: true, year: 2026)) == nil)
        #expect(lunar.solarDate(of: LunarDate(day: 31, month: 1, year: 2026)) == nil)
    }

    /// Every day 1900–2199 converts to a lunar date and back, with consecutive days stepping by one
    /// lunar day or starting a new month.
    @Test func roundTripEveryDay() throws {
        let first = date(1900, 1, 1).dayNumber, last = date(2199, 12, 31).dayNumber
        var previous: LunarDate?
        var months = 0
        for n in first...last {
            let solar = CivilDate(dayNumber: n)
            let l = try #require(lunar.lunarDate(of: solar))
            if lunar.solarDate(of: l) != solar {
                Issue.record("round trip failed at \(solar): \(l)")
                return
            }
            if let p = previous, l.day != p.day + 1 {
                if l.day != 1 || !(p.day == 29 || p.day == 30) {
                    Issue.record("bad step \(p) → \(l) at \(solar)")
                    return
                }
                months += 1
            }
            previous = l
        }
        #expect(months > 3700)
        #expect(lunar.lunarDate(of: date(1899, 12, 31)) == nil)
        #expect(lunar.lunarDate(of: date(2200, 1, 1)) == nil)
    }
}
