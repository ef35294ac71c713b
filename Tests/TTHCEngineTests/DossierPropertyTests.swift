import Testing
import TTHCCalendar
import TTHCEngine
import TTHCModel

/// A small deterministic generator (DossierRNG), so failures reproduce from their seed.
struct DossierRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random command sequences: whatever is accepted, the dossier equals the replay of its events,
/// and the invariants of the lifecycle hold.
@Suite struct DossierPropertyTests {
    let l: Lifecycle
    init() throws { l = try Lifecycle.make() }

    static let actors = [deskClerk, reviewOfficer, signingChairman, registryOfficer, taxOffice, strayRegistryOfficer]
    static let procedures = ["giay-phep-5-ngay", "giay-phep-3-ngay", "giay-phep-3-ngay-tinh-lai"]
    static let stepIDs = ["intake", "review", "inspection", "sign", "handover", "nowhere"]

    func randomCommand(_ d: Dossier, _ now: Instant, _ rng: inout DossierRNG) -> DossierCommand {
        let current = d.currentStep ?? "intake"
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<30: return .approve(step: Int.random(in: 0..<4, using: &rng) == 0 ? Self.stepIDs.randomElement(using: &rng)! : current)
        case 30..<36: return .sendBack(step: current, to: Self.stepIDs.randomElement(using: &rng)!, reason: "Làm lại")
        case 36..<42: return .requestSupplement(papers: ["site_plan"], reason: "Bổ sung")
        case 42..<50: return .receiveSupplement(papers: [SubmittedPaper(id: "site_plan")])
        case 50..<56: return .pause(reason: "Chờ nghĩa vụ tài chính")
        case 56..<64: return .resume
        case 64..<67: return .transfer(to: ["ubnd-xa", "co-quan-thue", "van-phong-dang-ky-dat-dai"].randomElement(using: &rng)!, reason: "Liên thông")
        case 67..<71: return .extend(appointment: now.adding(seconds: Int.random(in: -86_400...1_000_000, using: &rng)), reason: "Xin lỗi")
        case 71..<73: return .refuse(reasons: ["Không đủ điều kiện"])
        case 73..<78: return .markResultReady
        case 78..<86: return .handOver
        case 86..<88: return .withdraw(reason: nil)
        case 88..<96: return .recordPayment(amount: [0, 10_000, 50_000].randomElement(using: &rng)!, reference: nil)
        default: return .receive(procedure: "giay-phep-5-ngay", input: l.permitInput(at: "2026-03-09T08:00"))
        }
    }

    @Test(arguments: 1...60)
    func replayEqualsFold(seed: Int) throws {
        var rng = DossierRNG(seed: UInt64(seed))
        // Receipts spread over 2026, at any hour (week-ends and holidays included).
        var now = vnTime("2026-01-05T00:00").adding(seconds: Int.random(in: 0...(300 * 86_400), using: &rng))
        let procedure = Self.procedures.randomElement(using: &rng)!
        var input = l.permitInput(at: "2026-01-01T00:00", inspection: Bool.random(using: &rng))
        input.received = now
        var dossier = Dossier(id: DossierID("P-\(seed)"))
        var history: [DossierEvent] = []
        if seed % 10 == 0 {
            history += try dossier.handle(.refuseAtIntake(procedure: procedure, input: input, missing: ["site_plan"], reasons: []), at: now, by: deskClerk, in: l.context)
        } else {
            history += try dossier.handle(.receive(procedure: procedure, input: input), at: now, by: deskClerk, in: l.context)
        }
        let originalDue = dossier.statutoryDue
        var accepted = 0
        for _ in 0..<80 {
            now = now.adding(seconds: Int.random(in: 0...(2 * 86_400), using: &rng))
            let command = randomCommand(dossier, now, &rng)
            let actor = Self.actors.randomElement(using: &rng)!
            let before = dossier
            do {
                let events = try dossier.handle(command, at: now, by: actor, in: l.context)
                accepted += 1
                #expect(!events.isEmpty)
                #expect(events.map(\.sequence) == Array((before.version + 1)...(before.version + events.count)))
                #expect(events.allSatisfy { $0.at == now && $0.actor == actor && $0.dossier == dossier.id })
                #expect(!(before.phase?.isFinal ?? false), "nothing is accepted after a final state")
                history += events
            } catch {
                #expect(dossier == before, "a refused command changes nothing")
                if before.phase?.isFinal == true, command.action != .receive, command.action != .refuseAtIntake {
                    #expect(error.code == "dossier-finished")
                }
            }
            // Invariants of the fold.
            #expect(dossier.version == history.count)
            if let due = dossier.statutoryDue, let original = originalDue { #expect(due >= original, "the clock only moves the due later") }
            if dossier.phase == .processing || dossier.phase == .paused || dossier.phase == .awaitingSupplement {
                #expect(dossier.currentStep == dossier.state.step)
            }
            #expect(dossier.steps.dropLast().allSatisfy { $0.ended != nil })
            if dossier.receipt != nil {
                _ = try dossier.status(at: now, in: l.context)
                let summary = try DossierSummary(dossier, in: l.context)
                #expect(summary.version == dossier.version && summary.phase == dossier.phase)
            }
        }
        let replayed = try Dossier.replay(history)
        #expect(replayed == dossier)
        #expect(history.reduce(Dossier(id: dossier.id), Dossier.evolve) == dossier)
        _ = accepted
    }

    /// Over all seeds, the generator reaches every phase (so the property above is not vacuous).
    @Test func generatorCoversThePhases() throws {
        var seen = Set<DossierPhase>()
        for seed in 1...200 {
            var rng = DossierRNG(seed: UInt64(seed))
            var now = vnTime("2026-03-02T08:00").adding(seconds: Int.random(in: 0...(200 * 86_400), using: &rng))
            var input = l.permitInput(at: "2026-01-01T00:00")
            input.received = now
            var dossier = Dossier(id: "G")
            try dossier.handle(.receive(procedure: Self.procedures.randomElement(using: &rng)!, input: input), at: now, by: deskClerk, in: l.context)
            for _ in 0..<80 {
                now = now.adding(seconds: Int.random(in: 0...86_400, using: &rng))
                let command = randomCommand(dossier, now, &rng)
                _ = try? dossier.handle(command, at: now, by: Self.actors.randomElement(using: &rng)!, in: l.context)
                if let phase = dossier.phase { seen.insert(phase) }
            }
        }
        #expect(seen == Set(DossierPhase.allCases).subtracting([.refusedAtIntake]))
    }
}
