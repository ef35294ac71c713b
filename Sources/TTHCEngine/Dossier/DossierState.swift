public import TTHCCalendar
public import TTHCModel

/// Where a dossier stands, without details: for listings, queries and storage.
public enum DossierPhase: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// At a workflow step, the clock running.
    case processing
    /// Waiting for the applicant's supplement; the clock stopped.
    case awaitingSupplement = "awaiting_supplement"
    /// Paused; the clock stopped.
    case paused
    /// The result is ready for the applicant.
    case resultReady = "result_ready"
    /// The result was handed over (final).
    case handedOver = "handed_over"
    /// Refused with reasons after receipt (final).
    case refused
    /// Not received at the desk (final).
    case refusedAtIntake = "refused_at_intake"
    /// Withdrawn at the applicant's request (final).
    case withdrawn

    /// Whether nothing may happen any more.
    public var isFinal: Bool {
        switch self {
        case .handedOver, .refused, .refusedAtIntake, .withdrawn: true
        case .processing, .awaitingSupplement, .paused, .resultReady: false
        }
    }

    /// Whether the statutory clock stands still.
    public var clockStopped: Bool { self == .awaitingSupplement || self == .paused }

    /// The phase in Vietnamese ("đang giải quyết" …), to follow "hồ sơ".
    public var vietnamese: String {
        switch self {
        case .processing: "đang giải quyết"
        case .awaitingSupplement: "đang chờ bổ sung"
        case .paused: "đang tạm dừng"
        case .resultReady: "đã có kết quả, chờ trả"
        case .handedOver: "đã trả kết quả"
        case .refused: "đã bị từ chối giải quyết"
        case .refusedAtIntake: "không được tiếp nhận"
        case .withdrawn: "đã được rút"
        }
    }

    /// The phase in English, to follow "the dossier is".
    public var english: String {
        switch self {
        case .processing: "being processed"
        case .awaitingSupplement: "waiting for a supplement"
        case .paused: "paused"
        case .resultReady: "ready for handover"
        case .handedOver: "handed over"
        case .refused: "refused"
        case .refusedAtIntake: "refused at intake"
        case .withdrawn: "withdrawn"
        }
    }

    /// The raw value.
    public var description: String { rawValue }
}

/// The lifecycle as an enum state machine (STYLE.md 12). Each case carries what that state alone
/// needs; the rest of the record is in ``Dossier``.
public enum DossierState: Sendable, Hashable, Codable {
    /// No event yet.
    case unopened
    /// At a workflow step.
    case processing(step: String)
    /// Waiting for a supplement asked at `step` since `since`.
    case awaitingSupplement(step: String, since: Instant)
    /// Paused at `step` since `since`.
    case paused(step: String, since: Instant, reason: String)
    /// The result has been ready since `at`.
    case resultReady(at: Instant)
    /// Handed over at `at`.
    case handedOver(at: Instant)
    /// Refused at `at`.
    case refused(at: Instant)
    /// Not received (at `at`).
    case refusedAtIntake(at: Instant)
    /// Withdrawn at `at`.
    case withdrawn(at: Instant)

    /// The phase, nil before the first event.
    public var phase: DossierPhase? {
        switch self {
        case .unopened: nil
        case .processing: .processing
        case .awaitingSupplement: .awaitingSupplement
        case .paused: .paused
        case .resultReady: .resultReady
        case .handedOver: .handedOver
        case .refused: .refused
        case .refusedAtIntake: .refusedAtIntake
        case .withdrawn: .withdrawn
        }
    }

    /// The step a processing, waiting or paused dossier is at.
    public var step: String? {
        switch self {
        case .processing(let s), .awaitingSupplement(let s, _), .paused(let s, _, _): s
        default: nil
        }
    }

    /// When the clock stopped, for a waiting or paused dossier.
    public var stoppedSince: Instant? {
        switch self {
        case .awaitingSupplement(_, let since), .paused(_, let since, _): since
        default: nil
        }
    }
}

