import Foundation
import PostgresNIO
import Testing
import TTHCEngine
import TTHCStorePostgres

// The PostgreSQL side of the store tests, apart from the fixtures because NIO's `Channel` would
// hide the model's.

/// The PostgreSQL server of `TTHC_POSTGRES_URL`, where each store gets a schema of its own so that
/// tests run in parallel on one database.
enum PostgresTestDatabase {
    /// The server's URL, nil when the variable is unset or empty.
    static let url: String? = ProcessInfo.processInfo.environment["TTHC_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    /// Whether a missing server fails the PostgreSQL tests instead of skipping them (CI).
    static let required = ProcessInfo.processInfo.environment["TTHC_REQUIRE_POSTGRES"] == "1"
    /// The note a skipped test case shows.
    static let skipNote: Comment = """
        PostgreSQL skipped (here and in the contract and parity tests' postgres cases): set \
        TTHC_POSTGRES_URL=postgres://USER@HOST:PORT/DATABASE to run them
        """

    /// The endpoint, without a schema; skips the running test case (or fails it, when required)
    /// without a server.
    static func endpoint(sourceLocation: SourceLocation = #_sourceLocation) throws -> PostgresEndpoint {
        guard let url else {
            if required { throw PostgresUnavailable() }
            try Test.cancel(skipNote, sourceLocation: sourceLocation)
        }
        return try PostgresEndpoint(url: url).with(schema: nil)
    }

    /// A new schema's name: `tthc_test_` and random hex.
    static func freshSchema() -> String {
        "tthc_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
    }

    /// The endpoint with a fresh schema, dropped when the test case ends.
    static func freshEndpoint(sourceLocation: SourceLocation = #_sourceLocation) async throws -> PostgresEndpoint {
        let base = try endpoint(sourceLocation: sourceLocation)
        let schema = freshSchema()
        await StoreCleanup.register {
            do {
                try await execute("DROP SCHEMA IF EXISTS \(schema) CASCADE", on: base)
            } catch {
                Issue.record("cannot drop schema \(schema): \(String(reflecting: error))")
            }
        }
        return try base.with(schema: schema)
    }

    /// A store on a fresh schema, closed and dropped when the test case ends.
    static func freshStore(options: PostgresDossierStore.Options = .init(maximumConnections: 4),
                           sourceLocation: SourceLocation = #_sourceLocation) async throws -> PostgresDossierStore {
        try await store(on: try await freshEndpoint(sourceLocation: sourceLocation), options: options)
    }

    /// Another store (another pool, as another process would have) on an endpoint, closed when the
    /// test case ends.
    static func store(on endpoint: PostgresEndpoint, options: PostgresDossierStore.Options = .init(maximumConnections: 4)) async throws -> PostgresDossierStore {
        let store = try await PostgresDossierStore(endpoint: endpoint, options: options)
        await StoreCleanup.register { await store.close() }
        return store
    }

    /// Runs statements, one after the other, on a connection of their own (set-up and sabotage
    /// for the tests).
    static func execute(_ statements: String..., on endpoint: PostgresEndpoint) async throws {
        var configuration = PostgresConnection.Configuration(host: endpoint.host, port: endpoint.port, username: endpoint.user,
                                                             password: endpoint.password, database: endpoint.database, tls: .disable)
        if let schema = endpoint.schema { configuration.options.additionalStartupParameters = [("search_path", schema)] }
        let logger = Logger(label: "tthc.tests")
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            for sql in statements { try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) }
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    struct PostgresUnavailable: Error, CustomStringConvertible {
        var description: String { "TTHC_REQUIRE_POSTGRES=1 but TTHC_POSTGRES_URL is not set: no PostgreSQL server to test" }
    }
}
