public import TTHCEngine
internal import Foundation
internal import PostgresNIO
internal import TTHCCalendar
internal import TTHCModel

/// The shared ``DossierStore`` for a province running several `tthc serve` instances on one
/// database: PostgreSQL through postgres-nio, with the SQLite store's tables (`events`, the
/// append-only log with primary key (dossier, sequence); `summaries`, one row per dossier
/// rewritten in the same transaction).
///
/// Every ``append(_:expectedVersion:summary:)`` is one transaction, a single statement: it locks
/// the dossier's summary row (`SELECT … FOR UPDATE`) and, only when its version is the expected
/// one, inserts the events and upserts the summary; otherwise nothing is written and the append
/// throws ``DossierStoreError/conflict(_:expected:actual:)``. Two servers
/// acting on one dossier at once are serialised by that row lock; two servers creating one new
/// dossier at once (no row to lock yet) collide on the (dossier, sequence) key, and the loser's
/// unique violation is reported as the same conflict. No event is lost or written twice.
///
/// The schema is brought up to date when the store opens, under an advisory lock, so several
/// processes may start at once (see ``PostgresSchema``). The store owns its connection pool and
/// the task running it: call ``close()`` when done.
public final class PostgresDossierStore: DossierStore {
    /// Settings for opening a store.
    public struct Options: Sendable, Hashable {
        /// The largest number of connections the pool opens.
        public var maximumConnections: Int
        /// How long connecting (and migrating at open) may take, in seconds.
        public var connectTimeout: Double

        /// Creates options.
        public init(maximumConnections: Int = 10, connectTimeout: Double = 10) {
            self.maximumConnections = maximumConnections
            self.connectTimeout = connectTimeout
        }
    }

    /// One dossier's batch, for ``append(batch:)``.
    public typealias Append = DossierAppend

    /// Where the store is (its ``PostgresEndpoint/description`` never shows the password).
    public let endpoint: PostgresEndpoint
    /// The options it was opened with.
    public let options: Options
    let client: PostgresClient
    let runTask: Task<Void, Never>
    let logger: Logger

    /// Opens the store at a `postgres://` URL (see ``PostgresEndpoint``) and brings its schema up
    /// to date.
    /// - Throws: ``DossierStoreError/backend(_:)`` when the URL is malformed, the server cannot be
    ///   reached, or migrating fails; the message never contains the password.
    public convenience init(url: String, options: Options = Options()) async throws(DossierStoreError) {
        try await self.init(endpoint: try PostgresEndpoint(url: url), options: options)
    }

    /// Opens the store at an endpoint and brings its schema up to date.
    /// - Throws: ``DossierStoreError/backend(_:)`` when the server cannot be reached or migrating
    ///   fails; the message never contains the password.
    public init(endpoint: PostgresEndpoint, options: Options = Options()) async throws(DossierStoreError) {
        self.endpoint = endpoint
        self.options = options
        var logger = Logger(label: "tthc.store.postgres")
        logger.logLevel = .critical
        self.logger = logger
        let configuration: PostgresClient.Configuration
        do {
            configuration = try Self.clientConfiguration(endpoint, options)
            try await PostgresMigrator(endpoint: endpoint, options: options, logger: logger).migrate()
        } catch {
            throw Self.backend(error, endpoint: endpoint, doing: "opening \(endpoint)")
        }
        let client = PostgresClient(configuration: configuration)
        self.client = client
        runTask = Task { await client.run() }
    }

    deinit {
        runTask.cancel()
    }

    /// Closes the pool's connections and ends its task; operations afterwards fail with
    /// ``DossierStoreError/backend(_:)``. Safe to call twice.
    public func close() async {
        runTask.cancel()
        await runTask.value
    }

    // MARK: - DossierStore

