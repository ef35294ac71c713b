import Foundation
import Testing
import TTHCCalendar
import TTHCCompiler
import TTHCEngine
import TTHCModel
import TTHCStorePostgres
import TTHCStoreSQLite

// Fixtures for the store tests: the lifecycle catalogue of the engine's tests (a permit with a
// desk intake, review, an inspection by another agency, signature and a return step; an hour-based
// certification), the national calendar, actors, and every store behind one box so that every
// contract test runs against each.

/// Compiles inline procedures (file name → YAML) with a registry of roles and agencies.
func compileStoreCatalog(_ procedures: [String: String]) throws -> Catalog {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("_shared"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try """
    fields: {thu-nghiem: {name: Thử nghiệm}}
    agencies:
      ubnd-xa: {name: Ủy ban nhân dân cấp xã, level: xa}
      van-phong-dang-ky-dat-dai: {name: Văn phòng đăng ký đất đai, level: tinh}
      co-quan-thue: {name: Cơ quan thuế, level: tinh}
    roles:
      one_stop_clerk: {name: Công chức Bộ phận một cửa}
      officer: {name: Công chức chuyên môn}
      chairman: {name: Chủ tịch Ủy ban nhân dân}
      land_officer: {name: Viên chức Văn phòng đăng ký đất đai}
    papers: {identity_document: {name: Giấy tờ tùy thân, present: 1}}
    """.write(to: root.appendingPathComponent("_shared/registry.yaml"), atomically: true, encoding: .utf8)
    for (name, yaml) in procedures {
        try yaml.write(to: root.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
    }
    let result = CatalogCompiler(root: root.path).compile()
    guard let catalog = result.catalog, catalog.procedures.count == procedures.count else {
        throw StoreFixtureError(messages: result.diagnostics.map { "\($0)" })
    }
    return catalog
}

struct StoreFixtureError: Error { var messages: [String] }

func permitYAML(id: String, deadline: String) -> String {
    """
    id: \(id)
    name: Cấp giấy phép thử nghiệm (\(id))
    field: thu-nghiem
    level: xa
    agency: ubnd-xa
    channels: [in_person, online]
    effective: 2025-07-01
    legal_basis: [Nghị định 118/2025/NĐ-CP]
    result: [Giấy phép]
    facts:
      needs_inspection: {type: bool, label: Cần kiểm tra thực địa, default: false}
    papers:
      - {id: application, name: Đơn đề nghị, original: 1}
      - {id: site_plan, name: Bản vẽ hiện trạng, copy: 1}
      - ref: identity_document
    deadline:
    \(deadline)
    steps:
      - {id: intake, name: Tiếp nhận hồ sơ, role: one_stop_clerk, takes: {working_hours: 4}}
      - id: review
        name: Thẩm định hồ sơ
        role: officer
        takes: {working_days: 2}
        rework: [intake]
        next:
          - when: needs_inspection
            to: inspection
          - to: sign
      - id: inspection
        name: Kiểm tra thực địa
        role: land_officer
        agency: van-phong-dang-ky-dat-dai
        takes: {working_days: 1}
      - id: sign
        name: Ký giấy phép
        role: chairman
        takes: {working_days: 1}
        rework: [review]
      - {id: handover, name: Trả kết quả, role: one_stop_clerk}
    fee:
      rules:
        - amount: 50_000
    """
}

let hourlyYAML = """
id: xac-nhan-4-gio
name: Xác nhận thử nghiệm trong 4 giờ làm việc
field: thu-nghiem
level: xa
agency: ubnd-xa
channels: [in_person, online]
effective: 2025-07-01
legal_basis: [Nghị định 118/2025/NĐ-CP]
result: [Văn bản xác nhận]
papers:
  - {id: application, name: Đơn đề nghị, original: 1}
deadline:
  working_hours: 4
steps:
  - {id: intake, name: Tiếp nhận hồ sơ, role: one_stop_clerk}
  - {id: confirm, name: Xác nhận, role: officer, takes: {working_hours: 3}}
fee:
  none: true
"""

/// The catalogue, calendar and context every store test uses.
struct StoreFixture: Sendable {
    let catalog: Catalog
    let context: DossierContext

    static let shared: Result<StoreFixture, any Error> = Result { try StoreFixture() }
    static func make() throws -> StoreFixture { try shared.get() }

    init() throws {
        catalog = try compileStoreCatalog([
            "p5": permitYAML(id: "giay-phep-5-ngay", deadline: "  working_days: 5"),
            "p3": permitYAML(id: "giay-phep-3-ngay", deadline: "  working_days: 3"),
            "p3r": permitYAML(id: "giay-phep-3-ngay-tinh-lai", deadline: "  working_days: 3\n  on_supplement: restart"),
            "h4": hourlyYAML,
        ])
        context = DossierContext(catalog: catalog, calendars: ["vn": try WorkingCalendar(CalendarDefinition.vietnam)])
    }
}

/// A complete permit dossier's input.
func permitInput(at instant: String, inspection: Bool = false, channel: Channel = .inPerson) -> DossierInput {
    DossierInput(facts: inspection ? ["needs_inspection": .bool(true)] : [:], channel: channel,
                 papers: [SubmittedPaper(id: "application"), SubmittedPaper(id: "site_plan"), SubmittedPaper(id: "identity_document")],
                 received: vnTime(instant))
}

/// An instant in Vietnam time: `2026-02-13T09:00` (seconds and offset optional).
func vnTime(_ text: String) -> Instant {
    guard let instant = Instant(iso8601: text, defaultOffset: .vietnam) else { fatalError("bad instant \(text)") }
    return instant
}

let deskClerk = DossierActor(user: "clerk.lan", roles: [DossierPolicy.oneStopClerk], agency: "ubnd-xa")
let reviewOfficer = DossierActor(user: "officer.minh", roles: ["officer"], agency: "ubnd-xa")
let signingChairman = DossierActor(user: "chairman.hung", roles: ["chairman"], agency: "ubnd-xa")
let registryOfficer = DossierActor(user: "land.thu", roles: ["land_officer"], agency: "van-phong-dang-ky-dat-dai")
let taxOfficer = DossierActor(user: "officer.thue", roles: ["officer", "chairman"], agency: "co-quan-thue")

/// A temporary SQLite file path (removed with its WAL files by ``removeDatabase(_:)``).
func temporaryDatabase() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("tthc-store-\(UUID().uuidString).sqlite").path
}

func removeDatabase(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

/// Which store a contract test runs against.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// A fresh, empty store of this kind, removed when the test case ends (the suite needs the
    /// ``StoreCleanup`` trait). A PostgreSQL store gets a schema of its own in the database of
    /// `TTHC_POSTGRES_URL`; without that variable the test case is skipped (cancelled, with a note),
    /// or fails when `TTHC_REQUIRE_POSTGRES=1`.
    func make() async throws -> AnyDossierStore {
        switch self {
        case .memory: return AnyDossierStore(InMemoryDossierStore())
        case .sqlite:
            let path = temporaryDatabase()
            await StoreCleanup.register { removeDatabase(path) }
            return AnyDossierStore(try SQLiteDossierStore(path: path, options: .init(durability: .normal)))
        case .postgres:
            return AnyDossierStore(try await PostgresTestDatabase.freshStore())
        }
    }
}

/// A trait that removes what a test case's stores left (SQLite files, PostgreSQL schemas and
/// pools) when the case ends, whether it passed or not: `@Suite(.storeCleanup)`.
struct StoreCleanup: SuiteTrait, TestTrait, TestScoping {
    /// The clean-ups registered by the running test case.
    @TaskLocal static var current: Actions?

    /// A list of clean-ups, run last first.
    actor Actions {
        var actions: [@Sendable () async -> Void] = []

        func add(_ action: @escaping @Sendable () async -> Void) { actions.append(action) }

        func run() async {
            let all = actions
            actions = []
            for action in all.reversed() { await action() }
        }
    }

    var isRecursive: Bool { true }

    /// Registers a clean-up for the running test case (ignored outside the trait's scope).
    static func register(_ action: @escaping @Sendable () async -> Void) async {
        await current?.add(action)
    }

    func scopeProvider(for test: Test, testCase: Test.Case?) -> StoreCleanup? { testCase == nil ? nil : self }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let actions = Actions()
        do {
            try await Self.$current.withValue(actions) { try await function() }
        } catch {
            await actions.run()
            throw error
        }
        await actions.run()
    }
}

extension Trait where Self == StoreCleanup {
    /// Removes the stores a test case made when it ends.
    static var storeCleanup: StoreCleanup { StoreCleanup() }
}

/// A small deterministic generator (SplitMix64), so that failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
