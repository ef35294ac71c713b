public import TTHCCalendar
public import TTHCModel

/// What decisions are judged by: the compiled catalogue (procedures and the revision recorded in
/// events), the working calendars by id, the province's fee schedule and the policy.
public struct DossierContext: Sendable {
    /// The compiled catalogue.
    public var catalog: Catalog
    /// Working calendars by id (at least every calendar the procedures use).
    public var calendars: [String: WorkingCalendar]
    /// The province's fee schedule, for fees left to the province.
    public var feeSchedule: FeeSchedule?
    /// Who may do what, and the supplement limit.
    public var policy: DossierPolicy

    /// Creates a context.
    public init(catalog: Catalog, calendars: [String: WorkingCalendar], feeSchedule: FeeSchedule? = nil, policy: DossierPolicy = DossierPolicy()) {
        self.catalog = catalog
        self.calendars = calendars
        self.feeSchedule = feeSchedule
        self.policy = policy
    }

    /// The assessor over these calendars and this fee schedule.
    public var assessor: Assessor { Assessor(calendars: calendars, feeSchedule: feeSchedule) }

    /// The calendar with this id.
    public func calendar(_ id: String) throws(DossierError) -> WorkingCalendar {
        guard let calendar = calendars[id] else { throw .unknownCalendar(id) }
        return calendar
    }

    /// The procedure and version a received dossier is judged by.
    public func version(of receipt: DossierReceipt) throws(DossierError) -> (Procedure, ProcedureVersion) {
        guard let procedure = catalog.procedure(receipt.procedure) else { throw .unknownProcedure(receipt.procedure) }
        guard let version = procedure.versions.first(where: { $0.effective == receipt.version }) else {
            throw .versionUnavailable(procedure: receipt.procedure, effective: receipt.version)
        }
        return (procedure, version)
    }
}

extension Dossier {
    /// Decides a command at `instant` by `actor`: the events it produces, or why it is refused.
    /// Pure: the dossier is not changed (see ``handle(_:at:by:note:in:)``).
    public func decide(_ command: DossierCommand, at instant: Instant, by actor: DossierActor, note: String? = nil,
                       in context: DossierContext) throws(DossierError) -> [DossierEvent] {
        var decision = Decision(dossier: self, instant: instant, actor: actor, note: note, context: context)
        return try decision.run(command)
    }

    /// `decide`: the events `command` produces on `dossier`.
    public static func decide(_ command: DossierCommand, _ dossier: Dossier, at instant: Instant, by actor: DossierActor, note: String? = nil,
                              in context: DossierContext) throws(DossierError) -> [DossierEvent] {
        try dossier.decide(command, at: instant, by: actor, note: note, in: context)
    }

    /// Decides a command and applies its events: the transition of the state machine. On an error
    /// the dossier is left as it was.
    @discardableResult
    public mutating func handle(_ command: DossierCommand, at instant: Instant, by actor: DossierActor, note: String? = nil,
                                in context: DossierContext) throws(DossierError) -> [DossierEvent] {
        let events = try decide(command, at: instant, by: actor, note: note, in: context)
        for event in events { apply(event) }
        return events
    }
}

/// One decision in progress: the checks and computations of ``Dossier/decide(_:at:by:note:in:)``.
struct Decision {
    let dossier: Dossier
    let instant: Instant
    let actor: DossierActor
    let note: String?
    let context: DossierContext
    var events: [DossierEvent] = []

    init(dossier: Dossier, instant: Instant, actor: DossierActor, note: String?, context: DossierContext) {
        self.dossier = dossier
        self.instant = instant
        self.actor = actor
        self.note = note
        self.context = context
    }

    var policy: DossierPolicy { context.policy }

    mutating func emit(_ kind: DossierEventKind) {
        events.append(DossierEvent(dossier: dossier.id, sequence: dossier.version + events.count + 1, at: instant, actor: actor,
                                   note: note, catalogRevision: context.catalog.revision, kind: kind))
    }