    /// Appends the events and the summary in one transaction, or throws a conflict when the
    /// dossier's stored version is not `expectedVersion`.
    public func append(_ events: [DossierEvent], expectedVersion: Int, summary: DossierSummary) async throws(DossierStoreError) {
        try validate(events, expectedVersion: expectedVersion, summary: summary)
        let row = SummaryRow(summary)
        let statement = PostgresStatements.AppendOne(key: row.id, expected: expectedVersion, events: try EventRow.encode(events), summary: row)
        try await run(statement, events: events.count, keys: [row.id],
                      checks: [VersionCheck(key: row.id, id: summary.id, expected: expectedVersion, next: summary.version)])
    }

    /// Appends several dossiers' batches in one transaction: all of them, or none when any is
    /// malformed or conflicts (a bulk import). Batches of the same dossier follow each other in
    /// order. It is one statement, so one round trip, whatever the batch's size.
    public func append(batch: [Append]) async throws(DossierStoreError) {
        guard !batch.isEmpty else { return }
        var events: [EventRow] = []
        var summaries: [String: SummaryRow] = [:]
        var firsts: [ExpectedRow] = []
        var checks: [VersionCheck] = []
        var chained = true
        for item in batch {
            try validate(item.events, expectedVersion: item.expectedVersion, summary: item.summary)
            events += try EventRow.encode(item.events)
            let row = SummaryRow(item.summary)
            if let previous = summaries[row.id] {
                chained = chained && previous.version == item.expectedVersion
            } else {
                firsts.append(ExpectedRow(id: row.id, expected: item.expectedVersion))
            }
            summaries[row.id] = row
            checks.append(VersionCheck(key: row.id, id: item.summary.id, expected: item.expectedVersion, next: item.summary.version))
        }
        let keys = summaries.keys.sorted()
        guard chained else {
            // An action of the batch does not follow the one before it on its dossier: a conflict,
            // named as SQLite's store names it (the first action whose version is not the one found).
            throw try await conflict(checks, keys: keys)
        }
        let statement: PostgresStatements.Append
        do {
            let encoder = JSONEncoder()
            statement = PostgresStatements.Append(keys: keys, expected: String(decoding: try encoder.encode(firsts), as: UTF8.self),
                                                  events: String(decoding: try encoder.encode(events), as: UTF8.self),
                                                  summaries: String(decoding: try encoder.encode(keys.compactMap { summaries[$0] }), as: UTF8.self))
        } catch {
            throw .invalidBatch("cannot encode the batch: \(error)")
        }
        try await run(statement, events: events.count, keys: keys, checks: checks)
    }

    /// Runs an append statement (``PostgresStatements/AppendOne`` or ``PostgresStatements/Append``:
    /// both lock, check every dossier's version and write in one statement) and turns its answer
    /// (events written, summaries written, the stored versions seen) into success or the conflict.
    private func run<Statement: PostgresPreparedStatement>(_ statement: Statement, events: Int, keys: [String], checks: [VersionCheck])
        async throws(DossierStoreError) where Statement.Row == (Int, Int, String) {
        var outcome: (written: Int, summarised: Int, seen: String)?
        do {
            for try await row in try await client.execute(statement, logger: logger) {
                outcome = row
            }
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            // Another server created one of these dossiers first (no summary row was there to lock):
            // the same conflict, named from the versions it committed.
            throw try await conflict(checks, keys: keys)
        } catch {
            throw Self.backend(error, endpoint: endpoint, doing: "appending")
        }
        guard let (written, summarised, seen) = outcome else { throw .backend("appending: PostgreSQL answered no row") }
        if written == events, summarised == keys.count { return }
        guard written == 0, summarised == 0 else {
            throw .backend("appending: \(written) of \(events) events and \(summarised) of \(keys.count) summaries written")
        }
        let stored: [String: Int]
        do {
            stored = try JSONDecoder().decode([String: Int].self, from: Data(seen.utf8))
        } catch {
            throw .backend("appending: cannot read the versions PostgreSQL saw: \(error)")
        }
        throw Self.firstConflict(checks, stored: stored) ?? .backend("appending: nothing written, yet no version differs")
    }

