import TTHCDiagnostics
import TTHCModel
import TTHCYAML

extension DiagnosticMessage {
    static func badFeeKey(_ key: String) -> DiagnosticMessage {
        .error("bad-fee-key", vi: "'\(key)' không phải khóa biểu phí hợp lệ: các đoạn chữ thường không dấu, chữ số, '_' nối bằng dấu chấm, ví dụ ho_tich.khai_sinh",
               en: "'\(key)' is not a valid fee key: lower-case ASCII segments with digits and '_', joined by dots, e.g. ho_tich.khai_sinh")
    }
    static func unknownFeeKey(_ key: String, suggestion: String?) -> DiagnosticMessage {
        let hintVi = suggestion.map { "; có phải ý bạn là '\($0)'?" } ?? ""
        let hintEn = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        return .error("unknown-fee-key", vi: "khoản phí '\(key)' chưa được khai báo trong fee_keys (Procedures/_shared)\(hintVi)", en: "fee key '\(key)' is not declared in fee_keys (Procedures/_shared)\(hintEn)")
    }
    static func undeclaredFeeKey(_ key: String, suggestion: String?) -> DiagnosticMessage {
        let hintVi = suggestion.map { "; có phải ý bạn là '\($0)'?" } ?? ""
        let hintEn = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        return .error("undeclared-fee-key", vi: "biểu phí ghi mức thu cho khoản '\(key)' chưa được khai báo trong fee_keys (Procedures/_shared)\(hintVi)", en: "the schedule sets '\(key)', which is not declared in fee_keys (Procedures/_shared)\(hintEn)")
    }
    static func feeKeyMissingInSchedule(_ key: String, schedules: [String]) -> DiagnosticMessage {
        let list = schedules.joined(separator: ", ")
        return .warning("fee-key-missing-in-schedule", vi: "biểu phí của \(list) chưa có mức thu '\(key)'; tại các tỉnh này phí sẽ được báo là chưa xác định cho đến khi bổ sung",
                        en: "the schedule(s) \(list) do not set '\(key)'; there the fee is reported as undetermined until it is added")
    }
    static let noFeeSchedule = DiagnosticMessage.warning(
        "no-fee-schedule", vi: "quy tắc dùng mức thu của tỉnh nhưng danh mục chưa có biểu phí nào (Procedures/fees/): phí sẽ được báo là chưa xác định",
        en: "the rule uses a provincial amount but the catalogue has no fee schedule (Procedures/fees/): the fee will be reported as undetermined")
    static func unknownFeeSchedule(_ id: String, suggestion: String?) -> DiagnosticMessage {
        let hintVi = suggestion.map { "; có phải ý bạn là '\($0)'?" } ?? ""
        let hintEn = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        return .error("unknown-fee-schedule", vi: "không có biểu phí '\(id)' trong Procedures/fees\(hintVi)", en: "no fee schedule '\(id)' in Procedures/fees\(hintEn)")
    }
    static let testNeedsFeeSchedule = DiagnosticMessage.error(
        "test-needs-fee-schedule", vi: "thủ tục dùng mức thu của tỉnh và danh mục có nhiều biểu phí: ví dụ phải nêu fee_schedule",
        en: "the procedure uses provincial amounts and the catalogue has several fee schedules: the example must name its fee_schedule")
}

/// Reads one provincial fee schedule file (`fees/<id>.yaml`).
enum FeeScheduleDecoder {
    static func isFeeKey(_ key: String) -> Bool {
        let segments = key.split(separator: ".", omittingEmptySubsequences: false)
        return !segments.isEmpty && segments.allSatisfy { segment in
            guard let first = segment.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
            return segment.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        }
    }

    static func decode(_ root: YAMLNode, id: String, declared: [String: Declared<RegistryEntry>], decoder: inout NodeDecoder) -> FeeSchedule? {
        guard root.pairs != nil else {
            decoder.report(.fileNotMapping, at: root.range)
            return nil
        }
        guard let reader = MappingReader(root, LanguageSchema.feeSchedule, diagnostics: &decoder.diagnostics) else { return nil }
        let name = reader["name"].flatMap { decoder.text($0) }
        let legalBasis = reader["legal_basis"].flatMap { decoder.textList($0) }
        let effective = reader["effective"].flatMap { decoder.date($0) }
        var current = reader["fees"].map { fees($0, declared: declared, decoder: &decoder) } ?? [:]
        var versions: [FeeScheduleVersion] = []
        if let effective { versions.append(FeeScheduleVersion(effective: effective, note: nil, fees: current)) }
        if let items = reader["versions"].flatMap({ decoder.list($0) }) {
            for item in items {
                guard let v = MappingReader(item, LanguageSchema.feeScheduleVersion, diagnostics: &decoder.diagnostics),
                      let date = v["effective"].flatMap({ decoder.date($0) }) else { continue }
                if let previous = versions.last?.effective, date <= previous, let node = v["effective"] {
                    decoder.report(.versionOrder, at: node.range)
                    continue
                }
                current.merge(v["fees"].map { fees($0, declared: declared, decoder: &decoder) } ?? [:]) { _, new in new }
                versions.append(FeeScheduleVersion(effective: date, note: v["note"].flatMap { decoder.text($0) }, fees: current))
            }
        }
        let review = reader["review"].flatMap { decoder.textList($0) } ?? []
        var discount: OnlineDiscount?
        if let node = reader["online_discount"], let d = MappingReader(node, LanguageSchema.onlineDiscount, diagnostics: &decoder.diagnostics),
           let percent = d["percent"].flatMap({ decoder.integer($0, minimum: 1, maximum: 100) }) {
            discount = OnlineDiscount(percent: percent, from: d["from"].flatMap { decoder.date($0) }, until: d["until"].flatMap { decoder.date($0) },
                                      note: d["note"].flatMap { decoder.text($0) })
        }
        guard let name, let legalBasis, effective != nil else { return nil }
        return FeeSchedule(id: id, name: name, legalBasis: legalBasis, versions: versions, review: review, onlineDiscount: discount)
    }

    static func fees(_ node: YAMLNode, declared: [String: Declared<RegistryEntry>], decoder: inout NodeDecoder) -> [String: ScheduledFee] {
        guard let pairs = node.pairs else {
            decoder.report(.expectedShape("một bảng khóa → số tiền", "a mapping key → amount", foundVi: node.kindName(.vi), foundEn: node.kindName(.en)), at: node.range)
            return [:]
        }
        var result: [String: ScheduledFee] = [:]
        for pair in pairs {
            guard let key = decoder.scalarText(pair.key) else { continue }
            guard isFeeKey(key) else { decoder.report(.badFeeKey(key), at: pair.key.range); continue }
            guard declared[key] != nil else {
                let suggestion = Suggestion.closest(to: key, in: declared.keys)
                decoder.report(.undeclaredFeeKey(key, suggestion: suggestion), at: pair.key.range, fixIt: suggestion)
                continue
            }
            if pair.value.scalar != nil {
                if let amount = decoder.integer(pair.value, minimum: 0) { result[key] = ScheduledFee(amount: amount, note: nil) }
            } else if let entry = MappingReader(pair.value, LanguageSchema.scheduledFee, diagnostics: &decoder.diagnostics),
                      let amount = entry["amount"].flatMap({ decoder.integer($0, minimum: 0) }) {
                result[key] = ScheduledFee(amount: amount, note: entry["note"].flatMap { decoder.text($0) })
            }
        }
        return result
    }
}
