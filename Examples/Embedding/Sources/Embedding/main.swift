// Embedding the tthc engine in a Swift service: load a compiled catalogue, build the working
// calendars, open a store, receive a dossier, act on it, query the centre's queues.
// Docs/embedding.md walks through this file; its output there is a real run.
//
//     swift run tthc compile Procedures -o catalog.tthcbundle
//     swift run --package-path Examples/Embedding Embedding catalog.tthcbundle [--store dossiers.sqlite]

import Foundation
import TTHCCalendar
import TTHCEngine
import TTHCModel
import TTHCStoreSQLite

/// Anything that stops the example, with a message.
struct Stop: Error, CustomStringConvertible {
    var description: String
}

/// An instant in Vietnam time from ISO 8601 text.
func vn(_ text: String) throws -> Instant {
    guard let instant = Instant(iso8601: text, defaultOffset: .vietnam) else { throw Stop(description: "bad instant \(text)") }
    return instant
}

func short(_ instant: Instant?) -> String { instant?.iso8601(offset: .vietnam) ?? "—" }

let arguments = CommandLine.arguments
let bundlePath = arguments.count > 1 && !arguments[1].hasPrefix("--") ? arguments[1] : "catalog.tthcbundle"
let storeIndex = arguments.firstIndex(of: "--store")
let storePath = storeIndex.flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    ?? FileManager.default.temporaryDirectory.appendingPathComponent("embedding-\(UUID().uuidString).sqlite").path
defer {
    if storeIndex == nil { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) } }
}

// 1. The compiled catalogue: no YAML is parsed here.
guard let bundle = FileManager.default.contents(atPath: bundlePath) else {
    throw Stop(description: "no catalogue at \(bundlePath): run `swift run tthc compile Procedures -o \(bundlePath)` first")
}
let catalog = try Catalog.decode(bundle)
print("Catalogue \(catalog.revision): \(catalog.procedures.count) procedures, calendars \(catalog.calendars.map(\.id).sorted())")

// 2. Working calendars, by id (a calendar may extend another, hence the dictionary).
let definitions = Dictionary(catalog.calendars.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
var calendars: [String: WorkingCalendar] = [:]
for id in definitions.keys { calendars[id] = try WorkingCalendar(id: id, in: definitions) }

// 3. The context decisions are judged by, and a store: SQLite on disk (InMemoryDossierStore()
//    works the same way, for tests).
let context = DossierContext(catalog: catalog, calendars: calendars, feeSchedule: catalog.feeSchedule("ha-noi"))
let store = try SQLiteDossierStore(path: storePath)
let service = DossierService(store: store, context: context)

// 4. People. Roles are ids of the catalogue's role registry.
let clerk = DossierActor(user: "clerk.lan", roles: [DossierPolicy.oneStopClerk], agency: "ubnd-xa")
let officer = DossierActor(user: "officer.minh", roles: ["civil_status_officer"], agency: "ubnd-xa")
let chairman = DossierActor(user: "chairman.hung", roles: ["chairman"], agency: "ubnd-xa")

// 5. Receive: a birth registration handed in at 15:30 on the Friday before Tết.
let input = DossierInput(
    facts: ["on_time": .bool(true)], channel: .inPerson,
    papers: [SubmittedPaper(id: "declaration", original: 1), SubmittedPaper(id: "birth_certificate", original: 1),
             SubmittedPaper(id: "identity_document", present: 1)],
    received: try vn("2026-02-13T15:30"))
let reception = try await service.receive("HS-0001", procedure: "dang-ky-khai-sinh", input: input, by: clerk, at: input.received)
print("Received: \(reception.received), fee \(reception.assessment.fee.total.map(String.init) ?? "undetermined") đồng, due \(short(reception.dossier.statutoryDue))")

// An incomplete dossier is refused at intake with the missing papers, and recorded too.
var incomplete = input
incomplete.papers.removeLast()
let refused = try await service.receive("HS-0002", procedure: "dang-ky-khai-sinh", input: incomplete, by: clerk, at: input.received)
print("HS-0002 received: \(refused.received); missing: \(refused.assessment.missing.map(\.id))")

// 6. Act. Each action loads the dossier, decides and appends in one transaction.
try await service.act(on: "HS-0001", .approve(step: "intake"), by: clerk, at: try vn("2026-02-13T15:45"))
let tooEarly = try vn("2026-02-23T08:00")
do {
    try await service.act(on: "HS-0001", .approve(step: "sign"), by: chairman, at: tooEarly)
} catch {
    print("Refused [\(error.code)]: \(error.vietnamese)")
}

// 7. Query the queues at an instant.
let monday = try vn("2026-02-23T08:00")
print("At review: \(try await service.list(DossierQuery(step: "review")).map(\.id))")
print("Due within 1 working day on 23/02 08:00: \(try await service.dueWithin(workingDays: 1, at: monday).map(\.id))")
let status = try await service.status(of: "HS-0001", at: monday)
print("Status: \(status.phase), step \(status.step ?? "—"), due \(short(status.statutoryDue)), \(status.timeliness?.vietnamese ?? "—")")

// 8. Two clerks on one version: the second is a conflict, nothing is lost.
let seen = try await service.dossier("HS-0001").version
try await service.act(on: "HS-0001", .approve(step: "review"), by: officer, at: try vn("2026-02-23T09:00"), expectedVersion: seen)
let later = try vn("2026-02-23T09:01")
do {
    try await service.act(on: "HS-0001", .approve(step: "review"), by: officer, at: later, expectedVersion: seen)
} catch {
    print("Second clerk: [\(error.code)]")
}

// 9. Finish, then read the history back: the state is the fold of the events.
try await service.act(on: "HS-0001", .approve(step: "sign"), by: chairman, at: try vn("2026-02-23T10:00"))
try await service.act(on: "HS-0001", .handOver, by: clerk, at: try vn("2026-02-23T14:00"))
let history = try await service.history("HS-0001")
for event in history { print("  \(event.sequence) \(short(event.at)) \(event.actor.user): \(event.kind.vietnamese)") }
let final = try await service.status(of: "HS-0001", at: try vn("2026-02-24T08:00"))
print("Finished: \(final.phase), \(final.punctuality?.vietnamese ?? "—"); replay equals the stored dossier: \(try Dossier.replay(history) == (try await service.dossier("HS-0001")))")
