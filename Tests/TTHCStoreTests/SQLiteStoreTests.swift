import Foundation
import GRDB
import Testing
import TTHCCalendar
import TTHCEngine
import TTHCModel
import TTHCStoreSQLite

/// What only the SQLite store has to show: atomicity under a failure inside the transaction,
/// durability across reopening, several connections on one file, indexes, migrations.
@Suite struct SQLiteStoreTests {
    let f: StoreFixture
    init() throws { f = try StoreFixture.make() }

    func open(_ path: String, _ durability: SQLiteDossierStore.Durability = .normal) throws -> DossierService<SQLiteDossierStore> {
        DossierService(store: try SQLiteDossierStore(path: path, options: .init(durability: durability)), context: f.context)
    }

    /// A failure in the middle of an append (forced by a trigger: once on the second event of a
    /// two-event action, once on the summary) rolls everything back: no event, no summary change.
    @Test func failureInsideTheTransactionLeavesNothingHalfWritten() async throws {
        let path = temporaryDatabase()
        defer { removeDatabase(path) }
        let service = try open(path)
        _ = try await service.receive("HS-X", procedure: "giay-phep-5-ngay", input: permitInput(at: "2026-03-09T08:00", inspection: true), by: deskClerk, at: vnTime("2026-03-09T08:00"))
        try await service.act(on: "HS-X", .approve(step: "intake"), by: deskClerk, at: vnTime("2026-03-09T09:00"))
        let before = try #require(try await service.store.summary(of: "HS-X"))
        #expect(before.version == 2)

        // Approving review yields two events: step_completed (3) and transferred (4).
        let saboteur = try DatabaseQueue(path: path)
        try await saboteur.write { db in
            try db.execute(sql: "CREATE TRIGGER fail_event BEFORE INSERT ON events WHEN NEW.sequence = 4 BEGIN SELECT RAISE(ABORT, 'forced failure on event 4'); END")
        }
        do {
            try await service.act(on: "HS-X", .approve(step: "review"), by: reviewOfficer, at: vnTime("2026-03-10T09:00"))
            Issue.record("expected a storage error")
        } catch {
            guard case .store(.backend(let message)) = error else { throw error }
            #expect(message.contains("forced failure on event 4"))
        }
        #expect(try await service.store.events(of: "HS-X").map(\.sequence) == [1, 2], "event 3 was rolled back with event 4")
        #expect(try await service.store.summary(of: "HS-X") == before)

        try await saboteur.write { db in
            try db.execute(sql: "DROP TRIGGER fail_event")
            try db.execute(sql: "CREATE TRIGGER fail_summary BEFORE UPDATE ON summaries WHEN NEW.version = 4 BEGIN SELECT RAISE(ABORT, 'forced failure on the summary'); END")
        }
        await #expect(throws: DossierServiceError.self) {
            try await service.act(on: "HS-X", .approve(step: "review"), by: reviewOfficer, at: vnTime("2026-03-10T09:00"))
        }
        #expect(try await service.store.events(of: "HS-X").count == 2)
        #expect(try await service.store.summary(of: "HS-X") == before)

