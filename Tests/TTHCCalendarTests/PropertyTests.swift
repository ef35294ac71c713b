import Testing
import TTHCCalendar

/// Properties over thousands of seeded random cases (SplitMix64, fixed seeds).
@Suite struct PropertyTests {
    static let naive: _NaiveDueCalculator = {
        do { return try _NaiveDueCalculator(.vietnam, years: 2000...2060) } catch { fatalError("\(error)") }
    }()

    func randomInstant(_ rng: inout SplitMix64) -> Instant {
        let first = vn(2000, 1, 1).secondsSince1970, last = vn(2058, 12, 31).secondsSince1970
        var s = Int.random(in: first..<last, using: &rng)
        if Bool.random(using: &rng) { s -= s % 1800 } // often on a half hour, to hit the boundaries
        return Instant(secondsSince1970: s)
    }

    @Test func workingDayDueDates() throws {
        var rng = SplitMix64(seed: 2026)
        for _ in 0..<3000 {
            let receipt = randomInstant(&rng)
            let n = Int.random(in: 0...120, using: &rng)
            let cutoff: TimeOfDay? = Bool.random(using: &rng) ? time(15, 0) : nil
            let due = try national.due(from: receipt, .workingDays(n), cutoff: cutoff)
            // Never on a day off, always at closing time.
            #expect(try national.isWorkingDay(due.date))
            #expect(due.local.secondOfDay == 17 * 3600)
            // Counting back gives N from the effective receipt day.
            let explanation = try national.explainDue(from: receipt, .workingDays(n), cutoff: cutoff)
            #expect(try national.workingDays(after: explanation.countingDay, through: due.date) == n)
            #expect(try national.addingWorkingDays(-n, to: due.date) == explanation.countingDay)
            // Never decreases when N or the start grows.
            #expect(try national.due(from: receipt, .workingDays(n + 1), cutoff: cutoff).instant > due.instant)
            let later = receipt.adding(seconds: Int.random(in: 0...(5 * 86400), using: &rng))
            #expect(try national.due(from: later, .workingDays(n), cutoff: cutoff).instant >= due.instant)
            // Same as the day-by-day loop.
            #expect(try Self.naive.due(from: receipt, .workingDays(n), cutoff: cutoff) == due.instant)
        }
    }

    @Test func workingHourDueDates() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<3000 {
            let receipt = randomInstant(&rng)
            let minutes = Int.random(in: 0...(40 * 60), using: &rng)
            let cutoff: TimeOfDay? = Int.random(in: 0..<4, using: &rng) == 0 ? time(15, 0) : nil
            let due = try national.due(from: receipt, .workingMinutes(minutes), cutoff: cutoff)
            #expect(try national.isWorkingDay(due.date))
            let second = due.local.secondOfDay
            #expect((7 * 3600 + 1800...11 * 3600 + 1800).contains(second) || (13 * 3600 + 1800...17 * 3600).contains(second))
            if cutoff == nil {
                #expect(try national.workingSeconds(from: receipt, to: due.instant) == minutes * 60)
            }
            #expect(try national.due(from: receipt, .workingMinutes(minutes + 1), cutoff: cutoff).instant > due.instant)
            let later = receipt.adding(seconds: Int.random(in: 0...86400, using: &rng))
            #expect(try national.due(from: later, .workingMinutes(minutes), cutoff: cutoff).instant >= due.instant)
            #expect(try Self.naive.due(from: receipt, .workingMinutes(minutes), cutoff: cutoff) == due.instant)
        }
    }

    @Test func calendarDaysSameDayAndElapsed() throws {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<2000 {
            let receipt = randomInstant(&rng)
            let n = Int.random(in: 0...60, using: &rng)
            let days = try national.due(from: receipt, .calendarDays(n))
            #expect(try national.isWorkingDay(days.date))
            #expect(try Self.naive.due(from: receipt, .calendarDays(n)) == days.instant)
            let same = try national.due(from: receipt, .sameDay(cutoff: time(15, 0)))
            #expect(try Self.naive.due(from: receipt, .sameDay(cutoff: time(15, 0))) == same.instant)
            let end = receipt.adding(seconds: Int.random(in: 0...(20 * 86400), using: &rng))
            #expect(try national.workingSeconds(from: receipt, to: end) == Self.naive.workingSeconds(from: receipt, to: end))
        }
    }
}
