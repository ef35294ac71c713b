public import TTHCEngine
internal import Foundation
internal import GRDB
internal import TTHCCalendar

/// The durable ``DossierStore``: one SQLite file through GRDB, in WAL mode, with an `events` table
/// (the append-only log, primary key (dossier, sequence)) and a `summaries` table (one row per
/// dossier, rewritten in the same transaction as the events).
///
/// Every ``append(_:expectedVersion:summary:)`` reads the dossier's stored version inside a write
/// transaction, refuses with ``DossierStoreError/conflict(_:expected:actual:)`` when it is not the
/// expected one, inserts the events and upserts the summary. Either all of it is written or nothing
/// is, and it returns only once committed. Appends arriving while a transaction is being written
/// are committed together in the next one (group commit, see ``SQLiteGroupCommit``), each with its
/// own outcome, so many clerks acting at once share commits. Writes from several tasks are
/// serialised by GRDB's single writer; writes from several processes by SQLite's lock (waiting up
/// to ``Options/busyTimeout``).
///
/// Queries translate ``DossierQuery`` to SQL with the same semantics as
/// ``DossierQuery/matches(_:)`` (the store contract tests run both stores on the same data). Text
/// keys (ids, steps, roles, agencies, procedures) are stored in Unicode NFC, so SQLite's byte
/// comparison agrees with Swift's `String` equality and order.
public final class SQLiteDossierStore: DossierStore {
    /// How hard a commit tries to reach the disk.
    public enum Durability: String, Sendable, Hashable, CaseIterable {
        /// `synchronous = FULL`: the WAL is synced at every commit; a commit survives a power cut.
        case full
        /// `synchronous = NORMAL` (WAL): commits survive a crash of the process; a power cut may
        /// lose the last commits since the last checkpoint, never consistency.
        case normal
    }

    /// Settings for opening a store.
    public struct Options: Sendable, Hashable {
        /// Commit durability (default ``Durability/full``).
        public var durability: Durability
        /// How long a write waits for another process holding the lock, in seconds.
        public var busyTimeout: Double
        /// The largest number of concurrent readers.
        public var maximumReaders: Int
        /// Whether single appends that arrive together share a transaction (default true); false
        /// gives every append a transaction of its own (slower under load, same guarantees).
        public var groupCommit: Bool

        /// Creates options.
        public init(durability: Durability = .full, busyTimeout: Double = 10, maximumReaders: Int = 4, groupCommit: Bool = true) {
            self.durability = durability
            self.busyTimeout = busyTimeout
            self.maximumReaders = maximumReaders
            self.groupCommit = groupCommit
        }
    }

    /// One dossier's batch, for ``append(batch:)``.
    public typealias Append = DossierAppend

    /// The database file.
    public let path: String
    /// The options it was opened with.
    public let options: Options
    let pool: DatabasePool
    let groupCommit: SQLiteGroupCommit

