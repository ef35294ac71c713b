public import TTHCCalendar

/// What the law says about supplements requested during processing.
public enum SupplementClock: String, Sendable, Hashable, Codable, CaseIterable {
    /// Time already used counts; the clock resumes (Decree 61/2018 art. 20, kept by Decree 118/2025).
    case resume
    /// The statutory time starts again when the complete dossier comes back (sector law).
    case restart
}

/// The statutory time (thời hạn giải quyết).
public struct Deadline: Sendable, Hashable, Codable {
    /// The time when no case applies.
    public var base: Duration
    /// Received after this time counts as received on the next working day.
    public var cutoff: TimeOfDay?
    /// Case-dependent times: the first case whose condition holds wins.
    public var cases: [DeadlineCase]
    /// Resume or restart after a supplement.
    public var onSupplement: SupplementClock
    /// The statutory wording.
    public var note: String?

    /// Creates a deadline.
    public init(base: Duration, cutoff: TimeOfDay?, cases: [DeadlineCase], onSupplement: SupplementClock, note: String?) {
        self.base = base
        self.cutoff = cutoff
        self.cases = cases
        self.onSupplement = onSupplement
        self.note = note
    }
}

/// A case-dependent statutory time.
public struct DeadlineCase: Sendable, Hashable, Codable {
    /// When it applies.
    public var when: Expr
    /// The time in that case.
    public var duration: Duration

    /// Creates a case.
    public init(when: Expr, duration: Duration) {
        self.when = when
        self.duration = duration
    }
}

/// Where a step leads.
public enum StepTarget: Sendable, Hashable, Codable {
    /// Another step.
    case step(String)
    /// The end of the workflow.
    case end
}

/// A branch out of a step.
public struct Transition: Sendable, Hashable, Codable {
    /// Taken when this holds (nil: always).
    public var when: Expr?
    /// Where it leads.
    public var to: StepTarget

    /// Creates a transition.
    public init(when: Expr?, to: StepTarget) {
        self.when = when
        self.to = to
    }
}

/// A step of the workflow (trình tự thực hiện).
public struct Step: Sendable, Hashable, Codable, Identifiable {
    /// Step id.
    public var id: String
    /// Name in Vietnamese.
    public var name: String
    /// Role id of who does it.
    public var role: String
    /// Agency id when another agency does it (liên thông).
    public var agency: String?
    /// Time budget.
    public var takes: Duration?
    /// Branches out, in order (first match).
    public var next: [Transition]
    /// Steps this step may send the dossier back to.
    public var rework: [String]

    /// Creates a step.
    public init(id: String, name: String, role: String, agency: String?, takes: Duration?, next: [Transition], rework: [String]) {
        self.id = id
        self.name = name
        self.role = role
        self.agency = agency
        self.takes = takes
        self.next = next
        self.rework = rework
    }
}
