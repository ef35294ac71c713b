import TTHCDiagnostics

extension DiagnosticMessage {
    static func yamlDuplicateKey(_ key: String) -> DiagnosticMessage {
        DiagnosticMessage.error("duplicate-key", vi: "khóa '\(key)' bị khai báo hai lần trong cùng một bảng", en: "key '\(key)' appears twice in the same mapping")
    }
    static let yamlFirstDeclaredHere = LocalizedText(vi: "khai báo lần đầu ở đây", en: "first declared here")
    static let yamlInvalidUTF8 = DiagnosticMessage.error(
        "yaml-invalid-utf8",
        vi: "tệp không phải văn bản UTF-8 hợp lệ; hãy lưu lại tệp với bảng mã UTF-8",
        en: "the file is not valid UTF-8 text; save it again with UTF-8 encoding")
    static let yamlTabIndent = DiagnosticMessage.error(
        "yaml-tab-indent",
        vi: "thụt lề bằng ký tự tab; YAML chỉ cho phép thụt lề bằng dấu cách",
        en: "indentation uses a tab character; YAML allows only spaces for indentation")
    static let yamlMultipleDocuments = DiagnosticMessage.error(
        "yaml-multiple-documents",
        vi: "tệp chứa nhiều tài liệu YAML (ngăn bởi '---'); mỗi tệp chỉ mô tả một thủ tục",
        en: "the file holds several YAML documents (separated by '---'); each file describes one procedure")
    static func yamlUnknownAlias(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage.error("yaml-unknown-alias", vi: "bí danh '*\(name)' chưa được khai báo bằng '&\(name)' ở phía trên", en: "alias '*\(name)' has no anchor '&\(name)' above it")
    }
    static let yamlTooLarge = DiagnosticMessage.error(
        "yaml-too-large",
        vi: "tài liệu mở rộng quá nhiều nút (bí danh lồng nhau?); giới hạn là 1 000 000 nút",
        en: "the document expands to too many nodes (nested aliases?); the limit is 1,000,000 nodes")
    static let yamlTooDeep = DiagnosticMessage.error(
        "yaml-too-deep",
        vi: "tài liệu lồng nhau quá sâu (hơn 1 000 cấp); tệp thủ tục không cần nhiều cấp như vậy",
        en: "the document nests too deeply (more than 1,000 levels); a procedure file never needs that many")
    static let yamlBadMerge = DiagnosticMessage.error(
        "yaml-bad-merge",
        vi: "khóa gộp '<<' cần một bảng khóa–giá trị hoặc danh sách các bảng",
        en: "the merge key '<<' needs a mapping or a list of mappings")
    static func yamlSyntax(_ vi: String, _ en: String) -> DiagnosticMessage {
        DiagnosticMessage.error("yaml-syntax", vi: "cú pháp YAML sai: \(vi)", en: "YAML syntax error: \(en)")
    }
    static let yamlNotNFC = DiagnosticMessage.warning(
        "text-not-nfc",
        vi: "văn bản tiếng Việt không ở dạng chuẩn NFC (dấu tách rời); đã chuẩn hóa, hãy lưu lại tệp ở dạng NFC",
        en: "Vietnamese text is not in NFC form (decomposed accents); it was normalised, save the file in NFC")
}
