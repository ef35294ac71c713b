import Foundation
import Testing
import TTHCCalendar

@Suite struct HolidayTests {
    /// DEADLINES.md, "The civil-service calendar, 2024–2026": weekdays off and weekend days worked.
    static let known: [(year: Int, off: [(Int, Int)], worked: [(Int, Int)])] = [
        (2024, [(1, 1), (2, 8), (2, 9), (2, 12), (2, 13), (2, 14), (4, 18), (4, 29), (4, 30), (5, 1), (9, 2), (9, 3)], [(5, 4)]),
        (2025, [(1, 1), (1, 27), (1, 28), (1, 29), (1, 30), (1, 31), (4, 7), (4, 30), (5, 1), (5, 2), (9, 1), (9, 2)], [(4, 26)]),
        (2026, [(1, 1), (1, 2), (2, 16), (2, 17), (2, 18), (2, 19), (2, 20), (4, 27), (4, 30), (5, 1), (8, 31), (9, 1), (9, 2), (11, 24)],
         [(1, 10), (8, 22)]),
    ]

    @Test(arguments: known.indices)
    func knownYears(_ i: Int) throws {
        let entry = Self.known[i]
        let exceptions = try national.exceptions(inYear: entry.year)
        let off = exceptions.filter { !$0.isWorking }.map(\.date)
        let worked = exceptions.filter(\.isWorking).map(\.date)
        #expect(off == entry.off.map { date(entry.year, $0.0, $0.1) })
        #expect(worked == entry.worked.map { date(entry.year, $0.0, $0.1) })
        #expect(exceptions.allSatisfy { !$0.projected && $0.reason != nil })
    }

    @Test func reasonsNameTheirSource() throws {
        let tet = try national.status(of: date(2026, 2, 17))
        #expect(tet.reason?.text(.vi) == "Tết Nguyên đán — Thông báo 9441/TB-BNV ngày 16/10/2025 (phương án Thủ tướng đồng ý ngày 13/10/2025) (cần kiểm tra)")
        let swap = try national.status(of: date(2026, 1, 2))
        #expect(swap.reason?.text(.vi) == "Nghỉ hoán đổi dịp Tết Dương lịch, đổi lấy ngày làm bù thứ Bảy 10/01/2026 — Công văn 12729/VPCP-KGVX ngày 25/12/2025")
        let worked = try national.status(of: date(2026, 1, 10))
        #expect(worked.isWorking)
        #expect(worked.reason?.text(.vi) == "Làm bù cho ngày nghỉ thứ Sáu 02/01/2026 — Công văn 12729/VPCP-KGVX ngày 25/12/2025")
        #expect(worked.reason?.text(.en) == "Worked in exchange for the day off Friday 2026-01-02 — Công văn 12729/VPCP-KGVX ngày 25/12/2025")
        let makeUp = try national.status(of: date(2026, 4, 27))
        #expect(makeUp.reason?.text(.vi) == "Nghỉ bù Giỗ Tổ Hùng Vương (chủ nhật 26/04/2026 trùng ngày nghỉ hằng tuần) — Bộ luật Lao động 2019, Điều 111 khoản 3")
        let hung = try national.status(of: date(2026, 4, 26))
        #expect(hung.reason?.text(.en) == "Hùng Kings' Commemoration Day — Bộ luật Lao động 2019, Điều 112 khoản 1")
        let culture = try national.status(of: date(2026, 11, 24))
        #expect(culture.reason?.text(.vi).hasSuffix("(cần kiểm tra)") == true)
        let sunday = try national.status(of: date(2026, 3, 8))
        #expect(sunday.reason?.text(.vi) == "Chủ nhật, ngày nghỉ hằng tuần")
        // Mùng 1 Tết 2024 was a Saturday: it keeps Tết as its reason.
        #expect(try national.status(of: date(2024, 2, 10)).reason?.text(.vi).hasPrefix("Tết Nguyên đán") == true)
    }

    /// The projection rule (DEADLINES.md §1, rule 3) reproduces the Tết and 2/9 choices of every
    /// notice from 2021 to 2026.
    @Test func projectionMatchesNotices() throws {
        var bare = CalendarDefinition.vietnam
        bare.notices = []
        bare.noticeYears = nil
        let projected = try WorkingCalendar(bare, years: 2020...2030)
        let expected: [Int: [(Int, Int)]] = [
            2021: [(2, 10), (2, 11), (2, 12), (2, 15), (2, 16), (9, 2), (9, 3)],
            2022: [(1, 31), (2, 1), (2, 2), (2, 3), (2, 4), (9, 1), (9, 2)],
            2023: [(1, 20), (1, 23), (1, 24), (1, 25), (1, 26), (9, 1), (9, 4)],
            2024: [(2, 8), (2, 9), (2, 12), (2, 13), (2, 14), (9, 2), (9, 3)],
            2025: [(1, 27), (1, 28), (1, 29), (1, 30), (1, 31), (9, 1), (9, 2)],
            2026: [(2, 16), (2, 17), (2, 18), (2, 19), (2, 20), (9, 1), (9, 2)],
        ]
        for (year, days) in expected {
            let off = try projected.exceptions(inYear: year).filter {
                !$0.isWorking && (($0.date.month <= 2 && $0.date >= date(year, 1, 4)) || $0.date.month == 9)
            }
            #expect(off.map(\.date) == days.map { date(year, $0.0, $0.1) }, "year \(year)")
            #expect(off.allSatisfy { $0.projected })
        }
        let replaced = try projected.status(of: date(2023, 1, 20)).reason?.text(.vi)
        #expect(replaced == "Tết Nguyên đán (nghỉ thay cho thứ Bảy 21/01/2023) — Bộ luật Lao động 2019, Điều 112 khoản 1 và khoản 3 (dự kiến)")
    }

