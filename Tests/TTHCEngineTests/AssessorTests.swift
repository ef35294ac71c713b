import Foundation
import Testing
import TTHCCalendar
import TTHCCompiler
import TTHCDiagnostics
import TTHCEngine
import TTHCModel

/// Compiles one procedure written inline, with a minimal registry, for engine tests.
func compileProcedure(_ yaml: String, feeSchedules: [String: String] = [:]) throws -> Procedure {
    try compileCatalog(yaml, feeSchedules: feeSchedules).procedures[0]
}

/// Compiles one procedure and the given fee schedules (file id → YAML) into a catalogue.
func compileCatalog(_ yaml: String, feeSchedules: [String: String] = [:]) throws -> Catalog {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-engine-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("_shared"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try """
    fields: {chung-thuc: {name: Chứng thực}}
    agencies: {ubnd-xa: {name: Ủy ban nhân dân cấp xã, level: xa}}
    roles: {clerk: {name: Công chức một cửa}, officer: {name: Công chức Tư pháp}}
    papers: {identity_document: {name: Giấy tờ tùy thân, present: 1}}
    fee_keys: {ho_tich.khai_sinh: {name: Lệ phí đăng ký khai sinh}, ho_tich.khai_tu: {name: Lệ phí đăng ký khai tử}}
    """.write(to: root.appendingPathComponent("_shared/registry.yaml"), atomically: true, encoding: .utf8)
    try yaml.write(to: root.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
    if !feeSchedules.isEmpty {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("fees"), withIntermediateDirectories: true)
        for (id, text) in feeSchedules {
            try text.write(to: root.appendingPathComponent("fees/\(id).yaml"), atomically: true, encoding: .utf8)
        }
    }
    let result = CatalogCompiler(root: root.path).compile()
    let errors = result.diagnostics.filter { $0.severity == .error }.map { "\($0.range.start): \($0.message.en)" }
    guard let catalog = result.catalog, !catalog.procedures.isEmpty else {
        throw CompileFailure(messages: errors)
    }
    return catalog
}

struct CompileFailure: Error, CustomStringConvertible {
    var messages: [String]
    var description: String { messages.joined(separator: "\n") }
}

let certification = """
id: chung-thuc-ban-sao
name: Chứng thực bản sao từ bản chính
field: chung-thuc
level: xa
agency: ubnd-xa
channels: [in_person, online]
effective: 2025-07-01
legal_basis: [Nghị định 23/2015/NĐ-CP]
result: [Bản sao được chứng thực]
facts:
  pages: {type: int, min: 1, label: Số trang của bản chính, default: 1}
  copies: {type: int, min: 1, label: Số bản sao cần chứng thực, default: 1}
  foreign: {type: bool, label: Giấy tờ do cơ quan nước ngoài cấp, default: false}
  poor: {type: bool, label: Người thuộc hộ nghèo, default: false}
papers:
  - {id: original_document, name: Bản chính giấy tờ, present: 1}
  - {id: copies_to_certify, name: Bản sao cần chứng thực, copy: 1}
  - id: translation
    name: Bản dịch
    original: 1
    when: foreign
  - one_of:
      - {id: citizen_card, name: Thẻ Căn cước, present: 1}
      - {id: passport, name: Hộ chiếu, present: 1}
deadline:
  same_day: "15:00"
  cases:
    - when: copies > 50
      working_days: 2
steps:
  - {id: intake, name: Tiếp nhận, role: clerk}
  - {id: certify, name: Chứng thực, role: officer}
fee:
  exempt:
    - when: poor
      note: Miễn cho hộ nghèo
  rules:
    - label: Chứng thực bản sao
      tiers: {of: pages, bands: [{upto: 2, each: 2_000}, {each: 1_000}]}
      max: 200_000
      per: copies
  online_discount: {percent: 50, until: 2026-12-31}
versions:
  - effective: 2027-01-01
    note: Mức thu mới (ví dụ)
    fee:
      rules:
        - amount: 5_000 * copies
"""

@Suite struct AssessorTests {
    let procedure: Procedure
    let assessor: Assessor

    init() throws {
        procedure = try compileProcedure(certification)
        assessor = Assessor(calendars: ["vn": try WorkingCalendar(CalendarDefinition.vietnam)])
    }

    func input(_ facts: [String: Value] = [:], papers: [String], channel: Channel = .inPerson, at instant: String = "2026-03-10T09:00:00+07:00") throws -> DossierInput {
        DossierInput(facts: facts, channel: channel, papers: papers.map { SubmittedPaper(id: $0) }, received: try #require(Instant(iso8601: instant)))
    }

    func assess(_ input: DossierInput) throws -> Assessment {
        switch assessor.assess(procedure, input) {
        case .success(let a): return a
        case .failure(let f): throw CompileFailure(messages: f.problems.map(\.english))
        }
    }

    @Test func completeDossierGetsFeeAndSameDayDue() throws {
        let a = try assess(try input(papers: ["original_document", "copies_to_certify", "passport"]))
        #expect(a.complete)
        #expect(a.missing.isEmpty)
        #expect(a.fee.total == 2_000)
        #expect(a.due?.iso8601 == "2026-03-10T17:00:00+07:00")
    }

    @Test(arguments: [(1, 1, 2_000), (2, 1, 4_000), (3, 1, 5_000), (3, 2, 10_000), (250, 1, 200_000), (250, 3, 600_000)])
    func certifiedCopyTiersAndCap(pages: Int, copies: Int, expected: Int) throws {
        let a = try assess(try input(["pages": .int(pages), "copies": .int(copies)], papers: ["original_document", "copies_to_certify", "passport"]))
        #expect(a.fee.total == expected)
    }

    @Test func conditionalPaperIsRequiredOnlyWhenItsConditionHolds() throws {
        let a = try assess(try input(["foreign": .bool(true)], papers: ["original_document", "copies_to_certify", "passport"]))
        #expect(!a.complete)
        #expect(a.missing.map(\.id) == ["translation"])
        #expect(a.missing.first?.condition == "foreign")
        #expect(a.due == nil, "an incomplete dossier is not received, so it has no appointment date")
    }

    /// An alternative with a condition of its own stands in only when that condition holds: the
    /// missing paper named is one that applies to the case, and a group none of whose alternatives
    /// applies asks for nothing.
    @Test func alternativesWithTheirOwnConditions() throws {
        let yaml = certification.replacingOccurrences(of: """
              - one_of:
                  - {id: citizen_card, name: Thẻ Căn cước, present: 1}
                  - {id: passport, name: Hộ chiếu, present: 1}
            """, with: """
              - one_of:
                  - {id: citizen_card, name: Thẻ Căn cước, present: 1, when: not foreign}
                  - {id: passport, name: Hộ chiếu, present: 1}
              - one_of:
                  - {id: consular_note, name: Văn bản của cơ quan đại diện, original: 1, when: foreign}
                  - {id: consular_stamp, name: Bản có chứng nhận lãnh sự, original: 1, when: foreign}
            """)
        #expect(yaml != certification)
        let conditional = try compileProcedure(yaml)
        func missing(_ facts: [String: Value], _ papers: [String]) throws -> [String] {
            guard case .success(let a) = assessor.assess(conditional, try input(facts, papers: papers)) else { throw CompileFailure(messages: ["assess"]) }
            return a.missing.map(\.id)
        }
        #expect(try missing(["foreign": .bool(true)], ["original_document", "copies_to_certify", "translation"]) == ["passport", "consular_note"])
        #expect(try missing(["foreign": .bool(true)], ["original_document", "copies_to_certify", "translation", "citizen_card", "consular_stamp"]) == ["passport"])
        #expect(try missing([:], ["original_document", "copies_to_certify"]) == ["citizen_card"])
        #expect(try missing([:], ["original_document", "copies_to_certify", "citizen_card"]).isEmpty)
    }

    @Test func missingAlternativesNameTheGroup() throws {
        let a = try assess(try input(papers: ["original_document", "copies_to_certify"]))
        #expect(a.missing.map(\.id) == ["citizen_card"])
        #expect(a.missing.first?.alternatives.map(\.id) == ["citizen_card", "passport"])
    }

    @Test func shortCountsAreReported() throws {
        let inp = DossierInput(facts: [:], channel: .inPerson,
                               papers: [SubmittedPaper(id: "original_document"), SubmittedPaper(id: "copies_to_certify", copy: 0), SubmittedPaper(id: "passport")],
                               received: try #require(Instant(iso8601: "2026-03-10T09:00:00+07:00")))
        let a = try assess(inp)
        #expect(a.missing.first?.id == "copies_to_certify")
        #expect(a.missing.first?.shortCopy == 1)
    }

    @Test func exemptionMakesTheWholeFeeZero() throws {
        let a = try assess(try input(["poor": .bool(true), "copies": .int(5)], papers: ["original_document", "copies_to_certify", "passport"]))
        #expect(a.fee.total == 0)
        #expect(a.fee.exemption?.note == "Miễn cho hộ nghèo")
    }

    @Test func onlineDiscountAppliesInItsPeriodOnly() throws {
        let papers = ["original_document", "copies_to_certify", "passport"]
        let inside = try assess(try input(["pages": .int(3)], papers: papers, channel: .online, at: "2026-06-01T09:00:00+07:00"))
        #expect(inside.fee.total == 2_500)
        let offline = try assess(try input(["pages": .int(3)], papers: papers, channel: .inPerson, at: "2026-06-01T09:00:00+07:00"))
        #expect(offline.fee.total == 5_000)
    }

    @Test func theVersionInForceAtReceiptDecides() throws {
        let papers = ["original_document", "copies_to_certify", "passport"]
        let before = try assess(try input(["copies": .int(2)], papers: papers, at: "2026-12-31T09:00:00+07:00"))
        let after = try assess(try input(["copies": .int(2)], papers: papers, at: "2027-01-04T09:00:00+07:00"))
        #expect(before.fee.total == 4_000)
        #expect(after.fee.total == 10_000)
        #expect(after.version.effective == ExprDate(year: 2027, month: 1, day: 1))
    }

    @Test func deadlineCasesAreChosenByCondition() throws {
        let a = try assess(try input(["copies": .int(60)], papers: ["original_document", "copies_to_certify", "passport"]))
        #expect(a.duration == .workingDays(2))
        #expect(a.deadlineCase == "copies > 50")
        #expect(a.due?.iso8601 == "2026-03-12T17:00:00+07:00")
    }

    @Test func afterTheCutoffItIsTheNextWorkingDay() throws {
        let a = try assess(try input(papers: ["original_document", "copies_to_certify", "passport"], at: "2026-03-13T15:30:00+07:00"))
        #expect(a.due?.iso8601 == "2026-03-16T17:00:00+07:00")
    }

    @Test func badInputIsRefusedWithEveryProblem() throws {
        let inp = DossierInput(facts: ["pages": .bool(true), "colour": .bool(true)], channel: .postal,
                               papers: [SubmittedPaper(id: "birth_certificate")],
                               received: try #require(Instant(iso8601: "2026-03-10T09:00:00+07:00")))
        guard case .failure(let failure) = assessor.assess(procedure, inp) else {
            Issue.record("bad input was accepted")
            return
        }
        #expect(failure.problems.contains(.channelNotOffered(.postal)))
        #expect(failure.problems.contains(.undeclaredFact("colour")))
        #expect(failure.problems.contains(.wrongFactType(fact: "pages", expected: .int)))
        #expect(failure.problems.contains(.unknownPaper("birth_certificate")))
    }

    @Test func outOfBoundsFactIsRefused() throws {
        guard case .failure(let failure) = assessor.assess(procedure, try input(["pages": .int(0)], papers: [])) else {
            Issue.record("out-of-range fact accepted")
            return
        }
        #expect(failure.problems == [.factOutOfRange(fact: "pages")])
    }

    @Test func beforeTheFirstVersionThereIsNoProcedure() throws {
        guard case .failure(let failure) = assessor.assess(procedure, try input(papers: [], at: "2025-06-30T09:00:00+07:00")) else {
            Issue.record("assessed before the first version")
            return
        }
        #expect(failure.problems == [.noVersionInForce(ExprDate(year: 2025, month: 6, day: 30))])
    }
}

let lateRegistration = """
id: dang-ky-muon
name: Đăng ký muộn (ví dụ)
field: chung-thuc
level: xa
agency: ubnd-xa
channels: [in_person]
effective: 2025-07-01
legal_basis: [Ví dụ]
result: [Giấy chứng nhận]
facts:
  on_time: {type: bool, label: Đúng hạn, default: false}
papers: []
deadline: {working_days: 1}
steps:
  - {id: intake, name: Tiếp nhận, role: clerk}
fee:
  rules:
    - when: on_time
      amount: 0
    - schedule: ho_tich.khai_sinh
"""

let provinceA = """
name: Tỉnh A
legal_basis: [Nghị quyết ví dụ]
effective: 2025-07-01
fees:
  ho_tich.khai_sinh: 8_000
versions:
  - effective: 2026-01-01
    fees: {ho_tich.khai_sinh: {amount: 10_000, note: Nghị quyết sửa đổi}}
"""

@Suite struct ScheduledFeeTests {
    @Test func provincialAmountComesFromTheChosenScheduleAndDate() throws {
        let catalog = try compileCatalog(lateRegistration, feeSchedules: ["tinh-a": provinceA])
        let procedure = catalog.procedures[0]
        let schedule = try #require(catalog.feeSchedule("tinh-a"))
        let assessor = Assessor(calendars: ["vn": try WorkingCalendar(CalendarDefinition.vietnam)], feeSchedule: schedule)
        func fee(_ instant: String) throws -> Int? {
            let input = DossierInput(facts: [:], channel: .inPerson, papers: [], received: try #require(Instant(iso8601: instant)))
            return try assessor.assess(procedure, input).get().fee.total
        }
        #expect(try fee("2025-12-31T09:00:00+07:00") == 8_000)
        #expect(try fee("2026-01-05T09:00:00+07:00") == 10_000)
    }

    @Test func withoutAScheduleTheEngineSaysSoInsteadOfGuessing() throws {
        let catalog = try compileCatalog(lateRegistration, feeSchedules: ["tinh-a": provinceA])
        let assessor = Assessor(calendars: ["vn": try WorkingCalendar(CalendarDefinition.vietnam)])
        let input = DossierInput(facts: [:], channel: .inPerson, papers: [], received: try #require(Instant(iso8601: "2026-01-05T09:00:00+07:00")))
        let assessment = try assessor.assess(catalog.procedures[0], input).get()
        #expect(assessment.fee.total == nil)
        #expect(assessment.fee.undetermined == ["ho_tich.khai_sinh"])
        #expect(assessment.due != nil, "an undetermined fee does not stop the completeness check or the appointment")
    }

    @Test func anUndeclaredKeyIsACompileError() throws {
        let typo = lateRegistration.replacingOccurrences(of: "schedule: ho_tich.khai_sinh", with: "schedule: ho_tich.khai_snh")
        #expect(throws: CompileFailure.self) {
            try compileCatalog(typo, feeSchedules: ["tinh-a": provinceA])
        }
    }

    @Test func aKeyOneProvinceLacksCompilesAndThatProvinceSaysUndetermined() throws {
        let other = "name: Tỉnh B\nlegal_basis: [Nghị quyết ví dụ]\neffective: 2025-07-01\nfees: {ho_tich.khai_tu: 8_000}\n"
        let catalog = try compileCatalog(lateRegistration, feeSchedules: ["tinh-a": provinceA, "tinh-b": other])
        let assessor = Assessor(calendars: ["vn": try WorkingCalendar(CalendarDefinition.vietnam)], feeSchedule: catalog.feeSchedule("tinh-b"))
        let input = DossierInput(facts: [:], channel: .inPerson, papers: [], received: try #require(Instant(iso8601: "2026-01-05T09:00:00+07:00")))
        #expect(try assessor.assess(catalog.procedures[0], input).get().fee.total == nil)
    }
}

@Suite struct ProvincialOnlineDiscountTests {
    @Test func aProvinceWideOnlineRuleAppliesToItsAmountsOnly() throws {
        let province = provinceA + "\nonline_discount: {percent: 100, from: 2026-01-01}\n"
        let catalog = try compileCatalog(lateRegistration.replacingOccurrences(of: "channels: [in_person]", with: "channels: [in_person, online]"),
                                         feeSchedules: ["tinh-a": province])
        let assessor = Assessor(calendars: ["vn": try WorkingCalendar(CalendarDefinition.vietnam)], feeSchedule: catalog.feeSchedule("tinh-a"))
        func fee(_ channel: Channel, _ instant: String) throws -> Int? {
            let input = DossierInput(facts: [:], channel: channel, papers: [], received: try #require(Instant(iso8601: instant)))
            return try assessor.assess(catalog.procedures[0], input).get().fee.total
        }
        #expect(try fee(.online, "2025-12-31T09:00:00+07:00") == 8_000)
        #expect(try fee(.online, "2026-01-05T09:00:00+07:00") == 0)
        #expect(try fee(.inPerson, "2026-01-05T09:00:00+07:00") == 10_000)
    }
}