    mutating func run(_ command: DossierCommand) throws(DossierError) -> [DossierEvent] {
        if let last = dossier.lastEventAt, instant < last { throw .instantBeforeLastEvent(last: last, given: instant) }
        switch command {
        case .receive(let procedure, let input):
            try receive(procedure, input)
            return events
        case .refuseAtIntake(let procedure, let input, let missing, let reasons):
            try refuseAtIntake(procedure, input, missing, reasons)
            return events
        default:
            break
        }
        let action = command.action
        guard let receipt = dossier.receipt, let phase = dossier.phase else {
            if let phase = dossier.phase { throw .finished(dossier.id, phase, action) }
            throw .notReceived(dossier.id)
        }
        if phase.isFinal { throw .finished(dossier.id, phase, action) }
        if let ward = dossier.ward, !actor.serves(ward: ward) { throw .wrongWard(action, ward: ward, actor: actor) }
        let (procedure, version) = try context.version(of: receipt)
        let workflow = Workflow(procedure: procedure, version: version, receipt: receipt, calendar: try context.calendar(receipt.calendar), policy: policy)

        switch command {
        case .receive, .refuseAtIntake:
            break
        case .requestSupplement(let papers, let reason):
            let step = try stepAction(action, phase, allowed: [.processing], workflow)
            try require(reason, action)
            let known = Set(version.allPapers.map(\.id))
            if let unknown = papers.first(where: { !known.contains($0) }) { throw .unknownPaper(unknown) }
            if let limit = policy.supplementLimit, dossier.supplementRequests >= limit { throw .supplementLimitReached(limit: limit) }
            emit(.supplementRequested(SupplementRequest(step: step.id, papers: papers, reason: reason, clock: version.deadline.onSupplement)))

        case .receiveSupplement(let papers):
            guard phase == .awaitingSupplement, case .awaitingSupplement(let stepID, let since) = dossier.state else { throw .wrongPhase(action, phase) }
            let step = try workflow.step(stepID)
            guard policy.isDesk(actor) || actor.holds(step.role) else {
                throw .roleRequired(action, step: StepRef(step), roles: policy.deskRoles.sorted() + [step.role], actor: actor)
            }
            let known = Set(version.allPapers.map(\.id))
            if let unknown = papers.first(where: { !known.contains($0.id) }) { throw .unknownPaper(unknown.id) }
            if receipt.onSupplement == .restart {
                let due = try workflow.statutoryDue(from: instant)
                let stepDue = try workflow.stepDue(step, from: instant)
                emit(.supplementReceived(SupplementReceipt(papers: papers, restarted: true,
                                                           clock: ClockUpdate(stoppedWorkingSeconds: 0, statutoryDue: due, appointment: due, stepDue: stepDue))))
            } else {
                emit(.supplementReceived(SupplementReceipt(papers: papers, restarted: false, clock: try workflow.carry(dossier, stoppedSince: since, until: instant))))
            }

        case .pause(let reason):
            _ = try stepAction(action, phase, allowed: [.processing], workflow)
            try require(reason, action)
            emit(.paused(Pause(reason: reason)))

        case .resume:
            guard case .paused(let stepID, let since, _) = dossier.state else { throw .wrongPhase(action, phase) }
            let step = try workflow.step(stepID)
            guard policy.isDesk(actor) || actor.holds(step.role) else {
                throw .roleRequired(action, step: StepRef(step), roles: [step.role] + policy.deskRoles.sorted(), actor: actor)
            }
            emit(.resumed(Resumption(clock: try workflow.carry(dossier, stoppedSince: since, until: instant))))

        case .approve(let stepID):
            guard phase == .processing, let currentID = dossier.state.step else { throw .wrongPhase(action, phase) }
            let requested = try workflow.step(stepID)
            let current = try workflow.step(currentID)
            guard requested.id == current.id else { throw .notCurrentStep(requested: StepRef(requested), current: StepRef(current)) }
            _ = try stepAction(action, phase, allowed: [.processing], workflow)
            try advance(from: current, workflow)

        case .markResultReady:
            let current = try stepAction(action, phase, allowed: [.processing], workflow)
            let target = try workflow.target(after: current)
            if case .step(let next) = target, !workflow.isReturnStep(next) {
                throw .stepsRemain(current: StepRef(current), next: StepRef(try workflow.step(next)))
            }
            try advance(from: current, workflow)

        case .sendBack(let stepID, let to, let reason):
            guard phase == .processing, let currentID = dossier.state.step else { throw .wrongPhase(action, phase) }
            let requested = try workflow.step(stepID)
            let current = try workflow.step(currentID)
            guard requested.id == current.id else { throw .notCurrentStep(requested: StepRef(requested), current: StepRef(current)) }
            _ = try stepAction(action, phase, allowed: [.processing], workflow)
            guard current.rework.contains(to) else { throw .notAReworkTarget(step: StepRef(current), target: to, allowed: current.rework) }
            try require(reason, action)
            let target = try workflow.step(to)
            emit(.stepCompleted(StepCompletion(step: current.id, outcome: .sentBack, to: target.id,
                                               stepDue: try workflow.stepDue(target, from: instant), reason: reason)))
            transferIfNeeded(to: workflow.agency(of: target))

        case .transfer(let to, let reason):
            _ = try stepAction(action, phase, allowed: [.processing], workflow)
            try require(reason, action)
            let holding = dossier.agency ?? receipt.agency
            let known = context.catalog.agencies.isEmpty || context.catalog.agencies.contains { $0.id == to }
            guard to != holding, known else { throw .badTransfer(to: to, holding: holding) }
            emit(.transferred(Transfer(from: holding, to: to, reason: reason)))

        case .extend(let appointment, let reason):
            guard phase == .processing || phase == .paused, let stepID = dossier.state.step else { throw .wrongPhase(action, phase) }
            let step = try workflow.step(stepID)
            guard policy.isDesk(actor) || actor.holds(step.role) else {
                throw .roleRequired(action, step: StepRef(step), roles: [step.role] + policy.deskRoles.sorted(), actor: actor)
            }
            try require(reason, action)
            guard let current = dossier.appointment ?? receipt.statutoryDue else { throw .noAppointmentToExtend }
            guard appointment > current, appointment > instant else { throw .extensionNotLater(current: current, proposed: appointment) }
            emit(.extended(AppointmentExtension(previous: current, appointment: appointment, reason: reason)))

        case .refuse(let reasons):
            let step = try stepAction(action, phase, allowed: [.processing, .awaitingSupplement], workflow)
            let given = reasons.filter { !$0.isBlank }
            guard !given.isEmpty else { throw .reasonRequired(action) }
            emit(.refused(Refusal(step: step.id, reasons: given)))

        case .handOver:
            guard phase == .resultReady else { throw .wrongPhase(action, phase) }
            try requireDesk(action)
            if policy.paymentBeforeHandover, let fee = receipt.fee, dossier.feePaid < fee { throw .feeOutstanding(owed: fee, paid: dossier.feePaid) }
            emit(.handedOver)

        case .withdraw(let reason):
            guard [.processing, .paused, .awaitingSupplement].contains(phase) else { throw .wrongPhase(action, phase) }
            try requireDesk(action)
            emit(.withdrawn(Withdrawal(reason: reason)))

        case .recordPayment(let amount, let reference):
            try requireDesk(action)
            guard amount > 0 else { throw .invalidAmount(amount) }
            emit(.feePaid(FeePayment(amount: amount, reference: reference)))
        }
        return events
    }

