import ArgumentParser
import Foundation
import TTHCCompiler
import TTHCDiagnostics
import TTHCModel

/// `tthc show ID-or-CODE`: a procedure as a clerk reads it.
public struct ShowCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Hiển thị một thủ tục như cán bộ một cửa đọc: thành phần hồ sơ, thời hạn, phí, các bước, căn cứ.")

    @OptionGroup public var options: GlobalOptions

    /// Procedure id or national code.
    @Argument(help: "Mã thủ tục (id) hoặc mã thủ tục quốc gia.")
    public var procedure: String

    /// The version in force on this date (default: the newest).
    @Option(name: .long, help: "Phiên bản có hiệu lực vào ngày này (YYYY-MM-DD); mặc định: phiên bản mới nhất.")
    public var on: String?

    public init() {}

    public func run() throws {
        try Self.execute(procedure: procedure, on: on, options: options).emit()
    }

    /// Renders the procedure.
    public static func execute(procedure key: String, on: String?, options: GlobalOptions) -> CommandOutput {
        let language = options.lang.language
        let catalog: Catalog, procedure: Procedure, version: ProcedureVersion
        switch ProcedureLookup.resolve(key, on: on, catalogPath: options.catalog, language: language) {
        case .failure(let failure): return failure.output(language)
        case .success(let found): (catalog, procedure, version) = found
        }
        var output = CommandOutput()
        switch options.format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            var single = procedure
            single.versions = [version]
            output.out = (try? encoder.encode(single)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? ""
        case .text:
            output.out = ProcedureSheet(catalog: catalog, procedure: procedure, version: version).render()
        }
        return output
    }
}

/// The clerk's sheet of a procedure, in Vietnamese, in the order of the national portal's page.
struct ProcedureSheet {
    let catalog: Catalog
    let procedure: Procedure
    let version: ProcedureVersion

