/// A paper handed in, with the numbers handed in.
public struct SubmittedPaper: Sendable, Hashable, Codable {
    /// Paper id.
    public var id: String
    /// Originals handed in; nil means "as required".
    public var original: Int?
    /// Copies handed in; nil means "as required".
    public var copy: Int?
    /// Shown for checking; nil means "as required".
    public var present: Int?

    /// Creates a submitted paper.
    public init(id: String, original: Int? = nil, copy: Int? = nil, present: Int? = nil) {
        self.id = id
        self.original = original
        self.copy = copy
        self.present = present
    }
}

/// What an example expects.
public struct TestExpectation: Sendable, Hashable, Codable {
    /// Whether the dossier is complete.
    public var complete: Bool?
    /// The paper ids reported missing.
    public var missing: [String]?
    /// The fee in đồng.
    public var fee: Int?
    /// True when the example expects the fee to be undetermined (a provincial amount the schedule lacks).
    public var feeUndetermined: Bool = false
    /// The due instant, ISO 8601 with offset, or ``noDue``.
    public var due: String?

    /// `due: none`: the dossier is complete and has no appointment, the law setting no time.
    public static let noDue = "none"

    /// Creates an expectation.
    public init(complete: Bool?, missing: [String]?, fee: Int?, due: String?) {
        self.complete = complete
        self.missing = missing
        self.fee = fee
        self.due = due
    }
}

/// An example written in a procedure file and checked by `tthc test`.
public struct ProcedureTest: Sendable, Hashable, Codable {
    /// What it shows.
    public var name: String
    /// Fact values given.
    public var facts: [String: Value]
    /// The channel.
    public var channel: Channel
    /// The papers handed in.
    public var papers: [SubmittedPaper]
    /// The receipt instant, ISO 8601 with offset.
    public var received: String
    /// The local date of receipt (selects the version).
    public var receivedDate: ExprDate
    /// What is expected.
    public var expect: TestExpectation
    /// The line of the example in its file, for reports.
    public var line: Int
    /// The provincial fee schedule the example is computed with (nil: the catalogue's only one).
    public var feeSchedule: String?

    /// Creates an example.
    public init(name: String, facts: [String: Value], channel: Channel, papers: [SubmittedPaper], received: String, receivedDate: ExprDate, expect: TestExpectation, line: Int = 0, feeSchedule: String? = nil) {
        self.feeSchedule = feeSchedule
        self.line = line
        self.name = name
        self.facts = facts
        self.channel = channel
        self.papers = papers
        self.received = received
        self.receivedDate = receivedDate
        self.expect = expect
    }
}
