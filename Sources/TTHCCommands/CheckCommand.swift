import ArgumentParser
import Foundation
import TTHCCalendar
import TTHCCompiler
import TTHCDiagnostics
import TTHCEngine
import TTHCModel

/// `tthc check DOSSIER`: the clerk's check at the counter. Prints the receipt with the appointment
/// date (giấy tiếp nhận hồ sơ và hẹn trả kết quả) when the dossier is complete, or the request to
/// supplement (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ) naming what is missing. Exit 0 complete,
/// 1 incomplete, 2 bad input.
public struct CheckCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kiểm tra hồ sơ tại bộ phận một cửa: đầy đủ hay thiếu giấy tờ gì, phí, lệ phí, ngày hẹn trả kết quả.")

    @OptionGroup public var options: GlobalOptions

    /// The dossier file (YAML or JSON).
    @Argument(help: "Tệp hồ sơ (YAML hoặc JSON).")
    public var dossier: String

    /// The province's fee schedule (default: the one named in the file, or the catalogue's only one).
    @Option(name: .long, help: "Biểu phí của tỉnh (Procedures/fees/); mặc định: biểu phí nêu trong tệp, hoặc biểu phí duy nhất.")
    public var fees: String?

    public init() {}

    public func run() throws {
        try Self.execute(dossier: dossier, fees: fees, options: options).emit()
    }

    /// Checks the dossier and returns what to print.
    public static func execute(dossier path: String, fees: String?, options: GlobalOptions) -> CommandOutput {
        let language = options.lang.language
        guard let data = FileManager.default.contents(atPath: path) else {
            return CommandFailure(vi: "không đọc được tệp hồ sơ '\(path)'", en: "cannot read the dossier file '\(path)'").output(language)
        }
        let catalog: Catalog
        switch CatalogLoader.load(options.catalog, language: language) {
        case .failure(let failure): return failure.output(language)
        case .success(let loaded): catalog = loaded
        }
        let assessor: Assessor
        do {
            assessor = try EngineSetup.assessor(for: catalog)
        } catch {
            return CommandFailure(vi: "không dựng được lịch làm việc: \(error)", en: "cannot build the working calendars: \(error)").output(language)
        }
        return answer(text: String(decoding: data, as: UTF8.self), name: path, catalog: catalog, assessor: assessor, fees: fees, language: language, format: options.format)
    }

    /// Checks the dossier written in `text` (YAML or JSON, as a dossier file named `name` in
    /// messages) against the catalogue: the receipt or the request to supplement, as text or as the
    /// JSON answer. The command line and the HTTP service both call this.
    public static func answer(text: String, name: String, catalog: Catalog, assessor base: Assessor, fees: String?, language: Language,
                              format: OutputFormat) -> CommandOutput {
        let (decoded, diagnostics, source) = DossierFileDecoder.decode(text: text, file: name, catalog: catalog)
        guard let file = decoded else { return .invalidDossier(diagnostics, name: name, source: source, language: language) }
        var assessor = base
        if let id = fees ?? file.feeSchedule {
            guard let schedule = catalog.feeSchedule(id) else {
                return CommandFailure.unknownFeeSchedule(id).output(language)
            }
            assessor.feeSchedule = schedule
        }
        let input = DossierInput(facts: file.facts, channel: file.channel, papers: file.papers, received: file.received)
        let assessment: Assessment
        switch assessor.assess(file.procedure, input) {
        case .failure(let failure):
            var output = CommandOutput()
            output.err = failure.problems.map { (language == .vi ? "lỗi: " : "error: ") + (language == .vi ? $0.vietnamese : $0.english) + "\n" }.joined()
            output.status = 2
            output.problem = CommandProblem(code: "invalid-facts", kind: .badInput, vietnamese: failure.problems.map(\.vietnamese).joined(separator: "; "),
                                            english: failure.problems.map(\.english).joined(separator: "; "))
            return output
        case .success(let value):
            assessment = value
        }
        var output = CommandOutput()
        switch format {
        case .json: output.out = CheckJSON.render(file: file, assessment: assessment)
        case .text: output.out = CheckSlip(catalog: catalog, file: file, assessment: assessment, language: language).render()
        }
        output.status = assessment.complete ? 0 : 1
        return output
    }
}

