import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import TTHCCalendar
import TTHCCommands
import TTHCCompiler
import TTHCEngine
import TTHCModel
@testable import TTHCService

// A small catalogue on disk (one permit with desk intake, review and signature), a server on an
// in-memory store with a fixed clock, tokens for the people of two wards, and a log handler that
// keeps every line so tests can check that no token is ever logged.

let serviceKey = Data("tthc-test-key-0123456789abcdef0123456789".utf8)

let permitProcedure = """
id: giay-phep-thu-nghiem
name: Cấp giấy phép thử nghiệm
field: thu-nghiem
level: xa
agency: ubnd-xa
channels: [in_person, online]
effective: 2025-07-01
legal_basis: [Nghị định 118/2025/NĐ-CP]
result: [Giấy phép]
papers:
  - {id: application, name: Đơn đề nghị, original: 1}
  - {id: site_plan, name: Bản vẽ hiện trạng, copy: 1}
deadline:
  working_days: 5
steps:
  - {id: intake, name: Tiếp nhận hồ sơ, role: one_stop_clerk, takes: {working_hours: 4}}
  - {id: review, name: Thẩm định hồ sơ, role: officer, takes: {working_days: 2}, rework: [intake]}
  - {id: sign, name: Ký giấy phép, role: chairman, takes: {working_days: 1}}
  - {id: handover, name: Trả kết quả, role: one_stop_clerk}
fee:
  rules:
    - amount: 50_000
"""

/// A complete dossier of the permit, as a client posts it.
func permitDossier(received: String = "2026-03-09T08:00:00+07:00", papers: [String] = ["application", "site_plan"]) -> String {
    let list = papers.map { #"{"id": "\#($0)", "original": 1, "copy": 1}"# }.joined(separator: ", ")
    return #"{"procedure": "giay-phep-thu-nghiem", "received": "\#(received)", "channel": "in_person", "papers": [\#(list)]}"#
}

/// The catalogue folder, written once per process.
let serviceCatalogPath: String = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-service-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: root.appendingPathComponent("_shared"), withIntermediateDirectories: true)
    try? """
    fields: {thu-nghiem: {name: Thử nghiệm}}
    agencies:
      ubnd-xa: {name: Ủy ban nhân dân cấp xã, level: xa}
    roles:
      one_stop_clerk: {name: Công chức Bộ phận một cửa}
      officer: {name: Công chức chuyên môn}
      chairman: {name: Chủ tịch Ủy ban nhân dân}
    """.write(to: root.appendingPathComponent("_shared/registry.yaml"), atomically: true, encoding: .utf8)
    try? permitProcedure.write(to: root.appendingPathComponent("giay-phep-thu-nghiem.yaml"), atomically: true, encoding: .utf8)
    // The shipped calendars: the national one and an example province's (`vi-du-tinh`).
    let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Procedures/calendars")
    try? FileManager.default.copyItem(at: shipped, to: root.appendingPathComponent("calendars"))
    return root.path
}()

/// Log lines kept in memory.
final class LogLines: Sendable {
    let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

struct CapturingLogHandler: LogHandler {
    let sink: LogLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        sink.append("\(event.level) \(event.message) " + all.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " "))
    }
}

/// A server on a fresh in-memory store, its log and its tokens.
struct ServiceFixture {
    let server: TTHCServer
    let logs = LogLines()
    let authority: TokenAuthority

    static let now = Instant(iso8601: "2026-03-09T09:00:00+07:00", defaultOffset: .vietnam) ?? Instant(Date())

    /// A server on `store` (a fresh in-memory one by default; two fixtures on one store are two
    /// service instances on one database).
    init(store: AnyDossierStore = AnyDossierStore(InMemoryDossierStore())) async throws {
        authority = try await TokenAuthority(key: serviceKey)
        let holder = try CatalogHolder(path: serviceCatalogPath)
        server = TTHCServer(catalog: holder, store: store, storeLabel: "memory", authority: authority, now: { ServiceFixture.now })
    }

    func token(_ user: String, _ roles: [String], ward: String? = "phuong-a", lifetime: TimeInterval = 3600) async throws -> String {
        try await authority.mint(ServiceUser(user: user, roles: Set(roles), agency: "ubnd-xa", ward: ward), lifetime: lifetime)
    }

    /// Runs `body` against the router, with a logger that captures every line.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let sink = logs
        let logger = Logger(label: "tthc.test") { _ in CapturingLogHandler(sink: sink) }
        let app = Application(router: server.router(), logger: logger)
        try await app.test(.router, body)
    }
}

extension HTTPFields {
    static func bearer(_ token: String, json: Bool = true, language: String? = nil) -> HTTPFields {
        var fields = HTTPFields()
        fields[.authorization] = "Bearer \(token)"
        if json { fields[.contentType] = "application/json" }
        if let language { fields[.acceptLanguage] = language }
        return fields
    }
}

/// A response body as a JSON object.
func object(_ buffer: ByteBuffer) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any] ?? [:]
}
