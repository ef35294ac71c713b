public import TTHCCalendar
public import TTHCModel

/// Where dossiers are kept: an append-only log of events per dossier plus one summary row per
/// dossier for the queries a centre runs all day.
///
/// Contract for implementations (in memory, SQLite with GRDB, PostgreSQL):
/// - ``append(_:expectedVersion:summary:)`` is one transaction: either every event and the new
///   summary are stored, or nothing is. It fails with ``DossierStoreError/conflict(_:expected:actual:)``
///   when the dossier's stored version is not `expectedVersion` (0 for a new dossier), so two clerks
///   acting on one dossier at once never overwrite each other: one wins, the other reloads. In SQL,
///   a unique key on (dossier, sequence) plus a version check on the summary row does this.
/// - Events come back in sequence order, unchanged (they are `Codable`; store the envelope in
///   columns and the kind as JSON).
/// - The summary's fields are plain columns; index (phase), (overdue_from) and (statutory_due)
///   where the clock runs, (step), (role) and (agency) for ``DossierQuery``.
public protocol DossierStore: Sendable {
    /// Appends `events` (all of one dossier, sequences `expectedVersion + 1 …`) with the dossier's
    /// new summary, atomically.
    func append(_ events: [DossierEvent], expectedVersion: Int, summary: DossierSummary) async throws(DossierStoreError)
    /// The events of a dossier with a sequence above `sequence`, in order (empty when unknown).
    func events(of id: DossierID, after sequence: Int) async throws(DossierStoreError) -> [DossierEvent]
    /// The summary of a dossier, nil when unknown.
    func summary(of id: DossierID) async throws(DossierStoreError) -> DossierSummary?
    /// The summaries matching a query, by statutory due (none last), then id.
    func summaries(_ query: DossierQuery) async throws(DossierStoreError) -> [DossierSummary]
}

extension DossierStore {
    /// Every event of a dossier, in order.
    public func events(of id: DossierID) async throws(DossierStoreError) -> [DossierEvent] {
        try await events(of: id, after: 0)
    }

    /// Checks a batch before it is written: non-empty, one dossier matching the summary, sequences
    /// following `expectedVersion` without gaps, the summary's version the last sequence. For
    /// implementations to call first.
    public func validate(_ events: [DossierEvent], expectedVersion: Int, summary: DossierSummary) throws(DossierStoreError) {
        guard let first = events.first else { throw .invalidBatch("no event / không có sự kiện") }
        for (i, event) in events.enumerated() {
            guard event.dossier == first.dossier else { throw .invalidBatch("events of \(first.dossier) and \(event.dossier)") }
            guard event.sequence == expectedVersion + i + 1 else {
                throw .invalidBatch("event \(event.sequence) where \(expectedVersion + i + 1) was expected")
            }
        }
        guard summary.id == first.dossier, summary.version == expectedVersion + events.count else {
            throw .invalidBatch("summary \(summary.id) v\(summary.version) does not match the events")
        }
    }
}

/// Why a store refused or failed.
public enum DossierStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Someone else changed the dossier first: its version is `actual`, not `expected`.
    case conflict(DossierID, expected: Int, actual: Int)
    /// The batch is malformed (nothing was written).
    case invalidBatch(String)
    /// The storage failed (I/O, database error; nothing was written).
    case backend(String)

    /// A stable code, prefixed `store-`.
    public var code: String {
        switch self {
        case .conflict: "store-conflict"
        case .invalidBatch: "store-invalid-batch"
        case .backend: "store-backend"
        }
    }

    /// The message in Vietnamese.
    public var vietnamese: String {
        switch self {
        case .conflict(let id, let expected, let actual):
            "Hồ sơ \(id) vừa được người khác cập nhật (phiên bản \(actual), không phải \(expected)); hãy tải lại hồ sơ rồi thao tác lại."
        case .invalidBatch(let message): "Dữ liệu ghi không hợp lệ, không ghi gì: \(message)"
        case .backend(let message): "Lỗi lưu trữ, không ghi gì: \(message)"
        }
    }

    /// The message in English.
    public var english: String {
        switch self {
        case .conflict(let id, let expected, let actual):
            "Dossier \(id) was just changed by someone else (version \(actual), not \(expected)); reload it and try again."
        case .invalidBatch(let message): "Invalid batch, nothing written: \(message)"
        case .backend(let message): "Storage error, nothing written: \(message)"
        }
    }

    /// `[code] Vietnamese / English`.
    public var description: String { "[\(code)] \(vietnamese) / \(english)" }
}

