public import TTHCCalendar
public import TTHCModel

/// Why a service call failed: the decision was refused, the store failed or conflicted, or the
/// dossier is unknown.
public enum DossierServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The command was refused.
    case dossier(DossierError)
    /// The store refused (a conflict: reload and retry) or failed.
    case store(DossierStoreError)
    /// No dossier with this id.
    case notFound(DossierID)

    /// A stable code.
    public var code: String {
        switch self {
        case .dossier(let e): e.code
        case .store(let e): e.code
        case .notFound: "dossier-not-found"
        }
    }

    /// The message in Vietnamese.
    public var vietnamese: String {
        switch self {
        case .dossier(let e): e.vietnamese
        case .store(let e): e.vietnamese
        case .notFound(let id): "Không có hồ sơ \(id)."
        }
    }

    /// The message in English.
    public var english: String {
        switch self {
        case .dossier(let e): e.english
        case .store(let e): e.english
        case .notFound(let id): "No dossier \(id)."
        }
    }

    /// `[code] Vietnamese / English`.
    public var description: String { "[\(code)] \(vietnamese) / \(english)" }
}

/// What happened at the desk: received, or refused at intake with the missing papers.
public struct DossierReception: Sendable {
    /// The dossier as stored.
    public var dossier: Dossier
    /// The assessment it was judged by (completeness, fee, due).
    public var assessment: Assessment
    /// The events written.
    public var events: [DossierEvent]

    /// Whether the dossier was received (false: refused at intake, see `assessment.missing`).
    public var received: Bool { dossier.phase != .refusedAtIntake }
}

/// The facade the CLI and the HTTP service call: receive a dossier (assess it; receive it when
/// complete, refuse it at intake with the missing papers otherwise), act on it, read it, list
/// dossiers. Each action loads the dossier, decides, and appends the events with the loaded
/// version, so a concurrent change surfaces as ``DossierStoreError/conflict(_:expected:actual:)``.
public struct DossierService<Store: DossierStore>: Sendable {
    /// The store.
    public let store: Store
    /// The catalogue, calendars and policy decisions are judged by.
    public let context: DossierContext

    /// Creates a service.
    public init(store: Store, context: DossierContext) {
        self.store = store
        self.context = context
    }

    /// Assesses a dossier handed in at the desk and records the outcome: `received` when complete,
    /// `refused_at_intake` with the missing papers otherwise. Input problems (unknown facts or
    /// papers …) are errors and nothing is recorded.
    /// With `reasons`, the dossier is refused at intake for them even when complete (the clerk's
    /// own refusal, as `tthc dossier receive --refuse` records it); the assessment is still made.
    public func receive(_ id: DossierID, procedure: String, input: DossierInput, by actor: DossierActor, at instant: Instant,
                        note: String? = nil, refusing reasons: [String] = []) async throws(DossierServiceError) -> DossierReception {
        guard let found = context.catalog.procedure(procedure) else { throw .dossier(.unknownProcedure(procedure)) }
        let assessment: Assessment
        switch context.assessor.assess(found, input) {
        case .success(let a): assessment = a
        case .failure(let failure): throw .dossier(.invalidInput(failure.problems))
        }
        let command: DossierCommand = assessment.complete && reasons.isEmpty
            ? .receive(procedure: found.id, input: input)
            : .refuseAtIntake(procedure: found.id, input: input, missing: assessment.missing.map(\.id), reasons: reasons)
        let (dossier, events) = try await commit(Dossier(id: id), command, by: actor, at: instant, note: note)
        return DossierReception(dossier: dossier, assessment: assessment, events: events)
    }

    /// Acts on a dossier. With `expectedVersion` (the version the user saw), a dossier changed since
    /// is a conflict even when the command would still be legal.
    @discardableResult
    public func act(on id: DossierID, _ command: DossierCommand, by actor: DossierActor, at instant: Instant, note: String? = nil,
                    expectedVersion: Int? = nil) async throws(DossierServiceError) -> (dossier: Dossier, events: [DossierEvent]) {
        try await act(on: try await dossier(id), command, by: actor, at: instant, note: note, expectedVersion: expectedVersion)
    }

    /// Acts on a dossier already loaded (by ``dossier(_:)``), saving the second read when the
    /// caller needed the dossier to build the command. The append still checks the loaded version:
    /// a change since the load is a conflict.
    @discardableResult
    public func act(on current: Dossier, _ command: DossierCommand, by actor: DossierActor, at instant: Instant, note: String? = nil,
                    expectedVersion: Int? = nil) async throws(DossierServiceError) -> (dossier: Dossier, events: [DossierEvent]) {
        if let expectedVersion, expectedVersion != current.version {
            throw .store(.conflict(current.id, expected: expectedVersion, actual: current.version))
        }
        return try await commit(current, command, by: actor, at: instant, note: note)
    }

    /// The dossier folded from its events.
    public func dossier(_ id: DossierID) async throws(DossierServiceError) -> Dossier {
        let events = try await history(id)
        do { return try Dossier.replay(events) } catch { throw .dossier(error) }
    }

    /// The events of a dossier, in order.
    public func history(_ id: DossierID) async throws(DossierServiceError) -> [DossierEvent] {
        let events: [DossierEvent]
        do { events = try await store.events(of: id) } catch { throw .store(error) }
        guard !events.isEmpty else { throw .notFound(id) }
        return events
    }

    /// The dossier at an instant: state, step, dues and standing.
    public func status(of id: DossierID, at instant: Instant, dueSoonWithin threshold: Duration = .workingDays(1)) async throws(DossierServiceError) -> DossierStatus {
        let dossier = try await dossier(id)
        do { return try dossier.status(at: instant, in: context, dueSoonWithin: threshold) } catch { throw .dossier(error) }
    }

    /// The dossiers matching a query.
    public func list(_ query: DossierQuery) async throws(DossierServiceError) -> [DossierSummary] {
        do { return try await store.summaries(query) } catch { throw .store(error) }
    }

    /// Dossiers being processed and overdue at `instant`.
    public func overdue(at instant: Instant) async throws(DossierServiceError) -> [DossierSummary] {
        try await list(.overdue(at: instant))
    }

    /// Dossiers being processed, not overdue at `instant`, and due by the end of the `n`-th working
    /// day after it (on the calendar `calendar`, default `vn`).
    public func dueWithin(workingDays n: Int, at instant: Instant, calendar: String = "vn") async throws(DossierServiceError) -> [DossierSummary] {
        let workingCalendar: WorkingCalendar
        do { workingCalendar = try context.calendar(calendar) } catch { throw .dossier(error) }
        let limit: Instant
        do { limit = try workingCalendar.due(from: instant, .workingDays(n)).instant } catch { throw .dossier(.calendar(error)) }
        return try await list(DossierQuery(notOverdueAt: instant, dueBy: limit))
    }

    /// Decides on `dossier` and appends the events with its summary.
    private func commit(_ dossier: Dossier, _ command: DossierCommand, by actor: DossierActor, at instant: Instant,
                        note: String?) async throws(DossierServiceError) -> (dossier: Dossier, events: [DossierEvent]) {
        var next = dossier
        let events: [DossierEvent]
        let summary: DossierSummary
        do {
            events = try next.handle(command, at: instant, by: actor, note: note, in: context)
            summary = try DossierSummary(next, in: context)
        } catch {
            throw .dossier(error)
        }
        do { try await store.append(events, expectedVersion: dossier.version, summary: summary) } catch { throw .store(error) }
        return (next, events)
    }
}