/// The JSON answer of `tthc check --format json`.
enum CheckJSON {
    struct Missing: Encodable {
        var id: String
        var name: String
        var condition: String?
        var alternatives: [Alternative]
        var original: Int
        var copy: Int
        var present: Int
    }
    struct Alternative: Encodable { var id: String; var name: String }
    struct FeeLineJSON: Encodable { var label: String; var amount: Int?; var condition: String?; var note: String? }
    struct Skipped: Encodable { var date: String; var reason: String }
    struct Answer: Encodable {
        var procedure: String
        var code: String?
        var version: String
        var received: String
        var channel: String
        var complete: Bool
        var missing: [Missing]
        var fee: Int?
        var feeUndetermined: [String]
        var feeLines: [FeeLineJSON]
        var feeExemption: String?
        var onlineDiscountPercent: Int?
        var deadline: String
        var deadlineCase: String?
        var due: String?
        var skipped: [Skipped]?
        var projected: Bool?
    }

    static func render(file: DossierFile, assessment a: Assessment) -> String {
        let answer = Answer(
            procedure: file.procedure.id, code: file.procedure.code, version: "\(a.version.effective)",
            received: file.received.iso8601(offset: .vietnam), channel: file.channel.rawValue,
            complete: a.complete,
            missing: a.missing.map { m in
                Missing(id: m.id, name: m.name, condition: m.condition, alternatives: m.alternatives.map { Alternative(id: $0.id, name: $0.name) },
                        original: m.shortOriginal, copy: m.shortCopy, present: m.shortPresent)
            },
            fee: a.fee.total,
            feeUndetermined: a.fee.undetermined,
            feeLines: a.fee.lines.map { FeeLineJSON(label: $0.label, amount: $0.amount, condition: $0.condition, note: $0.note) },
            feeExemption: a.fee.exemption.map { $0.note ?? $0.when.sourceText },
            onlineDiscountPercent: a.fee.discount?.percent,
            deadline: a.duration.english, deadlineCase: a.deadlineCase,
            due: a.due?.iso8601,
            skipped: a.explanation.map { $0.skipped.map { Skipped(date: $0.date.iso, reason: $0.reason?.text(.vi) ?? "") } },
            projected: a.due?.projected)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(answer)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "{}\n"
    }
}

/// The slip a clerk hands over, in Vietnamese (or English).
struct CheckSlip {
    let catalog: Catalog
    let file: DossierFile
    let assessment: Assessment
    let language: Language

    var vi: Bool { language == .vi }