    /// The events of a dossier after `sequence`, in order.
    public func events(of id: DossierID, after sequence: Int) async throws(DossierStoreError) -> [DossierEvent] {
        let statement = PostgresStatements.Events(dossier: PostgresText.key(id.rawValue), after: max(0, sequence))
        return try await prepared(statement, doing: "reading the events of \(id)")
    }

    /// The summary of a dossier, nil when unknown.
    public func summary(of id: DossierID) async throws(DossierStoreError) -> DossierSummary? {
        try await prepared(PostgresStatements.Summary(dossier: PostgresText.key(id.rawValue)), doing: "reading the summary of \(id)").first
    }

    /// The summaries matching a query, by statutory due (none last), then id.
    public func summaries(_ query: DossierQuery) async throws(DossierStoreError) -> [DossierSummary] {
        try await rows(PostgresQueryBuilder.select(query), doing: "querying summaries", SummaryRow.decode)
    }

    // MARK: - Extras

    /// The number of dossiers and of events held.
    public func counts() async throws(DossierStoreError) -> (dossiers: Int, events: Int) {
        let query: PostgresQuery = "SELECT (SELECT count(*) FROM summaries), (SELECT count(*) FROM events)"
        let counts = try await rows(query, doing: "counting") { row in try row.decode((Int, Int).self) }
        return counts.first ?? (0, 0)
    }

    /// The versions of the schema applied, in order (from `schema_migrations`).
    public func appliedMigrations() async throws(DossierStoreError) -> [Int] {
        try await rows("SELECT version FROM schema_migrations ORDER BY version", doing: "reading schema_migrations") { row in
            try row.decode(Int.self)
        }
    }

    /// PostgreSQL's plan for a query (`EXPLAIN`), one line per node: to check that the centre's
    /// daily queries use their indexes. With `forceIndexes`, sequential scans are disabled for the
    /// plan (on a small table PostgreSQL rightly prefers them).
    public func queryPlan(_ query: DossierQuery, forceIndexes: Bool = false) async throws(DossierStoreError) -> [String] {
        let select = PostgresQueryBuilder.select(query)
        let explain = PostgresQuery(unsafeSQL: "EXPLAIN " + select.sql, binds: select.binds)
        let logger = logger
        do {
            return try await client.withTransaction(logger: logger) { connection in
                if forceIndexes { try await connection.query("SET LOCAL enable_seqscan = off", logger: logger) }
                var lines: [String] = []
                for try await row in try await connection.query(explain, logger: logger) { lines.append(try row.decode(String.self)) }
                return lines
            }
        } catch {
            throw Self.backend(Self.unwrap(error), endpoint: endpoint, doing: "explaining a query")
        }
    }

    // MARK: - Helpers

    func rows<T: Sendable>(_ query: PostgresQuery, doing what: String, _ decode: @Sendable @escaping (PostgresRow) throws -> T) async throws(DossierStoreError) -> [T] {
        do {
            var result: [T] = []
            for try await row in try await client.query(query, logger: logger) { result.append(try decode(row)) }
            return result
        } catch let error as DossierStoreError {
            throw error
        } catch {
            throw Self.backend(error, endpoint: endpoint, doing: what)
        }
    }

    func prepared<Statement: PostgresPreparedStatement>(_ statement: Statement, doing what: String) async throws(DossierStoreError) -> [Statement.Row] {
        do {
            var result: [Statement.Row] = []
            for try await row in try await client.execute(statement, logger: logger) { result.append(row) }
            return result
        } catch let error as DossierStoreError {
            throw error
        } catch {
            throw Self.backend(Self.unwrap(error), endpoint: endpoint, doing: what)
        }
    }

