public import TTHCCalendar
public import TTHCModel

/// One fact in a dossier's history, with its envelope: which dossier, its place in the history
/// (the dossier's version after it), when, who, why, and the compiled catalogue it was judged by.
///
/// Events carry every value that was computed when they were decided (due instants, the next
/// step, the fee owed), so that folding them needs neither the catalogue nor a calendar and gives
/// the same dossier whatever the catalogue or the calendars become later.
public struct DossierEvent: Sendable, Hashable, Codable {
    /// The dossier.
    public var dossier: DossierID
    /// 1 for the first event, then +1: the dossier's version once this event is applied.
    public var sequence: Int
    /// When it happened (as told by the caller: the engine reads no clock).
    public var at: Instant
    /// Who did it.
    public var actor: DossierActor
    /// A free note from the actor (the reason and the legal grounds are in the payload).
    public var note: String?
    /// `Catalog.revision` of the catalogue the action was judged by.
    public var catalogRevision: String
    /// What happened.
    public var kind: DossierEventKind

    /// Creates an event.
    public init(dossier: DossierID, sequence: Int, at: Instant, actor: DossierActor, note: String?, catalogRevision: String, kind: DossierEventKind) {
        self.dossier = dossier
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.note = note
        self.catalogRevision = catalogRevision
        self.kind = kind
    }
}

/// What happened to a dossier.
public enum DossierEventKind: Sendable, Hashable, Codable {
    /// Received complete at the one-stop desk (giấy tiếp nhận hồ sơ và hẹn trả kết quả): the clock starts.
    case received(DossierReceipt)
    /// Not received (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ or phiếu từ chối tiếp nhận): no clock runs.
    case refusedAtIntake(IntakeRefusal)
    /// The deciding office asks for a supplement (form 02): the clock stops.
    case supplementRequested(SupplementRequest)
    /// The supplement came back: the clock resumes or restarts (``SupplementClock``).
    case supplementReceived(SupplementReceipt)
    /// Processing paused (e.g. waiting for the applicant's financial obligation): the clock stops.
    case paused(Pause)
    /// Processing resumed: the remaining time is carried from now.
    case resumed(Resumption)
    /// A step is done: approved to the next step, or sent back for rework.
    case stepCompleted(StepCompletion)
    /// The dossier moved to another agency (liên thông), along the workflow or by decision.
    case transferred(Transfer)
    /// An apology with a new appointment (phiếu xin lỗi và hẹn lại ngày trả kết quả); the dossier
    /// still counts as late against its statutory due.
    case extended(AppointmentExtension)
    /// Refused with reasons (văn bản từ chối giải quyết): final.
    case refused(Refusal)
    /// The last processing step is done: the result is ready to be handed over.
    case resultReady(ResultReady)
    /// The result was handed over (trả kết quả): final.
    case handedOver
    /// Withdrawn at the applicant's request: final.
    case withdrawn(Withdrawal)
    /// A fee payment was recorded.
    case feePaid(FeePayment)

    /// A short stable name (`received`, `step_completed` …) for storage and listings.
    public var name: String {
        switch self {
        case .received: "received"
        case .refusedAtIntake: "refused_at_intake"
        case .supplementRequested: "supplement_requested"
        case .supplementReceived: "supplement_received"
        case .paused: "paused"
        case .resumed: "resumed"
        case .stepCompleted: "step_completed"
        case .transferred: "transferred"
        case .extended: "extended"
        case .refused: "refused"
        case .resultReady: "result_ready"
        case .handedOver: "handed_over"
        case .withdrawn: "withdrawn"
        case .feePaid: "fee_paid"
        }
    }

    /// The event in Vietnamese, for histories.
    public var vietnamese: String {
        switch self {
        case .received(let r): "Tiếp nhận hồ sơ (\(r.channel.vietnamese.lowercased()))" + (r.statutoryDue.map { ", hẹn trả \($0.iso8601(offset: .vietnam))" } ?? ", không có hạn trả (pháp luật không quy định thời hạn)")
        case .refusedAtIntake(let r): "Không tiếp nhận: " + (r.missing.isEmpty ? r.reasons.joined(separator: "; ") : "thiếu " + r.missing.joined(separator: ", "))
        case .supplementRequested(let s): "Yêu cầu bổ sung, hoàn thiện hồ sơ: \(s.reason)"
        case .supplementReceived(let s): s.restarted ? "Nhận hồ sơ bổ sung; tính lại thời hạn từ đầu" : "Nhận hồ sơ bổ sung; tiếp tục tính thời hạn"
        case .paused(let p): "Tạm dừng: \(p.reason)"
        case .resumed: "Tiếp tục giải quyết"
        case .stepCompleted(let c): c.outcome == .approved ? "Hoàn thành bước \(c.step), chuyển bước \(c.to)" : "Trả lại bước \(c.to) để làm lại: \(c.reason ?? "")"
        case .transferred(let t): "Chuyển hồ sơ từ \(t.from) đến \(t.to)" + (t.reason.map { ": \($0)" } ?? "")
        case .extended(let e): "Xin lỗi và hẹn lại ngày trả kết quả: \(e.appointment.iso8601(offset: .vietnam)) (\(e.reason))"
        case .refused(let r): "Từ chối giải quyết: " + r.reasons.joined(separator: "; ")
        case .resultReady: "Đã có kết quả"
        case .handedOver: "Đã trả kết quả"
        case .withdrawn: "Rút hồ sơ theo yêu cầu của người nộp"
        case .feePaid(let f): "Thu phí, lệ phí \(f.amount) đồng"
        }
    }
}

