import Foundation
import TTHCCalendar
import TTHCEngine
import TTHCModel

// What `tthc dossier act|show|list` print: text for the clerk (Vietnamese by default) or JSON.

/// An event as a line of history, with the due instants it set.
struct DossierEventLine {
    let event: DossierEvent
    let words: Words

    /// What happened.
    var text: String {
        if words.vi { return event.kind.vietnamese }
        switch event.kind {
        case .received(let r): return "Received (\(r.channel.rawValue)), " + (r.statutoryDue.map { "appointment \(DossierTime.short($0))" } ?? "no appointment (no time limit set by law)")
        case .refusedAtIntake(let r): return "Not received: " + (r.missing.isEmpty ? r.reasons.joined(separator: "; ") : "missing " + r.missing.joined(separator: ", "))
        case .supplementRequested(let s): return "Supplement requested: \(s.reason)"
        case .supplementReceived(let s): return s.restarted ? "Supplement received; the statutory time restarts" : "Supplement received; the clock resumes"
        case .paused(let p): return "Paused: \(p.reason)"
        case .resumed: return "Resumed"
        case .stepCompleted(let c): return c.outcome == .approved ? "Step \(c.step) done, on to \(c.to)" : "Sent back to \(c.to) for rework: \(c.reason ?? "")"
        case .transferred(let t): return "Transferred from \(t.from) to \(t.to)" + (t.reason.map { ": \($0)" } ?? "")
        case .extended(let e): return "Apology and new appointment \(DossierTime.short(e.appointment)) (\(e.reason))"
        case .refused(let r): return "Refused: " + r.reasons.joined(separator: "; ")
        case .resultReady: return "Result ready"
        case .handedOver: return "Result handed over"
        case .withdrawn: return "Withdrawn at the applicant's request"
        case .feePaid(let f): return "Fee paid: \(f.amount) đồng"
        }
    }

    /// The due instants the event set, as (label, instant).
    var dues: [(String, Instant)] {
        let w = words
        switch event.kind {
        case .received(let r):
            var dues: [(String, Instant)] = r.statutoryDue.map { [(w("hạn giải quyết", "statutory due"), $0)] } ?? []
            if let step = r.firstStepDue { dues.append((w("hạn bước \(r.firstStep)", "step \(r.firstStep) due"), step)) }
            return dues
        case .supplementReceived(let s): return clock(s.clock)
        case .resumed(let r): return clock(r.clock)
        case .stepCompleted(let c): return c.stepDue.map { [(w("hạn bước \(c.to)", "step \(c.to) due"), $0)] } ?? []
        case .extended(let e): return [(w("hẹn trả mới", "new appointment"), e.appointment)]
        case .resultReady(let r):
            guard let step = r.returnStep, let due = r.returnStepDue else { return [] }
            return [(w("hạn bước \(step)", "step \(step) due"), due)]
        default: return []
        }
    }

    func clock(_ c: ClockUpdate) -> [(String, Instant)] {
        var dues: [(String, Instant)] = c.statutoryDue.map { [(words("hạn giải quyết mới", "new statutory due"), $0)] } ?? []
        if let appointment = c.appointment, appointment != c.statutoryDue { dues.append((words("hẹn trả", "appointment"), appointment)) }
        if let step = c.stepDue { dues.append((words("hạn bước", "step due"), step)) }
        return dues
    }

    /// `  3. 10:00 13/02/2026 · clerk.lan (one_stop_clerk @ ubnd-xa): … ` and the dues below.
    func render() -> [String] {
        let actor = event.actor
        var lines = ["  \(event.sequence). \(DossierTime.short(event.at)) · \(actor.user) (\(actor.roles.sorted().joined(separator: ", ")) @ \(actor.agency)): \(text)"]
        let dues = self.dues
        if !dues.isEmpty { lines.append("     " + dues.map { "\($0.0) \(DossierTime.short($0.1))" }.joined(separator: "; ")) }
        if let note = event.note { lines.append("     " + words("ghi chú: ", "note: ") + note) }
        return lines
    }

    struct JSON: Encodable {
        struct Actor: Encodable { var user: String; var roles: [String]; var agency: String }
        struct Due: Encodable { var label: String; var at: String }
        var sequence: Int
        var kind: String
        var at: String
        var actor: Actor
        var note: String?
        var text: String
        var dues: [Due]
        var catalogRevision: String
    }

    var json: JSON {
        JSON(sequence: event.sequence, kind: event.kind.name, at: event.at.iso8601(offset: .vietnam),
             actor: .init(user: event.actor.user, roles: event.actor.roles.sorted(), agency: event.actor.agency), note: event.note, text: text,
             dues: dues.map { JSON.Due(label: $0.0, at: $0.1.iso8601(offset: .vietnam)) }, catalogRevision: event.catalogRevision)
    }
}

