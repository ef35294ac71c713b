import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import TTHCCommands
import TTHCEngine
import TTHCModel
import UnixSignals

/// `tthc serve`: the JSON API over HTTP until SIGTERM or SIGINT, which finish the requests in
/// flight before stopping; SIGHUP reloads the catalogue.
public struct ServeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Chạy dịch vụ HTTP (API JSON) cho các hệ thống khác: danh mục, kiểm tra hồ sơ, tính hạn, xử lý hồ sơ.")

    /// The address to listen on.
    @Option(name: .long, help: "Địa chỉ lắng nghe (mặc định 127.0.0.1).")
    public var host: String = "127.0.0.1"

    /// The port.
    @Option(name: .long, help: "Cổng (mặc định 8080; 0: cổng trống bất kỳ).")
    public var port: Int = 8080

    /// The dossier store: an SQLite file or a postgres:// URL.
    @Option(name: .long, help: "Kho hồ sơ: tệp SQLite hoặc URL postgres:// (mặc định: tthc.sqlite).")
    public var store: String = "tthc.sqlite"

    /// The catalogue: a folder of procedure files or a compiled bundle.
    @Option(name: .long, help: "Danh mục thủ tục: thư mục YAML hoặc tệp đã biên dịch (mặc định: Procedures).")
    public var catalog: String = "Procedures"

    /// The file holding the token-signing secret (at least 32 bytes).
    @Option(name: .customLong("auth-key"), help: "Tệp chứa khóa bí mật ký mã truy cập (ít nhất 32 byte).")
    public var authKey: String

    /// The log level.
    @Option(name: .customLong("log-level"), help: "Mức ghi nhật ký: trace, debug, info, notice, warning, error, critical (mặc định info).")
    public var logLevel: String = "info"

    public init() {}

    public func run() async throws {
        var logger = Logger(label: "tthc.serve")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let server: TTHCServer
        do {
            server = try await ServiceSetup.server(catalog: catalog, store: store, authKey: authKey)
        } catch {
            FileHandle.standardError.write(Data("lỗi: \(error.vietnamese)\n".utf8))
            throw ExitCode(2)
        }
        logger.notice("tthc serve", metadata: ["host": .string(host), "port": .stringConvertible(port), "store": .string(server.storeLabel),
                                               "catalog_revision": .string(server.catalog.current.catalog.revision)])
        let app = server.application(host: host, port: port, logger: logger)
        let reloader = CatalogReloadOnHangup(server: server, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [.init(service: app), .init(service: reloader)],
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            await server.store.close()
            throw error
        }
        await server.store.close()
    }
}

/// What `tthc serve` needs before it listens: the catalogue, the store and the key; each failure
/// a message, never a crash.
public enum ServiceSetup {
    /// Why the service cannot start.
    public struct Failure: Error, Sendable {
        /// In Vietnamese.
        public var vietnamese: String
        /// In English.
        public var english: String
    }

    /// Loads the catalogue, opens the store and reads the key.
    public static func server(catalog path: String, store location: String, authKey: String) async throws(Failure) -> TTHCServer {
        let authority = try await authority(keyFile: authKey)
        let holder: CatalogHolder
        do {
            holder = try CatalogHolder(path: path)
        } catch {
            throw Failure(vietnamese: error.vietnamese, english: error.english)
        }
        let store: AnyDossierStore
        switch await DossierStoreOpener.open(location) {
        case .failure(let problem): throw Failure(vietnamese: problem.vietnamese, english: problem.english)
        case .success(let opened): store = opened
        }
        return TTHCServer(catalog: holder, store: store, storeLabel: DossierStoreOpener.label(location), authority: authority)
    }

    /// The token authority of the secret in `path` (`--auth-key` of `serve`, `--key` of `token`).
    public static func authority(keyFile path: String) async throws(Failure) -> TokenAuthority {
        guard let key = FileManager.default.contents(atPath: path) else {
            throw Failure(vietnamese: "không đọc được tệp khóa '\(path)'", english: "cannot read the key file '\(path)'")
        }
        do {
            return try await TokenAuthority(key: key)
        } catch {
            throw Failure(vietnamese: "khóa trong '\(path)' quá ngắn: cần ít nhất \(TokenAuthority.minimumKeyLength) byte",
                          english: "the key in '\(path)' is too short: at least \(TokenAuthority.minimumKeyLength) bytes")
        }
    }
}

/// Reloads the catalogue on SIGHUP, keeping the old one when the new one has errors.
struct CatalogReloadOnHangup: Service {
    let server: TTHCServer
    let logger: Logger

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            do {
                try server.reloadCatalog(logger: logger)
            } catch {
                logger.error("catalogue reload failed; the previous catalogue stays in service", metadata: ["error": .string(error.english)])
            }
        }
    }
}
