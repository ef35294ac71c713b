extension CalendarDefinition {
    /// The national civil-service calendar (`vn`), the same data as `Procedures/calendars/vn.yaml`:
    /// Monday–Friday, 07:30–11:30 and 13:30–17:00 at UTC+7, the holidays of the Labour Code 2019
    /// art. 112 with their history, the make-up rule of art. 111(3), and the notices of 2024–2026.
    /// Sources and what remains to verify: `Docs/deadlines.md`.
    public static let vietnam: CalendarDefinition = {
        func d(_ y: Int, _ m: Int, _ day: Int) -> CivilDate { CivilDate(dayNumber: days(y, m, day)) }
        func days(_ y: Int, _ m: Int, _ day: Int) -> Int { CivilDate(year: y, month: m, day: day)?.dayNumber ?? 0 }
        func md(_ m: Int, _ day: Int) -> MonthDay { MonthDay(uncheckedMonth: m, day: day) }
        func lmd(_ m: Int, _ day: Int?) -> LunarMonthDay { LunarMonthDay(uncheckedMonth: m, day: day) }
        func t(_ h: Int, _ m: Int) -> TimeOfDay { TimeOfDay(hour: h, minute: m) ?? .midnight }
        func tet(_ dates: CivilDate...) -> [NoticeDay] { dates.map { NoticeDay(date: $0, holiday: "tet") } }
        let art112 = "Bộ luật Lao động 2019, Điều 112 khoản 1"
        let sessions = [Session(start: t(7, 30), end: t(11, 30)), Session(start: t(13, 30), end: t(17, 0))].compactMap { $0 }
        return CalendarDefinition(
            id: "vn",
            name: "Lịch làm việc của cơ quan hành chính nhà nước",
            englishName: "Vietnamese civil-service calendar",
            version: "2026.1",
            effective: d(2026, 1, 1),
            utcOffset: .vietnam,
            week: [.monday, .tuesday, .wednesday, .thursday, .friday],
            hours: OfficeHours(sessions: sessions),
            holidays: [
                HolidayRule(id: "tet-duong-lich", name: "Tết Dương lịch", englishName: "New Year's Day",
                            kind: .solar(md(1, 1)), basis: art112),
                HolidayRule(id: "tet", name: "Tết Nguyên đán", englishName: "Lunar New Year (Tết)",
                            kind: .lunarSpan(from: lmd(12, nil), through: lmd(1, 4)),
                            basis: "Bộ luật Lao động 2019, Điều 112 khoản 1 và khoản 3", firstYear: 2013,
                            makeUp: false, chosenByNotice: true,
                            note: "5 ngày từ năm 2013; Thủ tướng quyết định cụ thể hằng năm"),
                HolidayRule(id: "tet-4-ngay", name: "Tết Nguyên đán", englishName: "Lunar New Year (Tết)",
                            kind: .lunarSpan(from: lmd(12, nil), through: lmd(1, 3)),
                            basis: "Bộ luật Lao động 1994 (4 ngày Tết, đến năm 2012)", lastYear: 2012,
                            makeUp: false, chosenByNotice: true, verified: false,
                            note: "lịch sử theo python-holidays, chưa đối chiếu văn bản"),
                HolidayRule(id: "gio-to-hung-vuong", name: "Giỗ Tổ Hùng Vương", englishName: "Hùng Kings' Commemoration Day",
                            kind: .lunar(lmd(3, 10)), basis: art112, firstYear: 2007),
                HolidayRule(id: "ngay-chien-thang", name: "Ngày Chiến thắng", englishName: "Reunification Day",
                            kind: .solar(md(4, 30)), basis: art112),
                HolidayRule(id: "quoc-te-lao-dong", name: "Ngày Quốc tế Lao động", englishName: "International Labour Day",
                            kind: .solar(md(5, 1)), basis: art112),
                HolidayRule(id: "quoc-khanh", name: "Quốc khánh", englishName: "National Day",
                            kind: .solar(md(9, 2)), basis: art112),
                HolidayRule(id: "quoc-khanh-lien-ke", name: "Quốc khánh (ngày liền kề)", englishName: "National Day (adjacent day)",
                            kind: .adjacentDay(to: md(9, 2)), basis: "Bộ luật Lao động 2019, Điều 112 khoản 1 và khoản 3",
                            firstYear: 2021, makeUp: false, chosenByNotice: true),
                HolidayRule(id: "ngay-van-hoa-viet-nam", name: "Ngày Văn hóa Việt Nam", englishName: "Vietnamese Culture Day",
                            kind: .solar(md(11, 24)),
                            basis: "Nghị quyết 28/2026/QH16 (hiệu lực 01/07/2026)", firstYear: 2026, verified: false,
                            note: "chưa đối chiếu văn bản chính thức; chưa rõ có nghỉ bù khi trùng ngày nghỉ hằng tuần (lần đầu: 24/11/2029)"),
            ],
            makeUp: MakeUpRule(basis: "Bộ luật Lao động 2019, Điều 111 khoản 3", firstYear: 1995),
            notices: [
                YearNotice(year: 2024, document: "Thông báo 5015/TB-LĐTBXH",
                           source: "https://sucsongtre.vn/doi-song/can-bo-cong-chuc-vien-chuc-nguoi-lao-dong-nghi-tet-nguyen-dan-giap-thin-7-ngay.html",
                           verified: false,
                           daysOff: tet(d(2024, 2, 8), d(2024, 2, 9), d(2024, 2, 12), d(2024, 2, 13), d(2024, 2, 14))
                               + [NoticeDay(date: d(2024, 9, 3), holiday: "quoc-khanh-lien-ke")]),
                YearNotice(year: 2024, document: "Công văn 2450/VPCP-KGVX ngày 12/4/2024",
                           source: "https://baophapluat.vn/media/thu-tuong-chinh-phu-dong-y-nghi-5-ngay-lien-tiep-dip-304-va-15-post12513.html",
                           verified: true,
                           daysOff: [NoticeDay(date: d(2024, 4, 29), name: "Nghỉ hoán đổi dịp 30/4 và 1/5", englishName: "Swapped day off (30 April – 1 May)", swappedWith: d(2024, 5, 4))],
                           workdays: [NoticeDay(date: d(2024, 5, 4), swappedWith: d(2024, 4, 29))]),
                YearNotice(year: 2025, document: "Thông báo 6150/TB-BLĐTBXH",
                           source: "https://tet-amlich.com/2024/11/cac-ngay-nghi-le-2025.html",
                           verified: false,
                           daysOff: tet(d(2025, 1, 27), d(2025, 1, 28), d(2025, 1, 29), d(2025, 1, 30), d(2025, 1, 31))
                               + [NoticeDay(date: d(2025, 5, 2), name: "Nghỉ hoán đổi dịp 30/4 và 1/5", englishName: "Swapped day off (30 April – 1 May)", swappedWith: d(2025, 4, 26)),
                                  NoticeDay(date: d(2025, 9, 1), holiday: "quoc-khanh-lien-ke")],
                           workdays: [NoticeDay(date: d(2025, 4, 26), swappedWith: d(2025, 5, 2))]),
                YearNotice(year: 2026, document: "Công văn 12729/VPCP-KGVX ngày 25/12/2025",
                           source: "https://tracuuquyhoach.com/ (bài 54100289); collector.com.tr (965292743)",
                           verified: true,
                           daysOff: [NoticeDay(date: d(2026, 1, 2), name: "Nghỉ hoán đổi dịp Tết Dương lịch", englishName: "Swapped day off (New Year)", swappedWith: d(2026, 1, 10))],
                           workdays: [NoticeDay(date: d(2026, 1, 10), swappedWith: d(2026, 1, 2))]),
                YearNotice(year: 2026, document: "Thông báo 9441/TB-BNV ngày 16/10/2025 (phương án Thủ tướng đồng ý ngày 13/10/2025)",
                           source: "https://thanhnien.vn/tet-binh-ngo-nghi-9-ngay-lien-tuc-185251013200157051.htm",
                           verified: false,
                           daysOff: tet(d(2026, 2, 16), d(2026, 2, 17), d(2026, 2, 18), d(2026, 2, 19), d(2026, 2, 20))
                               + [NoticeDay(date: d(2026, 8, 31), name: "Nghỉ hoán đổi dịp Quốc khánh", englishName: "Swapped day off (National Day)", swappedWith: d(2026, 8, 22)),
                                  NoticeDay(date: d(2026, 9, 1), holiday: "quoc-khanh-lien-ke")],
                           workdays: [NoticeDay(date: d(2026, 8, 22), swappedWith: d(2026, 8, 31))]),
            ],
            noticeYears: 2024...2026
        )
    }()
}
