public import TTHCCalendar
public import TTHCDiagnostics
public import TTHCModel
import TTHCYAML

/// A dossier as a clerk describes it in a file for `tthc check` (YAML, or JSON, which is YAML).
public struct DossierFile: Sendable, Hashable {
    /// The procedure it is for.
    public var procedure: Procedure
    /// The version in force at receipt.
    public var version: ProcedureVersion
    /// When it was received.
    public var received: Instant
    /// The receipt instant as written.
    public var receivedText: String
    /// How it was submitted.
    public var channel: Channel
    /// The facts given, typed by the procedure's declarations.
    public var facts: [String: Value]
    /// The papers handed in.
    public var papers: [SubmittedPaper]
    /// The provincial fee schedule asked for, if any.
    public var feeSchedule: String?
}

extension DiagnosticMessage {
    static func unknownProcedure(_ key: String, suggestion: String?) -> DiagnosticMessage {
        let hintVi = suggestion.map { "; có phải ý bạn là '\($0)'?" } ?? ""
        let hintEn = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        return .error("unknown-procedure", vi: "danh mục không có thủ tục '\(key)' (theo mã hoặc mã TTHC quốc gia)\(hintVi)", en: "the catalogue has no procedure '\(key)' (by id or national code)\(hintEn)")
    }
    static func noVersionOnDate(_ date: String) -> DiagnosticMessage {
        .error("no-version-in-force", vi: "thủ tục không có phiên bản nào có hiệu lực vào ngày tiếp nhận \(date)", en: "the procedure has no version in force on the receipt date \(date)")
    }
    static func channelNotOffered(_ channel: String) -> DiagnosticMessage {
        .error("channel-not-offered", vi: "thủ tục không nhận hồ sơ qua kênh '\(channel)'", en: "the procedure does not take dossiers through '\(channel)'")
    }
    static func missingFactValue(_ name: String, _ label: String) -> DiagnosticMessage {
        .error("missing-fact-value", vi: "hồ sơ chưa nêu thông tin bắt buộc '\(name)' (\(label))", en: "the dossier does not give the required fact '\(name)' (\(label))")
    }
}

/// Reads a dossier file against the catalogue: the procedure by id or national code, the version in
/// force at receipt, facts typed by that version's declarations, papers that exist in it. Every
/// mistake is a located diagnostic; nothing unknown is accepted silently.
public enum DossierFileDecoder {
    /// The language description of a dossier file.
    public static let spec = ObjectSpec(vi: "hồ sơ", en: "dossier", keys: [
        KeySpec("procedure", required: true, .text, vi: "Mã thủ tục hoặc mã TTHC quốc gia", en: "Procedure id or national code"),
        KeySpec("received", required: true, .instant, vi: "Thời điểm tiếp nhận (ISO 8601)", en: "Receipt instant (ISO 8601)"),
        KeySpec("channel", .oneOf(Channel.allCases.map(\.rawValue)), vi: "Cách nộp: in_person, online, postal", en: "Channel: in_person, online, postal"),
        KeySpec("facts", .map(.scalar), vi: "Các thông tin của hồ sơ", en: "Facts of the case"),
        KeySpec("papers", .list(.either([.identifier, .object(LanguageSchema.submittedPaper)])), vi: "Giấy tờ đã nộp", en: "Papers handed in"),
        KeySpec("fee_schedule", .identifier, vi: "Biểu phí của tỉnh", en: "Provincial fee schedule"),
    ])

    /// Decodes `text` (from `file`) against `catalog`.
    public static func decode(text: String, file: String, catalog: Catalog) -> (DossierFile?, [Diagnostic], source: String) {
        var bag = DiagnosticBag()
        let document = YAMLParser.parse(bytes: Array(text.utf8), file: file, diagnostics: &bag)
        var decoder = NodeDecoder()
        decoder.diagnostics = bag
        let result = decode(document, catalog: catalog, decoder: &decoder)
        return (result, decoder.diagnostics.sorted, document.text)
    }

    static func decode(_ document: YAMLDocument, catalog: Catalog, decoder: inout NodeDecoder) -> DossierFile? {
        guard let root = document.root else {
            if !decoder.diagnostics.hasErrors { decoder.report(.emptyFile, at: .file(document.file)) }
            return nil
        }
        guard root.pairs != nil else {
            decoder.report(.expectedShape("một bảng khóa–giá trị mô tả hồ sơ (procedure:, received:, …)", "a mapping describing the dossier (procedure:, received:, …)", foundVi: root.kindName(.vi), foundEn: root.kindName(.en)), at: root.range)
            return nil
        }
        guard let reader = MappingReader(root, spec, diagnostics: &decoder.diagnostics) else { return nil }
        var procedure: Procedure?
        if let node = reader["procedure"], let key = decoder.text(node) {
            procedure = catalog.procedure(key)
            if procedure == nil {
                let ids = catalog.procedures.map(\.id)
                let extending = ids.filter { $0.hasPrefix(key) }
                let suggestion = extending.count == 1 ? extending[0] : Suggestion.closest(to: key, in: ids)
                decoder.report(.unknownProcedure(key, suggestion: suggestion), at: node.range, fixIt: suggestion)
            }
        }
        var received: (text: String, instant: Instant)?
        if let node = reader["received"], let parsed = decoder.instant(node) {
            if let instant = Instant(iso8601: parsed.text) { received = (parsed.text, instant) } else { decoder.report(.badInstant(parsed.text), at: node.range) }
        }
        let channel = reader["channel"].flatMap { decoder.enumValue($0, Channel.self) } ?? .inPerson
        guard let procedure, let received else { return nil }
        let local = received.instant.local(at: .vietnam).date
        let date = ExprDate(year: local.year, month: local.month, day: local.day)
        guard let version = procedure.version(on: date) else {
            decoder.report(.noVersionOnDate(date.iso), at: reader["received"]?.range ?? root.range)
            return nil
        }
        if !version.channels.contains(channel), let node = reader["channel"] {
            decoder.report(.channelNotOffered(channel.rawValue), at: node.range)
        }
        // Facts, typed by the version's declarations.
        let facts = reader["facts"].map { decoder.caseFacts($0, version: version, registry: "facts của thủ tục \(procedure.id)") } ?? [:]
        let given = Set(reader["facts"]?.pairs?.compactMap { $0.key.scalar?.value } ?? [])
        for fact in version.facts where fact.defaultValue == nil && !given.contains(fact.name) {
            decoder.report(.missingFactValue(fact.name, fact.label), at: MappingReader.headRange(root))
        }
        // Papers.
        let papers = reader["papers"].map { decoder.submittedPapers($0, version: version, registry: "thành phần hồ sơ của thủ tục \(procedure.id)") } ?? []
        var feeSchedule: String?
        if let node = reader["fee_schedule"], let id = decoder.identifier(node) {
            if catalog.feeSchedule(id) == nil {
                decoder.report(.unknownFeeSchedule(id, suggestion: Suggestion.closest(to: id, in: catalog.feeSchedules.map(\.id))), at: node.range)
            }
            feeSchedule = id
        }
        guard !decoder.diagnostics.hasErrors else { return nil }
        return DossierFile(procedure: procedure, version: version, received: received.instant, receivedText: received.text,
                           channel: channel, facts: facts, papers: papers, feeSchedule: feeSchedule)
    }
}