    func render() -> String {
        let a = assessment
        var lines: [String] = []
        lines.append(a.complete
            ? (vi ? "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" : "RECEIPT AND APPOINTMENT FOR THE RESULT")
            : (vi ? "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" : "REQUEST TO SUPPLEMENT THE DOSSIER"))
        lines.append("")
        lines.append((vi ? "Thủ tục: " : "Procedure: ") + file.procedure.name + (file.procedure.code.map { vi ? " (mã \($0))" : " (code \($0))" } ?? ""))
        lines.append((vi ? "Cơ quan giải quyết: " : "Deciding agency: ") + catalog.name(ofAgency: file.procedure.agency))
        let local = file.received.local(at: .vietnam)
        lines.append((vi ? "Tiếp nhận lúc: " : "Received: ") + Self.clock(local) + ", " + Self.date(local.date, vi: vi)
                     + " (" + (vi ? file.channel.vietnamese.lowercased() : file.channel.rawValue) + ")")
        lines.append("")
        if a.complete {
            lines.append(vi ? "Hồ sơ đầy đủ, hợp lệ. Thành phần hồ sơ đã nhận:" : "The dossier is complete. Papers received:")
            var n = 0
            for requirement in a.version.papers {
                let papers: [Paper]
                switch requirement {
                case .paper(let p): papers = [p]
                case .oneOf(let g): papers = g.options
                }
                for paper in papers where file.papers.contains(where: { $0.id == paper.id }) {
                    n += 1
                    lines.append("  \(n). \(paper.name): \(paper.countsVietnamese)")
                }
            }
        } else {
            lines.append(vi ? "Hồ sơ chưa đầy đủ. Đề nghị bổ sung, hoàn thiện các giấy tờ sau:" : "The dossier is incomplete. Please supply:")
            for (i, m) in a.missing.enumerated() {
                var counts: [String] = []
                if m.shortOriginal > 0 { counts.append(vi ? "\(Duration.twoDigits(m.shortOriginal)) bản chính" : "\(m.shortOriginal) original(s)") }
                if m.shortCopy > 0 { counts.append(vi ? "\(Duration.twoDigits(m.shortCopy)) bản sao" : "\(m.shortCopy) copy(ies)") }
                if m.shortPresent > 0 { counts.append(vi ? "xuất trình \(Duration.twoDigits(m.shortPresent)) bản chính" : "show \(m.shortPresent) original(s)") }
                lines.append("  \(i + 1). \(m.name): " + counts.joined(separator: ", "))
                if m.alternatives.count > 1 {
                    lines.append((vi ? "     Có thể nộp một trong: " : "     Any one of: ") + m.alternatives.map(\.name).joined(separator: "; "))
                }
                if let condition = m.condition {
                    lines.append((vi ? "     Yêu cầu vì: " : "     Required because: ") + describe(condition))
                }
            }
            lines.append("")
            lines.append(vi ? "Thời hạn giải quyết được tính từ khi nhận đủ hồ sơ hợp lệ." : "The statutory time runs from receipt of the complete dossier.")
        }
        lines.append("")
        lines.append(contentsOf: feeLines())
        lines.append("")
        lines.append((vi ? "Thời hạn giải quyết: " : "Statutory time: ") + (vi ? a.duration.vietnamese : a.duration.english)
                     + (a.deadlineCase.map { vi ? " (trường hợp \($0))" : " (case \($0))" } ?? ""))
        if let due = a.due {
            let dueLocal = due.local
            lines.append((vi ? "Ngày hẹn trả kết quả: " : "Appointment for the result: ") + Self.clock(dueLocal) + ", " + Self.date(dueLocal.date, vi: vi))
            if let explanation = a.explanation {
                if let adjustment = explanation.adjustment { lines.append("  " + adjustment.text(vi ? .vi : .en)) }
                if !explanation.skipped.isEmpty {
                    lines.append(vi ? "  Không tính các ngày nghỉ:" : "  Days off not counted:")
                    for day in explanation.skipped {
                        lines.append("    • " + Self.date(day.date, vi: vi) + (day.reason.map { ": " + $0.text(vi ? .vi : .en) } ?? ""))
                    }
                }
                if !explanation.projectedYears.isEmpty {
                    let years = explanation.projectedYears.map(String.init).joined(separator: ", ")
                    lines.append(vi ? "  Lưu ý: lịch nghỉ năm \(years) chưa có thông báo chính thức; ngày hẹn là dự kiến." : "  Note: no official notice yet for \(years); the date is projected.")
                }
            }
        }
        if a.complete, a.due == nil {
            lines.append(vi ? "Không có ngày hẹn trả kết quả vì pháp luật không quy định thời hạn giải quyết thủ tục này."
                            : "No appointment date: the law sets this procedure no time limit.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A condition with the facts' Vietnamese labels.
    func describe(_ condition: String) -> String {
        let facts = assessment.version.facts
        if let fact = facts.first(where: { $0.name == condition }) { return "\(fact.label) (\(condition))" }
        let words = Set(condition.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
        let labels = facts.filter { words.contains($0.name) }.map { "\($0.name): \($0.label)" }
        return labels.isEmpty ? condition : condition + " — " + labels.joined(separator: "; ")
    }

    func feeLines() -> [String] {
        let fee = assessment.fee
        if fee.none { return [vi ? "Phí, lệ phí: không thu." : "Fee: none."] }
        var lines: [String] = []
        if let total = fee.total {
            lines.append((vi ? "Phí, lệ phí: " : "Fee: ") + VietnameseFormat.money(total))
        } else {
            let keys = fee.undetermined.joined(separator: ", ")
            lines.append(vi ? "Phí, lệ phí: chưa xác định được — mức do Hội đồng nhân dân tỉnh quy định chưa có trong biểu phí đang dùng (\(keys)); cán bộ tra cứu nghị quyết của tỉnh."
                            : "Fee: not determined — the provincial amount is not in the fee schedule in use (\(keys)); look it up in the province's resolution.")
        }
        if let exemption = fee.exemption {
            lines.append((vi ? "  Miễn: " : "  Exempt: ") + (exemption.note ?? exemption.when.sourceText))
        }
        for line in fee.lines {
            lines.append("  • \(line.label): " + (line.amount.map(VietnameseFormat.money) ?? (vi ? "chưa xác định" : "not determined")) + (line.note.map { " (\($0))" } ?? ""))
        }
        if let discount = fee.discount {
            lines.append(vi ? "  Đã giảm \(discount.percent)% do nộp trực tuyến" + (discount.note.map { " (\($0))" } ?? "") : "  \(discount.percent)% online discount applied")
        }
        return lines
    }

    static func clock(_ local: LocalDateTime) -> String {
        let h = local.hour, m = local.minute
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    static func date(_ date: CivilDate, vi: Bool) -> String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let weekday = vi ? date.weekday.vietnameseName : date.weekday.code
        return vi ? "\(weekday), ngày \(pad(date.day))/\(pad(date.month))/\(date.year)" : "\(weekday) \(date.year)-\(pad(date.month))-\(pad(date.day))"
    }
}
