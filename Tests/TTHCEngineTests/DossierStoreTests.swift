import Foundation
import Testing
import TTHCCalendar
import TTHCEngine
import TTHCModel

/// The store contract (in memory) and the service facade.
@Suite struct DossierStoreTests {
    let l: Lifecycle
    init() throws { l = try Lifecycle.make() }

    func service() -> DossierService<InMemoryDossierStore> { DossierService(store: InMemoryDossierStore(), context: l.context) }

    /// Two clerks record a payment on the same version at once: one append wins, the other gets a
    /// conflict; after reloading, the loser's payment goes in too. No event is lost.
    @Test func concurrentAppendsOneSuccessOneConflict() async throws {
        let service = service()
        let store = service.store
        _ = try await service.receive("HS-C", procedure: "giay-phep-5-ngay", input: l.permitInput(at: "2026-03-09T08:00"), by: deskClerk, at: vnTime("2026-03-09T08:00"))
        let loaded = try await service.dossier("HS-C")
        #expect(loaded.version == 1)
        let context = l.context
        func attempt(_ amount: Int) async -> Result<Void, DossierStoreError> {
            do {
                let events = try loaded.decide(.recordPayment(amount: amount, reference: "\(amount)"), at: vnTime("2026-03-09T09:00"), by: deskClerk, in: context)
                let summary = try DossierSummary(loaded.applying(events[0]), in: context)
                try await store.append(events, expectedVersion: loaded.version, summary: summary)
                return .success(())
            } catch let error as DossierStoreError {
                return .failure(error)
            } catch {
                Issue.record("unexpected \(error)")
                return .failure(.backend("\(error)"))
            }
        }
        async let first = attempt(20_000)
        async let second = attempt(30_000)
        let results = await [first, second]
        var successes = 0
        var conflicts: [DossierStoreError] = []
        for result in results {
            switch result {
            case .success: successes += 1
            case .failure(let error): conflicts.append(error)
            }
        }
        #expect(successes == 1)
        #expect(conflicts == [.conflict("HS-C", expected: 1, actual: 2)])
        #expect(conflicts.first?.vietnamese.contains("vừa được người khác cập nhật") == true)
        #expect(try await store.events(of: "HS-C").count == 2)

        // The loser reloads and acts again through the service.
        let paid = try await service.dossier("HS-C").feePaid
        let retry = try await service.act(on: "HS-C", .recordPayment(amount: paid == 20_000 ? 30_000 : 20_000, reference: "retry"), by: deskClerk, at: vnTime("2026-03-09T09:01"))
        #expect(retry.dossier.feePaid == 50_000)
        #expect(try await store.events(of: "HS-C").map(\.sequence) == [1, 2, 3])
    }

    /// Many clerks at once through the service, each retrying on conflict: every payment lands once.
    @Test func manyConcurrentActionsLoseNothing() async throws {
        let service = service()
        _ = try await service.receive("HS-M", procedure: "giay-phep-5-ngay", input: l.permitInput(at: "2026-03-09T08:00"), by: deskClerk, at: vnTime("2026-03-09T08:00"))
        let conflicts = await withTaskGroup(of: Int.self, returning: Int.self) { group in
            for i in 1...20 {
                group.addTask { await Self.payWithRetry(service, reference: "BL-\(i)") }
            }
            var total = 0
            for await n in group { total += n }
            return total
        }
        let dossier = try await service.dossier("HS-M")
        #expect(dossier.version == 21)
        #expect(dossier.feePaid == 20_000)
        var references: [String] = []
        for event in try await service.history("HS-M") {
            if case .feePaid(let f) = event.kind, let reference = f.reference { references.append(reference) }
        }
        #expect(Set(references).count == 20)
        _ = conflicts  // how many retries were needed depends on scheduling
    }

    /// Records a payment, reloading and retrying on conflict; returns the number of conflicts met.
    static func payWithRetry(_ service: DossierService<InMemoryDossierStore>, reference: String) async -> Int {
        var conflicts = 0
        while true {
            do {
                try await service.act(on: "HS-M", .recordPayment(amount: 1_000, reference: reference), by: deskClerk, at: vnTime("2026-03-09T09:00"))
                return conflicts
            } catch {
                guard case .store(.conflict) = error else {
                    Issue.record("unexpected \(error)")
                    return conflicts
                }
                conflicts += 1
                await Task.yield()
            }
        }
    }

    /// A malformed batch (here a gap in the sequence) writes nothing: neither events nor summary.
    @Test func failedAppendLeavesNothingHalfWritten() async throws {
        let service = service()
        let store = service.store
        let reception = try await service.receive("HS-F", procedure: "giay-phep-5-ngay", input: l.permitInput(at: "2026-03-09T08:00"), by: deskClerk, at: vnTime("2026-03-09T08:00"))
        let before = try await store.summary(of: "HS-F")
        var events = try reception.dossier.decide(.approve(step: "intake"), at: vnTime("2026-03-09T09:00"), by: deskClerk, in: l.context)
        var second = events[0]
        second.sequence = 4
        events.append(second)
        let summary = try DossierSummary(reception.dossier.applying(events[0]), in: l.context)
        await #expect(throws: DossierStoreError.self) { try await store.append(events, expectedVersion: 1, summary: summary) }
        #expect(try await store.events(of: "HS-F").count == 1)
        #expect(try await store.summary(of: "HS-F") == before)

        // A refused command writes nothing either.
        await #expect(throws: DossierServiceError.self) { try await service.act(on: "HS-F", .approve(step: "sign"), by: signingChairman, at: vnTime("2026-03-09T09:00")) }
        #expect(try await store.events(of: "HS-F").count == 1)
        // A stale version seen by the user is a conflict even for a legal command.
        do {
            try await service.act(on: "HS-F", .approve(step: "intake"), by: deskClerk, at: vnTime("2026-03-09T09:00"), expectedVersion: 0)
            Issue.record("expected a conflict")
        } catch {
            #expect(error == .store(.conflict("HS-F", expected: 0, actual: 1)))
        }
    }

