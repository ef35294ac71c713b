import ArgumentParser
import Foundation
import TTHCCalendar
import TTHCDiagnostics
import TTHCEngine
import TTHCModel
import TTHCStoreSQLite

/// `tthc stats --from DATE --to DATE`: the figures one-stop centres report for a period (the
/// report on the handling of administrative procedures): dossiers to handle (carried over and newly
/// received, online share), resolved early / on time / late against the statutory due (an extension
/// with an apology does not move it), still being handled on time or overdue at the end of the
/// period, withdrawn, supplement requests, and dossiers not received at the desk.
public struct StatsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Thống kê kết quả giải quyết trong kỳ: trước hạn, đúng hạn, quá hạn; đang giải quyết; tỷ lệ trực tuyến; yêu cầu bổ sung.")

    @OptionGroup public var options: GlobalOptions
    @OptionGroup public var storeOptions: StoreOptions

    /// The first day of the period.
    @Option(name: .long, help: "Ngày đầu kỳ (YYYY-MM-DD).")
    public var from: String

    /// The last day of the period (included).
    @Option(name: .long, help: "Ngày cuối kỳ (YYYY-MM-DD, tính cả ngày này).")
    public var to: String

    /// Only this procedure.
    @Option(name: .long, help: "Chỉ một thủ tục.")
    public var procedure: String?

    public init() {}

    public func run() async throws {
        try await Self.execute(from: from, to: to, procedure: procedure, store: storeOptions, options: options).emit()
    }

    /// Computes the period's figures and returns what to print.
    public static func execute(from: String, to: String, procedure: String? = nil, store storeOptions: StoreOptions, options: GlobalOptions) async -> CommandOutput {
        let language = options.lang.language
        if case .failure(let failure) = period(from: from, to: to) { return failure.output(language) }
        return await DossierWorkspace.using(options, storeOptions) { workspace in
            await answer(from: from, to: to, procedure: procedure, workspace: workspace, language: language, format: options.format)
        }
    }

    static func period(from: String, to: String) -> Result<(start: Instant, end: Instant, last: CivilDate), CommandFailure> {
        guard let start = DossierTime.startOfDay(from), let last = CivilDate(iso: to) else {
            return .failure(CommandFailure(vi: "ngày không hợp lệ: --from \(from) --to \(to) (dạng YYYY-MM-DD)", en: "invalid dates: --from \(from) --to \(to) (YYYY-MM-DD)"))
        }
        let end = Instant(LocalDateTime(date: last.adding(days: 1), secondOfDay: 0), offset: .vietnam)
        guard start < end else {
            return .failure(CommandFailure(vi: "ngày đầu kỳ sau ngày cuối kỳ", en: "the period starts after it ends"))
        }
        return .success((start, end, last))
    }

    /// The figures of the period `from`…`to` (dates, both included) at the workspace's now, of one
    /// procedure and one ward when given, as text or JSON. The command line and the HTTP service
    /// both call this.
    public static func answer(from: String, to: String, procedure: String? = nil, ward: String? = nil, workspace: DossierWorkspace, language: Language,
                              format: OutputFormat) async -> CommandOutput {
        let start: Instant, end: Instant, last: CivilDate
        switch period(from: from, to: to) {
        case .failure(let failure): return failure.output(language)
        case .success(let p): (start, end, last) = (p.start, p.end, p.last)
        }
        let procedureID = procedure.map { workspace.catalog.procedure($0)?.id ?? $0 }
        do {
            let figures = try await DossierStatistics.compute(start: start, end: end, procedure: procedureID, ward: ward, workspace: workspace)
            var output = CommandOutput()
            switch format {
            case .json: output.out = DossierJSON.render(figures.json(from: from, to: to))
            case .text: output.out = figures.text(from: start, last: last, store: workspace.storeLabel, words: Words(language))
            }
            return output
        } catch {
            return DossierFailure.output(error, language)
        }
    }
}

/// The period's figures.
struct DossierStatistics {
    var asOf: Instant
    var carriedOver = 0
    var received: [Channel: Int] = [:]
    var resolved: [Punctuality: Int] = [:]
    var refused = 0
    var openOnTime = 0
    var openOverdue = 0
    var withdrawn = 0
    var supplementDossiers = 0
    var supplementRequests = 0
    var refusedAtIntake = 0

