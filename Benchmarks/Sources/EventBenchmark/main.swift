// Events applied per second: in memory (the fold over pre-built events; decide + evolve; the
// service on the in-memory store) and durably on SQLite (WAL; one transaction per action with
// synchronous=NORMAL and FULL; batched; the service on SQLite). Medians of several runs, printed
// side by side. Every dossier is a certification of copies (chung-thuc-ban-sao-tu-ban-chinh) taken
// through its whole workflow: receive, intake, review, signature (result ready), fee paid, handed
// over — six actions, one event each.
//
//     swift run -c release --package-path Benchmarks EventBenchmark [--dossiers 20000] [--durable 3000] [--full 300] [--runs 5]

import Foundation
import TTHCCalendar
import TTHCCompiler
import TTHCEngine
import TTHCModel
import TTHCStoreSQLite

let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: Int) -> Int {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let n = Int(arguments[i + 1]) else { return fallback }
    return n
}
let memoryDossiers = option("--dossiers", 20_000)
let durableDossiers = option("--durable", 3_000)
let fullDossiers = option("--full", 300)
let runs = option("--runs", 5)

// MARK: - The catalogue, calendars and the workload

var repository = URL(fileURLWithPath: #filePath)
for _ in 0..<4 { repository.deleteLastPathComponent() }
let compiled = CatalogCompiler(root: repository.appendingPathComponent("Procedures").path).compile()
guard let catalog = compiled.catalog else { fatalError("the shipped catalogue does not compile") }
var definitions = Dictionary(catalog.calendars.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
if definitions.isEmpty { definitions["vn"] = CalendarDefinition.vietnam }
var calendars: [String: WorkingCalendar] = [:]
for id in definitions.keys { calendars[id] = try WorkingCalendar(id: id, in: definitions) }
let context = DossierContext(catalog: catalog, calendars: calendars)
let procedure = "chung-thuc-ban-sao-tu-ban-chinh"
guard let certification = catalog.procedure(procedure),
      case .success(let assessment) = context.assessor.assess(certification, DossierInput(
          facts: ["pages": .int(5), "copies": .int(3)], channel: .inPerson, papers: [SubmittedPaper(id: "original_document")],
          received: Instant(secondsSince1970: 1_773_000_000))),
      let fee = assessment.fee.total
else { fatalError("cannot assess \(procedure)") }

let clerk = DossierActor(user: "clerk", roles: [DossierPolicy.oneStopClerk], agency: "ubnd-xa")
let officer = DossierActor(user: "officer", roles: ["civil_status_officer"], agency: "ubnd-xa")
let chairman = DossierActor(user: "chairman", roles: ["chairman"], agency: "ubnd-xa")
let start = Instant(iso8601: "2026-03-02T08:00:00+07:00") ?? Instant(secondsSince1970: 0)

/// One action of the workload: who does what when.
struct Step: Sendable {
    var command: DossierCommand
    var actor: DossierActor
    var at: Instant
}

/// The six actions of dossier `i`.
func script(_ i: Int) -> (DossierInput, [Step]) {
    let received = start.adding(seconds: i * 37)
    let input = DossierInput(facts: ["pages": .int(5), "copies": .int(3)], channel: .inPerson,
                             papers: [SubmittedPaper(id: "original_document")], received: received)
    let steps = [
        Step(command: .receive(procedure: procedure, input: input), actor: clerk, at: received),
        Step(command: .approve(step: "intake"), actor: clerk, at: received.adding(seconds: 600)),
        Step(command: .approve(step: "review"), actor: officer, at: received.adding(seconds: 1_200)),
        Step(command: .approve(step: "sign"), actor: chairman, at: received.adding(seconds: 1_800)),
        Step(command: .recordPayment(amount: fee, reference: "BL-\(i)"), actor: clerk, at: received.adding(seconds: 2_400)),
        Step(command: .handOver, actor: clerk, at: received.adding(seconds: 2_460)),
    ]
    return (input, steps)
}

func id(_ i: Int) -> DossierID { DossierID("HS-\(i)") }

/// The appends the workload makes, decided once: per dossier, per action, the events with the
/// version they follow and the summary after them.
func decideAll(_ n: Int) throws -> [[SQLiteDossierStore.Append]] {
    try (0..<n).map { i in
        var dossier = Dossier(id: id(i))
        return try script(i).1.map { step in
            let version = dossier.version
            let events = try dossier.handle(step.command, at: step.at, by: step.actor, in: context)
            return SQLiteDossierStore.Append(events: events, expectedVersion: version, summary: try DossierSummary(dossier, in: context))
        }
    }
}

// MARK: - Timing

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let elapsed = try clock.measure(body)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let clock = ContinuousClock()
    let begin = clock.now
    try await body()
    let elapsed = clock.now - begin
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

struct Result {
    var label: String
    var events: Int
    var actions: Int
    var runs: [Double]

    var eventsPerSecond: Double { Double(events) / median(runs) }
    var actionsPerSecond: Double { Double(actions) / median(runs) }
}

var results: [(section: String, result: Result)] = []

func temporaryDatabase() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("tthc-event-bench-\(UUID().uuidString).sqlite").path
}

func removeDatabase(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

// MARK: - In memory

print("Deciding the workload (\(memoryDossiers) dossiers × 6 actions)…")
let decided = try decideAll(memoryDossiers)
let histories = decided.map { $0.flatMap(\.events) }
let eventCount = histories.reduce(0) { $0 + $1.count }
var checksum = 0

var foldRuns: [Double] = []
for _ in 0..<runs {
    foldRuns.append(seconds {
        for history in histories {
            guard let first = history.first else { continue }
            var dossier = Dossier(id: first.dossier)
            for event in history { dossier = Dossier.evolve(dossier, event) }
            checksum &+= dossier.version
        }
    })
}
results.append(("in memory", Result(label: "fold: Dossier.evolve over pre-built events", events: eventCount, actions: eventCount, runs: foldRuns)))

var decideRuns: [Double] = []
for _ in 0..<runs {
    decideRuns.append(try seconds {
        for i in 0..<memoryDossiers {
            var dossier = Dossier(id: id(i))
            for step in script(i).1 { checksum &+= try dossier.handle(step.command, at: step.at, by: step.actor, in: context).count }
        }
    })
}
results.append(("in memory", Result(label: "decide + evolve (Dossier.handle, no store)", events: eventCount, actions: memoryDossiers * 6, runs: decideRuns)))

var serviceRuns: [Double] = []
for _ in 0..<runs {
    let service = DossierService(store: InMemoryDossierStore(), context: context)
    serviceRuns.append(try await seconds {
        for i in 0..<memoryDossiers {
            let (input, steps) = script(i)
            _ = try await service.receive(id(i), procedure: procedure, input: input, by: clerk, at: input.received)
            for step in steps.dropFirst() { try await service.act(on: id(i), step.command, by: step.actor, at: step.at) }
        }
    })
}
results.append(("in memory", Result(label: "DossierService + InMemoryDossierStore", events: eventCount, actions: memoryDossiers * 6, runs: serviceRuns)))

// MARK: - Durable

/// Appends `appends` (one transaction per action, interleaving dossiers as a centre does) or in
/// batches of `batch` actions, on a fresh file; the time it took.
func appendRun(_ appends: [[SQLiteDossierStore.Append]], durability: SQLiteDossierStore.Durability, batch: Int) async throws -> Double {
    let path = temporaryDatabase()
    defer { removeDatabase(path) }
    let store = try SQLiteDossierStore(path: path, options: .init(durability: durability))
    let actions = (0..<6).flatMap { k in appends.map { $0[k] } }
    return try await seconds {
        if batch <= 1 {
            for action in actions { try await store.append(action.events, expectedVersion: action.expectedVersion, summary: action.summary) }
        } else {
            var i = 0
            while i < actions.count {
                try await store.append(batch: Array(actions[i..<min(i + batch, actions.count)]))
                i += batch
            }
        }
    }
}

let durableAppends = Array(decided.prefix(durableDossiers))
let durableEvents = durableAppends.reduce(0) { $0 + $1.reduce(0) { $0 + $1.events.count } }
let fullAppends = Array(decided.prefix(fullDossiers))
let fullEvents = fullAppends.reduce(0) { $0 + $1.reduce(0) { $0 + $1.events.count } }
let durableRuns = max(3, runs / 2 + 1)

print("SQLite: \(durableDossiers) dossiers (\(durableEvents) events) with synchronous=NORMAL, \(fullDossiers) with FULL; \(durableRuns) runs each…")
var normalRuns: [Double] = []
for _ in 0..<durableRuns { normalRuns.append(try await appendRun(durableAppends, durability: .normal, batch: 1)) }
results.append(("durable (SQLite, WAL)", Result(label: "append, 1 transaction/action, synchronous=NORMAL", events: durableEvents, actions: durableDossiers * 6, runs: normalRuns)))

var fullRuns: [Double] = []
for _ in 0..<durableRuns { fullRuns.append(try await appendRun(fullAppends, durability: .full, batch: 1)) }
results.append(("durable (SQLite, WAL)", Result(label: "append, 1 transaction/action, synchronous=FULL", events: fullEvents, actions: fullDossiers * 6, runs: fullRuns)))

/// Appends from `clerks` concurrent tasks, each taking its share of the dossiers through their
/// actions, each append awaited (acknowledged only once committed): the store commits the appends
/// that arrive together in one transaction (group commit).
func concurrentRun(_ appends: [[SQLiteDossierStore.Append]], clerks: Int, durability: SQLiteDossierStore.Durability = .normal,
                   groupCommit: Bool = true) async throws -> Double {
    let path = temporaryDatabase()
    defer { removeDatabase(path) }
    let store = try SQLiteDossierStore(path: path, options: .init(durability: durability, groupCommit: groupCommit))
    return try await seconds {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for c in 0..<clerks {
                let mine = stride(from: c, to: appends.count, by: clerks).map { appends[$0] }
                group.addTask {
                    for k in 0..<6 {
                        for dossier in mine { try await store.append(dossier[k].events, expectedVersion: dossier[k].expectedVersion, summary: dossier[k].summary) }
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}

var soloRuns: [Double] = []
for _ in 0..<durableRuns { soloRuns.append(try await concurrentRun(durableAppends, clerks: 16, groupCommit: false)) }
results.append(("durable (SQLite, WAL)", Result(label: "16 concurrent clerks, NORMAL, 1 transaction each", events: durableEvents, actions: durableDossiers * 6, runs: soloRuns)))

var soloFullRuns: [Double] = []
for _ in 0..<durableRuns { soloFullRuns.append(try await concurrentRun(fullAppends, clerks: 16, durability: .full, groupCommit: false)) }
results.append(("durable (SQLite, WAL)", Result(label: "16 concurrent clerks, FULL, 1 transaction each", events: fullEvents, actions: fullDossiers * 6, runs: soloFullRuns)))

var concurrentRuns: [Double] = []
for _ in 0..<durableRuns { concurrentRuns.append(try await concurrentRun(durableAppends, clerks: 16)) }
results.append(("durable (SQLite, WAL)", Result(label: "16 concurrent clerks, NORMAL, group commit", events: durableEvents, actions: durableDossiers * 6, runs: concurrentRuns)))

var concurrentFullRuns: [Double] = []
for _ in 0..<durableRuns { concurrentFullRuns.append(try await concurrentRun(durableAppends, clerks: 16, durability: .full)) }
results.append(("durable (SQLite, WAL)", Result(label: "16 concurrent clerks, FULL, group commit", events: durableEvents, actions: durableDossiers * 6, runs: concurrentFullRuns)))

var crowdRuns: [Double] = []
for _ in 0..<durableRuns { crowdRuns.append(try await concurrentRun(durableAppends, clerks: 64)) }
results.append(("durable (SQLite, WAL)", Result(label: "64 concurrent clerks, NORMAL, group commit", events: durableEvents, actions: durableDossiers * 6, runs: crowdRuns)))

var batchRuns: [Double] = []
for _ in 0..<durableRuns { batchRuns.append(try await appendRun(durableAppends, durability: .normal, batch: 100)) }
results.append(("durable (SQLite, WAL)", Result(label: "append(batch:), 100 actions/transaction, NORMAL", events: durableEvents, actions: durableDossiers * 6, runs: batchRuns)))

var batchFullRuns: [Double] = []
for _ in 0..<durableRuns { batchFullRuns.append(try await appendRun(durableAppends, durability: .full, batch: 100)) }
results.append(("durable (SQLite, WAL)", Result(label: "append(batch:), 100 actions/transaction, FULL", events: durableEvents, actions: durableDossiers * 6, runs: batchFullRuns)))

var sqliteServiceRuns: [Double] = []
for _ in 0..<durableRuns {
    let path = temporaryDatabase()
    defer { removeDatabase(path) }
    let service = DossierService(store: try SQLiteDossierStore(path: path, options: .init(durability: .normal)), context: context)
    sqliteServiceRuns.append(try await seconds {
        for i in 0..<durableDossiers {
            let (input, steps) = script(i)
            _ = try await service.receive(id(i), procedure: procedure, input: input, by: clerk, at: input.received)
            for step in steps.dropFirst() { try await service.act(on: id(i), step.command, by: step.actor, at: step.at) }
        }
    })
}
results.append(("durable (SQLite, WAL)", Result(label: "DossierService + SQLite (load, decide, append), NORMAL", events: durableEvents, actions: durableDossiers * 6, runs: sqliteServiceRuns)))

// MARK: - Report

func grouped(_ value: Double) -> String {
    let digits = String(Int(value.rounded()))
    var out = ""
    for (i, ch) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out.append(" ") }
        out.append(ch)
    }
    return out
}

func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return right ? fill + text : text + fill
}

print("")
print("EventBenchmark — \(procedure), 6 actions (1 event each) a dossier; median of \(runs) runs in memory, \(durableRuns) on SQLite")
print(pad("", 58) + pad("events/s", 14, right: true) + pad("median s", 11, right: true) + pad("events", 10, right: true))
var section = ""
for (name, result) in results {
    if name != section {
        print(name)
        section = name
    }
    print(pad("  " + result.label, 58) + pad(grouped(result.eventsPerSecond), 14, right: true)
          + pad(String(format: "%.3f", median(result.runs)), 11, right: true) + pad(String(result.events), 10, right: true))
}
print("(checksum \(checksum); SQLite files in \(FileManager.default.temporaryDirectory.path))")
