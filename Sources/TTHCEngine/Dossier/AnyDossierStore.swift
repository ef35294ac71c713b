/// Any ``DossierStore`` behind one concrete type, for code that chooses its store at run time
/// (the command line's `--store`, the HTTP service): SQLite, PostgreSQL or memory.
public struct AnyDossierStore: DossierStore {
    /// The store forwarded to.
    public let base: any DossierStore
    private let closing: @Sendable () async -> Void

    /// Wraps `base`; `close` releases what it holds (a connection pool), if anything.
    public init(_ base: any DossierStore, close: @escaping @Sendable () async -> Void = {}) {
        self.base = base
        self.closing = close
    }

    /// Releases what the store holds (PostgreSQL's connection pool); operations afterwards may
    /// fail. A store with nothing to release does nothing.
    public func close() async {
        await closing()
    }

    /// Forwards to ``base``.
    public func append(_ events: [DossierEvent], expectedVersion: Int, summary: DossierSummary) async throws(DossierStoreError) {
        try await base.append(events, expectedVersion: expectedVersion, summary: summary)
    }

    /// Forwards to ``base``.
    public func events(of id: DossierID, after sequence: Int) async throws(DossierStoreError) -> [DossierEvent] {
        try await base.events(of: id, after: sequence)
    }

    /// Forwards to ``base``.
    public func summary(of id: DossierID) async throws(DossierStoreError) -> DossierSummary? {
        try await base.summary(of: id)
    }

    /// Forwards to ``base``.
    public func summaries(_ query: DossierQuery) async throws(DossierStoreError) -> [DossierSummary] {
        try await base.summaries(query)
    }
}
