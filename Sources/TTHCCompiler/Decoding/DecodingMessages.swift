import TTHCDiagnostics

/// Messages of the decoding layer: shapes, scalars, keys. Codes are stable (Docs/diagnostics.md).
extension DiagnosticMessage {
    static func unknownKey(_ key: String, in object: LocalizedText, suggestion: String?) -> DiagnosticMessage {
        let hintVi = suggestion.map { "; có phải ý bạn là '\($0)'?" } ?? ""
        let hintEn = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        return .error("unknown-key", vi: "khóa '\(key)' không có trong \(object.vi)\(hintVi)", en: "unknown key '\(key)' in \(object.en)\(hintEn)")
    }

    static func missingKey(_ key: String, in object: LocalizedText) -> DiagnosticMessage {
        .error("missing-key", vi: "\(object.vi.capitalizedFirst) thiếu khóa bắt buộc '\(key)'", en: "\(object.en) is missing the required key '\(key)'")
    }

    static func expectedShape(_ expectedVi: String, _ expectedEn: String, foundVi: String, foundEn: String) -> DiagnosticMessage {
        .error("wrong-type", vi: "cần \(expectedVi), nhưng gặp \(foundVi)", en: "expected \(expectedEn), found \(foundEn)")
    }

    static func badInteger(_ text: String) -> DiagnosticMessage {
        .error("wrong-type", vi: "cần một số nguyên, nhưng gặp '\(text)'", en: "expected a whole number, found '\(text)'")
    }

    static func integerTooSmall(_ value: Int, minimum: Int) -> DiagnosticMessage {
        .error("out-of-range", vi: "giá trị \(value) nhỏ hơn mức tối thiểu \(minimum)", en: "value \(value) is below the minimum \(minimum)")
    }

    static func integerOutOfRange(_ value: Int, _ low: Int?, _ high: Int?) -> DiagnosticMessage {
        let lo = low.map(String.init) ?? "−∞", hi = high.map(String.init) ?? "∞"
        return .error("out-of-range", vi: "giá trị \(value) nằm ngoài khoảng cho phép [\(lo), \(hi)]", en: "value \(value) is outside the allowed range [\(lo), \(hi)]")
    }

    static func badBool(_ text: String) -> DiagnosticMessage {
        .error("wrong-type", vi: "cần true hoặc false, nhưng gặp '\(text)' (YAML 1.1 hiểu yes/no/on/off là đúng/sai; ở đây phải viết rõ true/false)", en: "expected true or false, found '\(text)' (yes/no/on/off are not booleans here; write true/false)")
    }

    static func badDate(_ text: String) -> DiagnosticMessage {
        .error("bad-date", vi: "'\(text)' không phải một ngày có thật dạng YYYY-MM-DD", en: "'\(text)' is not a real date of the form YYYY-MM-DD")
    }

    static func badTime(_ text: String) -> DiagnosticMessage {
        .error("bad-time", vi: "'\(text)' không phải giờ hợp lệ dạng \"HH:MM\" (viết trong dấu nháy)", en: "'\(text)' is not a valid time \"HH:MM\" (write it in quotes)")
    }

    static func badInstant(_ text: String) -> DiagnosticMessage {
        .error("bad-instant", vi: "'\(text)' không phải thời điểm ISO 8601 có múi giờ, ví dụ 2026-02-13T09:00:00+07:00", en: "'\(text)' is not an ISO 8601 instant with offset, e.g. 2026-02-13T09:00:00+07:00")
    }

    static func badIdentifier(_ text: String) -> DiagnosticMessage {
        .error("bad-identifier", vi: "'\(text)' không phải mã hợp lệ: chỉ gồm chữ thường không dấu, chữ số, '_' và '-', bắt đầu bằng chữ", en: "'\(text)' is not a valid id: lower-case ASCII letters, digits, '_' and '-', starting with a letter")
    }

    static func notOneOf(_ text: String, _ allowed: [String], suggestion: String?) -> DiagnosticMessage {
        let list = allowed.joined(separator: ", ")
        let hintVi = suggestion.map { "; có phải ý bạn là '\($0)'?" } ?? ""
        let hintEn = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        return .error("bad-value", vi: "'\(text)' không phải giá trị cho phép (\(list))\(hintVi)", en: "'\(text)' is not an allowed value (\(list))\(hintEn)")
    }

    static let emptyText = DiagnosticMessage.error("empty-value", vi: "giá trị không được để trống", en: "the value must not be empty")

    static let fileNotMapping = DiagnosticMessage.error(
        "file-not-mapping",
        vi: "tệp phải là một bảng khóa–giá trị (id:, name:, …) mô tả một thủ tục",
        en: "the file must be a mapping (id:, name:, …) describing one procedure")

    static let emptyFile = DiagnosticMessage.error("empty-file", vi: "tệp trống", en: "the file is empty")

    static let keyNotText = DiagnosticMessage.error("bad-key", vi: "khóa phải là một chuỗi đơn giản", en: "a key must be a plain string")
}

extension String {
    /// The string with its first character upper-cased (Vietnamese-aware through Swift's casing).
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