    func render() -> String {
        var lines: [String] = []
        lines.append(procedure.name.uppercased())
        var identity = "Mã thủ tục: \(procedure.id)"
        if let code = procedure.code { identity += " · Mã TTHC quốc gia: \(code)" }
        lines.append(identity)
        lines.append("Lĩnh vực: \(catalog.name(ofField: procedure.field)) · \(procedure.level.vietnamese) · Cơ quan giải quyết: \(catalog.name(ofAgency: procedure.agency))")
        lines.append("Cách thức thực hiện: " + version.channels.map(\.vietnamese).joined(separator: ", "))
        let index = (procedure.versions.firstIndex(of: version) ?? 0) + 1
        var period = "Hiệu lực: từ ngày \(VietnameseFormat.date(version.effective))"
        if let until = version.until { period += " đến hết ngày \(VietnameseFormat.date(until))" }
        if procedure.versions.count > 1 { period += " (phiên bản \(index)/\(procedure.versions.count))" }
        lines.append(period)

        if !version.facts.isEmpty {
            lines.append("")
            lines.append("Thông tin cần xác định:")
            for fact in version.facts {
                var line = "  • \(fact.name): \(fact.label)"
                if case .enumeration(_, let cases) = fact.type {
                    line += " (" + cases.map { value in fact.caseLabels[value].map { "\(value) = \($0)" } ?? value }.joined(separator: "; ") + ")"
                }
                lines.append(line)
            }
        }

        lines.append("")
        lines.append("Thành phần hồ sơ:")
        if version.papers.isEmpty { lines.append("  Không yêu cầu giấy tờ.") }
        for (i, requirement) in version.papers.enumerated() {
            switch requirement {
            case .paper(let paper):
                lines.append("  \(i + 1). \(paper.name): \(paper.countsVietnamese)" + condition(paper.when))
                if let form = paper.form { lines.append("     Mẫu: \(form)") }
                if let note = paper.note { lines.append("     Ghi chú: \(note)") }
            case .oneOf(let group):
                lines.append("  \(i + 1). " + (group.name.map { "\($0), một trong các giấy tờ sau" } ?? "Một trong các giấy tờ sau") + ":" + condition(group.when))
                for (j, paper) in group.options.enumerated() {
                    let letter = String(UnicodeScalar(UInt8(97 + j % 26)))
                    lines.append("     \(letter)) \(paper.name): \(paper.countsVietnamese)")
                }
            }
        }

        lines.append("")
        var deadline = "Thời hạn giải quyết: \(version.deadline.base.vietnamese)"
        if let cutoff = version.deadline.cutoff { deadline += "; hồ sơ tiếp nhận sau \(cutoff.vietnameseHour) được tính từ ngày làm việc tiếp theo" }
        lines.append(deadline)
        for item in version.deadline.cases {
            lines.append("  • Khi \(words(item.when)): \(item.duration.vietnamese)")
        }
        if version.deadline.onSupplement == .restart { lines.append("  • Khi bổ sung hồ sơ, thời hạn được tính lại từ đầu.") }

        lines.append("")
        lines.append("Trình tự thực hiện:")
        for (i, step) in version.steps.enumerated() {
            var line = "  \(i + 1). \(step.name) — \(catalog.name(ofRole: step.role))"
            if let agency = step.agency { line += " (\(catalog.name(ofAgency: agency)))" }
            if let takes = step.takes { line += " — \(takes.vietnamese)" }
            lines.append(line)
            for transition in step.next {
                let target: String = switch transition.to {
                case .end: "kết thúc"
                case .step(let id): version.steps.first { $0.id == id }?.name ?? id
                }
                lines.append("     → \(target)" + condition(transition.when))
            }
            for back in step.rework {
                lines.append("     ↩ có thể trả lại bước: \(version.steps.first { $0.id == back }?.name ?? back)")
            }
        }

        lines.append("")
        lines.append(contentsOf: feeLines())

        lines.append("")
        lines.append("Kết quả: " + version.result.joined(separator: "; "))
        lines.append("")
        lines.append("Căn cứ pháp lý:")
        lines.append(contentsOf: version.legalBasis.map { "  • \($0)" })
        if procedure.versions.count > 1 {
            lines.append("")
            lines.append("Lịch sử phiên bản:")
            for v in procedure.versions {
                lines.append("  • Từ \(VietnameseFormat.date(v.effective))" + (v.until.map { " đến \(VietnameseFormat.date($0))" } ?? "") + (v.note.map { ": \($0)" } ?? ""))
            }
        }
        if let note = procedure.note { lines.append(""); lines.append("Ghi chú: \(note)") }
        if !procedure.review.isEmpty {
            lines.append("")
            lines.append("Cần rà soát (chưa xác nhận từ văn bản):")
            lines.append(contentsOf: procedure.review.map { "  • \($0)" })
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A condition in words, with the facts' labels (the site's wording), for a clerk to read.
    func words(_ when: Expr) -> String {
        SiteWords(facts: version.facts).condition(when).plain
    }

    func condition(_ when: Expr?) -> String {
        guard let when else { return "" }
        return " (khi \(words(when)))"
    }

    func feeLines() -> [String] {
        let fee = version.fee
        var lines = ["Phí, lệ phí:" + (fee.kind.map { $0 == .lePhi ? " (lệ phí)" : " (phí)" } ?? "")]
        if fee.none {
            lines.append("  Không thu phí, lệ phí.")
            return lines
        }
        for exemption in fee.exemptions {
            lines.append("  • Miễn khi \(words(exemption.when))" + (exemption.note.map { ": \($0)" } ?? ""))
        }
        for rule in fee.rules {
            lines.append("  • " + describe(rule))
        }
        for extra in fee.extras {
            lines.append("  • Cộng thêm: " + describe(extra))
        }
        if let discount = fee.onlineDiscount {
            var line = "  • Giảm \(discount.percent)% khi nộp trực tuyến"
            if let from = discount.from { line += " từ \(VietnameseFormat.date(from))" }
            if let until = discount.until { line += " đến hết \(VietnameseFormat.date(until))" }
            lines.append(line + (discount.note.map { " (\($0))" } ?? ""))
        }
        if let note = fee.note { lines.append("  Ghi chú: \(note)") }
        return lines
    }

    func describe(_ rule: FeeRule) -> String {
        var text = rule.label.map { "\($0): " } ?? ""
        switch rule.amount {
        case .expression(let expr):
            text += SiteWords(facts: version.facts).amount(expr).plain
        case .scheduled(let key):
            let amounts = catalog.feeSchedules.compactMap { schedule in
                schedule.versions.last?.fees[key].map { "\(schedule.name): \(VietnameseFormat.money($0.amount))" }
            }
            text += "mức do Hội đồng nhân dân tỉnh quy định (\(key))" + (amounts.isEmpty ? "" : " — " + amounts.joined(separator: "; "))
        case .tiers(let of, let bands):
            text += bands.map { band in
                band.upto.map { "\(VietnameseFormat.money(band.each))/đơn vị cho \($0) đơn vị đầu của \(SiteWords(facts: version.facts).quoted(of))" }
                    ?? "\(VietnameseFormat.money(band.each))/đơn vị cho phần còn lại"
            }.joined(separator: ", ")
        }
        if let maximum = rule.maximum { text += ", tối đa \(VietnameseFormat.money(maximum))" }
        if let per = rule.per { text += ", nhân với \(SiteWords(facts: version.facts).quoted(per))" }
        text += condition(rule.when)
        if let note = rule.note { text += " — \(note)" }
        return text
    }
}

/// `tthc list`: one line a procedure.
public struct ListCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Liệt kê các thủ tục trong danh mục, mỗi thủ tục một dòng.")

    @OptionGroup public var options: GlobalOptions

    /// Only procedures of this field.
    @Option(name: .long, help: "Chỉ liệt kê lĩnh vực này.")
    public var field: String?

    public init() {}

    public func run() throws {
        try Self.execute(field: field, options: options).emit()
    }

    /// Lists the procedures.
    public static func execute(field: String?, options: GlobalOptions) -> CommandOutput {
        let language = options.lang.language
        let catalog: Catalog
        switch CatalogLoader.load(options.catalog, language: language) {
        case .failure(let failure): return failure.output(language)
        case .success(let loaded): catalog = loaded
        }
        let procedures = catalog.procedures.filter { field == nil || $0.field == field }
        var output = CommandOutput()
        switch options.format {
        case .json:
            struct Row: Encodable { var id: String; var code: String?; var name: String; var field: String; var level: String }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let rows = procedures.map { Row(id: $0.id, code: $0.code, name: $0.name, field: $0.field, level: $0.level.rawValue) }
            output.out = (try? encoder.encode(rows)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "[]\n"
        case .text:
            let width = procedures.map(\.id.count).max() ?? 0
            for p in procedures {
                let code = p.code ?? "—"
                output.out += p.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + code.padding(toLength: 10, withPad: " ", startingAt: 0) + "  " + p.name + "  [" + catalog.name(ofField: p.field) + "]\n"
            }
        }
        return output
    }
}
