import Foundation
import TTHCModel

/// The catalogue as a Markdown table (field, code, name, level, time, fee, review notes), made
/// from the compiled procedures so that `Procedures/README.md` never drifts from the files.
///
/// The table lives in the README between two marker comments; ``replacingTable(in:with:)`` puts a
/// fresh table there and leaves the rest of the file (the prose legal staff write) alone.
public enum CatalogTable {
    /// The comment that opens the generated part of a README.
    public static let beginMarker = "<!-- tthc table: bắt đầu — tạo bằng `swift run tthc table --write Procedures/README.md`; đừng sửa tay -->"
    /// The comment that closes it.
    public static let endMarker = "<!-- tthc table: hết -->"

    /// The table of every procedure, grouped by field in the order of the field registry; in each
    /// field, procedures by name. Links are relative to the catalogue's folder.
    public static func markdown(_ catalog: Catalog) -> String {
        let byField = Dictionary(grouping: catalog.procedures, by: \.field)
        let order = catalog.fields.map(\.id) + byField.keys.filter { id in !catalog.fields.contains { $0.id == id } }.sorted()
        let withReview = catalog.procedures.filter { !$0.review.isEmpty }.count
        let coded = catalog.procedures.filter { $0.code != nil }.count
        var text = "**\(catalog.procedures.count) thủ tục** trong \(byField.count) lĩnh vực; \(coded) thủ tục ghi mã thủ tục quốc gia; "
        text += "\(withReview) thủ tục còn điểm cần rà soát (cột «Rà soát»: số ghi chú `review:` trong tệp).\n"
        for field in order {
            guard let procedures = byField[field] else { continue }
            text += "\n### \(catalog.name(ofField: field)) (\(procedures.count))\n\n"
            text += "| Mã | Thủ tục | Cấp | Thời hạn giải quyết | Phí, lệ phí | Rà soát |\n"
            text += "| --- | --- | --- | --- | --- | --- |\n"
            for procedure in procedures.sorted(by: inVietnameseOrder) {
                text += row(procedure) + "\n"
            }
        }
        return text
    }

    /// `readme` with its generated part replaced by `table`; nil when the markers are missing or
    /// out of order (the README is then not touched).
    public static func replacingTable(in readme: String, with table: String) -> String? {
        guard let begin = readme.range(of: beginMarker), let end = readme.range(of: endMarker, range: begin.upperBound..<readme.endIndex) else {
            return nil
        }
        return String(readme[..<begin.upperBound]) + "\n" + table + String(readme[end.lowerBound...])
    }

    /// Names as a Vietnamese index orders them (Đ after D, tones after the bare letter), then ids.
    static func inVietnameseOrder(_ a: Procedure, _ b: Procedure) -> Bool {
        switch a.name.compare(b.name, options: [.caseInsensitive], locale: Locale(identifier: "vi_VN")) {
        case .orderedAscending: true
        case .orderedDescending: false
        case .orderedSame: a.id < b.id
        }
    }

    static func row(_ procedure: Procedure) -> String {
        let cells = [
            procedure.code ?? "—",
            "[\(cell(procedure.name))](\(procedure.source.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? procedure.source))",
            procedure.level.vietnamese,
            procedure.latest.map { deadline($0.deadline) } ?? "—",
            procedure.latest.map { fee($0.fee) } ?? "—",
            procedure.review.isEmpty ? "" : String(procedure.review.count),
        ]
        return "| " + cells.joined(separator: " | ") + " |"
    }

    /// The statutory time in a few words: the base time, then how many special cases change it.
    static func deadline(_ deadline: Deadline) -> String {
        var text: String
        switch deadline.base {
        case .sameDay(let cutoff): text = "trong ngày (trước \(cutoff.vietnameseHour))"
        case .noTimeLimit: text = "không quy định"
        default: text = deadline.base.vietnamese
        }
        if !deadline.cases.isEmpty {
            text += "; " + deadline.cases.map(\.duration.vietnamese).uniqued().joined(separator: ", ") + " trong trường hợp riêng"
        }
        return cell(text)
    }

    /// The fee in a few words: none, each rule's amount (a fixed sum, the province's schedule, a
    /// formula or bands), exemptions and the online discount.
    static func fee(_ fee: Fee) -> String {
        if fee.none { return "không thu" }
        var parts = fee.rules.map { amount($0) }.uniqued()
        if parts.isEmpty { parts = ["—"] }
        var text = parts.joined(separator: "; ")
        if !fee.extras.isEmpty { text += "; thu thêm: " + fee.extras.map { amount($0) }.uniqued().joined(separator: ", ") }
        if !fee.exemptions.isEmpty { text += "; có trường hợp miễn" }
        if let discount = fee.onlineDiscount { text += "; giảm \(discount.percent)% nộp trực tuyến" }
        return cell(text)
    }

    static func amount(_ rule: FeeRule) -> String {
        var text: String
        switch rule.amount {
        case .expression(let expr):
            switch expr.constantValue {
            case .int(let n)?, .money(let n)?: text = n == 0 ? "0 đồng" : VietnameseFormat.money(n)
            default: text = "theo công thức"
            }
        case .tiers(let of, _): text = "theo bậc (\(of))"
        case .scheduled: text = "theo nghị quyết HĐND tỉnh"
        }
        if let per = rule.per { text += " × \(per)" }
        if rule.maximum != nil { text += ", có mức tối đa" }
        return text
    }

    /// Text safe inside a Markdown table cell: no pipe, no line break.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