    @Test func makeUpDaysAndHistory() throws {
        // 2022: 30/4 Saturday and 1/5 Sunday are made up on Monday 2/5 and Tuesday 3/5.
        #expect(try national.exceptions(inYear: 2022).filter { $0.date.month == 5 }.map(\.date) == [date(2022, 5, 2), date(2022, 5, 3)])
        // 2023: Hùng Kings on Saturday 29/4, 30/4 Sunday, 1/5 Monday: made up 2/5 and 3/5.
        #expect(try national.exceptions(inYear: 2023).filter { $0.date.month == 4 || $0.date.month == 5 }.map(\.date)
            == [date(2023, 5, 1), date(2023, 5, 2), date(2023, 5, 3)])
        // Before 2007 there is no Hùng Kings' day; before 2013 Tết has four days; before 2021 one National Day.
        #expect(try national.isWorkingDay(date(2006, 4, 7)))
        #expect(try national.exceptions(inYear: 2012).filter { $0.date.month <= 2 && $0.date >= date(2012, 1, 4) }.map(\.date)
            == [date(2012, 1, 23), date(2012, 1, 24), date(2012, 1, 25), date(2012, 1, 26)])
        #expect(try national.exceptions(inYear: 2019).filter { $0.date.month == 9 }.map(\.date) == [date(2019, 9, 2)])
        // Culture Day from 2026 only; on Saturday 24/11/2029 it is made up on Monday 26/11 (to verify).
        #expect(try national.isWorkingDay(date(2025, 11, 24)))
        #expect(try !national.isWorkingDay(date(2029, 11, 26)))
        #expect(try national.status(of: date(2027, 1, 1)).projected)
        #expect(try !national.status(of: date(2026, 1, 1)).projected)
    }

    @Test func provinceExtendsNational() throws {
        let winterFrom = try #require(MonthDay("10-15")), winterThrough = try #require(MonthDay("04-14")), local = try #require(MonthDay("03-05"))
        let province = CalendarDefinition(
            id: "tinh-vi-du", name: "Ví dụ", extends: "vn",
            hours: OfficeHours(
                sessions: [Session("07:30-11:30"), Session("13:30-17:00")].compactMap { $0 },
                seasons: [SeasonalHours(name: "Giờ mùa đông", from: winterFrom, through: winterThrough,
                                        sessions: [Session("08:00-12:00"), Session("13:00-16:30")].compactMap { $0 })]),
            holidays: [HolidayRule(id: "ngay-dia-phuong", name: "Ngày địa phương (ví dụ)", kind: .solar(local), basis: "ví dụ")]
        )
        let calendar = try WorkingCalendar(id: "tinh-vi-du", in: ["vn": .vietnam, "tinh-vi-du": province], years: 2025...2027)
        #expect(try !calendar.isWorkingDay(date(2026, 3, 5)))
        #expect(try !calendar.isWorkingDay(date(2026, 2, 17)))
        #expect(try calendar.sessions(on: date(2026, 1, 5)).map(\.description) == ["08:00–12:00", "13:00–16:30"])
        #expect(try calendar.sessions(on: date(2026, 6, 1)).map(\.description) == ["07:30–11:30", "13:30–17:00"])
        #expect(try calendar.due(from: vn(2026, 1, 5, 9), .workingDays(1)).iso8601 == "2026-01-06T16:30:00+07:00")
        #expect(throws: CalendarError.self) { try WorkingCalendar(id: "x", in: ["vn": .vietnam]) }
        var cyclic = province
        cyclic.extends = "tinh-vi-du"
        #expect(throws: CalendarError.cyclicExtends(["tinh-vi-du", "tinh-vi-du"])) {
            try cyclic.resolved(in: ["tinh-vi-du": cyclic])
        }
    }
}

@Suite struct DefinitionCodingTests {
    @Test func encodingIsStableAndRoundTrips() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let a = try encoder.encode(CalendarDefinition.vietnam)
        var copy = CalendarDefinition.vietnam
        copy.week = [.friday, .thursday, .wednesday, .tuesday, .monday]
        #expect(try encoder.encode(copy) == a)
        #expect(String(decoding: a, as: UTF8.self).contains(#""week":[1,2,3,4,5]"#))
        #expect(try JSONDecoder().decode(CalendarDefinition.self, from: a) == .vietnam)
    }
}