/// The receipt of a complete dossier: what was handed in, the version judged by, and the clock.
public struct DossierReceipt: Sendable, Hashable, Codable {
    /// Procedure id.
    public var procedure: String
    /// `effective` of the procedure version in force at receipt.
    public var version: ExprDate
    /// Facts of the case, with the procedure's defaults filled in.
    public var facts: [String: Value]
    /// How it was submitted.
    public var channel: Channel
    /// Papers handed in.
    public var papers: [SubmittedPaper]
    /// The receipt instant the clock counts from.
    public var receivedAt: Instant
    /// The working calendar id.
    public var calendar: String
    /// The receipt cut-off of the procedure, if any.
    public var cutoff: TimeOfDay?
    /// The statutory time that applies (after the deadline's cases).
    public var duration: Duration
    /// The condition of the deadline case that applied, if any.
    public var deadlineCase: String?
    /// What a supplement during processing does to the clock.
    public var onSupplement: SupplementClock
    /// The statutory due instant (the appointment on the receipt); nil when the law sets no time
    /// (``Duration/noTimeLimit``).
    public var statutoryDue: Instant?
    /// Whether the due rests on projected holidays (no notice yet: "dự kiến").
    public var dueProjected: Bool
    /// The fee owed, in đồng; nil when part of it is a provincial amount the fee schedule does not
    /// give (the clerk determines it; handover is then not held back by the payment check).
    public var fee: Int?
    /// The deciding agency of the procedure.
    public var procedureAgency: String
    /// The agency holding the dossier at receipt (the first step's, else the procedure's).
    public var agency: String
    /// The first step of the workflow.
    public var firstStep: String
    /// The first step's due instant, when it has a budget.
    public var firstStepDue: Instant?

    /// Creates a receipt.
    public init(procedure: String, version: ExprDate, facts: [String: Value], channel: Channel, papers: [SubmittedPaper], receivedAt: Instant,
                calendar: String, cutoff: TimeOfDay?, duration: Duration, deadlineCase: String?, onSupplement: SupplementClock,
                statutoryDue: Instant?, dueProjected: Bool, fee: Int?, procedureAgency: String, agency: String, firstStep: String, firstStepDue: Instant?) {
        self.procedure = procedure
        self.version = version
        self.facts = facts
        self.channel = channel
        self.papers = papers
        self.receivedAt = receivedAt
        self.calendar = calendar
        self.cutoff = cutoff
        self.duration = duration
        self.deadlineCase = deadlineCase
        self.onSupplement = onSupplement
        self.statutoryDue = statutoryDue
        self.dueProjected = dueProjected
        self.fee = fee
        self.procedureAgency = procedureAgency
        self.agency = agency
        self.firstStep = firstStep
        self.firstStepDue = firstStepDue
    }

    /// Whether the statutory time is counted in days (compared by date) rather than hours
    /// (compared by instant).
    public var isDayBased: Bool { duration.isDayBased }
}

/// A dossier not received at the desk.
public struct IntakeRefusal: Sendable, Hashable, Codable {
    /// Procedure id.
    public var procedure: String
    /// The version in force on the day, when there was one.
    public var version: ExprDate?
    /// How it was submitted.
    public var channel: Channel
    /// Facts given.
    public var facts: [String: Value]
    /// Papers handed in.
    public var papers: [SubmittedPaper]
    /// Ids of the papers missing or short.
    public var missing: [String]
    /// Other reasons (not competent, not eligible …).
    public var reasons: [String]

    /// Creates a refusal at intake.
    public init(procedure: String, version: ExprDate?, channel: Channel, facts: [String: Value], papers: [SubmittedPaper], missing: [String], reasons: [String]) {
        self.procedure = procedure
        self.version = version
        self.channel = channel
        self.facts = facts
        self.papers = papers
        self.missing = missing
        self.reasons = reasons
    }
}

/// A supplement requested during processing.
public struct SupplementRequest: Sendable, Hashable, Codable {
    /// The step that asked.
    public var step: String
    /// Ids of the papers to supplement (may be empty when only corrections are asked).
    public var papers: [String]
    /// What must be supplemented or corrected, and why.
    public var reason: String
    /// The clock rule that will apply when the supplement comes back.
    public var clock: SupplementClock

    /// Creates a request.
    public init(step: String, papers: [String], reason: String, clock: SupplementClock) {
        self.step = step
        self.papers = papers
        self.reason = reason
        self.clock = clock
    }
}