    var receivedTotal: Int { received.values.reduce(0, +) }
    var handled: Int { carriedOver + receivedTotal }
    var resolvedTotal: Int { resolved.values.reduce(0, +) }
    var openTotal: Int { openOnTime + openOverdue }

    /// Counts the dossiers of the store over [start, end), as of `min(end, now)`.
    ///
    /// A dossier is handled in the period when received in it, or received before and still open at
    /// its start. It is resolved when its result (ready, or refused with reasons) falls before the
    /// cut, withdrawn when it was withdrawn before the cut, and open otherwise; an open dossier's
    /// standing is its status at the cut, folded from its events up to then.
    static func compute(start: Instant, end: Instant, procedure: String?, ward: String? = nil, workspace: DossierWorkspace) async throws(DossierServiceError) -> DossierStatistics {
        let cut = min(end, workspace.now)
        var figures = DossierStatistics(asOf: cut)
        let service = workspace.service
        let candidates = try await service.list(DossierQuery(procedure: procedure, receivedBefore: cut, ward: ward))
        for s in candidates {
            guard let receivedAt = s.receivedAt else { continue }
            let withdrawnAt = s.phase == .withdrawn ? s.lastEventAt : nil
            func open(at instant: Instant) -> Bool {
                receivedAt < instant && (s.resultAt.map { $0 >= instant } ?? true) && (withdrawnAt.map { $0 >= instant } ?? true)
            }
            let isNew = receivedAt >= start
            guard isNew || open(at: start) else { continue }
            if isNew { figures.received[s.channel, default: 0] += 1 } else { figures.carriedOver += 1 }
            if s.supplementRequests > 0 {
                figures.supplementDossiers += 1
                figures.supplementRequests += s.supplementRequests
            }
            if let result = s.resultAt, result < cut {
                if let p = s.punctuality { figures.resolved[p, default: 0] += 1 }
                if s.phase == .refused { figures.refused += 1 }
            } else if let withdrawal = withdrawnAt, withdrawal < cut {
                figures.withdrawn += 1
            } else if try await overdue(s, at: cut, workspace: workspace) {
                figures.openOverdue += 1
            } else {
                figures.openOnTime += 1
            }
        }
        let refusals = try await service.list(DossierQuery(phases: [.refusedAtIntake], procedure: procedure, ward: ward))
        figures.refusedAtIntake = refusals.count { $0.lastEventAt >= start && $0.lastEventAt < cut }
        return figures
    }

    /// Whether an open dossier is overdue at `instant`: from its summary when nothing happened
    /// since, else from its events up to `instant`.
    static func overdue(_ s: DossierSummary, at instant: Instant, workspace: DossierWorkspace) async throws(DossierServiceError) -> Bool {
        if s.lastEventAt <= instant, s.phase == .processing, let from = s.overdueFrom { return from <= instant }
        let history = try await workspace.service.history(s.id).filter { $0.at <= instant }
        do {
            let dossier = try Dossier.replay(history)
            return try dossier.status(at: instant, in: workspace.context).timeliness == .overdue
        } catch {
            throw .dossier(error)
        }
    }

    // MARK: Output

    static func share(_ part: Int, _ whole: Int) -> Double {
        whole == 0 ? 0 : (Double(part) * 1000 / Double(whole)).rounded() / 10
    }

    static func percent(_ part: Int, _ whole: Int, vi: Bool) -> String {
        let value = share(part, whole)
        let text = value == value.rounded() ? String(format: "%.0f", value) : String(format: "%.1f", value)
        return (vi ? text.replacingOccurrences(of: ".", with: ",") : text) + "%"
    }