    /// An incomplete dossier is refused at intake with the missing papers, and recorded.
    @Test func serviceRefusesIncompleteDossiers() async throws {
        let service = service()
        let input = DossierInput(facts: [:], channel: .online, papers: [SubmittedPaper(id: "application"), SubmittedPaper(id: "identity_document")],
                                 received: vnTime("2026-02-14T10:00"))
        let reception = try await service.receive("HS-I", procedure: "giay-phep-5-ngay", input: input, by: deskClerk, at: vnTime("2026-02-14T10:00"))
        #expect(!reception.received)
        #expect(reception.assessment.missing.map(\.id) == ["site_plan"])
        #expect(reception.dossier.phase == .refusedAtIntake)
        #expect(reception.dossier.intakeRefusal?.missing == ["site_plan"])
        #expect(reception.dossier.statutoryDue == nil, "no clock for a dossier not received")
        let summary = try #require(try await service.list(DossierQuery(phases: [.refusedAtIntake])).first)
        #expect(summary.id == "HS-I" && summary.channel == .online && summary.receivedAt == nil)
    }

    /// The queries a centre runs all day.
    @Test func queries() async throws {
        let service = service()
        func receive(_ id: DossierID, _ at: String, inspection: Bool = false) async throws {
            _ = try await service.receive(id, procedure: "giay-phep-5-ngay", input: l.permitInput(at: at, inspection: inspection), by: deskClerk, at: vnTime(at))
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
        #expect(try await service.list(DossierQuery(step: "review")).map(\.id) == ["B", "C", "A"], "C is paused at review")
        #expect(try await service.list(DossierQuery(phases: [.processing], role: "officer")).map(\.id) == ["B", "A"])
        #expect(try await service.list(DossierQuery(role: "land_officer")).map(\.id) == ["D"])
        #expect(try await service.list(DossierQuery(agency: "van-phong-dang-ky-dat-dai")).map(\.id) == ["D"])
        #expect(try await service.list(DossierQuery(phases: [.paused])).map(\.id) == ["C"])
        #expect(try await service.list(DossierQuery(phases: [.resultReady])).map(\.id) == ["E"])
        #expect(try await service.list(DossierQuery(phases: [.resultReady], step: "handover")).first?.punctuality == .early)
        #expect(try await service.list(.open).count == 5)
        #expect(try await service.list(DossierQuery(receivedFrom: vnTime("2026-03-09T00:00"))).map(\.id) == ["A", "D"])
        #expect(try await service.list(DossierQuery(limit: 2)).count == 2)
        let paused = try #require(try await service.store.summary(of: "C"))
        #expect(paused.clockStopped && paused.stoppedSince == vnTime("2026-03-04T08:00"))

        let status = try await service.status(of: "B", at: now)
        #expect(status.timeliness == .overdue)
        #expect(status.workingSecondsLeft.map { $0 < 0 } == true)
        await #expect(throws: DossierServiceError.notFound("Z")) { try await service.dossier("Z") }
    }

    /// Events survive JSON (the form SQL stores keep them in) and replay to the same dossier.
    @Test func eventsRoundTripThroughJSON() async throws {
        let service = service()
        _ = try await service.receive("HS-J", procedure: "giay-phep-3-ngay", input: l.permitInput(at: "2026-02-13T09:00", inspection: true), by: deskClerk, at: vnTime("2026-02-13T09:00"))
        try await service.act(on: "HS-J", .approve(step: "intake"), by: deskClerk, at: vnTime("2026-02-13T10:00"), note: "Đã kiểm tra đủ")
        try await service.act(on: "HS-J", .requestSupplement(papers: ["site_plan"], reason: "Bổ sung"), by: reviewOfficer, at: vnTime("2026-02-23T10:00"))
        try await service.act(on: "HS-J", .receiveSupplement(papers: [SubmittedPaper(id: "site_plan", copy: 2)]), by: deskClerk, at: vnTime("2026-02-24T10:00"))
        try await service.act(on: "HS-J", .extend(appointment: vnTime("2026-03-10T17:00"), reason: "Xin lỗi"), by: reviewOfficer, at: vnTime("2026-02-25T10:00"))
        try await service.act(on: "HS-J", .approve(step: "review"), by: reviewOfficer, at: vnTime("2026-02-26T10:00"))
        let history = try await service.history("HS-J")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(history)
        let decoded = try JSONDecoder().decode([DossierEvent].self, from: data)
        #expect(decoded == history)
        #expect(try Dossier.replay(decoded) == (try await service.dossier("HS-J")))
        #expect(history.allSatisfy { $0.catalogRevision == l.catalog.revision })
        #expect(history[1].note == "Đã kiểm tra đủ")
        #expect(history.map(\.kind.name) == ["received", "step_completed", "supplement_requested", "supplement_received", "extended", "step_completed", "transferred"])
        #expect(history[6].kind.vietnamese == "Chuyển hồ sơ từ ubnd-xa đến van-phong-dang-ky-dat-dai")
    }

    @Test func replayRejectsABrokenHistory() throws {
        let d = try l.received(at: "2026-03-09T08:00")
        var events = try d.decide(.approve(step: "intake"), at: vnTime("2026-03-09T09:00"), by: deskClerk, in: l.context)
        events[0].sequence = 3
        var copy = d
        #expect(throws: DossierError.self) { try copy.apply(contentsOf: events) }
        #expect(throws: DossierError.self) { try Dossier.replay([]) }
    }
}
