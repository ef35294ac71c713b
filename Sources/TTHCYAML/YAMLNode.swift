public import TTHCDiagnostics

/// How a scalar was written. Kept so the compiler can tell `"08"` (clearly text) from `08`.
public enum ScalarStyle: Sendable, Hashable {
    /// Unquoted.
    case plain
    /// `'…'`
    case singleQuoted
    /// `"…"`
    case doubleQuoted
    /// `|` block.
    case literal
    /// `>` block.
    case folded

    /// Whether the scalar was quoted or written as a block, which makes it text for certain.
    public var isQuotedOrBlock: Bool { self != .plain }
}

/// A scalar exactly as written: its text (NFC-normalised) and style, never typed by YAML 1.1 guessing
/// (`no`, `on`, `08`, `1.10` stay text until the compiler's schema decides).
public struct YAMLScalar: Sendable, Hashable {
    /// The scalar's text, after YAML unescaping and NFC normalisation.
    public var value: String
    /// How it was written.
    public var style: ScalarStyle
    /// An explicit tag such as `tag:yaml.org,2002:str`, if one was written.
    public var tag: String?

    /// Creates a scalar.
    public init(value: String, style: ScalarStyle, tag: String? = nil) {
        self.value = value
        self.style = style
        self.tag = tag
    }

    /// Whether this is YAML's null (`~`, `null`, or nothing, written plain).
    public var isNull: Bool {
        style == .plain && tag == nil && (value.isEmpty || value == "~" || value == "null" || value == "Null" || value == "NULL")
    }
}

/// A key and its value in a mapping, in source order.
public struct YAMLPair: Sendable, Hashable {
    /// The key node (usually a scalar).
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A node of the YAML tree. Every node keeps its source range, so every later diagnostic can point at
/// the exact place; mappings keep their keys in order and keep duplicates (reported, never merged
/// silently).
public struct YAMLNode: Sendable, Hashable {
    /// What the node holds.
    public indirect enum Kind: Sendable, Hashable {
        /// A scalar.
        case scalar(YAMLScalar)
        /// A mapping: pairs in source order (duplicates kept, after `<<` merges).
        case mapping([YAMLPair])
        /// A sequence.
        case sequence([YAMLNode])
    }

    /// What the node holds.
    public var kind: Kind
    /// Where it was written (for an alias, where the anchored node was written).
    public var range: SourceRange

    /// Creates a node.
    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let s) = kind { return s }
        return nil
    }

    /// The pairs, if this node is a mapping.
    public var pairs: [YAMLPair]? {
        if case .mapping(let p) = kind { return p }
        return nil
    }

    /// The items, if this node is a sequence.
    public var items: [YAMLNode]? {
        if case .sequence(let i) = kind { return i }
        return nil
    }

    /// A short name of the node's kind in `language`, for messages ("bảng khóa–giá trị", "danh sách", …).
    public func kindName(_ language: Language) -> String {
        switch kind {
        case .scalar(let s) where s.isNull: return language == .vi ? "giá trị rỗng" : "an empty value"
        case .scalar: return language == .vi ? "giá trị đơn" : "a scalar"
        case .mapping: return language == .vi ? "bảng khóa–giá trị" : "a mapping"
        case .sequence: return language == .vi ? "danh sách" : "a list"
        }
    }
}

/// A parsed file: its root node (nil when the file is empty or could not be parsed) and its text.
public struct YAMLDocument: Sendable {
    /// The path the file was read from, as given.
    public var file: String
    /// The text (valid UTF-8 with any byte-order mark removed), for diagnostic snippets.
    public var text: String
    /// The root node.
    public var root: YAMLNode?
}
