/// The languages human text is written in: Vietnamese first (the clerks' and legal staff's language),
/// English on request.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    /// Tiếng Việt, the default.
    case vi
    /// English.
    case en
}

/// A piece of human text in both languages. Vietnamese is required; English falls back to it.
public struct LocalizedText: Sendable, Hashable, Codable {
    /// The Vietnamese text (NFC).
    public var vi: String
    /// The English text.
    public var en: String

    /// Creates a text in both languages.
    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// The text in `language`.
    public func text(_ language: Language) -> String {
        switch language {
        case .vi: vi
        case .en: en
        }
    }
}