/// One row per dossier: what listings and queries need, kept with the events in the same
/// transaction.
public struct DossierSummary: Sendable, Hashable, Codable {
    /// The dossier.
    public var id: DossierID
    /// Its version (number of events).
    public var version: Int
    /// Procedure id.
    public var procedure: String
    /// Phase.
    public var phase: DossierPhase
    /// Current step (the return step while a ready result waits there).
    public var step: String?
    /// The current step's role.
    public var role: String?
    /// The agency holding the dossier.
    public var agency: String?
    /// Channel.
    public var channel: Channel
    /// Receipt instant (nil when not received).
    public var receivedAt: Instant?
    /// Statutory due as shown (closing time for day-based times), frozen while the clock stands still.
    public var statutoryDue: Instant?
    /// From when the dossier counts as overdue (nil without a due).
    public var overdueFrom: Instant?
    /// The appointment told to the applicant.
    public var appointment: Instant?
    /// Whether an extension was granted.
    public var extended: Bool
    /// When the clock stopped, while it stands still.
    public var stoppedSince: Instant?
    /// The current step's due.
    public var stepDue: Instant?
    /// Supplement requests made.
    public var supplementRequests: Int
    /// When the result was ready or the dossier refused.
    public var resultAt: Instant?
    /// Early, on time or late, once there is a result.
    public var punctuality: Punctuality?
    /// The instant of the last event.
    public var lastEventAt: Instant
    /// The ward the dossier belongs to (see ``DossierActor/ward``).
    public var ward: String?

    /// Whether the clock stands still.
    public var clockStopped: Bool { stoppedSince != nil }

    /// Creates a summary.
    public init(id: DossierID, version: Int, procedure: String, phase: DossierPhase, step: String?, role: String?, agency: String?,
                channel: Channel, receivedAt: Instant?, statutoryDue: Instant?, overdueFrom: Instant?, appointment: Instant?, extended: Bool,
                stoppedSince: Instant?, stepDue: Instant?, supplementRequests: Int, resultAt: Instant?, punctuality: Punctuality?, lastEventAt: Instant,
                ward: String? = nil) {
        self.id = id
        self.version = version
        self.procedure = procedure
        self.phase = phase
        self.step = step
        self.role = role
        self.agency = agency
        self.channel = channel
        self.receivedAt = receivedAt
        self.statutoryDue = statutoryDue
        self.overdueFrom = overdueFrom
        self.appointment = appointment
        self.extended = extended
        self.stoppedSince = stoppedSince
        self.stepDue = stepDue
        self.supplementRequests = supplementRequests
        self.resultAt = resultAt
        self.punctuality = punctuality
        self.lastEventAt = lastEventAt
        self.ward = ward
    }

    /// The summary of a dossier (with at least one event), using the context for its calendar
    /// and step roles.
    public init(_ dossier: Dossier, in context: DossierContext) throws(DossierError) {
        guard let phase = dossier.phase, let last = dossier.lastEventAt else { throw .notReceived(dossier.id) }
        if let receipt = dossier.receipt {
            let calendar = try context.calendar(receipt.calendar)
            let version = try? context.version(of: receipt).1
            let raw = dossier.statutoryDue ?? receipt.statutoryDue
            let due = raw.map { DossierClock.presented($0, dayBased: receipt.isDayBased, calendar: calendar) }
            let step = dossier.currentStep
            self.init(id: dossier.id, version: dossier.version, procedure: receipt.procedure, phase: phase, step: step,
                      role: step.flatMap { id in version?.steps.first { $0.id == id }?.role }, agency: dossier.agency, channel: receipt.channel,
                      receivedAt: receipt.receivedAt, statutoryDue: due,
                      overdueFrom: due.map { DossierClock.overdueFrom(due: $0, dayBased: receipt.isDayBased, offset: calendar.utcOffset) },
                      appointment: dossier.appointment, extended: !dossier.extensions.isEmpty, stoppedSince: dossier.state.stoppedSince,
                      stepDue: dossier.currentVisit?.due, supplementRequests: dossier.supplementRequests, resultAt: dossier.resultAt,
                      punctuality: dossier.resultAt.flatMap { result in raw.map { DossierClock.punctuality(result: result, due: $0, dayBased: receipt.isDayBased, offset: calendar.utcOffset) } },
                      lastEventAt: last, ward: dossier.ward)
        } else {
            let refusal = dossier.intakeRefusal
            self.init(id: dossier.id, version: dossier.version, procedure: refusal?.procedure ?? "", phase: phase, step: nil, role: nil, agency: nil,
                      channel: refusal?.channel ?? .inPerson, receivedAt: nil, statutoryDue: nil, overdueFrom: nil, appointment: nil, extended: false,
                      stoppedSince: nil, stepDue: nil, supplementRequests: 0, resultAt: nil, punctuality: nil, lastEventAt: last, ward: dossier.ward)
        }
    }
}

/// A query over dossier summaries; every field set must match (nil: any).
public struct DossierQuery: Sendable, Hashable, Codable {
    /// Phases wanted.
    public var phases: Set<DossierPhase>?
    /// Procedure id.
    public var procedure: String?
    /// Current step id.
    public var step: String?
    /// Current step's role.
    public var role: String?
    /// Holding agency.
    public var agency: String?
    /// The ward the dossier belongs to.
    public var ward: String?
    /// Clock running, no result yet, and overdue at this instant (`overdueFrom <= overdueAt`).
    public var overdueAt: Instant?
    /// Clock running, no result yet, and not overdue at this instant.
    public var notOverdueAt: Instant?
    /// Clock running, no result yet, and the statutory due at or before this instant.
    public var dueBy: Instant?
    /// Received at or after this instant.
    public var receivedFrom: Instant?
    /// Received before this instant.
    public var receivedBefore: Instant?
    /// At most this many results.
    public var limit: Int?

