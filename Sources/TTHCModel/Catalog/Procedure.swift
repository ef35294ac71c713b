/// A submission channel (cách thức thực hiện).
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Trực tiếp, at the one-stop desk.
    case inPerson = "in_person"
    /// Trực tuyến, through the public service portal.
    case online
    /// Qua dịch vụ bưu chính công ích.
    case postal

    /// The Vietnamese name.
    public var vietnamese: String {
        switch self {
        case .inPerson: "Trực tiếp"
        case .online: "Trực tuyến"
        case .postal: "Qua dịch vụ bưu chính"
        }
    }
}

/// The level of government that decides (after the 2025 two-tier reform).
public enum Level: String, Sendable, Hashable, Codable, CaseIterable {
    /// Cấp xã (commune, ward, special zone).
    case xa
    /// Cấp tỉnh.
    case tinh
    /// Trung ương.
    case trungUong = "trung-uong"

    /// The Vietnamese name.
    public var vietnamese: String {
        switch self {
        case .xa: "Cấp xã"
        case .tinh: "Cấp tỉnh"
        case .trungUong: "Trung ương"
        }
    }
}

/// Who may apply.
public enum Applicant: String, Sendable, Hashable, Codable, CaseIterable {
    /// Công dân.
    case citizen
    /// Tổ chức.
    case organization
}

/// One administrative procedure with all its versions.
public struct Procedure: Sendable, Hashable, Codable, Identifiable {
    /// Stable id, unique in the catalogue.
    public var id: String
    /// National catalogue code (mã TTHC), when known for sure.
    public var code: String?
    /// Official name.
    public var name: String
    /// Field id (lĩnh vực).
    public var field: String
    /// Deciding level.
    public var level: Level
    /// Deciding agency id.
    public var agency: String
    /// Who may apply.
    public var applicants: [Applicant]
    /// The file it was compiled from, relative to the catalogue root.
    public var source: String
    /// Versions in increasing order of `effective`; periods never overlap.
    public var versions: [ProcedureVersion]
    /// The examples written in the file.
    public var tests: [ProcedureTest]
    /// Open points for legal staff.
    public var review: [String]
    /// A free note for clerks.
    public var note: String?

    /// Creates a procedure.
    public init(id: String, code: String?, name: String, field: String, level: Level, agency: String, applicants: [Applicant], source: String, versions: [ProcedureVersion], tests: [ProcedureTest], review: [String], note: String?) {
        self.id = id
        self.code = code
        self.name = name
        self.field = field
        self.level = level
        self.agency = agency
        self.applicants = applicants
        self.source = source
        self.versions = versions
        self.tests = tests
        self.review = review
        self.note = note
    }

    /// The version in force on `date` (a local date), or nil when none was.
    public func version(on date: ExprDate) -> ProcedureVersion? {
        versions.last { $0.effective <= date && ($0.until.map { date <= $0 } ?? true) }
    }

    /// The newest version (for showing a procedure with no date asked).
    public var latest: ProcedureVersion? { versions.last }
}

/// The content of a procedure during one period.
public struct ProcedureVersion: Sendable, Hashable, Codable {
    /// First day in force.
    public var effective: ExprDate
    /// Last day in force, if the text says.
    public var until: ExprDate?
    /// What changed, for the version history.
    public var note: String?
    /// How a dossier may be submitted.
    public var channels: [Channel]
    /// Laws, decrees, circulars with articles.
    public var legalBasis: [String]
    /// What the applicant receives.
    public var result: [String]
    /// The working-day calendar id.
    public var calendar: String
    /// The typed questions about a case.
    public var facts: [Fact]
    /// The papers required.
    public var papers: [PaperRequirement]
    /// The statutory time.
    public var deadline: Deadline
    /// The workflow.
    public var steps: [Step]
    /// The fee.
    public var fee: Fee

    /// Creates a version.
    public init(effective: ExprDate, until: ExprDate?, note: String?, channels: [Channel], legalBasis: [String], result: [String], calendar: String, facts: [Fact], papers: [PaperRequirement], deadline: Deadline, steps: [Step], fee: Fee) {
        self.effective = effective
        self.until = until
        self.note = note
        self.channels = channels
        self.legalBasis = legalBasis
        self.result = result
        self.calendar = calendar
        self.facts = facts
        self.papers = papers
        self.deadline = deadline
        self.steps = steps
        self.fee = fee
    }

    /// The fact named `name`.
    public func fact(_ name: String) -> Fact? { facts.first { $0.name == name } }

    /// Every paper, alternatives included, in order.
    public var allPapers: [Paper] {
        papers.flatMap { requirement -> [Paper] in
            switch requirement {
            case .paper(let p): [p]
            case .oneOf(let group): group.options
            }
        }
    }
}

/// A typed question about a case (a fact), with its Vietnamese label.
public struct Fact: Sendable, Hashable, Codable {
    /// The name used in conditions.
    public var name: String
    /// Its type.
    public var type: ValueType
    /// The question as a clerk asks it.
    public var label: String
    /// The value used when a dossier does not give one; nil makes the fact required.
    public var defaultValue: Value?
    /// Lower bound for int and money.
    public var minimum: Int?
    /// Upper bound for int and money.
    public var maximum: Int?
    /// Vietnamese labels of enum values.
    public var caseLabels: [String: String]

    /// Creates a fact.
    public init(name: String, type: ValueType, label: String, defaultValue: Value?, minimum: Int?, maximum: Int?, caseLabels: [String: String]) {
        self.name = name
        self.type = type
        self.label = label
        self.defaultValue = defaultValue
        self.minimum = minimum
        self.maximum = maximum
        self.caseLabels = caseLabels
    }
}
