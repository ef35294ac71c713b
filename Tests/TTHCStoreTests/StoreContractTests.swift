import Foundation
import Testing
import TTHCCalendar
import TTHCEngine
import TTHCModel
import TTHCStorePostgres
import TTHCStoreSQLite

/// The `DossierStore` contract, run against the in-memory, SQLite and PostgreSQL stores alike.
@Suite(.storeCleanup) struct StoreContractTests {
    let f: StoreFixture
    init() throws { f = try StoreFixture.make() }

    /// Says, once, whether the `postgres` cases run: a cancelled parameterized case shows no note
    /// of its own.
    @Test func postgresCasesRun() async throws {
        let endpoint = try PostgresTestDatabase.endpoint()
        #expect(endpoint.schema == nil)
    }

    func service(_ kind: StoreKind) async throws -> DossierService<AnyDossierStore> {
        DossierService(store: try await kind.make(), context: f.context)
    }

    /// Two clerks record a payment on the same version at once: one append wins, the other gets a
    /// conflict; no event is lost, and the loser's retry after reloading goes in.
    @Test(arguments: StoreKind.allCases) func concurrentAppendsGiveOneSuccessAndOneConflict(_ kind: StoreKind) async throws {
        let service = try await service(kind)
        let store = service.store
        _ = try await service.receive("HS-C", procedure: "giay-phep-5-ngay", input: permitInput(at: "2026-03-09T08:00"), by: deskClerk, at: vnTime("2026-03-09T08:00"))
        let loaded = try await service.dossier("HS-C")
        let context = f.context
        @Sendable func attempt(_ amount: Int) async -> Result<Int, DossierStoreError> {
            do {
                let events = try loaded.decide(.recordPayment(amount: amount, reference: "BL-\(amount)"), at: vnTime("2026-03-09T09:00"), by: deskClerk, in: context)
                let summary = try DossierSummary(loaded.applying(events[0]), in: context)
                try await store.append(events, expectedVersion: loaded.version, summary: summary)
                return .success(amount)
            } catch let error as DossierStoreError {
                return .failure(error)
            } catch {
                return .failure(.backend("unexpected \(error)"))
            }
        }
        async let first = attempt(20_000)
        async let second = attempt(30_000)
        let results = await [first, second]
        let winners = results.compactMap { try? $0.get() }
        let errors = results.compactMap { result -> DossierStoreError? in
            if case .failure(let error) = result { return error }
            return nil
        }
        #expect(winners.count == 1)
        #expect(errors == [.conflict("HS-C", expected: 1, actual: 2)])

        let history = try await store.events(of: "HS-C")
        #expect(history.map(\.sequence) == [1, 2])
        #expect(try await store.summary(of: "HS-C")?.version == 2)
        let paid = try await service.dossier("HS-C").feePaid
        #expect(paid == winners.first)

        let retry = try await service.act(on: "HS-C", .recordPayment(amount: 50_000 - paid, reference: "retry"), by: deskClerk, at: vnTime("2026-03-09T09:01"))
        #expect(retry.dossier.feePaid == 50_000)
        #expect(try await store.events(of: "HS-C").map(\.sequence) == [1, 2, 3])
    }

    /// Twenty clerks at once, each retrying on conflict: every payment lands exactly once.
    @Test(arguments: StoreKind.allCases) func manyConcurrentActionsLoseNothing(_ kind: StoreKind) async throws {
        let service = try await service(kind)
        _ = try await service.receive("HS-M", procedure: "giay-phep-5-ngay", input: permitInput(at: "2026-03-09T08:00"), by: deskClerk, at: vnTime("2026-03-09T08:00"))
        await withTaskGroup(of: Void.self) { group in
            for i in 1...20 {
                group.addTask { await Self.payWithRetry(service, reference: "BL-\(i)") }
            }
        }
        let dossier = try await service.dossier("HS-M")
        #expect(dossier.version == 21)
        #expect(dossier.feePaid == 20_000)
        let references = try await service.history("HS-M").compactMap { event -> String? in
            if case .feePaid(let payment) = event.kind { return payment.reference }
            return nil
        }
        #expect(Set(references).count == 20)
        #expect(try await service.store.summary(of: "HS-M")?.version == 21)
    }