    /// Opens (creating it if needed) the store at `path` and brings its schema up to date.
    /// - Throws: ``DossierStoreError/backend(_:)`` when the file cannot be opened or migrated.
    public init(path: String, options: Options = Options()) throws(DossierStoreError) {
        self.path = path
        self.options = options
        var configuration = Configuration()
        configuration.busyMode = .timeout(options.busyTimeout)
        configuration.maximumReaderCount = max(1, options.maximumReaders)
        configuration.label = "tthc.dossiers"
        let synchronous = options.durability == .full ? "FULL" : "NORMAL"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try SQLiteSchema.migrator.migrate(pool)
            self.pool = pool
            groupCommit = SQLiteGroupCommit(pool: pool)
        } catch {
            throw .backend(Self.describe(error))
        }
    }

    // MARK: - DossierStore

    /// Appends the events and the summary, or throws a conflict when the dossier's stored version is
    /// not `expectedVersion`; returns once committed (possibly in one transaction with other
    /// concurrent appends, each keeping its own outcome).
    public func append(_ events: [DossierEvent], expectedVersion: Int, summary: DossierSummary) async throws(DossierStoreError) {
        let append = Append(events: events, expectedVersion: expectedVersion, summary: summary)
        guard options.groupCommit else { return try await self.append(batch: [append]) }
        try validate(events, expectedVersion: expectedVersion, summary: summary)
        try await groupCommit.write(try WriteRow(append))
    }

    /// Appends several dossiers' batches in one transaction: all of them, or none when any is
    /// malformed or conflicts (a bulk import, or the benchmark's batched mode). Batches of the same
    /// dossier follow each other in order.
    public func append(batch: [Append]) async throws(DossierStoreError) {
        var rows: [WriteRow] = []
        rows.reserveCapacity(batch.count)
        for item in batch {
            try validate(item.events, expectedVersion: item.expectedVersion, summary: item.summary)
            rows.append(try WriteRow(item))
        }
        guard !rows.isEmpty else { return }
        let writes = rows
        do {
            try await pool.write { db in
                for row in writes { try row.write(db) }
            }
        } catch let error as DossierStoreError {
            throw error
        } catch {
            throw .backend(Self.describe(error))
        }
    }

    /// The events of a dossier after `sequence`, in order.
    public func events(of id: DossierID, after sequence: Int) async throws(DossierStoreError) -> [DossierEvent] {
        let key = SQLiteText.key(id.rawValue)
        do {
            return try await pool.read { db in
                let rows = try Row.fetchAll(db.cachedStatement(sql: SQLiteSchema.selectEvents), arguments: [key, sequence])
                return try rows.map(EventRow.decode)
            }
        } catch let error as DossierStoreError {
            throw error
        } catch {
            throw .backend(Self.describe(error))
        }
    }

    /// The summary of a dossier, nil when unknown.
    public func summary(of id: DossierID) async throws(DossierStoreError) -> DossierSummary? {
        let key = SQLiteText.key(id.rawValue)
        do {
            return try await pool.read { db in
                try Row.fetchOne(db.cachedStatement(sql: SQLiteSchema.selectSummary), arguments: [key]).map(SummaryRow.decode)
            }
        } catch let error as DossierStoreError {
            throw error
        } catch {
            throw .backend(Self.describe(error))
        }
    }

    /// The summaries matching a query, by statutory due (none last), then id.
    public func summaries(_ query: DossierQuery) async throws(DossierStoreError) -> [DossierSummary] {
        let (sql, arguments) = SQLiteQuery.select(query)
        do {
            return try await pool.read { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).map(SummaryRow.decode)
            }
        } catch let error as DossierStoreError {
            throw error
        } catch {
            throw .backend(Self.describe(error))
        }
    }

    // MARK: - Extras

    /// The number of dossiers and of events held.
    public func counts() async throws(DossierStoreError) -> (dossiers: Int, events: Int) {
        do {
            return try await pool.read { db in
                let dossiers = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM summaries") ?? 0
                let events = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0
                return (dossiers, events)
            }
        } catch {
            throw .backend(Self.describe(error))
        }
    }

    /// SQLite's plan for a query (`EXPLAIN QUERY PLAN`), one line per step: to check that the
    /// centre's daily queries use their indexes.
    public func queryPlan(_ query: DossierQuery) async throws(DossierStoreError) -> [String] {
        let (sql, arguments) = SQLiteQuery.select(query)
        do {
            return try await pool.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { row in
                    try row.decode(String.self, forColumn: "detail")
                }
            }
        } catch {
            throw .backend(Self.describe(error))
        }
    }

    /// Copies the WAL into the database file (the store works without it; useful before copying
    /// the file or at the end of a bulk import).
    public func checkpoint() async throws(DossierStoreError) {
        do {
            try await pool.writeWithoutTransaction { db in
                _ = try db.checkpoint(.truncate)
            }
        } catch {
            throw .backend(Self.describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "SQLite \(error.resultCode.rawValue): \(error.message ?? "\(error)")"
        }
        return "\(error)"
    }
}

/// A batch ready to write: rows encoded outside the transaction.
struct WriteRow: Sendable {
    let dossier: String
    let expectedVersion: Int
    let events: [EventRow]
    let summary: SummaryRow

    init(_ append: SQLiteDossierStore.Append) throws(DossierStoreError) {
        dossier = SQLiteText.key(append.summary.id.rawValue)
        expectedVersion = append.expectedVersion
        events = try EventRow.encode(append.events)
        summary = SummaryRow(append.summary)
    }

    /// Checks the version, inserts the events, upserts the summary.
    func write(_ db: Database) throws {
        let actual = try Int.fetchOne(db.cachedStatement(sql: SQLiteSchema.selectVersion), arguments: [dossier]) ?? 0
        guard actual == expectedVersion else {
            throw DossierStoreError.conflict(DossierID(summary.id), expected: expectedVersion, actual: actual)
        }
        let insert = try db.cachedStatement(sql: SQLiteSchema.insertEvent)
        for event in events {
            try insert.execute(arguments: event.arguments)
        }
        try db.cachedStatement(sql: SQLiteSchema.upsertSummary).execute(arguments: summary.arguments)
    }
}

/// Text as stored in key columns: NFC, so that byte comparison is `String` comparison.
enum SQLiteText {
    static func key(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
    }

    static func key(_ text: String?) -> String? { text.map { key($0) } }
}
