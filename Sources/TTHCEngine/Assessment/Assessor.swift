public import TTHCCalendar
public import TTHCModel

/// Why an assessment could not be made: problems with the input, each stated plainly.
public struct AssessmentFailure: Error, Sendable, Hashable {
    /// Every problem found (all of them, not only the first).
    public var problems: [InputProblem]
}

/// Judges a dossier against a procedure: the version in force at receipt, completeness (papers,
/// counts, conditions, alternatives), the fee with the rules that produced it, and the appointment
/// date on the procedure's calendar. Pure: no I/O and no clock.
public struct Assessor: Sendable {
    /// Working calendars by id.
    public var calendars: [String: WorkingCalendar]
    /// The province's fee schedule, for amounts procedures leave to the province.
    public var feeSchedule: FeeSchedule?

    /// Creates an assessor over compiled calendars and the deployment's fee schedule.
    public init(calendars: [String: WorkingCalendar], feeSchedule: FeeSchedule? = nil) {
        self.calendars = calendars
        self.feeSchedule = feeSchedule
    }

    /// Assesses `input` against `procedure`.
    public func assess(_ procedure: Procedure, _ input: DossierInput) -> Result<Assessment, AssessmentFailure> {
        let offset = UTCOffset.vietnam
        let local = input.received.local(at: offset).date
        let receivedDate = ExprDate(year: local.year, month: local.month, day: local.day)
        guard let version = procedure.version(on: receivedDate) else {
            return .failure(AssessmentFailure(problems: [.noVersionInForce(receivedDate)]))
        }
        var problems: [InputProblem] = []
        if !version.channels.contains(input.channel) { problems.append(.channelNotOffered(input.channel)) }
        let facts = resolveFacts(version, input.facts, &problems)
        let known = Set(version.allPapers.map(\.id))
        var handedIn: [String: SubmittedPaper] = [:]
        for paper in input.papers {
            if !known.contains(paper.id) { problems.append(.unknownPaper(paper.id)); continue }
            if [paper.original, paper.copy, paper.present].contains(where: { ($0 ?? 0) < 0 }) { problems.append(.negativeCount(paper.id)); continue }
            handedIn[paper.id] = paper
        }
        guard problems.isEmpty else { return .failure(AssessmentFailure(problems: problems)) }

        let env = ExprEnvironment(facts: facts, channel: input.channel.rawValue, received: receivedDate)
        do {
            let missing = try missingPapers(version, handedIn, env)
            let fee = try FeeCalculator(env: env, channel: input.channel, receivedDate: receivedDate, schedule: feeSchedule).compute(version.fee)
            var duration = version.deadline.base
            var caseText: String?
            for item in version.deadline.cases where try holds(item.when, env) {
                duration = item.duration
                caseText = item.when.sourceText
                break
            }
            var due: DueDate?
            var explanation: DueExplanation?
            if missing.isEmpty, let period = duration.period {
                guard let calendar = calendars[version.calendar] else {
                    return .failure(AssessmentFailure(problems: [.calendarFailed("không có lịch '\(version.calendar)'")]))
                }
                do {
                    let explained = try calendar.explainDue(from: input.received, period, cutoff: version.deadline.cutoff)
                    due = explained.due
                    explanation = explained
                } catch {
                    return .failure(AssessmentFailure(problems: [.calendarFailed(String(describing: error))]))
                }
            }
            return .success(Assessment(version: version, facts: facts, complete: missing.isEmpty, missing: missing, fee: fee, duration: duration,
                                       deadlineCase: caseText, due: due, explanation: explanation))
        } catch {
            return .failure(AssessmentFailure(problems: [.evaluationFailed(String(describing: error))]))
        }
    }

