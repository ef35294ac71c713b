import TTHCCalendar

// Median ns per due date for the table-based `WorkingCalendar` and for the naive day-by-day loop
// (`_NaiveDueCalculator`), measured side by side in one run on the same seeded inputs.
//
//     swift run -c release --package-path Benchmarks CalendarBenchmark

/// SplitMix64, so that every run measures the same inputs.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct Input {
    var receipt: Instant
    var count: Int
}

/// `n` receipts at random seconds of the years `years` (UTC+7), each with a random count.
func inputs(_ n: Int, years: ClosedRange<Int>, counts: ClosedRange<Int>, seed: UInt64) -> [Input] {
    var rng = SplitMix64(state: seed)
    let from = Instant(iso8601: "\(years.lowerBound)-01-01T00:00:00+07:00")?.secondsSince1970 ?? 0
    let to = Instant(iso8601: "\(years.upperBound + 1)-01-01T00:00:00+07:00")?.secondsSince1970 ?? 0
    return (0..<n).map { _ in
        Input(receipt: Instant(secondsSince1970: Int.random(in: from..<to, using: &rng)), count: Int.random(in: counts, using: &rng))
    }
}

/// Runs `body` over all inputs `repetitions` times; the median ns per call and a checksum that
/// keeps the optimiser from dropping the work.
func measure(_ data: [Input], repetitions: Int, _ body: (Input) -> Int) -> (ns: Double, checksum: Int) {
    var samples: [Double] = []
    var checksum = 0
    let clock = ContinuousClock()
    for _ in 0..<repetitions {
        let start = clock.now
        var sum = 0
        for input in data { sum &+= body(input) }
        let elapsed = clock.now - start
        checksum &+= sum
        let ns = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
        samples.append(ns / Double(data.count))
    }
    samples.sort()
    return (samples[samples.count / 2], checksum)
}

func format(_ x: Double) -> String {
    let r = x >= 100 ? x.rounded() : (x * 10).rounded() / 10
    let text = x >= 100 ? String(Int(r)) : String(r)
    return String(repeating: " ", count: max(0, 8 - text.count)) + text
}

do {
    let clock = ContinuousClock()
    let buildStart = clock.now
    let calendar = try WorkingCalendar(.vietnam, years: 1990...2100)
    let buildTime = clock.now - buildStart
    let naive = try _NaiveDueCalculator(.vietnam, years: 1990...2100)
    let repetitions = 9
    var checksum = 0

    print("tthc calendar benchmark: calendar vn, tables 1990–2100 (built in \(buildTime)), median of \(repetitions) runs")
    print("ns per due date          table     naive   naive/table")
    for (label, years) in [("receipts in 2026     ", 2026...2026), ("receipts 2000–2090   ", 2000...2090)] {
        let days = inputs(1_000_000, years: years, counts: 1...30, seed: 1)
        let hours = inputs(1_000_000, years: years, counts: 1...(40 * 60), seed: 2)
        let fewDays = Array(days.prefix(20_000)), fewHours = Array(hours.prefix(20_000))

        // The two methods must agree before they are timed.
        for input in fewDays.prefix(2000) {
            let a = try calendar.due(from: input.receipt, .workingDays(input.count)).instant
            let b = try naive.due(from: input.receipt, .workingDays(input.count))
            precondition(a == b, "working days disagree at \(input.receipt)")
        }
        for input in fewHours.prefix(2000) {
            let a = try calendar.due(from: input.receipt, .workingMinutes(input.count)).instant
            let b = try naive.due(from: input.receipt, .workingMinutes(input.count))
            precondition(a == b, "working hours disagree at \(input.receipt)")
        }

        let tableDays = measure(days, repetitions: repetitions) {
            (try? calendar.dueWorkingDays($0.count, from: $0.receipt))?.instant.secondsSince1970 ?? 0
        }
        let naiveDays = measure(fewDays, repetitions: repetitions) {
            (try? naive.due(from: $0.receipt, .workingDays($0.count)))?.secondsSince1970 ?? 0
        }
        let tableHours = measure(hours, repetitions: repetitions) {
            (try? calendar.dueWorkingSeconds($0.count * 60, from: $0.receipt))?.instant.secondsSince1970 ?? 0
        }
        let naiveHours = measure(fewHours, repetitions: repetitions) {
            (try? naive.due(from: $0.receipt, .workingMinutes($0.count)))?.secondsSince1970 ?? 0
        }
        checksum &+= tableDays.checksum &+ naiveDays.checksum &+ tableHours.checksum &+ naiveHours.checksum
        print("\(label)")
        print("  working days (1–30)  \(format(tableDays.ns)) \(format(naiveDays.ns))   x\(format(naiveDays.ns / tableDays.ns))")
        print("  working hours (1–40) \(format(tableHours.ns)) \(format(naiveHours.ns))   x\(format(naiveHours.ns / tableHours.ns))")
    }
    print("checksum \(checksum)")
} catch {
    print("error: \(error)")
}
