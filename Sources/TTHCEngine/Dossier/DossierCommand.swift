public import TTHCCalendar
public import TTHCModel

/// What someone asks to do to a dossier. ``Dossier/decide(_:at:by:note:in:)`` turns a command into
/// events or refuses it with a ``DossierError``.
public enum DossierCommand: Sendable, Hashable {
    /// Receive a complete dossier (the procedure by id or national code). The receipt instant is
    /// `input.received`; the assessment must find it complete.
    case receive(procedure: String, input: DossierInput)
    /// Do not receive a dossier: missing papers (ids) and/or other reasons; at least one of the two.
    case refuseAtIntake(procedure: String, input: DossierInput, missing: [String], reasons: [String])
    /// Ask for a supplement (papers by id, may be empty for corrections) with the reason.
    case requestSupplement(papers: [String], reason: String)
    /// Record the supplement brought back.
    case receiveSupplement(papers: [SubmittedPaper])
    /// Stop the clock, with the reason.
    case pause(reason: String)
    /// Restart the clock after a pause.
    case resume
    /// Approve `step`, which must be the current step; the dossier goes to the next step chosen by
    /// the workflow's `next` (conditions on the dossier's facts), or its result becomes ready.
    case approve(step: String)
    /// Send the current `step` back for rework to `to`, one of the step's `rework` targets.
    case sendBack(step: String, to: String, reason: String)
    /// Move the dossier to another agency (liên thông) by decision, with the reason.
    case transfer(to: String, reason: String)
    /// Apologise and give a new appointment (later than the current one).
    case extend(appointment: Instant, reason: String)
    /// Refuse to resolve, with reasons.
    case refuse(reasons: [String])
    /// Declare the result ready: approves the current step, which must be the last processing step.
    case markResultReady
    /// Hand the result over.
    case handOver
    /// Withdraw at the applicant's request.
    case withdraw(reason: String?)
    /// Record a fee payment (in đồng, > 0).
    case recordPayment(amount: Int, reference: String?)

    /// The action, for permission checks and messages.
    public var action: DossierAction {
        switch self {
        case .receive: .receive
        case .refuseAtIntake: .refuseAtIntake
        case .requestSupplement: .requestSupplement
        case .receiveSupplement: .receiveSupplement
        case .pause: .pause
        case .resume: .resume
        case .approve: .approve
        case .sendBack: .sendBack
        case .transfer: .transfer
        case .extend: .extend
        case .refuse: .refuse
        case .markResultReady: .markResultReady
        case .handOver: .handOver
        case .withdraw: .withdraw
        case .recordPayment: .recordPayment
        }
    }
}

/// The kinds of command, named in Vietnamese and English for messages.
public enum DossierAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Tiếp nhận hồ sơ.
    case receive
    /// Từ chối tiếp nhận.
    case refuseAtIntake = "refuse_at_intake"
    /// Yêu cầu bổ sung.
    case requestSupplement = "request_supplement"
    /// Nhận hồ sơ bổ sung.
    case receiveSupplement = "receive_supplement"
    /// Tạm dừng.
    case pause
    /// Tiếp tục.
    case resume
    /// Duyệt (hoàn thành bước).
    case approve
    /// Trả lại để làm lại.
    case sendBack = "send_back"
    /// Chuyển liên thông.
    case transfer
    /// Gia hạn, xin lỗi.
    case extend
    /// Từ chối giải quyết.
    case refuse
    /// Có kết quả.
    case markResultReady = "result_ready"
    /// Trả kết quả.
    case handOver = "hand_over"
    /// Rút hồ sơ.
    case withdraw
    /// Thu phí, lệ phí.
    case recordPayment = "record_payment"

    /// The action in Vietnamese, as a verb phrase.
    public var vietnamese: String {
        switch self {
        case .receive: "tiếp nhận hồ sơ"
        case .refuseAtIntake: "từ chối tiếp nhận hồ sơ"
        case .requestSupplement: "yêu cầu bổ sung hồ sơ"
        case .receiveSupplement: "nhận hồ sơ bổ sung"
        case .pause: "tạm dừng giải quyết"
        case .resume: "tiếp tục giải quyết"
        case .approve: "duyệt, hoàn thành bước"
        case .sendBack: "trả lại hồ sơ để làm lại"
        case .transfer: "chuyển hồ sơ liên thông"
        case .extend: "xin lỗi và hẹn lại ngày trả kết quả"
        case .refuse: "từ chối giải quyết"
        case .markResultReady: "xác nhận đã có kết quả"
        case .handOver: "trả kết quả"
        case .withdraw: "rút hồ sơ"
        case .recordPayment: "ghi nhận thu phí, lệ phí"
        }
    }

    /// The action in English, as a verb phrase.
    public var english: String {
        switch self {
        case .receive: "receive the dossier"
        case .refuseAtIntake: "refuse the dossier at intake"
        case .requestSupplement: "request a supplement"
        case .receiveSupplement: "receive the supplement"
        case .pause: "pause processing"
        case .resume: "resume processing"
        case .approve: "approve a step"
        case .sendBack: "send the dossier back for rework"
        case .transfer: "transfer the dossier"
        case .extend: "extend the appointment with an apology"
        case .refuse: "refuse the dossier"
        case .markResultReady: "mark the result ready"
        case .handOver: "hand the result over"
        case .withdraw: "withdraw the dossier"
        case .recordPayment: "record a fee payment"
        }
    }
}
