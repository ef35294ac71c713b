public import TTHCCalendar
public import TTHCModel

/// A paper that is missing or short, with why it is required and what else would do.
public struct MissingPaper: Sendable, Hashable {
    /// The paper id (for alternatives: the first alternative).
    public var id: String
    /// Its name (for alternatives: the group's name or "one of …").
    public var name: String
    /// The condition that made it required, as written (nil: always required).
    public var condition: String?
    /// The alternatives that would also satisfy the requirement (ids and names).
    public var alternatives: [Paper]
    /// Originals, copies and shown papers still needed.
    public var shortOriginal: Int
    /// Copies still needed.
    public var shortCopy: Int
    /// Shown papers still needed.
    public var shortPresent: Int
}

/// One line of the fee computation, naming the rule that produced it.
public struct FeeLine: Sendable, Hashable {
    /// What it is ("Lệ phí", or the rule's label).
    public var label: String
    /// The amount in đồng; nil when it is a provincial amount the schedule does not give.
    public var amount: Int?
    /// The rule's condition as written, when it had one.
    public var condition: String?
    /// The rule's note (often its legal source).
    public var note: String?
}

/// The fee with the rules that produced it.
public struct FeeBreakdown: Sendable, Hashable {
    /// The total in đồng; nil when part of it is a provincial amount the schedule does not give
    /// (then `undetermined` names it, and the clerk looks it up: the engine never guesses).
    public var total: Int?
    /// Provincial fee keys the chosen schedule does not give (or no schedule was chosen).
    public var undetermined: [String] = []
    /// The lines added up (before the online discount).
    public var lines: [FeeLine]
    /// The exemption that applied, if any (its condition and note).
    public var exemption: FeeExemption?
    /// The online discount applied, if any.
    public var discount: OnlineDiscount?
    /// True when the procedure has no fee at all.
    public var none: Bool
}

/// The answer to "is this dossier complete, what does it cost, when is it due?".
public struct Assessment: Sendable, Hashable {
    /// The version the dossier was judged by.
    public var version: ProcedureVersion
    /// The facts it was judged by: the given ones typed by their declarations (an int widened to
    /// money, a text to an enumeration case) and the version's defaults for the others.
    public var facts: [String: Value]
    /// Whether every required paper is there in the required numbers.
    public var complete: Bool
    /// What is missing or short.
    public var missing: [MissingPaper]
    /// The fee.
    public var fee: FeeBreakdown
    /// The statutory time that applies (after case selection).
    public var duration: Duration
    /// The condition of the deadline case that applied, if any.
    public var deadlineCase: String?
    /// The due date, present only when the dossier is complete (an incomplete dossier is not
    /// received) and the law sets a time (`duration` is not ``Duration/noTimeLimit``).
    public var due: DueDate?
    /// How the due date was counted, when there is one.
    public var explanation: DueExplanation?
}