    // MARK: - Intake

    mutating func receive(_ procedureID: String, _ input: DossierInput) throws(DossierError) {
        guard dossier.state == .unopened else { throw .alreadyOpened(dossier.id) }
        try requireDesk(.receive)
        guard let procedure = context.catalog.procedure(procedureID) else { throw .unknownProcedure(procedureID) }
        let assessment: Assessment
        switch context.assessor.assess(procedure, input) {
        case .success(let a): assessment = a
        case .failure(let failure): throw .invalidInput(failure.problems)
        }
        guard assessment.complete else { throw .incomplete(missing: assessment.missing) }
        let version = assessment.version
        guard let first = version.steps.first else { throw .emptyWorkflow(procedure.id) }
        let calendar = try context.calendar(version.calendar)
        let facts = assessment.facts
        let firstDue: Instant?
        do { firstDue = try first.takes?.period.map { p throws(CalendarError) in try calendar.due(from: input.received, p).instant } } catch { throw .calendar(error) }
        emit(.received(DossierReceipt(
            procedure: procedure.id, version: version.effective, facts: facts, channel: input.channel, papers: input.papers,
            receivedAt: input.received, calendar: version.calendar, cutoff: version.deadline.cutoff, duration: assessment.duration,
            deadlineCase: assessment.deadlineCase, onSupplement: version.deadline.onSupplement, statutoryDue: assessment.due?.instant,
            dueProjected: assessment.due?.projected ?? false, fee: assessment.fee.total, procedureAgency: procedure.agency,
            agency: first.agency ?? procedure.agency, firstStep: first.id, firstStepDue: firstDue)))
    }