    /// The conflict of a batch that was not written, from the versions stored now.
    func conflict(_ checks: [VersionCheck], keys: [String]) async throws(DossierStoreError) -> DossierStoreError {
        var binds = PostgresBindings()
        binds.append(keys)
        let pairs = try await rows(PostgresQuery(unsafeSQL: PostgresSchema.selectVersions, binds: binds), doing: "reading the versions after a conflict") { row in
            try row.decode((String, Int).self)
        }
        let stored = Dictionary(pairs, uniquingKeysWith: { a, _ in a })
        if let conflict = Self.firstConflict(checks, stored: stored) { return conflict }
        // The versions moved again since: report the first action.
        guard let first = checks.first else { return .backend("appending: an empty batch conflicted") }
        return .conflict(first.id, expected: first.expected, actual: stored[first.key] ?? 0)
    }

    /// The first action whose expected version is not the stored one (following the batch's own
    /// earlier actions on the same dossier).
    static func firstConflict(_ checks: [VersionCheck], stored: [String: Int]) -> DossierStoreError? {
        var current = stored
        for check in checks {
            let actual = current[check.key] ?? 0
            guard actual == check.expected else { return .conflict(check.id, expected: check.expected, actual: actual) }
            current[check.key] = check.next
        }
        return nil
    }

    static func unwrap(_ error: any Error) -> any Error {
        if let transaction = error as? PostgresTransactionError {
            return transaction.closureError ?? transaction.commitError ?? transaction.beginError ?? error
        }
        return error
    }

    static func clientConfiguration(_ endpoint: PostgresEndpoint, _ options: Options) throws -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let directory = endpoint.socketDirectory {
            configuration = PostgresClient.Configuration(unixSocketPath: "\(directory)/.s.PGSQL.\(endpoint.port)", username: endpoint.user,
                                                         password: endpoint.password, database: endpoint.database)
        } else {
            let tls: PostgresClient.Configuration.TLS = switch endpoint.tls {
            case .disable: .disable
            case .prefer: .prefer(Self.tlsConfiguration(verifying: false))
            case .require: .require(Self.tlsConfiguration(verifying: false))
            case .verifyFull: .require(Self.tlsConfiguration(verifying: true))
            }
            configuration = PostgresClient.Configuration(host: endpoint.host, port: endpoint.port, username: endpoint.user,
                                                         password: endpoint.password, database: endpoint.database, tls: tls)
        }
        configuration.options.maximumConnections = max(1, endpoint.poolSize ?? options.maximumConnections)
        configuration.options.connectTimeout = .milliseconds(Int64(max(0.1, options.connectTimeout) * 1000))
        configuration.options.additionalStartupParameters = PostgresDossierStore.startupParameters(endpoint)
        return configuration
    }

    /// The settings every session of the store starts with, the pool's and the migrator's alike:
    /// statements planned once and kept (prepared statements; PostgreSQL's default would go on
    /// re-planning the append at every call while its generic plan looks dearer, which was the
    /// largest share of its CPU under load), and the endpoint's schema as the search path.
    static func startupParameters(_ endpoint: PostgresEndpoint) -> [(String, String)] {
        [("plan_cache_mode", "force_generic_plan")] + (endpoint.schema.map { [("search_path", $0)] } ?? [])
    }

    /// TLS as libpq's `sslmode` has it: `prefer` and `require` encrypt without checking the
    /// certificate (Debian's default cluster has a self-signed one), `verify-full` checks it.
    static func tlsConfiguration(verifying: Bool) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if !verifying { configuration.certificateVerification = .none }
        return configuration
    }

    /// A backend error whose message says what failed, without the password: PostgreSQL's own
    /// message and SQLSTATE when the server answered, the connection error otherwise.
    static func backend(_ error: any Error, endpoint: PostgresEndpoint, doing what: String) -> DossierStoreError {
        if let error = error as? DossierStoreError { return error }
        var message: String
        if let psql = error as? PSQLError {
            if let info = psql.serverInfo, let text = info[.message] {
                message = "PostgreSQL \(info[.sqlState] ?? "?"): \(text)"
                if let detail = info[.detail] { message += " (\(detail))" }
            } else if let underlying = psql.underlying {
                message = "\(psql.code): \(underlying)"
            } else {
                message = "\(psql.code)"
            }
        } else if let error = error as? PostgresDecodingError {
            message = "cannot decode column \(error.columnName): \(error.code)"
        } else {
            message = "\(error)"
        }
        message = "\(what): \(message)"
        if let password = endpoint.password, !password.isEmpty {
            message = message.replacingOccurrences(of: password, with: "***")
        }
        return .backend(message)
    }
}