/// One passage of a dossier through a step.
public struct StepVisit: Sendable, Hashable, Codable {
    /// The step id.
    public var step: String
    /// When the dossier entered it.
    public var started: Instant
    /// Its due instant (from the step's `takes`, moved by clock stops), nil without a budget.
    public var due: Instant?
    /// When it left it, nil while there.
    public var ended: Instant?
    /// How it left.
    public var outcome: StepOutcome?

    /// Creates a visit.
    public init(step: String, started: Instant, due: Instant?, ended: Instant? = nil, outcome: StepOutcome? = nil) {
        self.step = step
        self.started = started
        self.due = due
        self.ended = ended
        self.outcome = outcome
    }
}

/// A dossier: the fold of its events. ``Dossier/evolve(_:_:)`` (or ``apply(_:)``) adds one event;
/// ``replay(_:)`` folds a history; ``decide(_:at:by:note:in:)`` turns a command into events. The
/// dossier is a plain value: no I/O, no clock.
public struct Dossier: Sendable, Hashable, Codable {
    /// The id.
    public private(set) var id: DossierID
    /// The number of events applied (the expected version for the next append).
    public private(set) var version: Int = 0
    /// The state machine.
    public private(set) var state: DossierState = .unopened
    /// The receipt, once received.
    public private(set) var receipt: DossierReceipt?
    /// The refusal at intake, if the dossier was not received.
    public private(set) var intakeRefusal: IntakeRefusal?
    /// Every paper handed in, supplements included.
    public private(set) var papers: [SubmittedPaper] = []
    /// The statutory due as the clock stands (moved by stops, restarted by a `.restart`
    /// supplement, never by an extension). For day-based times it may fall inside a day; compare
    /// by date.
    public private(set) var statutoryDue: Instant?
    /// The appointment told to the applicant: the statutory due, or the last extension's date.
    public private(set) var appointment: Instant?
    /// Extensions granted, in order.
    public private(set) var extensions: [AppointmentExtension] = []
    /// The steps visited, in order (a step visited twice after rework appears twice).
    public private(set) var steps: [StepVisit] = []
    /// The agency holding the dossier.
    public private(set) var agency: String?
    /// The ward the dossier belongs to: that of the clerk who received (or refused) it.
    public private(set) var ward: String?
    /// Supplement requests made during processing.
    public private(set) var supplementRequests: Int = 0
    /// Total working seconds the clock stood still (pauses and `.resume` supplements).
    public private(set) var stoppedWorkingSeconds: Int = 0
    /// Fees paid, in đồng.
    public private(set) var feePaid: Int = 0
    /// When the processing ended with a result (ready or refused): the instant classified.
    public private(set) var resultAt: Instant?
    /// The instant of the last event.
    public private(set) var lastEventAt: Instant?
    /// The catalogue revision of the last event.
    public private(set) var catalogRevision: String?

    /// An empty dossier (no event yet).
    public init(id: DossierID) { self.id = id }

    /// The phase, nil before the first event.
    public var phase: DossierPhase? { state.phase }

    /// The step the dossier is at: the workflow step being processed, or the desk's return step
    /// while the result waits there.
    public var currentStep: String? {
        guard let last = steps.last, last.ended == nil else { return nil }
        return last.step
    }

    /// The visit of the current step.
    public var currentVisit: StepVisit? {
        guard let last = steps.last, last.ended == nil else { return nil }
        return last
    }

    /// The fee still owed, in đồng (never negative; 0 when the fee was not determined at receipt).
    public var feeOwed: Int { max(0, (receipt?.fee ?? 0) - feePaid) }