    /// Checks the given facts against their declarations and fills in defaults.
    func resolveFacts(_ version: ProcedureVersion, _ given: [String: Value], _ problems: inout [InputProblem]) -> [String: Value] {
        var facts: [String: Value] = [:]
        for (name, value) in given.sorted(by: { $0.key < $1.key }) {
            guard let fact = version.fact(name) else { problems.append(.undeclaredFact(name)); continue }
            guard let checked = Self.check(value, against: fact) else { problems.append(.wrongFactType(fact: name, expected: fact.type)); continue }
            if !Self.inBounds(checked, fact) { problems.append(.factOutOfRange(fact: name)); continue }
            facts[name] = checked
        }
        for fact in version.facts where facts[fact.name] == nil && given[fact.name] == nil {
            if let value = fact.defaultValue { facts[fact.name] = value } else { problems.append(.missingFact(fact.name)) }
        }
        return facts
    }

    /// The value converted to the fact's type, or nil when it does not fit (an int widens to money).
    static func check(_ value: Value, against fact: Fact) -> Value? {
        switch (fact.type, value) {
        case (.bool, .bool), (.int, .int), (.money, .money), (.date, .date), (.text, .text): return value
        case (.money, .int(let n)): return .money(n)
        case (.enumeration(_, let cases), .enumCase(let c)) where cases.contains(c): return value
        case (.enumeration(_, let cases), .text(let c)) where cases.contains(c): return .enumCase(c)
        default: return nil
        }
    }

    static func inBounds(_ value: Value, _ fact: Fact) -> Bool {
        let number: Int
        switch value {
        case .int(let n), .money(let n): number = n
        default: return true
        }
        if let minimum = fact.minimum, number < minimum { return false }
        if let maximum = fact.maximum, number > maximum { return false }
        return true
    }

    func holds(_ condition: Expr?, _ env: ExprEnvironment) throws -> Bool {
        guard let condition else { return true }
        return try condition.evaluate(in: env) == .bool(true)
    }

    /// The papers missing or short, in the order of the procedure.
    func missingPapers(_ version: ProcedureVersion, _ handedIn: [String: SubmittedPaper], _ env: ExprEnvironment) throws -> [MissingPaper] {
        var missing: [MissingPaper] = []
        for requirement in version.papers where try holds(requirement.when, env) {
            switch requirement {
            case .paper(let paper):
                if let short = shortfall(paper, handedIn[paper.id]) {
                    missing.append(MissingPaper(id: paper.id, name: paper.name, condition: paper.when?.sourceText, alternatives: [],
                                                shortOriginal: short.0, shortCopy: short.1, shortPresent: short.2))
                }
            case .oneOf(let group):
                // Only the alternatives whose own condition holds in this case can stand in; a
                // group none of whose alternatives applies asks for nothing.
                let options = try group.options.filter { try holds($0.when, env) }
                guard !options.isEmpty else { continue }
                let shortfalls = options.map { shortfall($0, handedIn[$0.id]) }
                guard !shortfalls.contains(where: { $0 == nil }) else { continue }
                // Name the alternative the applicant came closest with (one handed in but short), else the first.
                let index = options.indices.first { handedIn[options[$0].id] != nil } ?? 0
                let paper = options[index]
                let short = shortfalls[index] ?? (paper.original, paper.copy, paper.present)
                missing.append(MissingPaper(id: paper.id, name: group.name ?? paper.name, condition: group.when?.sourceText,
                                            alternatives: options, shortOriginal: short.0, shortCopy: short.1, shortPresent: short.2))
            }
        }
        return missing
    }

    /// What is still needed of `paper` given what was handed in; nil when satisfied.
    func shortfall(_ paper: Paper, _ given: SubmittedPaper?) -> (Int, Int, Int)? {
        guard let given else { return (paper.original, paper.copy, paper.present) }
        let original = max(0, paper.original - (given.original ?? paper.original))
        let copy = max(0, paper.copy - (given.copy ?? paper.copy))
        let present = max(0, paper.present - (given.present ?? paper.present))
        return original + copy + present == 0 ? nil : (original, copy, present)
    }
}

extension Duration {
    /// The calendar library's period for this statutory time; nil when the law sets no time.
    public var period: DuePeriod? {
        switch self {
        case .workingDays(let n): .workingDays(n)
        case .workingHours(let n): .workingHours(n)
        case .calendarDays(let n): .calendarDays(n)
        case .sameDay(let cutoff): .sameDay(cutoff: cutoff)
        case .noTimeLimit: nil
        }
    }
}