    mutating func refuseAtIntake(_ procedureID: String, _ input: DossierInput, _ missing: [String], _ reasons: [String]) throws(DossierError) {
        guard dossier.state == .unopened else { throw .alreadyOpened(dossier.id) }
        try requireDesk(.refuseAtIntake)
        guard let procedure = context.catalog.procedure(procedureID) else { throw .unknownProcedure(procedureID) }
        let given = reasons.filter { !$0.isBlank }
        guard !missing.isEmpty || !given.isEmpty else { throw .refusalWithoutGrounds }
        let local = input.received.local(at: .vietnam).date
        let version = procedure.version(on: ExprDate(year: local.year, month: local.month, day: local.day))
        if let version {
            let known = Set(version.allPapers.map(\.id))
            if let unknown = missing.first(where: { !known.contains($0) }) { throw .unknownPaper(unknown) }
        }
        emit(.refusedAtIntake(IntakeRefusal(procedure: procedure.id, version: version?.effective, channel: input.channel, facts: input.facts,
                                            papers: input.papers, missing: missing, reasons: given)))
    }

    // MARK: - Steps

    /// Approves `current`: to the next step (with a transfer when it belongs to another agency),
    /// or to the result.
    mutating func advance(from current: Step, _ workflow: Workflow) throws(DossierError) {
        switch try workflow.target(after: current) {
        case .end:
            emit(.resultReady(ResultReady(step: current.id, returnStep: nil, returnStepDue: nil)))
        case .step(let nextID):
            let next = try workflow.step(nextID)
            if workflow.isReturnStep(nextID) {
                emit(.resultReady(ResultReady(step: current.id, returnStep: next.id, returnStepDue: try workflow.stepDue(next, from: instant))))
            } else {
                emit(.stepCompleted(StepCompletion(step: current.id, outcome: .approved, to: next.id,
                                                   stepDue: try workflow.stepDue(next, from: instant), reason: nil)))
                transferIfNeeded(to: workflow.agency(of: next))
            }
        }
    }

    mutating func transferIfNeeded(to agency: String) {
        let holding = dossier.agency ?? agency
        if agency != holding { emit(.transferred(Transfer(from: holding, to: agency, reason: nil))) }
    }

    /// Checks a step action: the phase, the current step's role and the holding agency. Returns the current step.
    func stepAction(_ action: DossierAction, _ phase: DossierPhase, allowed: [DossierPhase], _ workflow: Workflow) throws(DossierError) -> Step {
        guard allowed.contains(phase), let stepID = dossier.state.step else { throw .wrongPhase(action, phase) }
        let step = try workflow.step(stepID)
        guard actor.holds(step.role) else { throw .roleRequired(action, step: StepRef(step), roles: [step.role], actor: actor) }
        if !policy.deskRoles.contains(step.role), let holding = dossier.agency, actor.agency != holding {
            throw .wrongAgency(action, holding: holding, actor: actor)
        }
        return step
    }

    func requireDesk(_ action: DossierAction) throws(DossierError) {
        guard policy.isDesk(actor) else { throw .roleRequired(action, step: nil, roles: policy.deskRoles.sorted(), actor: actor) }
    }

    func require(_ reason: String, _ action: DossierAction) throws(DossierError) {
        if reason.isBlank { throw .reasonRequired(action) }
    }
}

/// The workflow of a received dossier's version, with its calendar: step lookup, `next`
/// evaluation and the clock arithmetic.
struct Workflow {
    let procedure: Procedure
    let version: ProcedureVersion
    let receipt: DossierReceipt
    let calendar: WorkingCalendar
    let policy: DossierPolicy
    let index: [String: Int]

