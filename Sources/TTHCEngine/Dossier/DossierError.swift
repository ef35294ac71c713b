public import TTHCCalendar
public import TTHCModel

/// Why a command was refused: the closed set of illegal moves, each with a stable ``code`` and a
/// message in Vietnamese (``vietnamese``) and English (``english``). Thrown with typed throws by
/// ``Dossier/decide(_:at:by:note:in:)``.
public enum DossierError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The dossier has no event yet: only receive or refuse at intake.
    case notReceived(DossierID)
    /// Receive or refuse at intake on a dossier that already has a history.
    case alreadyOpened(DossierID)
    /// Nothing may happen after a final state.
    case finished(DossierID, DossierPhase, DossierAction)
    /// The action is not allowed in this phase (e.g. resume when not paused).
    case wrongPhase(DossierAction, DossierPhase)
    /// Only the current step can be completed (no signing before review).
    case notCurrentStep(requested: StepRef, current: StepRef)
    /// A step id the workflow does not have.
    case unknownStep(String)
    /// The actor lacks the role the action needs (the step's role, or a desk role).
    case roleRequired(DossierAction, step: StepRef?, roles: [String], actor: DossierActor)
    /// A step action by someone of another agency than the one holding the dossier.
    case wrongAgency(DossierAction, holding: String, actor: DossierActor)
    /// An action by a user of another ward than the one the dossier belongs to.
    case wrongWard(DossierAction, ward: String, actor: DossierActor)
    /// A send-back to a step not listed in the current step's `rework`.
    case notAReworkTarget(step: StepRef, target: String, allowed: [String])
    /// A reason is required for this action.
    case reasonRequired(DossierAction)
    /// The result cannot be declared ready: steps remain.
    case stepsRemain(current: StepRef, next: StepRef)
    /// A supplement request beyond the limit (Decree 61/2018 art. 20: once).
    case supplementLimitReached(limit: Int)
    /// A paper id the procedure version does not know.
    case unknownPaper(String)
    /// The new appointment is not later than the current one (or than now).
    case extensionNotLater(current: Instant, proposed: Instant)
    /// An extension asked for a dossier with no appointment: the law sets its procedure no time,
    /// so it cannot be late (Decree 61/2018 art. 19 extends an appointment that will be missed).
    case noAppointmentToExtend
    /// Transfer to an agency the catalogue does not know, or to the agency already holding it.
    case badTransfer(to: String, holding: String)
    /// The result cannot be handed over before the fee is paid.
    case feeOutstanding(owed: Int, paid: Int)
    /// A payment amount that is not positive.
    case invalidAmount(Int)
    /// The command's instant is before the dossier's last event.
    case instantBeforeLastEvent(last: Instant, given: Instant)
    /// The dossier is incomplete: it cannot be received (refuse it at intake instead).
    case incomplete(missing: [MissingPaper])
    /// A refusal at intake needs missing papers or reasons.
    case refusalWithoutGrounds
    /// The input could not be judged (unknown facts, wrong types …).
    case invalidInput([InputProblem])
    /// A procedure id or code the catalogue does not have.
    case unknownProcedure(String)
    /// The version the dossier was received under is not in the catalogue any more.
    case versionUnavailable(procedure: String, effective: ExprDate)
    /// The workflow has no step.
    case emptyWorkflow(String)
    /// No working calendar with this id was given.
    case unknownCalendar(String)
    /// The calendar could not compute a due date.
    case calendar(CalendarError)
    /// A `next` condition could not be evaluated.
    case evaluation(String)
    /// The stored history is inconsistent.
    case corruptHistory(String)

    /// A stable kebab-case code, prefixed `dossier-`.
    public var code: String {
        switch self {
        case .notReceived: "dossier-not-received"
        case .alreadyOpened: "dossier-already-opened"
        case .finished: "dossier-finished"
        case .wrongPhase: "dossier-wrong-phase"
        case .notCurrentStep: "dossier-not-current-step"
        case .unknownStep: "dossier-unknown-step"
        case .roleRequired: "dossier-role-required"
        case .wrongAgency: "dossier-wrong-agency"
        case .wrongWard: "dossier-wrong-ward"
        case .notAReworkTarget: "dossier-not-a-rework-target"
        case .reasonRequired: "dossier-reason-required"
        case .stepsRemain: "dossier-steps-remain"
        case .supplementLimitReached: "dossier-supplement-limit"
        case .unknownPaper: "dossier-unknown-paper"
        case .extensionNotLater: "dossier-extension-not-later"
        case .noAppointmentToExtend: "dossier-no-appointment"
        case .badTransfer: "dossier-bad-transfer"
        case .feeOutstanding: "dossier-fee-outstanding"
        case .invalidAmount: "dossier-invalid-amount"
        case .instantBeforeLastEvent: "dossier-instant-before-last-event"
        case .incomplete: "dossier-incomplete"
        case .refusalWithoutGrounds: "dossier-refusal-without-grounds"
        case .invalidInput: "dossier-invalid-input"
        case .unknownProcedure: "dossier-unknown-procedure"
        case .versionUnavailable: "dossier-version-unavailable"
        case .emptyWorkflow: "dossier-empty-workflow"
        case .unknownCalendar: "dossier-unknown-calendar"
        case .calendar: "dossier-calendar"
        case .evaluation: "dossier-evaluation"
        case .corruptHistory: "dossier-corrupt-history"
        }
    }

    /// The message in Vietnamese.
    public var vietnamese: String {
        func time(_ i: Instant) -> String { i.iso8601(offset: .vietnam) }
        switch self {
        case .notReceived(let id):
            return "Hồ sơ \(id) chưa được tiếp nhận: chỉ có thể tiếp nhận hoặc từ chối tiếp nhận."
        case .alreadyOpened(let id):
            return "Hồ sơ \(id) đã có trong hệ thống, không thể tiếp nhận lại."
        case .finished(let id, let phase, let action):
            return "Không thể \(action.vietnamese): hồ sơ \(id) \(phase.vietnamese), đã kết thúc."
        case .wrongPhase(let action, let phase):
            return "Không thể \(action.vietnamese) khi hồ sơ \(phase.vietnamese)" + Self.phaseHintVi(action) + "."
        case .notCurrentStep(let requested, let current):
            return "Chưa thể hoàn thành bước \(requested): hồ sơ đang ở bước \(current); chỉ hoàn thành được bước hiện tại, theo đúng trình tự."
        case .unknownStep(let id):
            return "Quy trình không có bước '\(id)'."
        case .roleRequired(let action, let step, let roles, let actor):
            let need = roles.map { "'\($0)'" }.joined(separator: " hoặc ")
            let at = step.map { " ở bước \($0)" } ?? ""
            return "Người dùng '\(actor.user)' không được \(action.vietnamese)\(at): cần vai trò \(need)."
        case .wrongAgency(let action, let holding, let actor):
            return "Người dùng '\(actor.user)' thuộc cơ quan '\(actor.agency)' không được \(action.vietnamese): hồ sơ đang do cơ quan '\(holding)' giải quyết."
        case .wrongWard(let action, let ward, let actor):
            return "Người dùng '\(actor.user)' của đơn vị '\(actor.ward ?? "")' không được \(action.vietnamese): hồ sơ thuộc đơn vị '\(ward)'."
        case .notAReworkTarget(let step, let target, let allowed):
            let list = allowed.isEmpty ? "bước này không được trả lại" : "chỉ được trả lại bước " + allowed.map { "'\($0)'" }.joined(separator: ", ")
            return "Không thể trả hồ sơ từ bước \(step) về bước '\(target)': \(list)."
        case .reasonRequired(let action):
            return "Phải nêu rõ lý do khi \(action.vietnamese)."
        case .stepsRemain(let current, let next):
            return "Chưa có kết quả: sau bước \(current) còn bước \(next)."
        case .supplementLimitReached(let limit):
            return "Chỉ được yêu cầu bổ sung, hoàn thiện hồ sơ \(limit) lần (Nghị định 61/2018/NĐ-CP, Điều 20, đã sửa đổi)."
        case .unknownPaper(let id):
            return "Thủ tục không có giấy tờ mã '\(id)'."
        case .extensionNotLater(let current, let proposed):
            return "Ngày hẹn mới (\(time(proposed))) phải sau ngày hẹn hiện tại (\(time(current))) và sau thời điểm gia hạn."
        case .noAppointmentToExtend:
            return "Hồ sơ không có ngày hẹn trả (pháp luật không quy định thời hạn giải quyết thủ tục này) nên không gia hạn được."
        case .badTransfer(let to, let holding):
            return to == holding ? "Hồ sơ đang ở cơ quan '\(to)', không cần chuyển." : "Không có cơ quan '\(to)' trong danh mục cơ quan."
        case .feeOutstanding(let owed, let paid):
            return "Chưa thu đủ phí, lệ phí: phải thu \(owed) đồng, đã thu \(paid) đồng; chưa trả kết quả được."
        case .invalidAmount(let amount):
            return "Số tiền \(amount) đồng không hợp lệ: phải lớn hơn 0."
        case .instantBeforeLastEvent(let last, let given):
            return "Thời điểm \(time(given)) trước thao tác gần nhất của hồ sơ (\(time(last)))."
        case .incomplete(let missing):
            return "Hồ sơ chưa đầy đủ, chưa tiếp nhận được; còn thiếu: " + missing.map(\.name).joined(separator: "; ") + "."
        case .refusalWithoutGrounds:
            return "Từ chối tiếp nhận phải nêu giấy tờ còn thiếu hoặc lý do."
        case .invalidInput(let problems):
            return "Thông tin hồ sơ không hợp lệ: " + problems.map(\.vietnamese).joined(separator: "; ") + "."
        case .unknownProcedure(let id):
            return "Không có thủ tục '\(id)' trong danh mục."
        case .versionUnavailable(let procedure, let effective):
            return "Danh mục không còn phiên bản có hiệu lực từ \(effective) của thủ tục '\(procedure)' mà hồ sơ được tiếp nhận theo."
        case .emptyWorkflow(let procedure):
            return "Thủ tục '\(procedure)' không có quy trình giải quyết."
        case .unknownCalendar(let id):
            return "Không có lịch làm việc '\(id)'."
        case .calendar(let error):
            return "Không tính được thời hạn: \(error.description)"
        case .evaluation(let message):
            return "Không tính được điều kiện chuyển bước: \(message)"
        case .corruptHistory(let message):
            return "Lịch sử hồ sơ không nhất quán: \(message)"
        }
    }

    /// The message in English.
    public var english: String {
        func time(_ i: Instant) -> String { i.iso8601(offset: .vietnam) }
        switch self {
        case .notReceived(let id):
            return "Dossier \(id) has not been received: it can only be received or refused at intake."
        case .alreadyOpened(let id):
            return "Dossier \(id) already exists and cannot be received again."
        case .finished(let id, let phase, let action):
            return "Cannot \(action.english): dossier \(id) is \(phase.english), which is final."
        case .wrongPhase(let action, let phase):
            return "Cannot \(action.english) while the dossier is \(phase.english)" + Self.phaseHintEn(action) + "."
        case .notCurrentStep(let requested, let current):
            return "Step '\(requested.id)' cannot be completed: the dossier is at step '\(current.id)'; only the current step can be completed, in order."
        case .unknownStep(let id):
            return "The workflow has no step '\(id)'."
        case .roleRequired(let action, let step, let roles, let actor):
            let at = step.map { " at step '\($0.id)'" } ?? ""
            return "User '\(actor.user)' may not \(action.english)\(at): role \(roles.map { "'\($0)'" }.joined(separator: " or ")) required."
        case .wrongAgency(let action, let holding, let actor):
            return "User '\(actor.user)' of agency '\(actor.agency)' may not \(action.english): the dossier is held by agency '\(holding)'."
        case .wrongWard(let action, let ward, let actor):
            return "User '\(actor.user)' of ward '\(actor.ward ?? "")' may not \(action.english): the dossier belongs to ward '\(ward)'."
        case .notAReworkTarget(let step, let target, let allowed):
            let list = allowed.isEmpty ? "this step cannot send back" : "it may send back only to " + allowed.map { "'\($0)'" }.joined(separator: ", ")
            return "Cannot send the dossier back from step '\(step.id)' to '\(target)': \(list)."
        case .reasonRequired(let action):
            return "A reason is required to \(action.english)."
        case .stepsRemain(let current, let next):
            return "The result is not ready: step '\(next.id)' follows step '\(current.id)'."
        case .supplementLimitReached(let limit):
            return "A supplement may be requested only \(limit) time\(limit == 1 ? "" : "s") (Decree 61/2018 art. 20, as amended)."
        case .unknownPaper(let id):
            return "The procedure has no paper '\(id)'."
        case .extensionNotLater(let current, let proposed):
            return "The new appointment (\(time(proposed))) must be after the current one (\(time(current))) and after the extension itself."
        case .noAppointmentToExtend:
            return "The dossier has no appointment (the law sets this procedure no time limit), so it cannot be extended."
        case .badTransfer(let to, let holding):
            return to == holding ? "The dossier is already held by agency '\(to)'." : "The catalogue has no agency '\(to)'."
        case .feeOutstanding(let owed, let paid):
            return "The fee is not fully paid: \(owed) đồng owed, \(paid) paid; the result cannot be handed over."
        case .invalidAmount(let amount):
            return "Invalid amount \(amount) đồng: it must be positive."
        case .instantBeforeLastEvent(let last, let given):
            return "The instant \(time(given)) is before the dossier's last event (\(time(last)))."
        case .incomplete(let missing):
            return "The dossier is incomplete and cannot be received; missing: " + missing.map(\.id).joined(separator: ", ") + "."
        case .refusalWithoutGrounds:
            return "A refusal at intake must name missing papers or reasons."
        case .invalidInput(let problems):
            return "Invalid dossier input: " + problems.map(\.english).joined(separator: "; ") + "."
        case .unknownProcedure(let id):
            return "The catalogue has no procedure '\(id)'."
        case .versionUnavailable(let procedure, let effective):
            return "The catalogue no longer has the version of '\(procedure)' effective \(effective) that the dossier was received under."
        case .emptyWorkflow(let procedure):
            return "Procedure '\(procedure)' has no workflow."
        case .unknownCalendar(let id):
            return "No working calendar '\(id)'."
        case .calendar(let error):
            return "Cannot compute the due date: \(error.description)"
        case .evaluation(let message):
            return "Cannot evaluate a step condition: \(message)"
        case .corruptHistory(let message):
            return "Inconsistent dossier history: \(message)"
        }
    }

    /// `[code] Vietnamese / English`.
    public var description: String { "[\(code)] \(vietnamese) / \(english)" }

    private static func phaseHintVi(_ action: DossierAction) -> String {
        switch action {
        case .resume: " (chỉ tiếp tục được hồ sơ đang tạm dừng)"
        case .pause: " (chỉ tạm dừng được hồ sơ đang giải quyết)"
        case .receiveSupplement: " (chỉ nhận bổ sung khi đã có yêu cầu bổ sung)"
        case .handOver: " (chỉ trả kết quả khi đã có kết quả)"
        default: ""
        }
    }

    private static func phaseHintEn(_ action: DossierAction) -> String {
        switch action {
        case .resume: " (only a paused dossier can be resumed)"
        case .pause: " (only a dossier being processed can be paused)"
        case .receiveSupplement: " (only after a supplement was requested)"
        case .handOver: " (only a ready result can be handed over)"
        default: ""
        }
    }
}
