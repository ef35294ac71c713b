/// One paper of the dossier (thành phần hồ sơ) with the numbers required.
public struct Paper: Sendable, Hashable, Codable, Identifiable {
    /// Paper id, unique in the procedure.
    public var id: String
    /// Its name in Vietnamese.
    public var name: String
    /// Originals (bản chính) required.
    public var original: Int
    /// Copies (bản sao) required.
    public var copy: Int
    /// Papers only shown for checking (xuất trình).
    public var present: Int
    /// Required only when this holds.
    public var when: Expr?
    /// Template id of the form to fill in.
    public var form: String?
    /// A remark for the clerk.
    public var note: String?
    /// The shared paper it came from, if any.
    public var shared: String?

    /// Creates a paper.
    public init(id: String, name: String, original: Int, copy: Int, present: Int, when: Expr?, form: String?, note: String?, shared: String?) {
        self.id = id
        self.name = name
        self.original = original
        self.copy = copy
        self.present = present
        self.when = when
        self.form = form
        self.note = note
        self.shared = shared
    }

    /// "01 bản chính, 01 bản sao" as a clerk writes the counts.
    public var countsVietnamese: String {
        var parts: [String] = []
        if original > 0 { parts.append("\(Duration.twoDigits(original)) bản chính") }
        if copy > 0 { parts.append("\(Duration.twoDigits(copy)) bản sao") }
        if present > 0 { parts.append("xuất trình \(Duration.twoDigits(present)) bản chính") }
        return parts.joined(separator: ", ")
    }
}

/// Alternatives: any one of the papers satisfies the requirement.
public struct PaperAlternatives: Sendable, Hashable, Codable {
    /// What the group is, if named.
    public var name: String?
    /// The alternatives.
    public var options: [Paper]
    /// Required only when this holds.
    public var when: Expr?

    /// Creates a group.
    public init(name: String?, options: [Paper], when: Expr?) {
        self.name = name
        self.options = options
        self.when = when
    }
}

/// An item of the papers list.
public enum PaperRequirement: Sendable, Hashable, Codable {
    /// One paper.
    case paper(Paper)
    /// One of several.
    case oneOf(PaperAlternatives)

    /// The condition under which the item is required.
    public var when: Expr? {
        switch self {
        case .paper(let p): p.when
        case .oneOf(let g): g.when
        }
    }
}