    func text(from start: Instant, last: CivilDate, store: String?, words w: Words) -> String {
        let vi = w.vi
        func line(_ label: String, _ n: Int, of whole: Int? = nil) -> String {
            label + ": \(n)" + (whole.map { " (" + Self.percent(n, $0, vi: vi) + ")" } ?? "")
        }
        let first = start.local(at: .vietnam).date
        var lines: [String] = []
        lines.append(w("BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "ADMINISTRATIVE PROCEDURES: HANDLING AND RESULTS"))
        lines.append(w("Kỳ báo cáo: từ ngày \(first.vietnameseFormat) đến ngày \(last.vietnameseFormat)", "Period: \(first.iso) to \(last.iso)")
                     + w(" (số liệu tính đến \(DossierTime.short(asOf)))", " (figures as of \(DossierTime.short(asOf)))"))
        if let store { lines.append(w("Kho hồ sơ: ", "Store: ") + store) }
        lines.append("")
        lines.append(line(w("Số hồ sơ nhận giải quyết", "Dossiers to handle"), handled))
        lines.append("  " + line(w("Từ kỳ trước chuyển qua", "Carried over"), carriedOver))
        lines.append("  " + line(w("Mới tiếp nhận", "Newly received"), receivedTotal))
        lines.append("    " + line(w("Trực tuyến", "Online"), received[.online, default: 0], of: receivedTotal))
        lines.append("    " + line(w("Trực tiếp", "In person"), received[.inPerson, default: 0], of: receivedTotal))
        lines.append("    " + line(w("Qua dịch vụ bưu chính", "By post"), received[.postal, default: 0], of: receivedTotal))
        lines.append(line(w("Số hồ sơ đã giải quyết", "Resolved"), resolvedTotal))
        lines.append("  " + line(w("Trước hạn", "Early"), resolved[.early, default: 0], of: resolvedTotal))
        lines.append("  " + line(w("Đúng hạn", "On time"), resolved[.onTime, default: 0], of: resolvedTotal))
        lines.append("  " + line(w("Quá hạn", "Late"), resolved[.late, default: 0], of: resolvedTotal))
        if refused > 0 { lines.append("  " + line(w("Trong đó từ chối giải quyết", "Of which refused"), refused)) }
        lines.append(line(w("Số hồ sơ đang giải quyết", "Still being handled"), openTotal))
        lines.append("  " + line(w("Trong hạn", "On time"), openOnTime, of: openTotal))
        lines.append("  " + line(w("Quá hạn", "Overdue"), openOverdue, of: openTotal))
        lines.append(line(w("Số hồ sơ rút theo yêu cầu", "Withdrawn"), withdrawn))
        lines.append(line(w("Số hồ sơ phải yêu cầu bổ sung, hoàn thiện", "Dossiers with a supplement request"), supplementDossiers)
                     + (supplementRequests > supplementDossiers ? w(" (\(supplementRequests) lần)", " (\(supplementRequests) requests)") : ""))
        lines.append(line(w("Số hồ sơ không được tiếp nhận tại bộ phận một cửa", "Not received at the desk"), refusedAtIntake))
        lines.append("")
        lines.append(w("Trước hạn, đúng hạn, quá hạn: so với thời hạn giải quyết theo quy định (gia hạn bằng phiếu xin lỗi không làm thay đổi thời hạn).",
                       "Early, on time, late: against the statutory due (an extension with an apology does not move it)."))
        return lines.joined(separator: "\n") + "\n"
    }

    struct JSON: Encodable {
        struct Received: Encodable { var total, online, inPerson, postal: Int; var onlineShare: Double }
        struct Resolved: Encodable { var total, early, onTime, late, refused: Int; var earlyShare, onTimeShare, lateShare: Double }
        struct Open: Encodable { var total, onTime, overdue: Int; var onTimeShare, overdueShare: Double }
        struct Supplement: Encodable { var dossiers, requests: Int }
        var from: String
        var to: String
        var asOf: String
        var handled: Int
        var carriedOver: Int
        var received: Received
        var resolved: Resolved
        var open: Open
        var withdrawn: Int
        var supplement: Supplement
        var refusedAtIntake: Int
    }

    func json(from: String, to: String) -> JSON {
        let r = receivedTotal, d = resolvedTotal, o = openTotal
        let early = resolved[.early, default: 0], onTime = resolved[.onTime, default: 0], late = resolved[.late, default: 0]
        return JSON(from: from, to: to, asOf: asOf.iso8601(offset: .vietnam), handled: handled, carriedOver: carriedOver,
                    received: .init(total: r, online: received[.online, default: 0], inPerson: received[.inPerson, default: 0], postal: received[.postal, default: 0],
                                    onlineShare: Self.share(received[.online, default: 0], r)),
                    resolved: .init(total: d, early: early, onTime: onTime, late: late, refused: refused,
                                    earlyShare: Self.share(early, d), onTimeShare: Self.share(onTime, d), lateShare: Self.share(late, d)),
                    open: .init(total: o, onTime: openOnTime, overdue: openOverdue, onTimeShare: Self.share(openOnTime, o), overdueShare: Self.share(openOverdue, o)),
                    withdrawn: withdrawn, supplement: .init(dossiers: supplementDossiers, requests: supplementRequests), refusedAtIntake: refusedAtIntake)
    }
}
