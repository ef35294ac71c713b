/// The Vietnamese lunisolar calendar, computed (not tabulated) by Hồ Ngọc Đức's method:
///
/// - a month starts on the local day of a new moon;
/// - month 11 is the month that contains the winter solstice;
/// - when 13 months separate two months 11, the leap month is the first month after month 11
///   without a major solar term (trung khí) and takes the number of the month before it.
///
/// Days are local civil days at the calendar's time zone: UTC+7 for Vietnam (``vietnamese``). The
/// same computation at UTC+8 gives the Chinese calendar, which differs in some years (Tết 1985,
/// 2007, 2030, 2053). The months of the covered years are computed once, when the calendar is
/// created, so that conversions are a binary search.
public struct LunisolarCalendar: Sendable {
    /// The Vietnamese calendar (UTC+7) for the Gregorian years 1900–2199.
    public static let vietnamese = LunisolarCalendar(timeZoneHours: 7, years: 1900...2199)

    /// The time zone of the local days, in hours east of UTC.
    public let timeZoneHours: Double
    /// The Gregorian years whose every day converts, and the lunar years that convert back.
    public let years: ClosedRange<Int>

    /// Day number (days since 1970-01-01) of the first day of each month, in order, plus one more
    /// entry: the day after the last month.
    private let starts: [Int]
    private let months: [Month]
    private let index: [Key: Int]

    private struct Month: Sendable {
        var number: Int
        var leap: Bool
        var year: Int
    }

    private struct Key: Hashable, Sendable {
        var year: Int
        var month: Int
        var leap: Bool
    }

    /// Computes the months that cover the Gregorian `years` at a time zone (in hours east of UTC).
    public init(timeZoneHours: Double, years: ClosedRange<Int>) {
        self.timeZoneHours = timeZoneHours
        self.years = years
        var starts: [Int] = []
        var months: [Month] = []
        var a11 = Astronomy.lunarMonth11(year: years.lowerBound - 1, timeZoneHours: timeZoneHours)
        for y in (years.lowerBound - 1)...years.upperBound {
            let b11 = Astronomy.lunarMonth11(year: y + 1, timeZoneHours: timeZoneHours)
            let k = Astronomy.lunation(ofMonthStartingAt: a11)
            let count = b11 - a11 > 365 ? 13 : 12
            var leapOffset = Int.max
            if count == 13 {
                var i = 1
                var sector = Astronomy.sunSector(dayJDN: Astronomy.newMoonDay(k + 1, timeZoneHours: timeZoneHours), timeZoneHours: timeZoneHours)
                while i < 13 {
                    let next = Astronomy.sunSector(dayJDN: Astronomy.newMoonDay(k + i + 1, timeZoneHours: timeZoneHours), timeZoneHours: timeZoneHours)
                    if next == sector { break }
                    sector = next
                    i += 1
                }
                leapOffset = i
            }
            var year = y
            for j in 0..<count {
                let start = j == 0 ? a11 : Astronomy.newMoonDay(k + j, timeZoneHours: timeZoneHours)
                let label = j >= leapOffset ? j - 1 : j
                let number = (10 + label) % 12 + 1
                let leap = j == leapOffset
                if number == 1, !leap { year = y + 1 }
                starts.append(start - 2_440_588)
                months.append(Month(number: number, leap: leap, year: year))
            }
            a11 = b11
        }
        starts.append(a11 - 2_440_588)
        var index: [Key: Int] = [:]
        for (i, m) in months.enumerated() {
            index[Key(year: m.year, month: m.number, leap: m.leap)] = i
        }
        self.starts = starts
        self.months = months
        self.index = index
    }

    /// The lunar date of a Gregorian date, or nil outside the covered years.
    public func lunarDate(of date: CivilDate) -> LunarDate? {
        guard years.contains(date.year) else { return nil }
        let n = date.dayNumber
        guard let first = starts.first, let end = starts.last, n >= first, n < end else { return nil }
        var lo = 0, hi = months.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= n { lo = mid } else { hi = mid - 1 }
        }
        let m = months[lo]
        return LunarDate(day: n - starts[lo] + 1, month: m.number, isLeapMonth: m.leap, year: m.year)
    }

    /// The Gregorian date of a lunar date, or nil if that lunar date does not exist (a leap month
    /// the year has not, day 30 of a 29-day month) or lies outside the covered years.
    public func solarDate(of lunar: LunarDate) -> CivilDate? {
        guard let i = index[Key(year: lunar.year, month: lunar.month, leap: lunar.isLeapMonth)],
              lunar.day >= 1, lunar.day <= starts[i + 1] - starts[i]
        else { return nil }
        let date = CivilDate(dayNumber: starts[i] + lunar.day - 1)
        return years.contains(date.year) ? date : nil
    }

    /// The number of days (29 or 30) of a lunar month, or nil if it does not exist.
    public func monthLength(year: Int, month: Int, leap: Bool = false) -> Int? {
        guard let i = index[Key(year: year, month: month, leap: leap)] else { return nil }
        return starts[i + 1] - starts[i]
    }

    /// The leap month of a lunar year (the number it shares with the month before it), or nil.
    public func leapMonth(ofYear year: Int) -> Int? {
        (1...12).first { index[Key(year: year, month: $0, leap: true)] != nil }
    }

    /// The first day of a lunar year (mùng 1 Tết), or nil outside the covered years.
    public func newYear(_ year: Int) -> CivilDate? {
        solarDate(of: LunarDate(day: 1, month: 1, year: year))
    }
}
