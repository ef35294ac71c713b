// Appends per second on the PostgreSQL store, the EventBenchmark's workload: every dossier a
// certification of copies (chung-thuc-ban-sao-tu-ban-chinh) taken through receive, intake, review,
// signature, fee paid, hand-over — six actions, one event each, decided beforehand. Modes: one
// transaction per action from one clerk (latency-bound), from 16 concurrent clerks on one store,
// from two stores (two pools, as two `tthc serve` processes) of 8 clerks each; append(batch:) with
// 100 actions a transaction; and the service (load, decide, append). Each run writes into a fresh
// schema of the database, dropped afterwards. Medians of several runs.
//
//     TTHC_POSTGRES_URL=postgres://USER@HOST:PORT/DATABASE \
//     swift run -c release --package-path Benchmarks PostgresBenchmark [--dossiers 1000] [--runs 3]

import Foundation
import PostgresNIO
import TTHCCalendar
import TTHCCompiler
import TTHCEngine
import TTHCModel
import TTHCStorePostgres

let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: Int) -> Int {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let n = Int(arguments[i + 1]) else { return fallback }
    return n
}
let dossierCount = option("--dossiers", 1_000)
let runs = option("--runs", 3)
guard let url = ProcessInfo.processInfo.environment["TTHC_POSTGRES_URL"], !url.isEmpty else {
    print("PostgresBenchmark: set TTHC_POSTGRES_URL=postgres://USER@HOST:PORT/DATABASE")
    exit(2)
}
let base = try PostgresEndpoint(url: url)

// MARK: - The catalogue and the workload (as in EventBenchmark)

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

let decided: [[PostgresDossierStore.Append]] = try (0..<dossierCount).map { i in
    var dossier = Dossier(id: id(i))
    return try script(i).1.map { step in
        let version = dossier.version
        let events = try dossier.handle(step.command, at: step.at, by: step.actor, in: context)
        return PostgresDossierStore.Append(events: events, expectedVersion: version, summary: try DossierSummary(dossier, in: context))
    }
}
let eventCount = decided.reduce(0) { $0 + $1.reduce(0) { $0 + $1.events.count } }
/// The actions in the order a centre makes them: every dossier's first action, then every second …
let interleaved = (0..<6).flatMap { k in decided.map { $0[k] } }

// MARK: - Runs

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let clock = ContinuousClock()
    let begin = clock.now
    try await body()
    let elapsed = clock.now - begin
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// Runs statements on a connection of their own (dropping a run's schema).
func execute(_ sql: String) async throws {
    let configuration = PostgresConnection.Configuration(host: base.host, port: base.port, username: base.user, password: base.password,
                                                         database: base.database, tls: .disable)
    let logger = Logger(label: "tthc.bench")
    let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
    try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    try await connection.close()
}

/// Opens `stores` stores on a fresh schema, times `body` on them, closes and drops everything.
func timed(stores count: Int, connections: Int, _ body: ([PostgresDossierStore]) async throws -> Void) async throws -> Double {
    let schema = "tthc_bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
    let endpoint = try base.with(schema: String(schema))
    var stores: [PostgresDossierStore] = []
    for _ in 0..<count { stores.append(try await PostgresDossierStore(endpoint: endpoint, options: .init(maximumConnections: connections))) }
    let opened = stores
    let elapsed = try await seconds { try await body(opened) }
    if let first = stores.first {
        let (dossiers, events) = try await first.counts()
        guard dossiers == dossierCount, events == eventCount else { fatalError("wrote \(dossiers) dossiers, \(events) events") }
    }
    for store in stores { await store.close() }
    try await execute("DROP SCHEMA \(schema) CASCADE")
    return elapsed
}

/// `clerks` tasks over `stores`, each taking its share of the dossiers through their actions.
func concurrent(_ stores: [PostgresDossierStore], clerks: Int) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        for c in 0..<clerks {
            let store = stores[c % stores.count]
            let mine = stride(from: c, to: decided.count, by: clerks).map { decided[$0] }
            group.addTask {
                for k in 0..<6 {
                    for dossier in mine { try await store.append(dossier[k].events, expectedVersion: dossier[k].expectedVersion, summary: dossier[k].summary) }
                }
            }
        }
        try await group.waitForAll()
    }
}

struct Mode {
    var label: String
    var stores: Int
    var connections: Int
    var body: ([PostgresDossierStore]) async throws -> Void
}

let modes: [Mode] = [
    Mode(label: "append, 1 transaction/action, 1 clerk", stores: 1, connections: 2) { stores in
        for action in interleaved { try await stores[0].append(action.events, expectedVersion: action.expectedVersion, summary: action.summary) }
    },
    Mode(label: "append, 1 transaction/action, 16 clerks, 1 store", stores: 1, connections: 16) { stores in
        try await concurrent(stores, clerks: 16)
    },
    Mode(label: "append, 1 transaction/action, 2 stores × 8 clerks", stores: 2, connections: 8) { stores in
        try await concurrent(stores, clerks: 16)
    },
    Mode(label: "append(batch:), 100 actions/transaction", stores: 1, connections: 2) { stores in
        var i = 0
        while i < interleaved.count {
            try await stores[0].append(batch: Array(interleaved[i..<min(i + 100, interleaved.count)]))
            i += 100
        }
    },
    Mode(label: "DossierService (load, decide, append), 1 clerk", stores: 1, connections: 2) { stores in
        let service = DossierService(store: stores[0], context: context)
        for i in 0..<dossierCount {
            let (input, steps) = script(i)
            _ = try await service.receive(id(i), procedure: procedure, input: input, by: clerk, at: input.received)
            for step in steps.dropFirst() { try await service.act(on: id(i), step.command, by: step.actor, at: step.at) }
        }
    },
]

print("PostgresBenchmark — \(dossierCount) dossiers × 6 actions (\(eventCount) events) on \(base), median of \(runs) runs")
func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return right ? fill + text : text + fill
}
print(pad("", 54) + pad("events/s", 11, right: true) + pad("median s", 11, right: true) + pad("runs (s)", 26, right: true))
for mode in modes {
    var times: [Double] = []
    for _ in 0..<runs { times.append(try await timed(stores: mode.stores, connections: mode.connections, mode.body)) }
    let m = median(times)
    print(pad("  " + mode.label, 54) + pad(String(Int((Double(eventCount) / m).rounded())), 11, right: true)
          + pad(String(format: "%.3f", m), 11, right: true) + pad(times.map { String(format: "%.2f", $0) }.joined(separator: " "), 26, right: true))
}
