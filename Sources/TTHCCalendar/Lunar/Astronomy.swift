internal import Foundation

/// The astronomy behind the lunar calendar, after Hồ Ngọc Đức's published method: the new moons
/// and the Sun's longitude from truncated series of Jean Meeus' "Astronomical Algorithms", turned
/// into local civil days at a fixed time zone (UTC+7 for Vietnam).
enum Astronomy {
    /// The Julian day (with fraction, UT) of the k-th new moon after the one of 1900-01-01.
    static func newMoon(_ k: Int) -> Double {
        let k = Double(k)
        let t = k / 1236.85 // Julian centuries from 1900 January 0.5
        let t2 = t * t
        let t3 = t2 * t
        let dr = Double.pi / 180
        var jd1 = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        jd1 += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr) // mean new moon
        let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3 // Sun's mean anomaly
        let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3 // Moon's mean anomaly
        let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3 // Moon's argument of latitude
        var c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
        c1 = c1 - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr)
        c1 = c1 - 0.0004 * sin(dr * 3 * mpr)
        c1 = c1 + 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr))
        c1 = c1 - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m))
        c1 = c1 - 0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr))
        c1 = c1 + 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m))
        let deltaT: Double
        if t < -11 {
            deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
        } else {
            deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2
        }
        return jd1 + c1 - deltaT
    }

    /// The Sun's apparent longitude in radians, 0 ..< 2π, at a Julian day (UT).
    static func sunLongitude(_ jd: Double) -> Double {
        let t = (jd - 2_451_545.0) / 36525 // Julian centuries from 2000-01-01 12:00 UT
        let t2 = t * t
        let dr = Double.pi / 180
        let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2 // mean anomaly
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2 // mean longitude
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m)
        dl += (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m)
        var l = (l0 + dl) * dr
        l -= Double.pi * 2 * floor(l / (Double.pi * 2))
        return l
    }

    /// The Julian Day Number of the local civil day on which the k-th new moon falls.
    static func newMoonDay(_ k: Int, timeZoneHours: Double) -> Int {
        Int(floor(newMoon(k) + 0.5 + timeZoneHours / 24))
    }

    /// The 30° sector (0…11) of the Sun's longitude at the local midnight that begins a day given by
    /// its Julian Day Number. A major solar term (trung khí) falls in a month exactly when the sector
    /// changes between the first day of the month and the first day of the next.
    static func sunSector(dayJDN: Int, timeZoneHours: Double) -> Int {
        Int(floor(sunLongitude(Double(dayJDN) - 0.5 - timeZoneHours / 24) / Double.pi * 6))
    }

    /// The Julian Day Number of the first day of the lunar month 11 that contains the winter solstice
    /// of the Gregorian `year` (Hồ Ngọc Đức's `getLunarMonth11`).
    static func lunarMonth11(year: Int, timeZoneHours: Double) -> Int {
        guard let dec31 = CivilDate(year: year, month: 12, day: 31) else { return 0 }
        let off = Double(dec31.julianDayNumber - 2_415_021)
        let k = Int(floor(off / 29.530588853))
        let nm = newMoonDay(k, timeZoneHours: timeZoneHours)
        if sunSector(dayJDN: nm, timeZoneHours: timeZoneHours) >= 9 {
            return newMoonDay(k - 1, timeZoneHours: timeZoneHours)
        }
        return nm
    }

    /// The lunation number k of the new moon that starts on a given local day.
    static func lunation(ofMonthStartingAt jdn: Int) -> Int {
        Int(floor(0.5 + (Double(jdn) - 2_415_021.076998695) / 29.530588853))
    }
}