    /// Creates a query.
    public init(phases: Set<DossierPhase>? = nil, procedure: String? = nil, step: String? = nil, role: String? = nil, agency: String? = nil,
                overdueAt: Instant? = nil, notOverdueAt: Instant? = nil, dueBy: Instant? = nil, receivedFrom: Instant? = nil,
                receivedBefore: Instant? = nil, limit: Int? = nil, ward: String? = nil) {
        self.phases = phases
        self.procedure = procedure
        self.step = step
        self.role = role
        self.agency = agency
        self.overdueAt = overdueAt
        self.notOverdueAt = notOverdueAt
        self.dueBy = dueBy
        self.receivedFrom = receivedFrom
        self.receivedBefore = receivedBefore
        self.limit = limit
        self.ward = ward
    }

    /// Every dossier.
    public static let all = DossierQuery()
    /// Dossiers not in a final phase.
    public static let open = DossierQuery(phases: Set(DossierPhase.allCases.filter { !$0.isFinal }))

    /// Dossiers being processed and overdue at `instant` (paused and waiting ones are counted apart).
    public static func overdue(at instant: Instant) -> DossierQuery { DossierQuery(overdueAt: instant) }

    /// Whether a summary matches (the reference semantics SQL stores translate to WHERE clauses).
    public func matches(_ s: DossierSummary) -> Bool {
        if let phases, !phases.contains(s.phase) { return false }
        if let procedure, s.procedure != procedure { return false }
        if let step, s.step != step { return false }
        if let role, s.role != role { return false }
        if let agency, s.agency != agency { return false }
        if let ward, s.ward != ward { return false }
        let running = s.phase == .processing && s.resultAt == nil
        if let overdueAt {
            guard running, let from = s.overdueFrom, from <= overdueAt else { return false }
        }
        if let notOverdueAt {
            guard running, let from = s.overdueFrom, from > notOverdueAt else { return false }
        }
        if let dueBy {
            guard running, let due = s.statutoryDue, due <= dueBy else { return false }
        }
        if let receivedFrom {
            guard let r = s.receivedAt, r >= receivedFrom else { return false }
        }
        if let receivedBefore {
            guard let r = s.receivedAt, r < receivedBefore else { return false }
        }
        return true
    }

    /// The order of results: by statutory due (none last), then id.
    public static func precedes(_ a: DossierSummary, _ b: DossierSummary) -> Bool {
        switch (a.statutoryDue, b.statutoryDue) {
        case let (x?, y?) where x != y: x < y
        case (.some, nil): true
        case (nil, .some): false
        default: a.id < b.id
        }
    }
}

/// A store in memory (an actor around dictionaries): for tests, embedding and the benchmark.
public actor InMemoryDossierStore: DossierStore {
    private var logs: [DossierID: [DossierEvent]] = [:]
    private var rows: [DossierID: DossierSummary] = [:]

    /// An empty store.
    public init() {}

    /// Appends atomically, or throws a conflict when the dossier's version is not `expectedVersion`.
    public func append(_ events: [DossierEvent], expectedVersion: Int, summary: DossierSummary) throws(DossierStoreError) {
        try validate(events, expectedVersion: expectedVersion, summary: summary)
        let id = summary.id
        let actual = logs[id]?.count ?? 0
        guard actual == expectedVersion else { throw .conflict(id, expected: expectedVersion, actual: actual) }
        logs[id, default: []].append(contentsOf: events)
        rows[id] = summary
    }

    /// The events after `sequence`.
    public func events(of id: DossierID, after sequence: Int) -> [DossierEvent] {
        guard let log = logs[id], sequence < log.count else { return [] }
        return Array(log[max(0, sequence)...])
    }

    /// The summary of a dossier.
    public func summary(of id: DossierID) -> DossierSummary? { rows[id] }

    /// The summaries matching a query.
    public func summaries(_ query: DossierQuery) -> [DossierSummary] {
        let found = rows.values.filter(query.matches).sorted(by: DossierQuery.precedes)
        return query.limit.map { Array(found.prefix($0)) } ?? found
    }

    /// The number of dossiers and of events held.
    public var counts: (dossiers: Int, events: Int) { (logs.count, logs.values.reduce(0) { $0 + $1.count }) }
}

/// One dossier's events with the version they were decided on and the summary after them: the unit
/// the durable stores' batch appends (`append(batch:)`) take.
public struct DossierAppend: Sendable, Hashable {
    /// The events, sequences `expectedVersion + 1 …`.
    public var events: [DossierEvent]
    /// The version the events were decided on.
    public var expectedVersion: Int
    /// The dossier's summary after them.
    public var summary: DossierSummary

    /// Creates a batch.
    public init(events: [DossierEvent], expectedVersion: Int, summary: DossierSummary) {
        self.events = events
        self.expectedVersion = expectedVersion
        self.summary = summary
    }
}
