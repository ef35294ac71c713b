internal import Foundation
public import TTHCEngine

/// Where a ``PostgresDossierStore`` connects, parsed from a URL:
///
///     postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME&sslmode=disable|prefer|require&host=/socket/dir]
///
/// `postgresql://` is accepted too. The port defaults to 5432 and the user must be given. The
/// password may also come from the `PGPASSWORD` environment variable (so it stays out of command
/// lines); it is never printed: ``description`` and every error show the URL without it. `schema`
/// names the PostgreSQL schema holding the store's tables (created if missing; default: the
/// server's `search_path`, usually `public`), so several stores can share one database. `sslmode`
/// follows libpq: `prefer` (the default) uses TLS when the server offers it, `require` insists,
/// both without checking the server's certificate; `verify-full` (or `verify-ca`) insists and
/// checks the certificate and host name against the system's trusted roots; `disable` never
/// tries. `host=/dir` connects through the unix socket `/dir/.s.PGSQL.PORT`.
public struct PostgresEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// How the connection uses TLS.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Plain TCP only.
        case disable
        /// TLS when the server offers it, certificate not checked (libpq's default).
        case prefer
        /// TLS or no connection, certificate not checked.
        case require
        /// TLS or no connection, with the certificate and host name checked against the system's
        /// trusted roots.
        case verifyFull = "verify-full"
    }

    /// The server's host name or address (ignored when ``socketDirectory`` is set).
    public var host: String
    /// The server's port.
    public var port: Int
    /// The role to log in as.
    public var user: String
    /// The password, if any (never printed).
    public var password: String?
    /// The database.
    public var database: String
    /// The schema holding the store's tables; nil for the server's `search_path`.
    public var schema: String?
    /// TLS use.
    public var tls: TLSMode
    /// A directory holding the server's unix socket, instead of TCP.
    public var socketDirectory: String?
    /// The most connections the store's pool opens (`pool_size=` in the URL); nil for the store's
    /// default. More connections let more commits share one WAL flush under load; keep the sum over
    /// every instance below the server's `max_connections`.
    public var poolSize: Int?

    /// Creates an endpoint.
    /// - Throws: ``DossierStoreError/backend(_:)`` when `schema` is not a plain identifier.
    public init(host: String, port: Int = 5432, user: String, password: String? = nil, database: String, schema: String? = nil,
                tls: TLSMode = .prefer, socketDirectory: String? = nil) throws(DossierStoreError) {
        if let schema, !Self.isPlainIdentifier(schema) {
            throw .backend("schema '\(schema)' is not a plain identifier (a-z, 0-9, _; at most 63 characters, not starting with a digit)")
        }
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.schema = schema
        self.tls = tls
        self.socketDirectory = socketDirectory
    }

    /// Parses a `postgres://` URL (see the type's documentation). Without a password in the URL,
    /// `PGPASSWORD` from `environment` (nil: the process's environment) is used when present.
    /// - Throws: ``DossierStoreError/backend(_:)`` naming what is wrong, without the password.
    public init(url text: String, environment: [String: String]? = nil) throws(DossierStoreError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "postgres" || scheme == "postgresql"
        else {
            throw .backend("not a postgres:// URL: \(Self.redacting(text))")
        }
        let shown = Self.redacting(text)
        guard let user = components.user?.removingPercentEncoding ?? components.user, !user.isEmpty else {
            throw .backend("the URL names no user (postgres://USER@HOST:PORT/DATABASE): \(shown)")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw .backend("the URL names no database (postgres://USER@HOST:PORT/DATABASE): \(shown)")
        }
        var schema: String?
        var tls = TLSMode.prefer
        var socketDirectory: String?
        var poolSize: Int?
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "schema", "search_path": schema = value.isEmpty ? nil : value
            case "sslmode":
                switch value {
                case "disable", "allow": tls = .disable
                case "prefer": tls = .prefer
                case "require": tls = .require
                case "verify-ca", "verify-full": tls = .verifyFull
                default: throw .backend("unknown sslmode '\(value)' (disable, prefer, require or verify-full): \(shown)")
                }
            case "host": socketDirectory = value.hasPrefix("/") ? value : nil
            case "pool_size":
                guard let size = Int(value), (1...1000).contains(size) else {
                    throw .backend("pool_size must be a whole number from 1 to 1000, not '\(value)': \(shown)")
                }
                poolSize = size
            default: throw .backend("unknown URL parameter '\(item.name)' (schema, sslmode, host or pool_size): \(shown)")
            }
        }
        let host = components.host.flatMap { $0.isEmpty ? nil : $0 }
        guard host != nil || socketDirectory != nil else { throw .backend("the URL names no host: \(shown)") }
        let password = components.password.map { $0.removingPercentEncoding ?? $0 }
            ?? (environment ?? ProcessInfo.processInfo.environment)["PGPASSWORD"]
        try self.init(host: host ?? "localhost", port: components.port ?? 5432, user: user, password: password,
                      database: database.removingPercentEncoding ?? database, schema: schema, tls: tls, socketDirectory: socketDirectory)
        self.poolSize = poolSize
    }

    /// The URL without the password: `postgres://user@host:port/database?schema=…`.
    public var description: String {
        var text = "postgres://\(user)@\(host):\(port)/\(database)"
        var parameters: [String] = []
        if let schema { parameters.append("schema=\(schema)") }
        if tls != .prefer { parameters.append("sslmode=\(tls.rawValue)") }
        if let socketDirectory { parameters.append("host=\(socketDirectory)") }
        if let poolSize { parameters.append("pool_size=\(poolSize)") }
        if !parameters.isEmpty { text += "?" + parameters.joined(separator: "&") }
        return text
    }

    /// The same endpoint with another schema (tests give each store its own).
    /// - Throws: ``DossierStoreError/backend(_:)`` when `schema` is not a plain identifier.
    public func with(schema: String?) throws(DossierStoreError) -> PostgresEndpoint {
        var endpoint = try PostgresEndpoint(host: host, port: port, user: user, password: password, database: database, schema: schema, tls: tls,
                                            socketDirectory: socketDirectory)
        endpoint.poolSize = poolSize
        return endpoint
    }

    /// Lower-case letters, digits and `_`, not starting with a digit, at most 63 bytes: a name
    /// that needs no quoting and cannot inject SQL.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 63, !(0x30...0x39).contains(first) else { return false }
        return name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
    }

    /// `text` with the password of a URL replaced by `***` (for messages).
    static func redacting(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authority = rest[..<(rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex)]
        guard let at = authority.lastIndex(of: "@") else { return text }
        let userInfo = text[schemeEnd.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