/// After `tthc dossier act`: what was recorded and where the dossier stands.
struct DossierActReport {
    let dossier: Dossier
    let events: [DossierEvent]
    let workspace: DossierWorkspace
    let words: Words

    struct JSON: Encodable {
        var id: String
        var version: Int
        var phase: String
        var step: String?
        var agency: String?
        var statutoryDue: String?
        var appointment: String?
        var events: [DossierEventLine.JSON]
    }

    func render(_ format: OutputFormat) -> CommandOutput {
        var output = CommandOutput()
        let w = words
        let lines = events.map { DossierEventLine(event: $0, words: w) }
        switch format {
        case .json:
            output.out = DossierJSON.render(JSON(id: dossier.id.rawValue, version: dossier.version, phase: dossier.phase?.rawValue ?? "", step: dossier.currentStep,
                                                 agency: dossier.agency, statutoryDue: DossierTime.iso(dossier.statutoryDue),
                                                 appointment: DossierTime.iso(dossier.appointment), events: lines.map(\.json)))
        case .text:
            var text = w("Đã ghi vào hồ sơ \(dossier.id) (phiên bản \(dossier.version)):", "Recorded on dossier \(dossier.id) (version \(dossier.version)):") + "\n"
            text += lines.flatMap { $0.render() }.joined(separator: "\n") + "\n"
            var state = w("Hồ sơ ", "The dossier is ") + (dossier.phase.map { w.phase($0) } ?? "")
            if let step = dossier.currentStep { state += w(", bước hiện tại: ", ", current step: ") + step }
            if let due = dossier.currentVisit?.due { state += w(" (hạn bước \(DossierTime.short(due)))", " (due \(DossierTime.short(due)))") }
            text += state + ".\n"
            output.out = text
        }
        return output
    }
}

/// `tthc dossier show`.
struct DossierShowReport {
    let dossier: Dossier
    let status: DossierStatus
    let history: [DossierEvent]
    let workspace: DossierWorkspace
    let words: Words

    var procedure: Procedure? {
        (dossier.receipt?.procedure ?? dossier.intakeRefusal?.procedure).flatMap { workspace.catalog.procedure($0) }
    }

    struct StepJSON: Encodable {
        var step: String
        var name: String?
        var role: String?
        var started: String
        var due: String?
        var ended: String?
        var outcome: String?
        var timeliness: String?
        var late: Bool?
    }

    struct JSON: Encodable {
        var id: String
        var version: Int
        var at: String
        var procedure: String
        var procedureVersion: String?
        var channel: String?
        var received: String?
        var phase: String
        var step: String?
        var agency: String?
        var statutoryDue: String?
        var appointment: String?
        var clockStopped: Bool
        var workingSecondsLeft: Int?
        var timeliness: String?
        var punctuality: String?
        var feeOwed: Int?
        var feePaid: Int
        var extensions: Int
        var supplementRequests: Int
        var steps: [StepJSON]
        var history: [DossierEventLine.JSON]
    }

    func render(_ format: OutputFormat) -> CommandOutput {
        var output = CommandOutput()
        switch format {
        case .json: output.out = DossierJSON.render(json)
        case .text: output.out = text
        }
        return output
    }

    var json: JSON {
        JSON(id: dossier.id.rawValue, version: dossier.version, at: status.instant.iso8601(offset: .vietnam),
             procedure: dossier.receipt?.procedure ?? dossier.intakeRefusal?.procedure ?? "", procedureVersion: dossier.receipt.map { "\($0.version)" },
             channel: (dossier.receipt?.channel ?? dossier.intakeRefusal?.channel)?.rawValue, received: DossierTime.iso(dossier.receipt?.receivedAt),
             phase: status.phase.rawValue, step: status.step, agency: dossier.agency, statutoryDue: DossierTime.iso(status.statutoryDue),
             appointment: DossierTime.iso(status.appointment), clockStopped: status.clockStopped, workingSecondsLeft: status.workingSecondsLeft,
             timeliness: status.timeliness?.rawValue, punctuality: status.punctuality?.rawValue, feeOwed: dossier.receipt?.fee, feePaid: dossier.feePaid,
             extensions: dossier.extensions.count, supplementRequests: dossier.supplementRequests,
             steps: status.steps.map { p in
                 StepJSON(step: p.visit.step, name: p.name, role: p.role, started: p.visit.started.iso8601(offset: .vietnam), due: DossierTime.iso(p.visit.due),
                          ended: DossierTime.iso(p.visit.ended), outcome: p.visit.outcome?.rawValue, timeliness: p.timeliness?.rawValue, late: p.late)
             },
             history: history.map { DossierEventLine(event: $0, words: words).json })
    }