        try await saboteur.write { db in try db.execute(sql: "DROP TRIGGER fail_summary") }
        let done = try await service.act(on: "HS-X", .approve(step: "review"), by: reviewOfficer, at: vnTime("2026-03-10T09:00"))
        #expect(done.events.map(\.kind.name) == ["step_completed", "transferred"])
        #expect(try await service.store.summary(of: "HS-X")?.agency == "van-phong-dang-ky-dat-dai")
    }

    /// Closing and reopening the file gives the same dossiers, histories and summaries; the file
    /// is in WAL mode with the migration recorded once.
    @Test func reopeningTheFileGivesTheSameDossiers() async throws {
        let path = temporaryDatabase()
        defer { removeDatabase(path) }
        var expected: [DossierID: Dossier] = [:]
        var summaries: [DossierSummary] = []
        do {
            let service = try open(path, .full)
            for (i, day) in ["2026-02-13", "2026-02-24", "2026-03-02"].enumerated() {
                let id = DossierID("HS-D\(i)")
                _ = try await service.receive(id, procedure: "giay-phep-5-ngay", input: permitInput(at: "\(day)T09:00", inspection: i == 1), by: deskClerk, at: vnTime("\(day)T09:00"))
                try await service.act(on: id, .approve(step: "intake"), by: deskClerk, at: vnTime("\(day)T10:00"))
                if i == 2 { try await service.act(on: id, .pause(reason: "Chờ xác minh"), by: reviewOfficer, at: vnTime("\(day)T11:00")) }
                expected[id] = try await service.dossier(id)
            }
            summaries = try await service.list(.all)
        }
        let reopened = try open(path)
        #expect(try await reopened.list(.all) == summaries)
        for (id, dossier) in expected {
            #expect(try Dossier.replay(try await reopened.history(id)) == dossier)
        }
        let (dossiers, events) = try await reopened.store.counts()
        #expect(dossiers == 3 && events == 7)

        let queue = try DatabaseQueue(path: path)
        let (mode, migrations) = try await queue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations"))
        }
        #expect(mode == "wal")
        #expect(migrations == 2)
    }

    /// Two stores on one file (as two `tthc` processes would be) acting on one dossier at once:
    /// one success, one conflict, no lost event.
    @Test func twoConnectionsOnOneFileConflictCleanly() async throws {
        let path = temporaryDatabase()
        defer { removeDatabase(path) }
        let first = try open(path)
        let second = try open(path)
        _ = try await first.receive("HS-2", procedure: "giay-phep-5-ngay", input: permitInput(at: "2026-03-09T08:00"), by: deskClerk, at: vnTime("2026-03-09T08:00"))
        let seen = try await second.dossier("HS-2")
        async let a: Result<Void, DossierServiceError> = Self.pay(first, 10_000, expected: seen.version)
        async let b: Result<Void, DossierServiceError> = Self.pay(second, 40_000, expected: seen.version)
        let results = await [a, b]
        let conflicts = results.filter {
            if case .failure(.store(.conflict)) = $0 { return true }
            return false
        }
        #expect(results.count { (try? $0.get()) != nil } == 1)
        #expect(conflicts.count == 1)
        #expect(try await first.history("HS-2").count == 2)
        #expect(try await second.history("HS-2").count == 2)
    }

    static func pay(_ service: DossierService<SQLiteDossierStore>, _ amount: Int, expected: Int) async -> Result<Void, DossierServiceError> {
        do {
            try await service.act(on: "HS-2", .recordPayment(amount: amount, reference: nil), by: deskClerk, at: vnTime("2026-03-09T09:00"), expectedVersion: expected)
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    /// The receipt of a new dossier, decided but not stored.
    func received(_ id: DossierID) throws -> SQLiteDossierStore.Append {
        var dossier = Dossier(id: id)
        let events = try dossier.handle(.receive(procedure: "giay-phep-5-ngay", input: permitInput(at: "2026-03-09T08:00")), at: vnTime("2026-03-09T08:00"), by: deskClerk, in: f.context)
        return SQLiteDossierStore.Append(events: events, expectedVersion: 0, summary: try DossierSummary(dossier, in: f.context))
    }

    /// Appends arriving together share transactions (group commit), yet each keeps its own outcome:
    /// of two receipts of each dossier racing, one is written and the other is a conflict with
    /// nothing of it written; what was acknowledged is committed, visible to another connection.
    @Test(arguments: [true, false]) func concurrentAppendsKeepTheirOwnOutcomes(groupCommit: Bool) async throws {
        let path = temporaryDatabase()
        defer { removeDatabase(path) }
        let store = try SQLiteDossierStore(path: path, options: .init(durability: .full, groupCommit: groupCommit))
        let appends = try (0..<40).map { try received(DossierID("G-\($0)")) }
        let outcomes = await withTaskGroup(of: (Int, Result<Void, DossierStoreError>).self) { group in
            for (i, append) in appends.enumerated() {
                for _ in 0..<2 {
                    group.addTask {
                        do throws(DossierStoreError) {
                            try await store.append(append.events, expectedVersion: 0, summary: append.summary)
                            return (i, .success(()))
                        } catch {
                            return (i, .failure(error))
                        }
                    }
                }
            }
            return await group.reduce(into: [Int: [Result<Void, DossierStoreError>]]()) { $0[$1.0, default: []].append($1.1) }
        }
        for i in appends.indices {
            let results = outcomes[i] ?? []
            #expect(results.count { (try? $0.get()) != nil } == 1, "G-\(i): \(results)")
            let conflict = DossierStoreError.conflict(DossierID("G-\(i)"), expected: 0, actual: 1)
            #expect(results.count { if case .failure(let error) = $0 { error == conflict } else { false } } == 1, "G-\(i): \(results)")
        }
        let reader = try DatabaseQueue(path: path)
        let (events, summaries) = try await reader.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM summaries") ?? 0)
        }
        #expect(events == appends.reduce(0) { $0 + $1.events.count })
        #expect(summaries == 40)
    }

    /// A batch over several dossiers is one transaction: a conflict on one writes none.
    @Test func batchedAppendIsAllOrNothing() async throws {
        let path = temporaryDatabase()
        defer { removeDatabase(path) }
        let store = try SQLiteDossierStore(path: path, options: .init(durability: .normal))
        try await store.append(batch: [try received("B-1")])
        await #expect(throws: DossierStoreError.conflict("B-1", expected: 0, actual: 1)) {
            try await store.append(batch: [try received("B-2"), try received("B-3"), try received("B-1")])
        }
        #expect(try await store.summaries(.all).map(\.id) == ["B-1"])
        try await store.append(batch: [try received("B-2"), try received("B-3")])
        #expect(try await store.summaries(.all).map(\.id) == ["B-1", "B-2", "B-3"])
        try await store.checkpoint()
    }

    /// The centre's daily queries use their indexes (SQLite's plan names them).
    @Test func dailyQueriesUseTheirIndexes() async throws {
        let path = temporaryDatabase()
        defer { removeDatabase(path) }
        let store = try SQLiteDossierStore(path: path)
        let now = vnTime("2026-03-12T09:00")
        let plans: [(DossierQuery, String)] = [
            (.overdue(at: now), "summaries_phase_overdue (phase=? AND overdue_from<?)"),
            (DossierQuery(dueBy: now.adding(seconds: 86_400)), "summaries_phase_due (phase=? AND statutory_due<?)"),
            (DossierQuery(notOverdueAt: now, dueBy: now.adding(seconds: 86_400)), "USING INDEX summaries_phase_"),
            (DossierQuery(step: "review"), "summaries_step"),
            (DossierQuery(role: "officer"), "summaries_role"),
            (DossierQuery(agency: "ubnd-xa"), "summaries_agency"),
            (DossierQuery(phases: [.paused]), "USING INDEX summaries_phase_"),
            (DossierQuery(receivedFrom: now, receivedBefore: now.adding(seconds: 86_400)), "summaries_received"),
        ]
        for (query, index) in plans {
            let plan = try await store.queryPlan(query).joined(separator: " | ")
            #expect(plan.contains(index), "\(query): \(plan)")
        }
    }

    /// A file that is not a database is a backend error, not a crash.
    @Test func openingGarbageFails() throws {
        let path = temporaryDatabase()
        defer { removeDatabase(path) }
        try Data("not a database, only text".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: DossierStoreError.self) { try SQLiteDossierStore(path: path) }
    }
}