/// Brings a schema up to date on one connection of its own, under an advisory lock.
struct PostgresMigrator {
    let endpoint: PostgresEndpoint
    let options: PostgresDossierStore.Options
    let logger: Logger

    func migrate() async throws {
        var configuration: PostgresConnection.Configuration
        if let directory = endpoint.socketDirectory {
            configuration = PostgresConnection.Configuration(unixSocketPath: "\(directory)/.s.PGSQL.\(endpoint.port)", username: endpoint.user,
                                                             password: endpoint.password, database: endpoint.database)
        } else {
            let tls: PostgresConnection.Configuration.TLS = switch endpoint.tls {
            case .disable: .disable
            case .prefer: .prefer(try NIOSSLContext(configuration: PostgresDossierStore.tlsConfiguration(verifying: false)))
            case .require: .require(try NIOSSLContext(configuration: PostgresDossierStore.tlsConfiguration(verifying: false)))
            case .verifyFull: .require(try NIOSSLContext(configuration: PostgresDossierStore.tlsConfiguration(verifying: true)))
            }
            configuration = PostgresConnection.Configuration(host: endpoint.host, port: endpoint.port, username: endpoint.user,
                                                             password: endpoint.password, database: endpoint.database, tls: tls)
        }
        configuration.options.connectTimeout = .milliseconds(Int64(max(0.1, options.connectTimeout) * 1000))
        configuration.options.additionalStartupParameters = PostgresDossierStore.startupParameters(endpoint)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        do {
            try await migrate(on: connection)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    func migrate(on connection: PostgresConnection) async throws {
        let logger = logger
        let schema = endpoint.schema
        try await connection.withTransaction(logger: logger) { connection in
            // Held until COMMIT: a second process starting now waits here, then finds the work done.
            var lock = PostgresBindings()
            lock.append(PostgresSchema.migrationLockClass)
            lock.append(schema ?? "")
            try await connection.query(PostgresQuery(unsafeSQL: "SELECT pg_advisory_xact_lock($1, hashtext(coalesce(nullif($2, ''), current_schema())))",
                                                     binds: lock), logger: logger)
            if let schema {   // a plain identifier (PostgresEndpoint checks it)
                try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: logger)
            }
            try await connection.query(PostgresQuery(unsafeSQL: PostgresSchema.createMigrationsTable), logger: logger)
            var applied: Set<Int> = []
            for try await version in try await connection.query("SELECT version FROM schema_migrations", logger: logger).decode(Int.self) {
                applied.insert(version)
            }
            for migration in PostgresSchema.migrations where !applied.contains(migration.version) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                var binds = PostgresBindings()
                binds.append(migration.version)
                binds.append(migration.name)
                try await connection.query(PostgresQuery(unsafeSQL: "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", binds: binds),
                                           logger: logger)
            }
        }
    }
}

/// The version a batch's first action on a dossier expects (encoded for ``PostgresSchema/append``).
struct ExpectedRow: Encodable {
    var id: String
    var expected: Int
}

/// An action of a batch, to name the conflict when the batch was not written.
struct VersionCheck {
    /// The dossier as stored (NFC).
    var key: String
    var id: DossierID
    var expected: Int
    var next: Int
}