    /// Folds a history from the start.
    /// - Throws: ``DossierError/corruptHistory(_:)`` when the sequence numbers do not run 1, 2, 3 …
    ///   or the events belong to different dossiers.
    public static func replay(_ events: [DossierEvent]) throws(DossierError) -> Dossier {
        guard let first = events.first else { throw .corruptHistory("empty history / lịch sử rỗng") }
        var dossier = Dossier(id: first.dossier)
        try dossier.apply(contentsOf: events)
        return dossier
    }

    /// Applies events that follow the current version.
    /// - Throws: ``DossierError/corruptHistory(_:)`` on a gap, a repeat or a foreign event.
    public mutating func apply(contentsOf events: [DossierEvent]) throws(DossierError) {
        for event in events {
            guard event.dossier == id else { throw .corruptHistory("event of \(event.dossier) in \(id)") }
            guard event.sequence == version + 1 else { throw .corruptHistory("event \(event.sequence) after version \(version)") }
            apply(event)
        }
    }

    /// `evolve`: the dossier after one event (pure).
    public static func evolve(_ dossier: Dossier, _ event: DossierEvent) -> Dossier {
        var next = dossier
        next.apply(event)
        return next
    }

    /// Applies one event. Events are trusted (they were decided against this state); sequence
    /// checks are in ``apply(contentsOf:)``.
    public mutating func apply(_ event: DossierEvent) {
        version = event.sequence
        lastEventAt = event.at
        if event.sequence == 1 { ward = event.actor.ward }
        catalogRevision = event.catalogRevision
        switch event.kind {
        case .received(let r):
            receipt = r
            papers = r.papers
            statutoryDue = r.statutoryDue
            appointment = r.statutoryDue
            agency = r.agency
            steps = [StepVisit(step: r.firstStep, started: r.receivedAt, due: r.firstStepDue)]
            state = .processing(step: r.firstStep)
        case .refusedAtIntake(let r):
            intakeRefusal = r
            papers = r.papers
            state = .refusedAtIntake(at: event.at)
        case .supplementRequested(let s):
            supplementRequests += 1
            state = .awaitingSupplement(step: s.step, since: event.at)
        case .supplementReceived(let s):
            papers += s.papers
            restart(s.clock)
        case .paused(let p):
            if let step = state.step { state = .paused(step: step, since: event.at, reason: p.reason) }
        case .resumed(let r):
            restart(r.clock)
        case .stepCompleted(let c):
            closeVisit(at: event.at, c.outcome)
            steps.append(StepVisit(step: c.to, started: event.at, due: c.stepDue))
            state = .processing(step: c.to)
        case .transferred(let t):
            agency = t.to
        case .extended(let e):
            extensions.append(e)
            appointment = e.appointment
        case .refused:
            closeVisit(at: event.at, .closed)
            resultAt = event.at
            state = .refused(at: event.at)
        case .resultReady(let r):
            closeVisit(at: event.at, .approved)
            if let step = r.returnStep { steps.append(StepVisit(step: step, started: event.at, due: r.returnStepDue)) }
            resultAt = event.at
            state = .resultReady(at: event.at)
        case .handedOver:
            closeVisit(at: event.at, .closed)
            state = .handedOver(at: event.at)
        case .withdrawn:
            closeVisit(at: event.at, .closed)
            state = .withdrawn(at: event.at)
        case .feePaid(let f):
            feePaid += f.amount
        }
    }

    /// The dossier after one event.
    public func applying(_ event: DossierEvent) -> Dossier { Self.evolve(self, event) }

    private mutating func restart(_ clock: ClockUpdate) {
        stoppedWorkingSeconds += clock.stoppedWorkingSeconds
        statutoryDue = clock.statutoryDue
        appointment = clock.appointment
        if let i = steps.indices.last, steps[i].ended == nil { steps[i].due = clock.stepDue }
        if let step = state.step { state = .processing(step: step) }
    }

    private mutating func closeVisit(at instant: Instant, _ outcome: StepOutcome) {
        guard let i = steps.indices.last, steps[i].ended == nil else { return }
        steps[i].ended = instant
        steps[i].outcome = outcome
    }
}
