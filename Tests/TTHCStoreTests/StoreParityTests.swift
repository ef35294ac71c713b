import Foundation
import Testing
import TTHCCalendar
import TTHCEngine
import TTHCModel

/// The SQLite and PostgreSQL stores answer every query exactly as `DossierQuery.matches` does on
/// the in-memory store: a random population of dossiers (received over February–April 2026, taken
/// through random legal actions) is written to both stores in lockstep, then hundreds of random
/// queries are compared with the reference filter.
@Suite(.storeCleanup) struct StoreParityTests {
    static let actors = [deskClerk, reviewOfficer, signingChairman, registryOfficer, taxOfficer]
    static let procedures = ["giay-phep-5-ngay", "giay-phep-3-ngay", "giay-phep-3-ngay-tinh-lai", "xac-nhan-4-gio"]

    @Test(arguments: [StoreKind.sqlite, .postgres], [11, 2026, 90_210] as [UInt64])
    func durableStoresAnswerLikeTheReference(_ kind: StoreKind, seed: UInt64) async throws {
        let f = try StoreFixture.make()
        let memory = DossierService(store: InMemoryDossierStore(), context: f.context)
        let durable = DossierService(store: try await kind.make(), context: f.context)
        var rng = SeededGenerator(seed: seed)
        let start = vnTime("2026-02-02T07:30")

        for n in 0..<60 {
            let id = DossierID("HS-\(seed)-\(n < 10 ? "0" : "")\(n)" + (n % 7 == 0 ? "-Đ" : ""))
            let procedure = Self.procedures.randomElement(using: &rng) ?? "giay-phep-5-ngay"
            var t = start.adding(seconds: Int.random(in: 0..<80, using: &rng) * 86_400 + Int.random(in: 0..<36_000, using: &rng))
            var papers = procedure == "xac-nhan-4-gio" ? [SubmittedPaper(id: "application")]
                : [SubmittedPaper(id: "application"), SubmittedPaper(id: "site_plan"), SubmittedPaper(id: "identity_document")]
            if Int.random(in: 0..<10, using: &rng) == 0 { papers.removeLast() }
            let facts: [String: Value] = procedure != "xac-nhan-4-gio" && Bool.random(using: &rng) ? ["needs_inspection": .bool(true)] : [:]
            let input = DossierInput(facts: facts, channel: Bool.random(using: &rng) ? .online : .inPerson, papers: papers, received: t)
            let a = try await memory.receive(id, procedure: procedure, input: input, by: deskClerk, at: t)
            let b = try await durable.receive(id, procedure: procedure, input: input, by: deskClerk, at: t)
            #expect(a.events == b.events)
            var dossier = a.dossier
            for _ in 0..<Int.random(in: 0...12, using: &rng) {
                t = t.adding(seconds: Int.random(in: 1_800...(3 * 86_400), using: &rng))
                let command = Self.command(for: dossier, at: t, using: &rng)
                guard let actor = Self.actors.first(where: { (try? dossier.decide(command, at: t, by: $0, in: f.context)) != nil }) else { continue }
                let x = try await memory.act(on: id, command, by: actor, at: t)
                let y = try await durable.act(on: id, command, by: actor, at: t)
                #expect(x.events == y.events)
                dossier = x.dossier
            }
        }

        let all = try await memory.list(.all)
        #expect(all.count == 60)
        #expect(try await durable.list(.all) == all)
        for summary in all {
            let history = try await durable.history(summary.id)
            #expect(history == (try await memory.history(summary.id)))
            #expect(try Dossier.replay(history) == (try await memory.dossier(summary.id)))
        }

        var mismatches: [String] = []
        for _ in 0..<400 {
            let query = Self.query(from: start, using: &rng)
            let expected = Array(all.filter(query.matches).sorted(by: DossierQuery.precedes).prefix(query.limit ?? .max))
            let fromMemory = try await memory.list(query)
            let fromDurable = try await durable.list(query)
            if fromMemory != expected || fromDurable != expected {
                mismatches.append("\(query): expected \(expected.map(\.id)), memory \(fromMemory.map(\.id)), \(kind) \(fromDurable.map(\.id))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3).joined(separator: "\n"))")
        // The population must exercise the interesting branches.
        let phases = Set(all.map(\.phase))
        #expect(phases.isSuperset(of: [.processing, .resultReady, .handedOver, .refusedAtIntake]), "\(phases)")
    }

    /// A random command, weighted towards moving the dossier on.
    static func command(for dossier: Dossier, at t: Instant, using rng: inout SeededGenerator) -> DossierCommand {
        let step = dossier.currentStep ?? "review"
        if dossier.phase == .resultReady, Bool.random(using: &rng) {
            return dossier.feeOwed > 0 ? .recordPayment(amount: dossier.feeOwed, reference: "BL") : .handOver
        }
        let choices: [DossierCommand] = [
            .approve(step: step), .approve(step: step), .approve(step: step), .approve(step: step), .markResultReady,
            .sendBack(step: step, to: step == "sign" ? "review" : "intake", reason: "Làm lại"),
            .requestSupplement(papers: ["site_plan"], reason: "Bổ sung bản vẽ"), .receiveSupplement(papers: [SubmittedPaper(id: "site_plan")]),
            .pause(reason: "Chờ nghĩa vụ tài chính"), .resume, .transfer(to: "co-quan-thue", reason: "Lấy ý kiến"),
            .extend(appointment: t.adding(seconds: 10 * 86_400), reason: "Xin lỗi"), .refuse(reasons: ["Không đủ điều kiện"]),
            .withdraw(reason: nil), .recordPayment(amount: 50_000, reference: "BL"), .recordPayment(amount: 50_000, reference: "BL"), .handOver, .handOver,
        ]
        return choices.randomElement(using: &rng) ?? .resume
    }

    /// A random query over the population's values, with instants from February to May 2026.
    static func query(from start: Instant, using rng: inout SeededGenerator) -> DossierQuery {
        func maybe<T>(_ values: [T]) -> T? {
            Int.random(in: 0..<3, using: &rng) == 0 ? values.randomElement(using: &rng) : nil
        }
        func instant() -> Instant? {
            Int.random(in: 0..<4, using: &rng) == 0 ? start.adding(seconds: Int.random(in: 0..<(110 * 86_400), using: &rng)) : nil
        }
        var query = DossierQuery()
        if Int.random(in: 0..<4, using: &rng) == 0 {
            query.phases = Set(DossierPhase.allCases.filter { _ in Bool.random(using: &rng) })
        }
        query.procedure = maybe(procedures + ["khong-co"])
        query.step = maybe(["intake", "review", "inspection", "sign", "handover", "confirm", "khong-co"])
        query.role = maybe(["one_stop_clerk", "officer", "chairman", "land_officer"])
        query.agency = maybe(["ubnd-xa", "van-phong-dang-ky-dat-dai", "co-quan-thue"])
        query.overdueAt = instant()
        query.notOverdueAt = instant()
        query.dueBy = instant()
        query.receivedFrom = instant()
        query.receivedBefore = instant()
        query.limit = maybe([0, 1, 3, 10])
        return query
    }
}