    /// Records a payment on HS-M, reloading and retrying on conflict.
    static func payWithRetry(_ service: DossierService<AnyDossierStore>, reference: String) async {
        while true {
            do {
                try await service.act(on: "HS-M", .recordPayment(amount: 1_000, reference: reference), by: deskClerk, at: vnTime("2026-03-09T09:00"))
                return
            } catch {
                guard case .store(.conflict) = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
                await Task.yield()
            }
        }
    }

    /// A malformed batch writes nothing: a gap in the sequences, a summary of the wrong version,
    /// events of two dossiers, an empty batch.
    @Test(arguments: StoreKind.allCases) func invalidBatchesWriteNothing(_ kind: StoreKind) async throws {
        let service = try await service(kind)
        let store = service.store
        let reception = try await service.receive("HS-F", procedure: "giay-phep-5-ngay", input: permitInput(at: "2026-03-09T08:00"), by: deskClerk, at: vnTime("2026-03-09T08:00"))
        let before = try await store.summary(of: "HS-F")
        let events = try reception.dossier.decide(.approve(step: "intake"), at: vnTime("2026-03-09T09:00"), by: deskClerk, in: f.context)
        let summary = try DossierSummary(reception.dossier.applying(events[0]), in: f.context)

        var gap = events
        var second = events[0]
        second.sequence = 4
        gap.append(second)
        await #expect(throws: DossierStoreError.self) { try await store.append(gap, expectedVersion: 1, summary: summary) }

        var wrongVersion = summary
        wrongVersion.version = 7
        await #expect(throws: DossierStoreError.self) { try await store.append(events, expectedVersion: 1, summary: wrongVersion) }

        var foreign = events
        var other = events[0]
        other.dossier = "HS-OTHER"
        other.sequence = 3
        foreign.append(other)
        await #expect(throws: DossierStoreError.self) { try await store.append(foreign, expectedVersion: 1, summary: summary) }
        await #expect(throws: DossierStoreError.self) { try await store.append([], expectedVersion: 1, summary: summary) }

        #expect(try await store.events(of: "HS-F").count == 1)
        #expect(try await store.summary(of: "HS-F") == before)
        #expect(try await store.summary(of: "HS-OTHER") == nil)

        // A refused command writes nothing either; a stale version is a conflict.
        await #expect(throws: DossierServiceError.self) { try await service.act(on: "HS-F", .approve(step: "sign"), by: signingChairman, at: vnTime("2026-03-09T09:00")) }
        #expect(try await store.events(of: "HS-F").count == 1)
        await #expect(throws: DossierServiceError.store(.conflict("HS-F", expected: 0, actual: 1))) {
            try await service.act(on: "HS-F", .approve(step: "intake"), by: deskClerk, at: vnTime("2026-03-09T09:00"), expectedVersion: 0)
        }
        // The well-formed batch still goes in.
        try await store.append(events, expectedVersion: 1, summary: summary)
        #expect(try await store.summary(of: "HS-F") == summary)
    }

    /// A new dossier id already taken is a conflict (version 0 expected): two desks receiving
    /// under the same number cannot both win.
    @Test(arguments: StoreKind.allCases) func receivingTheSameIdTwiceConflicts(_ kind: StoreKind) async throws {
        let service = try await service(kind)
        _ = try await service.receive("HS-1", procedure: "giay-phep-5-ngay", input: permitInput(at: "2026-03-09T08:00"), by: deskClerk, at: vnTime("2026-03-09T08:00"))
        var fresh = Dossier(id: "HS-1")
        let events = try fresh.handle(.receive(procedure: "giay-phep-3-ngay", input: permitInput(at: "2026-03-09T08:05")), at: vnTime("2026-03-09T08:05"), by: deskClerk, in: f.context)
        let summary = try DossierSummary(fresh, in: f.context)
        await #expect(throws: DossierStoreError.conflict("HS-1", expected: 0, actual: 1)) {
            try await service.store.append(events, expectedVersion: 0, summary: summary)
        }
        #expect(try await service.store.summary(of: "HS-1")?.procedure == "giay-phep-5-ngay")
    }

    /// An action decided on a version the store never had (the dossier is not there at all) is a
    /// conflict with the stored version 0, and nothing is written.
    @Test(arguments: StoreKind.allCases) func actingOnADossierTheStoreLacksConflicts(_ kind: StoreKind) async throws {
        let service = try await service(kind)
        var elsewhere = Dossier(id: "HS-X")
        try elsewhere.handle(.receive(procedure: "giay-phep-5-ngay", input: permitInput(at: "2026-03-09T08:00")), at: vnTime("2026-03-09T08:00"), by: deskClerk, in: f.context)
        let events = try elsewhere.handle(.approve(step: "intake"), at: vnTime("2026-03-09T09:00"), by: deskClerk, in: f.context)
        let summary = try DossierSummary(elsewhere, in: f.context)
        await #expect(throws: DossierStoreError.conflict("HS-X", expected: 1, actual: 0)) {
            try await service.store.append(events, expectedVersion: 1, summary: summary)
        }
        #expect(try await service.store.events(of: "HS-X").isEmpty)
        #expect(try await service.store.summary(of: "HS-X") == nil)
    }

    /// Unknown dossiers: no events, no summary; `events(after:)` past the end is empty.
    @Test(arguments: StoreKind.allCases) func unknownAndPartialReads(_ kind: StoreKind) async throws {
        let service = try await service(kind)
        #expect(try await service.store.events(of: "nope").isEmpty)
        #expect(try await service.store.summary(of: "nope") == nil)
        _ = try await service.receive("HS-R", procedure: "giay-phep-5-ngay", input: permitInput(at: "2026-03-09T08:00"), by: deskClerk, at: vnTime("2026-03-09T08:00"))
        try await service.act(on: "HS-R", .approve(step: "intake"), by: deskClerk, at: vnTime("2026-03-09T09:00"))
        #expect(try await service.store.events(of: "HS-R", after: 1).map(\.sequence) == [2])
        #expect(try await service.store.events(of: "HS-R", after: 2).isEmpty)
        #expect(try await service.store.events(of: "HS-R", after: -3).map(\.sequence) == [1, 2])
        await #expect(throws: DossierServiceError.notFound("Z")) { try await service.dossier("Z") }
    }

    /// An id written in decomposed Unicode (NFD) names the same dossier as its NFC form, as Swift's
    /// `String` equality says.
    @Test(arguments: StoreKind.allCases) func idsCompareAsUnicodeText(_ kind: StoreKind) async throws {
        let service = try await service(kind)
        let nfc = DossierID("HỒ-SƠ-1")
        let nfd = DossierID("HỒ-SƠ-1".decomposedStringWithCanonicalMapping)
        #expect(nfc == nfd)
        _ = try await service.receive(nfd, procedure: "giay-phep-5-ngay", input: permitInput(at: "2026-03-09T08:00"), by: deskClerk, at: vnTime("2026-03-09T08:00"))
        try await service.act(on: nfc, .approve(step: "intake"), by: deskClerk, at: vnTime("2026-03-09T09:00"))
        #expect(try await service.dossier(nfd).version == 2)
        #expect(try await service.list(.all).map(\.id) == [nfc])
    }

    /// An incomplete dossier is refused at intake with the missing papers, and recorded.
    @Test(arguments: StoreKind.allCases) func refusedAtIntakeIsRecorded(_ kind: StoreKind) async throws {
        let service = try await service(kind)
        let input = DossierInput(facts: [:], channel: .online, papers: [SubmittedPaper(id: "application"), SubmittedPaper(id: "identity_document")],
                                 received: vnTime("2026-02-14T10:00"))
        let reception = try await service.receive("HS-I", procedure: "giay-phep-5-ngay", input: input, by: deskClerk, at: vnTime("2026-02-14T10:00"))
        #expect(!reception.received)
        #expect(reception.dossier.intakeRefusal?.missing == ["site_plan"])
        let summary = try #require(try await service.list(DossierQuery(phases: [.refusedAtIntake])).first)
        #expect(summary.id == "HS-I" && summary.channel == .online && summary.receivedAt == nil && summary.statutoryDue == nil)
        #expect(try await service.list(.open).isEmpty)
    }

    /// The queries a centre runs all day, with the same answers on every store.
    @Test(arguments: StoreKind.allCases) func dailyQueries(_ kind: StoreKind) async throws {
        let service = try await service(kind)
        func receive(_ id: DossierID, _ at: String, inspection: Bool = false) async throws {
            _ = try await service.receive(id, procedure: "giay-phep-5-ngay", input: permitInput(at: at, inspection: inspection), by: deskClerk, at: vnTime(at))
            try await service.act(on: id, .approve(step: "intake"), by: deskClerk, at: vnTime(at).adding(seconds: 600))
        }
        try await receive("A", "2026-03-09T08:00")   // due 16/03
        try await receive("B", "2026-03-02T08:00")   // due 09/03: overdue
        try await receive("C", "2026-03-03T08:00")   // paused
        try await service.act(on: "C", .pause(reason: "Chờ nghĩa vụ tài chính"), by: reviewOfficer, at: vnTime("2026-03-04T08:00"))
        try await receive("D", "2026-03-09T08:00", inspection: true)
        try await service.act(on: "D", .approve(step: "review"), by: reviewOfficer, at: vnTime("2026-03-10T08:00"))
        try await receive("E", "2026-03-05T08:00")   // result ready
        try await service.act(on: "E", .approve(step: "review"), by: reviewOfficer, at: vnTime("2026-03-06T08:00"))
        try await service.act(on: "E", .approve(step: "sign"), by: signingChairman, at: vnTime("2026-03-06T09:00"))

        let now = vnTime("2026-03-12T09:00")
        #expect(try await service.overdue(at: now).map(\.id) == ["B"])
        #expect(try await service.dueWithin(workingDays: 2, at: now).map(\.id) == ["A", "D"])
        #expect(try await service.dueWithin(workingDays: 1, at: now).isEmpty)
        #expect(try await service.list(DossierQuery(step: "review")).map(\.id) == ["B", "C", "A"])
        #expect(try await service.list(DossierQuery(phases: [.processing], role: "officer")).map(\.id) == ["B", "A"])
        #expect(try await service.list(DossierQuery(role: "land_officer")).map(\.id) == ["D"])
        #expect(try await service.list(DossierQuery(agency: "van-phong-dang-ky-dat-dai")).map(\.id) == ["D"])
        #expect(try await service.list(DossierQuery(phases: [.paused])).map(\.id) == ["C"])
        #expect(try await service.list(DossierQuery(phases: [])).isEmpty)
        #expect(try await service.list(DossierQuery(phases: [.resultReady], step: "handover")).first?.punctuality == .early)
        #expect(try await service.list(.open).count == 5)
        #expect(try await service.list(DossierQuery(receivedFrom: vnTime("2026-03-09T00:00"))).map(\.id) == ["A", "D"])
        #expect(try await service.list(DossierQuery(receivedBefore: vnTime("2026-03-04T00:00"))).map(\.id) == ["B", "C"])
        #expect(try await service.list(DossierQuery(limit: 2)) == Array(try await service.list(.all).prefix(2)))
        #expect(try await service.list(DossierQuery(limit: 0)).isEmpty)
        let paused = try #require(try await service.store.summary(of: "C"))
        #expect(paused.clockStopped && paused.stoppedSince == vnTime("2026-03-04T08:00"))
    }

    /// The history comes back unchanged, and replaying it gives the dossier the decisions built.
    @Test(arguments: StoreKind.allCases) func replayEqualsTheFold(_ kind: StoreKind) async throws {
        let service = try await service(kind)
        var folded = Dossier(id: "HS-J")
        var decided: [DossierEvent] = []
        func run(_ command: DossierCommand, _ at: String, _ actor: DossierActor, note: String? = nil) async throws {
            let before = folded.version
            let events = try folded.handle(command, at: vnTime(at), by: actor, note: note, in: f.context)
            try await service.store.append(events, expectedVersion: before, summary: try DossierSummary(folded, in: f.context))
            decided += events
        }
        try await run(.receive(procedure: "giay-phep-3-ngay", input: permitInput(at: "2026-02-13T09:00", inspection: true, channel: .online)), "2026-02-13T09:00", deskClerk)
        try await run(.approve(step: "intake"), "2026-02-13T10:00", deskClerk, note: "Đã kiểm tra đủ")
        try await run(.requestSupplement(papers: ["site_plan"], reason: "Bổ sung bản vẽ"), "2026-02-23T10:00", reviewOfficer)
        try await run(.receiveSupplement(papers: [SubmittedPaper(id: "site_plan", copy: 2)]), "2026-02-24T10:00", deskClerk)
        try await run(.pause(reason: "Chờ nghĩa vụ tài chính"), "2026-02-24T11:00", reviewOfficer)
        try await run(.resume, "2026-02-25T09:00", deskClerk)
        try await run(.extend(appointment: vnTime("2026-03-10T17:00"), reason: "Xin lỗi"), "2026-02-25T10:00", reviewOfficer)
        try await run(.approve(step: "review"), "2026-02-26T10:00", reviewOfficer)
        try await run(.approve(step: "inspection"), "2026-02-27T10:00", registryOfficer)
        try await run(.transfer(to: "co-quan-thue", reason: "Lấy ý kiến"), "2026-02-27T11:00", signingChairman)
        try await run(.approve(step: "sign"), "2026-03-02T10:00", taxOfficer)
        try await run(.recordPayment(amount: 50_000, reference: "BL-1"), "2026-03-02T11:00", deskClerk)
        try await run(.handOver, "2026-03-02T14:00", deskClerk)

        let stored = try await service.history("HS-J")
        #expect(stored == decided)
        #expect(try Dossier.replay(stored) == folded)
        #expect(try await service.store.summary(of: "HS-J") == (try DossierSummary(folded, in: f.context)))
        #expect(stored.allSatisfy { $0.catalogRevision == f.catalog.revision })
        #expect(stored[1].note == "Đã kiểm tra đủ")
        #expect(folded.phase == .handedOver)
    }

    /// Several wards on one store: each dossier keeps the ward of the clerk who received it, and a
    /// ward's listing holds only its own dossiers.
    @Test(arguments: StoreKind.allCases) func listingsAreScopedByWard(_ kind: StoreKind) async throws {
        let service = try await service(kind)
        for (id, ward) in [("HS-A1", "phuong-a"), ("HS-A2", "phuong-a"), ("HS-B1", "phuong-b")] {
            var clerk = deskClerk
            clerk.ward = ward
            _ = try await service.receive(DossierID(id), procedure: "giay-phep-5-ngay", input: permitInput(at: "2026-03-09T08:00"), by: clerk, at: vnTime("2026-03-09T08:00"))
        }
        #expect(try await service.list(DossierQuery(ward: "phuong-a")).map(\.id.rawValue) == ["HS-A1", "HS-A2"])
        #expect(try await service.list(DossierQuery(ward: "phuong-b")).map(\.id.rawValue) == ["HS-B1"])
        #expect(try await service.store.summary(of: "HS-B1")?.ward == "phuong-b")
        #expect(try await service.list(.all).count == 3)
    }
}
