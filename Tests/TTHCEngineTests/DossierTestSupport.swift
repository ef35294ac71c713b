import Foundation
import Testing
import TTHCCalendar
import TTHCCompiler
import TTHCDiagnostics
import TTHCEngine
import TTHCModel

// Fixtures for the dossier lifecycle tests: a small catalogue compiled from inline YAML (like
// `compileCatalog` in AssessorTests.swift, with a registry that has the one-stop clerk, several
// roles and a second agency for liên thông), the national calendar, and actors.

/// Compiles several inline procedures (file name → YAML) with the lifecycle registry.
func compileLifecycleCatalog(_ procedures: [String: String]) throws -> Catalog {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-dossier-\(UUID().uuidString)")
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
    let errors = result.diagnostics.filter { $0.severity == .error }.map { "\($0.range.start): \($0.message.en)" }
    guard let catalog = result.catalog, catalog.procedures.count == procedures.count else { throw CompileFailure(messages: errors) }
    return catalog
}

/// A permit procedure: intake at the desk, review (may send back to intake; branches to a field
/// inspection by another agency), signature by the chairman (may send back to review), return of
/// the result at the desk.
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

/// A certification counted in working hours, with no return step: the result is ready when the
/// officer approves.
let hourlyYAML = """
id: xac-nhan-4-gio
name: Xác nhận thử nghiệm trong 4 giờ làm việc
field: thu-nghiem
level: xa
agency: ubnd-xa
channels: [in_person]
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

/// Everything a lifecycle test needs.
struct Lifecycle {
    let catalog: Catalog
    let calendar: WorkingCalendar
    let context: DossierContext

    static let shared: Result<Lifecycle, any Error> = Result { try Lifecycle() }

    static func make() throws -> Lifecycle { try shared.get() }

    init() throws {
        catalog = try compileLifecycleCatalog([
            "p5": permitYAML(id: "giay-phep-5-ngay", deadline: "  working_days: 5"),
            "p3": permitYAML(id: "giay-phep-3-ngay", deadline: "  working_days: 3"),
            "p3r": permitYAML(id: "giay-phep-3-ngay-tinh-lai", deadline: "  working_days: 3\n  on_supplement: restart"),
            "h4": hourlyYAML,
        ])
        calendar = try WorkingCalendar(CalendarDefinition.vietnam)
        context = DossierContext(catalog: catalog, calendars: ["vn": calendar])
    }

    /// A complete permit dossier's input.
    func permitInput(at instant: String, inspection: Bool = false, channel: Channel = .inPerson) -> DossierInput {
        TTHCEngineTests.permitInput(at: instant, inspection: inspection, channel: channel)
    }

    /// A dossier received at `instant`.
    func received(_ id: DossierID = "HS-001", procedure: String = "giay-phep-5-ngay", at instant: String, inspection: Bool = false) throws -> Dossier {
        var dossier = Dossier(id: id)
        try dossier.handle(.receive(procedure: procedure, input: permitInput(at: instant, inspection: inspection)), at: vnTime(instant), by: deskClerk, in: context)
        return dossier
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

/// ISO 8601 in Vietnam time, for comparisons.
func vnISO(_ instant: Instant?) -> String? { instant?.iso8601(offset: .vietnam) }

let deskClerk = DossierActor(user: "clerk.lan", roles: [DossierPolicy.oneStopClerk], agency: "ubnd-xa")
let reviewOfficer = DossierActor(user: "officer.minh", roles: ["officer"], agency: "ubnd-xa")
let signingChairman = DossierActor(user: "chairman.hung", roles: ["chairman"], agency: "ubnd-xa")
let registryOfficer = DossierActor(user: "land.thu", roles: ["land_officer"], agency: "van-phong-dang-ky-dat-dai")
let strayRegistryOfficer = DossierActor(user: "land.nam", roles: ["land_officer"], agency: "ubnd-xa")
let taxOffice = DossierActor(user: "officer.other", roles: ["officer"], agency: "co-quan-thue")

/// Runs a command that must be refused and returns the error.
func dossierRefusal(_ dossier: Dossier, _ command: DossierCommand, at instant: String, by actor: DossierActor, in context: DossierContext) -> DossierError? {
    do {
        _ = try dossier.decide(command, at: vnTime(instant), by: actor, in: context)
        return nil
    } catch {
        return error
    }
}