    init(procedure: Procedure, version: ProcedureVersion, receipt: DossierReceipt, calendar: WorkingCalendar, policy: DossierPolicy) {
        self.procedure = procedure
        self.version = version
        self.receipt = receipt
        self.calendar = calendar
        self.policy = policy
        var index: [String: Int] = [:]
        for (i, step) in version.steps.enumerated() where index[step.id] == nil { index[step.id] = i }
        self.index = index
    }

    func step(_ id: String) throws(DossierError) -> Step {
        guard let i = index[id] else { throw .unknownStep(id) }
        return version.steps[i]
    }

    /// The agency a step is done by.
    func agency(of step: Step) -> String { step.agency ?? procedure.agency }

    /// Where approving `step` leads: the first `next` branch whose condition holds on the dossier's
    /// facts; with no `next`, or when every branch is conditional and none holds, the following
    /// step (or the end after the last step), as the compiler's workflow checks assume.
    func target(after step: Step) throws(DossierError) -> StepTarget {
        guard let i = index[step.id] else { throw .unknownStep(step.id) }
        let fallThrough: StepTarget = i + 1 < version.steps.count ? .step(version.steps[i + 1].id) : .end
        let local = receipt.receivedAt.local(at: calendar.utcOffset).date
        let env = ExprEnvironment(facts: receipt.facts, channel: receipt.channel.rawValue, received: ExprDate(year: local.year, month: local.month, day: local.day))
        for transition in step.next {
            guard let condition = transition.when else { return transition.to }
            do {
                if try condition.evaluate(in: env) == .bool(true) { return transition.to }
            } catch {
                throw .evaluation("\(condition.sourceText): \(error.description)")
            }
        }
        return fallThrough
    }

    /// Whether `id` is the desk's return step (trả kết quả): a step of a desk role that leads to
    /// the end. Reaching it means the result is ready.
    func isReturnStep(_ id: String) -> Bool {
        guard let i = index[id], policy.deskRoles.contains(version.steps[i].role) else { return false }
        return (try? target(after: version.steps[i])) == .end
    }

    /// A step's due from `start` (nil without a budget).
    func stepDue(_ step: Step, from start: Instant) throws(DossierError) -> Instant? {
        guard let period = step.takes?.period else { return nil }
        do { return try calendar.due(from: start, period).instant } catch { throw .calendar(error) }
    }

    /// The full statutory time again from `start` (a `.restart` supplement); nil when the law sets
    /// no time.
    func statutoryDue(from start: Instant) throws(DossierError) -> Instant? {
        guard let period = receipt.duration.period else { return nil }
        do { return try calendar.due(from: start, period, cutoff: receipt.cutoff).instant } catch { throw .calendar(error) }
    }

    /// The clock after a stop from `since` to `until`: every due moves by the working time the
    /// clock stood still, so the time left at the stop is carried from `until`.
    func carry(_ dossier: Dossier, stoppedSince since: Instant, until: Instant) throws(DossierError) -> ClockUpdate {
        do {
            let stopped = max(0, try calendar.workingSeconds(from: since, to: until))
            let statutory = dossier.statutoryDue ?? receipt.statutoryDue
            return ClockUpdate(stoppedWorkingSeconds: stopped,
                               statutoryDue: try statutory.map { d throws(CalendarError) in try calendar.shifting(d, byWorkingSeconds: stopped) },
                               appointment: try (dossier.appointment ?? statutory).map { d throws(CalendarError) in try calendar.shifting(d, byWorkingSeconds: stopped) },
                               stepDue: try dossier.currentVisit?.due.map { d throws(CalendarError) in try calendar.shifting(d, byWorkingSeconds: stopped) })
        } catch {
            throw .calendar(error)
        }
    }
}

extension WorkingCalendar {
    /// The instant `seconds` working seconds after `instant` (counted inside office sessions);
    /// `instant` itself when `seconds` is 0 or less.
    func shifting(_ instant: Instant, byWorkingSeconds seconds: Int) throws(CalendarError) -> Instant {
        seconds <= 0 ? instant : try dueWorkingSeconds(seconds, from: instant).instant
    }
}

extension String {
    /// Whether the text is empty or only white space.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
