import Foundation
import Testing
import TTHCCalendar
import TTHCEngine
import TTHCModel
import TTHCStorePostgres

/// What only the PostgreSQL store has to show: several servers (pools) on one database losing no
/// update, migrations when processes start at once, atomicity under a failure inside the
/// transaction, indexes, the URL and errors that never show a password.
@Suite(.storeCleanup) struct PostgresStoreTests {
    let f: StoreFixture
    init() throws { f = try StoreFixture.make() }

    /// Two stores with their own pools on one schema, as two `tthc serve` processes would be: 48
    /// payments on three dossiers at once, each retried on conflict, and eight new dossiers
    /// received by both servers at once. Every payment lands exactly once, sequences run 1…n
    /// without a gap or a double, the summaries' versions match, and each new dossier has one
    /// winner.
    @Test func twoServersOnOneDatabaseLoseNoUpdate() async throws {
        let endpoint = try await PostgresTestDatabase.freshEndpoint()
        let options = PostgresDossierStore.Options(maximumConnections: 6)
        let first = DossierService(store: try await PostgresTestDatabase.store(on: endpoint, options: options), context: f.context)
        let second = DossierService(store: try await PostgresTestDatabase.store(on: endpoint, options: options), context: f.context)
        let dossiers: [DossierID] = ["HS-P1", "HS-P2", "HỒ-SƠ-P3"]
        for id in dossiers {
            _ = try await first.receive(id, procedure: "giay-phep-5-ngay", input: permitInput(at: "2026-03-09T08:00"), by: deskClerk, at: vnTime("2026-03-09T08:00"))
        }
        let perDossier = 16
        let outcomes = await withTaskGroup(of: Outcome.self, returning: [Outcome].self) { group in
            for id in dossiers {
                for i in 1...perDossier {
                    let service = i.isMultiple(of: 2) ? first : second
                    group.addTask { .paid(conflicts: await Self.pay(service, on: id, reference: "\(id)/\(i)")) }
                }
            }
            for n in 1...8 {
                for service in [first, second] {
                    group.addTask { await Self.receive(service, DossierID("HS-NEW-\(n)")) }
                }
            }
            var outcomes: [Outcome] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        #expect(outcomes.filter { $0 == .received }.count == 8, "each new dossier has one winner")
        #expect(outcomes.filter { $0 == .lostTheRace }.count == 8, "and one loser")
        let retries = outcomes.reduce(0) { sum, outcome in
            if case .paid(let conflicts) = outcome { return sum + conflicts }
            return sum
        }
        print("two servers: \(retries) conflicts retried over \(dossiers.count * perDossier) payments")

        for id in dossiers {
            for service in [first, second] {
                let history = try await service.history(id)
                #expect(history.map(\.sequence) == Array(1...(perDossier + 1)), "\(id)")
                let references = history.compactMap { event -> String? in
                    if case .feePaid(let payment) = event.kind { return payment.reference }
                    return nil
                }
                #expect(references.count == perDossier && Set(references).count == perDossier, "\(id): \(references)")
                #expect(try await service.store.summary(of: id)?.version == perDossier + 1)
                #expect(try await service.dossier(id).feePaid == perDossier * 1_000)
            }
        }
        for n in 1...8 {
            let id = DossierID("HS-NEW-\(n)")
            #expect(try await first.history(id).map(\.sequence) == [1])
            #expect(try await second.store.summary(of: id)?.version == 1)
        }
        let (count, events) = try await first.store.counts()
        #expect(count == 11 && events == 3 * (perDossier + 1) + 8)
    }

    /// What a concurrent task of ``twoServersOnOneDatabaseLoseNoUpdate()`` met.
    enum Outcome: Sendable, Hashable {
        case paid(conflicts: Int)
        case received
        case lostTheRace
    }

    /// Receives a new dossier that another server may be receiving at the same time.
    static func receive(_ service: DossierService<PostgresDossierStore>, _ id: DossierID) async -> Outcome {
        do {
            _ = try await service.receive(id, procedure: "giay-phep-3-ngay", input: permitInput(at: "2026-03-09T08:00"), by: deskClerk, at: vnTime("2026-03-09T08:00"))
            return .received
        } catch {
            #expect(error == .store(.conflict(id, expected: 0, actual: 1)))
            return .lostTheRace
        }
    }

    /// Records a payment, reloading and retrying on conflict; returns the conflicts met.
    static func pay(_ service: DossierService<PostgresDossierStore>, on id: DossierID, reference: String) async -> Int {
        var conflicts = 0
        while true {
            do {
                try await service.act(on: id, .recordPayment(amount: 1_000, reference: reference), by: deskClerk, at: vnTime("2026-03-09T09:00"))
                return conflicts
            } catch .store(.conflict) {
                conflicts += 1
                await Task.yield()
            } catch {
                Issue.record("unexpected \(error)")
                return conflicts
            }
        }
    }

    /// Four processes starting at once on an empty schema: the advisory lock lets one migrate and
    /// the others find the work done; `schema_migrations` records each version once, and opening
    /// again changes nothing.
    @Test func processesStartingAtOnceMigrateOnce() async throws {
        let endpoint = try await PostgresTestDatabase.freshEndpoint()
        let stores = try await withThrowingTaskGroup(of: PostgresDossierStore.self) { group in
            for _ in 0..<4 {
                group.addTask { try await PostgresTestDatabase.store(on: endpoint, options: .init(maximumConnections: 2)) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(stores.count == 4)
        for store in stores {
            #expect(try await store.appliedMigrations() == [1, 2])
        }
        let again = try await PostgresTestDatabase.store(on: endpoint)
        #expect(try await again.appliedMigrations() == [1, 2])
        #expect(try await again.summaries(.all).isEmpty)
    }

    /// A failure in the middle of an append (forced by a trigger: once on the second event of a
    /// two-event action, once on the summary) rolls everything back: no event, no summary change.
    @Test func failureInsideTheTransactionLeavesNothingHalfWritten() async throws {
        let endpoint = try await PostgresTestDatabase.freshEndpoint()
        let service = DossierService(store: try await PostgresTestDatabase.store(on: endpoint), context: f.context)
        _ = try await service.receive("HS-X", procedure: "giay-phep-5-ngay", input: permitInput(at: "2026-03-09T08:00", inspection: true), by: deskClerk, at: vnTime("2026-03-09T08:00"))
        try await service.act(on: "HS-X", .approve(step: "intake"), by: deskClerk, at: vnTime("2026-03-09T09:00"))
        let before = try #require(try await service.store.summary(of: "HS-X"))

        try await PostgresTestDatabase.execute("""
            CREATE FUNCTION fail_event() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.sequence = 4 THEN RAISE EXCEPTION 'forced failure on event 4'; END IF; RETURN NEW; END $$
            """, "CREATE TRIGGER fail_event BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION fail_event()", on: endpoint)
        do {
            try await service.act(on: "HS-X", .approve(step: "review"), by: reviewOfficer, at: vnTime("2026-03-10T09:00"))
            Issue.record("expected a storage error")
        } catch {
            guard case .store(.backend(let message)) = error else { throw error }
            #expect(message.contains("forced failure on event 4"), "\(message)")
        }
        #expect(try await service.store.events(of: "HS-X").map(\.sequence) == [1, 2], "event 3 was rolled back with event 4")
        #expect(try await service.store.summary(of: "HS-X") == before)

        try await PostgresTestDatabase.execute("DROP TRIGGER fail_event ON events", """
            CREATE FUNCTION fail_summary() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.version = 4 THEN RAISE EXCEPTION 'forced failure on the summary'; END IF; RETURN NEW; END $$
            """, "CREATE TRIGGER fail_summary BEFORE UPDATE ON summaries FOR EACH ROW EXECUTE FUNCTION fail_summary()", on: endpoint)
        await #expect(throws: DossierServiceError.self) {
            try await service.act(on: "HS-X", .approve(step: "review"), by: reviewOfficer, at: vnTime("2026-03-10T09:00"))
        }
        #expect(try await service.store.events(of: "HS-X").count == 2)
        #expect(try await service.store.summary(of: "HS-X") == before)

        try await PostgresTestDatabase.execute("DROP TRIGGER fail_summary ON summaries", on: endpoint)
        let done = try await service.act(on: "HS-X", .approve(step: "review"), by: reviewOfficer, at: vnTime("2026-03-10T09:00"))
        #expect(done.events.map(\.kind.name) == ["step_completed", "transferred"])
        #expect(try await service.store.summary(of: "HS-X")?.agency == "van-phong-dang-ky-dat-dai")
    }

    /// A batch over several dossiers is one transaction: a conflict on one writes none; two
    /// batches of one dossier in one call chain their versions.
    @Test func batchedAppendIsAllOrNothing() async throws {
        let store = try await PostgresTestDatabase.freshStore()
        let context = f.context
        func received(_ id: DossierID) throws -> (PostgresDossierStore.Append, Dossier) {
            var dossier = Dossier(id: id)
            let events = try dossier.handle(.receive(procedure: "giay-phep-5-ngay", input: permitInput(at: "2026-03-09T08:00")), at: vnTime("2026-03-09T08:00"), by: deskClerk, in: context)
            return (PostgresDossierStore.Append(events: events, expectedVersion: 0, summary: try DossierSummary(dossier, in: context)), dossier)
        }
        try await store.append(batch: [try received("B-1").0])
        await #expect(throws: DossierStoreError.conflict("B-1", expected: 0, actual: 1)) {
            try await store.append(batch: [try received("B-2").0, try received("B-3").0, try received("B-1").0])
        }
        #expect(try await store.summaries(.all).map(\.id) == ["B-1"])

        var (receipt, dossier) = try received("B-2")
        let approval = try dossier.handle(.approve(step: "intake"), at: vnTime("2026-03-09T09:00"), by: deskClerk, in: context)
        let chained = PostgresDossierStore.Append(events: approval, expectedVersion: 1, summary: try DossierSummary(dossier, in: context))
        try await store.append(batch: [receipt, try received("B-3").0, chained])
        #expect(try await store.summaries(.all).map(\.id) == ["B-1", "B-2", "B-3"])
        #expect(try await store.summary(of: "B-2")?.version == 2)
        #expect(try await store.events(of: "B-2").map(\.sequence) == [1, 2])
        receipt.expectedVersion = 5
        await #expect(throws: DossierStoreError.self) { try await store.append(batch: [receipt]) }

        // An action that does not follow the one before it on its dossier, in the same batch: the
        // conflict SQLite's store names, and nothing written.
        let (fresh, receivedFour) = try received("B-4")
        var four = receivedFour
        _ = try four.handle(.approve(step: "intake"), at: vnTime("2026-03-09T09:00"), by: deskClerk, in: context)
        let payment = try four.handle(.recordPayment(amount: 50_000, reference: "BL-4"), at: vnTime("2026-03-09T09:10"), by: deskClerk, in: context)
        let skipping = PostgresDossierStore.Append(events: payment, expectedVersion: 2, summary: try DossierSummary(four, in: context))
        await #expect(throws: DossierStoreError.conflict("B-4", expected: 2, actual: 1)) { try await store.append(batch: [fresh, skipping]) }
        #expect(try await store.summary(of: "B-4") == nil)
        try await store.append(batch: [fresh])
        #expect(try await store.events(of: "B-4").map(\.sequence) == [1])
    }

    /// The centre's daily queries can use their indexes (sequential scans disabled for the plan:
    /// on a small table PostgreSQL rightly prefers them; on an empty one the (phase, …) indexes
    /// cost the same, so either may serve the overdue query).
    @Test func dailyQueriesUseTheirIndexes() async throws {
        let store = try await PostgresTestDatabase.freshStore()
        let now = vnTime("2026-03-12T09:00")
        let plans: [(DossierQuery, String)] = [
            (.overdue(at: now), "summaries_phase_"),
            (DossierQuery(dueBy: now.adding(seconds: 86_400)), "summaries_phase_"),
            (DossierQuery(step: "review"), "summaries_step"),
            (DossierQuery(role: "officer"), "summaries_role"),
            (DossierQuery(agency: "ubnd-xa"), "summaries_agency"),
            (DossierQuery(procedure: "giay-phep-5-ngay"), "summaries_procedure"),
            (DossierQuery(phases: [.paused]), "summaries_phase_"),
            (DossierQuery(receivedFrom: now, receivedBefore: now.adding(seconds: 86_400)), "summaries_received"),
            (DossierQuery(limit: 20), "summaries_order"),
        ]
        for (query, index) in plans {
            let plan = try await store.queryPlan(query, forceIndexes: true).joined(separator: " | ")
            #expect(plan.contains(index) && !plan.contains("Seq Scan"), "\(query): \(plan)")
        }
    }

    /// After `close()` operations fail with a backend error; closing twice is harmless.
    @Test func closedStoreRefuses() async throws {
        let store = try await PostgresTestDatabase.freshStore()
        #expect(try await store.summaries(.all).isEmpty)
        await store.close()
        await store.close()
        await #expect(throws: DossierStoreError.self) { try await store.summaries(.all) }
    }

    /// Errors from the server name what failed and never the password, whether the database is
    /// missing or nothing listens on the port.
    @Test func errorsNeverShowThePassword() async throws {
        let base = try PostgresTestDatabase.endpoint()
        let secret = "s3cret-Mật-khẩu"
        var missing = base
        missing.password = secret
        missing.database = "tthc_no_such_database"
        do {
            _ = try await PostgresDossierStore(endpoint: missing, options: .init(connectTimeout: 5))
            Issue.record("opened a missing database")
        } catch {
            #expect(!error.description.contains(secret) && !error.description.contains("s3cret"))
            #expect(error.description.contains("tthc_no_such_database"), "\(error)")
        }
        let url = "postgres://\(base.user):\(secret.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? "x")@127.0.0.1:1/db?sslmode=disable"
        do {
            _ = try await PostgresDossierStore(url: url, options: .init(connectTimeout: 5))
            Issue.record("connected to port 1")
        } catch {
            #expect(!error.description.contains("s3cret"), "\(error)")
            #expect(error.description.contains("127.0.0.1:1/db"), "\(error)")
        }
    }
}

/// The `postgres://` URL, parsed without a server.
@Suite struct PostgresEndpointTests {
    @Test func parsesTheDocumentedForms() throws {
        let full = try PostgresEndpoint(url: "postgres://tthc:p%40ss@db.tinh.gov.vn:6543/tthc?schema=hcc&sslmode=require", environment: [:])
        #expect(full.user == "tthc" && full.password == "p@ss" && full.host == "db.tinh.gov.vn" && full.port == 6543)
        #expect(full.database == "tthc" && full.schema == "hcc" && full.tls == .require)
        #expect(full.description == "postgres://tthc@db.tinh.gov.vn:6543/tthc?schema=hcc&sslmode=require")

        let plain = try PostgresEndpoint(url: "postgresql://clerk@localhost/dossiers", environment: ["PGPASSWORD": "from-env"])
        #expect(plain.port == 5432 && plain.password == "from-env" && plain.schema == nil && plain.tls == .prefer)
        #expect(!plain.description.contains("from-env"))

        let socket = try PostgresEndpoint(url: "postgres://tthc@/tthc?host=/run/postgresql", environment: [:])
        #expect(socket.socketDirectory == "/run/postgresql")

        let verified = try PostgresEndpoint(url: "postgres://tthc@db/tthc?sslmode=verify-full", environment: [:])
        #expect(verified.tls == .verifyFull && verified.description == "postgres://tthc@db:5432/tthc?sslmode=verify-full")
        #expect(try PostgresEndpoint(url: "postgres://tthc@db/tthc?sslmode=disable", environment: [:]).tls == .disable)

        let pooled = try PostgresEndpoint(url: "postgres://tthc@db/tthc?schema=hcc&pool_size=32", environment: [:])
        #expect(pooled.poolSize == 32 && pooled.description == "postgres://tthc@db:5432/tthc?schema=hcc&pool_size=32")
        #expect(try pooled.with(schema: "khac").poolSize == 32)
        #expect(full.poolSize == nil)
    }

    @Test(arguments: [
        "mysql://u@h/db", "postgres://h:5432/db", "postgres://u@h:5432/", "postgres://u@h/db?schema=Bad-Name",
        "postgres://u@h/db?sslmode=maybe", "postgres://u@h/db?pool=3", "postgres://u:hunter2@h/db?schema=x;drop",
        "postgres://u@h/db?pool_size=0", "postgres://u:hunter2@h/db?pool_size=many",
    ])
    func refusesMalformedURLsWithoutShowingThePassword(_ url: String) {
        do {
            _ = try PostgresEndpoint(url: url, environment: [:])
            Issue.record("accepted \(url)")
        } catch {
            #expect(error.code == "store-backend")
            #expect(!error.description.contains("hunter2"), "\(error)")
        }
    }
}
