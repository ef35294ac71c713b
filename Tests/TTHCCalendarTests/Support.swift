import TTHCCalendar

/// A date from literal parts, for tests (the parts are known to be valid).
func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate {
    CivilDate(year: y, month: m, day: d) ?? CivilDate(dayNumber: 0)
}

/// An instant at a local time in Vietnam (UTC+7).
func vn(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0, _ s: Int = 0) -> Instant {
    Instant(LocalDateTime(date: date(y, m, d), secondOfDay: h * 3600 + min * 60 + s), offset: .vietnam)
}

func time(_ h: Int, _ m: Int) -> TimeOfDay { TimeOfDay(hour: h, minute: m) ?? .midnight }

/// SplitMix64: a small seeded generator, so property tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The national calendar, built once for the test run (2000–2060 keeps the build fast).
let national: WorkingCalendar = {
    do { return try WorkingCalendar(.vietnam, years: 2000...2060) } catch { fatalError("\(error)") }
}()