    var text: String {
        let w = words
        var lines: [String] = []
        lines.append(w("HỒ SƠ \(dossier.id)", "DOSSIER \(dossier.id)") + w(" (phiên bản \(dossier.version))", " (version \(dossier.version))"))
        if let procedure {
            var line = w("Thủ tục: ", "Procedure: ") + procedure.name + (procedure.code.map { w(" (mã \($0))", " (code \($0))") } ?? "")
            if let version = dossier.receipt?.version { line += w(", phiên bản có hiệu lực từ \(VietnameseFormat.date(version))", ", version effective \(version)") }
            lines.append(line)
        }
        if let receipt = dossier.receipt {
            lines.append(w("Tiếp nhận: ", "Received: ") + DossierTime.long(receipt.receivedAt, vi: w.vi) + " (\(w.channel(receipt.channel)))")
        } else if let refusal = dossier.intakeRefusal {
            let reasons = refusal.missing.isEmpty ? refusal.reasons.joined(separator: "; ") : w("thiếu ", "missing ") + refusal.missing.joined(separator: ", ")
            lines.append(w("Không tiếp nhận: ", "Not received: ") + reasons)
        }
        var state = w("Trạng thái: ", "State: ") + w.phase(status.phase)
        if let step = status.step {
            let name = status.steps.last { $0.visit.step == step }?.name
            state += w(" — bước ", " — step ") + (name.map { "«\($0)» (\(step))" } ?? step)
        }
        lines.append(state)
        if let agency = dossier.agency { lines.append(w("Cơ quan đang giải quyết: ", "Held by: ") + workspace.catalog.name(ofAgency: agency)) }
        if let due = status.statutoryDue {
            var line = w("Hạn giải quyết: ", "Statutory due: ") + DossierTime.long(due, vi: w.vi)
            if let t = status.timeliness {
                line += " — " + w.timeliness(t)
                if let left = status.workingSecondsLeft {
                    line += left >= 0 ? w(" (còn \(DossierTime.workingTime(left, vi: true)))", " (\(DossierTime.workingTime(left, vi: false)) left)")
                        : w(" (quá \(DossierTime.workingTime(left, vi: true)))", " (\(DossierTime.workingTime(left, vi: false)) over)")
                }
            }
            if status.clockStopped { line += w("; đang dừng tính thời hạn", "; the clock is stopped") }
            lines.append(line)
        } else if dossier.receipt?.duration == .noTimeLimit {
            lines.append(w("Hạn giải quyết: không có (pháp luật không quy định thời hạn giải quyết thủ tục này)", "Statutory due: none (the law sets this procedure no time limit)"))
        }
        if let appointment = status.appointment, appointment != status.statutoryDue || !status.extensions.isEmpty {
            lines.append(w("Ngày hẹn trả kết quả: ", "Appointment: ") + DossierTime.long(appointment, vi: w.vi)
                         + (status.extensions.isEmpty ? "" : w(" (đã xin lỗi, hẹn lại \(status.extensions.count) lần)", " (extended \(status.extensions.count)×)")))
        }
        if let p = status.punctuality {
            lines.append(w("Kết quả giải quyết: ", "Result: ") + w.punctuality(p) + (dossier.resultAt.map { " (\(DossierTime.short($0)))" } ?? ""))
        }
        if let fee = dossier.receipt?.fee, fee > 0 || dossier.feePaid > 0 {
            lines.append(w("Phí, lệ phí: phải thu \(VietnameseFormat.money(fee)), đã thu \(VietnameseFormat.money(dossier.feePaid))",
                           "Fee: \(fee) đồng owed, \(dossier.feePaid) paid"))
        }
        if dossier.supplementRequests > 0 {
            lines.append(w("Số lần yêu cầu bổ sung: \(dossier.supplementRequests)", "Supplement requests: \(dossier.supplementRequests)"))
        }
        lines.append(w("Tính đến: ", "As of: ") + DossierTime.long(status.instant, vi: w.vi))
        if !status.steps.isEmpty {
            lines.append("")
            lines.append(w("Các bước:", "Steps:"))
            for (i, p) in status.steps.enumerated() {
                var line = "  \(i + 1). " + (p.name.map { "\($0) (\(p.visit.step))" } ?? p.visit.step)
                if let role = p.role { line += " — " + workspace.catalog.name(ofRole: role) }
                lines.append(line)
                var detail = "     " + w("từ ", "from ") + DossierTime.short(p.visit.started)
                detail += w(", hạn ", ", due ") + (p.visit.due.map { DossierTime.short($0) } ?? w("không quy định", "none"))
                if let ended = p.visit.ended {
                    detail += w(", xong ", ", done ") + DossierTime.short(ended)
                    if let outcome = p.visit.outcome { detail += " (" + Self.outcome(outcome, w) + ")" }
                    if let late = p.late { detail += " — " + (late ? w("trễ hạn bước", "late") : w("đúng hạn bước", "in time")) }
                } else if let t = p.timeliness {
                    detail += " — " + w.timeliness(t)
                } else if p.visit.ended == nil {
                    detail += w(" — đang ở bước này", " — current")
                }
                lines.append(detail)
            }
        }
        lines.append("")
        lines.append(w("Lịch sử xử lý:", "History:"))
        for event in history { lines.append(contentsOf: DossierEventLine(event: event, words: w).render()) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func outcome(_ outcome: StepOutcome, _ w: Words) -> String {
        switch outcome {
        case .approved: w("chuyển tiếp", "approved")
        case .sentBack: w("trả lại", "sent back")
        case .closed: w("kết thúc", "closed")
        }
    }
}

/// Where a listed dossier stands at `now`, from its summary.
enum DossierStanding {
    static func of(_ s: DossierSummary, at now: Instant, dueSoonLimit: Instant?, words w: Words) -> (code: String, text: String) {
        if let p = s.punctuality { return (p.rawValue, w.punctuality(p)) }
        if s.phase != .processing { return (s.phase.rawValue, w.phase(s.phase)) }
        guard let from = s.overdueFrom, let due = s.statutoryDue else { return (s.phase.rawValue, w.phase(s.phase)) }
        if from <= now { return (Timeliness.overdue.rawValue, w.timeliness(.overdue)) }
        if let limit = dueSoonLimit, due <= limit { return (Timeliness.dueSoon.rawValue, w.timeliness(.dueSoon)) }
        return (Timeliness.onTrack.rawValue, w.timeliness(.onTrack))
    }
}

/// `tthc dossier list`.
struct DossierListReport {
    let rows: [DossierSummary]
    let workspace: DossierWorkspace
    let words: Words

    struct Row: Encodable {
        var id: String
        var version: Int
        var procedure: String
        var phase: String
        var step: String?
        var role: String?
        var agency: String?
        var channel: String
        var received: String?
        var statutoryDue: String?
        var overdueFrom: String?
        var appointment: String?
        var stepDue: String?
        var standing: String
        var supplementRequests: Int
        var punctuality: String?
    }

    func render(_ format: OutputFormat) -> CommandOutput {
        let w = words
        let now = workspace.now
        var output = CommandOutput()
        var limits: [String: Instant] = [:]
        func standing(_ s: DossierSummary) -> (code: String, text: String) {
            let limit: Instant?
            if let cached = limits[s.procedure] {
                limit = cached
            } else {
                limit = try? workspace.calendar(ofProcedure: s.procedure)?.due(from: now, .workingDays(1)).instant
                limits[s.procedure] = limit
            }
            return DossierStanding.of(s, at: now, dueSoonLimit: limit, words: w)
        }
        switch format {
        case .json:
            output.out = DossierJSON.render(rows.map { s in
                Row(id: s.id.rawValue, version: s.version, procedure: s.procedure, phase: s.phase.rawValue, step: s.step, role: s.role, agency: s.agency,
                    channel: s.channel.rawValue, received: DossierTime.iso(s.receivedAt), statutoryDue: DossierTime.iso(s.statutoryDue),
                    overdueFrom: DossierTime.iso(s.overdueFrom), appointment: DossierTime.iso(s.appointment), stepDue: DossierTime.iso(s.stepDue),
                    standing: standing(s).code, supplementRequests: s.supplementRequests, punctuality: s.punctuality?.rawValue)
            })
        case .text:
            let header = [w("MÃ HỒ SƠ", "ID"), w("THỦ TỤC", "PROCEDURE"), w("TRẠNG THÁI", "STATE"), w("BƯỚC", "STEP"), w("HẠN GIẢI QUYẾT", "DUE"), w("TÌNH TRẠNG", "STANDING")]
            let body = rows.map { s in
                [s.id.rawValue, s.procedure, w.phase(s.phase), s.step ?? "—", DossierTime.short(s.statutoryDue), standing(s).text]
            }
            var widths = header.map(\.count)
            for row in body { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
            func line(_ cells: [String]) -> String {
                cells.enumerated().map { i, cell in i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count) }.joined(separator: "  ")
            }
            var text = ""
            if !body.isEmpty { text += ([line(header)] + body.map(line)).joined(separator: "\n") + "\n" }
            text += w("\(rows.count) hồ sơ (tính đến \(DossierTime.short(now)))", "\(rows.count) dossier(s) (as of \(DossierTime.short(now)))") + "\n"
            output.out = text
        }
        return output
    }
}