/// The clock after a stop (a supplement or a pause).
public struct ClockUpdate: Sendable, Hashable, Codable {
    /// Working seconds the clock stood still (0 after a restart).
    public var stoppedWorkingSeconds: Int
    /// The statutory due from now on (nil when the law sets no time).
    public var statutoryDue: Instant?
    /// The appointment from now on (nil without one).
    public var appointment: Instant?
    /// The current step's due from now on.
    public var stepDue: Instant?

    /// Creates an update.
    public init(stoppedWorkingSeconds: Int, statutoryDue: Instant?, appointment: Instant?, stepDue: Instant?) {
        self.stoppedWorkingSeconds = stoppedWorkingSeconds
        self.statutoryDue = statutoryDue
        self.appointment = appointment
        self.stepDue = stepDue
    }
}

/// A supplement brought back.
public struct SupplementReceipt: Sendable, Hashable, Codable {
    /// Papers handed in.
    public var papers: [SubmittedPaper]
    /// True when the statutory time started again (``SupplementClock/restart``).
    public var restarted: Bool
    /// The clock from now on.
    public var clock: ClockUpdate

    /// Creates a supplement receipt.
    public init(papers: [SubmittedPaper], restarted: Bool, clock: ClockUpdate) {
        self.papers = papers
        self.restarted = restarted
        self.clock = clock
    }
}

/// A pause.
public struct Pause: Sendable, Hashable, Codable {
    /// Why (e.g. "chờ người sử dụng đất thực hiện nghĩa vụ tài chính").
    public var reason: String

    /// Creates a pause.
    public init(reason: String) { self.reason = reason }
}

/// The end of a pause.
public struct Resumption: Sendable, Hashable, Codable {
    /// The clock from now on.
    public var clock: ClockUpdate

    /// Creates a resumption.
    public init(clock: ClockUpdate) { self.clock = clock }
}

/// How a step ended.
public enum StepOutcome: String, Sendable, Hashable, Codable {
    /// Approved: the dossier goes on.
    case approved
    /// Sent back for rework to an earlier step.
    case sentBack = "sent_back"
    /// The dossier stopped there (refused, withdrawn, handed over).
    case closed
}

/// A step completed.
public struct StepCompletion: Sendable, Hashable, Codable {
    /// The step done.
    public var step: String
    /// Approved or sent back.
    public var outcome: StepOutcome
    /// The step the dossier moves to.
    public var to: String
    /// That step's due instant, when it has a budget.
    public var stepDue: Instant?
    /// Why it was sent back.
    public var reason: String?

    /// Creates a completion.
    public init(step: String, outcome: StepOutcome, to: String, stepDue: Instant?, reason: String?) {
        self.step = step
        self.outcome = outcome
        self.to = to
        self.stepDue = stepDue
        self.reason = reason
    }
}

/// A move to another agency.
public struct Transfer: Sendable, Hashable, Codable {
    /// The agency that held the dossier.
    public var from: String
    /// The agency that holds it now.
    public var to: String
    /// Why, for a transfer by decision (nil along the workflow).
    public var reason: String?

    /// Creates a transfer.
    public init(from: String, to: String, reason: String?) {
        self.from = from
        self.to = to
        self.reason = reason
    }
}

/// An apology with a new appointment.
public struct AppointmentExtension: Sendable, Hashable, Codable {
    /// The appointment before.
    public var previous: Instant
    /// The new appointment.
    public var appointment: Instant
    /// The reason given in the apology.
    public var reason: String

    /// Creates an extension.
    public init(previous: Instant, appointment: Instant, reason: String) {
        self.previous = previous
        self.appointment = appointment
        self.reason = reason
    }
}

/// A refusal with reasons.
public struct Refusal: Sendable, Hashable, Codable {
    /// The step that refused.
    public var step: String
    /// The reasons, each with its legal ground.
    public var reasons: [String]

    /// Creates a refusal.
    public init(step: String, reasons: [String]) {
        self.step = step
        self.reasons = reasons
    }
}

/// The result is ready.
public struct ResultReady: Sendable, Hashable, Codable {
    /// The last processing step, now done.
    public var step: String
    /// The desk's return step (trả kết quả) the dossier now waits at, if the workflow has one.
    public var returnStep: String?
    /// Its due instant, when it has a budget.
    public var returnStepDue: Instant?

    /// Creates the event payload.
    public init(step: String, returnStep: String?, returnStepDue: Instant?) {
        self.step = step
        self.returnStep = returnStep
        self.returnStepDue = returnStepDue
    }
}

/// A withdrawal.
public struct Withdrawal: Sendable, Hashable, Codable {
    /// The applicant's reason, if given.
    public var reason: String?

    /// Creates a withdrawal.
    public init(reason: String?) { self.reason = reason }
}

/// A fee payment.
public struct FeePayment: Sendable, Hashable, Codable {
    /// The amount in đồng.
    public var amount: Int
    /// The receipt number (số biên lai) or payment reference.
    public var reference: String?

    /// Creates a payment.
    public init(amount: Int, reference: String?) {
        self.amount = amount
        self.reference = reference
    }
}

extension Duration {
    /// Whether the time is counted in days (working days, calendar days, same day) rather than in
    /// working hours.
    public var isDayBased: Bool {
        if case .workingHours = self { return false }
        return true
    }
}
