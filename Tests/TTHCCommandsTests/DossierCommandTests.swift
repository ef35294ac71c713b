import Foundation
import Testing
@testable import TTHCCommands

/// Runs `tthc dossier …` and `tthc stats` in-process against one temporary SQLite store and the
/// shipped catalogue, with the clock given by `--now`.
struct DossierCLI {
    let directory: String
    var store: String { directory + "/tthc.sqlite" }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-dossier-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// The shipped catalogue compiled once into a bundle (as a service would load it), so that each
    /// command does not compile the YAML again; the folder itself when compiling fails.
    static let catalog: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-dossier-cli-\(UUID().uuidString).tthc").path
        var options = GlobalOptions()
        options.catalog = RepositoryPaths.procedures
        options.lang = .vi
        options.format = .text
        let output = CompileCommand.execute(path: RepositoryPaths.procedures, output: path, options: options)
        return output.status == 0 ? path : RepositoryPaths.procedures
    }()

    func options(lang: OutputLanguage = .vi, format: OutputFormat = .text) -> GlobalOptions {
        var options = GlobalOptions()
        options.catalog = Self.catalog
        options.lang = lang
        options.format = format
        return options
    }

    func storeOptions(now: String?) -> StoreOptions {
        var options = StoreOptions()
        options.store = store
        options.now = now
        return options
    }

    func actor(_ user: String, _ roles: [String] = [], agency: String? = nil) -> ActorOptions {
        var options = ActorOptions()
        options.actor = user
        options.role = roles
        options.agency = agency
        return options
    }

    /// Writes a dossier file and receives it.
    func receive(_ yaml: String, id: String? = nil, refuse: [String] = [], format: OutputFormat = .text) async throws -> CommandOutput {
        let path = directory + "/dossier-\(UUID().uuidString).yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return await DossierReceiveCommand.execute(file: path, id: id, refuse: refuse, actor: actor("clerk.lan"), store: storeOptions(now: nil),
                                                   options: options(format: format))
    }

    func act(_ id: String, _ action: String, _ arguments: DossierActCommand.Arguments = .init(), by user: String = "clerk.lan", roles: [String] = [],
             agency: String? = nil, at now: String, lang: OutputLanguage = .vi, format: OutputFormat = .text) async -> CommandOutput {
        await DossierActCommand.execute(id: id, action: action, arguments: arguments, actor: actor(user, roles, agency: agency), store: storeOptions(now: now),
                                        options: options(lang: lang, format: format))
    }

    func show(_ id: String, at now: String, lang: OutputLanguage = .vi, format: OutputFormat = .text) async -> CommandOutput {
        await DossierShowCommand.execute(id: id, store: storeOptions(now: now), options: options(lang: lang, format: format))
    }

    func list(_ filter: DossierListCommand.Filter = .init(), at now: String, format: OutputFormat = .text) async -> CommandOutput {
        await DossierListCommand.execute(filter, store: storeOptions(now: now), options: options(format: format))
    }

    func stats(from: String, to: String, at now: String, format: OutputFormat = .text, lang: OutputLanguage = .vi) async -> CommandOutput {
        await StatsCommand.execute(from: from, to: to, store: storeOptions(now: now), options: options(lang: lang, format: format))
    }

    /// The JSON object printed.
    static func object(_ output: CommandOutput) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.out.utf8)) as? [String: Any])
    }
}

/// A birth registration handed in complete at 15:30 on Friday 13/02/2026, the last working day
/// before Tết: received after the 15:00 cut-off, it is due on the first working day after Tết.
let birthBeforeTet = """
procedure: dang-ky-khai-sinh
received: 2026-02-13T15:30:00+07:00
channel: in_person
facts: {on_time: true}
papers:
  - {id: declaration, original: 1}
  - {id: birth_certificate, original: 1}
  - {id: identity_document, present: 1}
"""

func birth(received: String, channel: String = "in_person") -> String {
    birthBeforeTet.replacingOccurrences(of: "2026-02-13T15:30:00+07:00", with: received).replacingOccurrences(of: "channel: in_person", with: "channel: \(channel)")
}

/// `tthc dossier receive|act|show|list`, end to end in-process.
@Suite struct DossierCommandTests {
    /// The Friday-before-Tết dossier through the whole workflow, with the rules' refusals on the way.
    @Test func fridayBeforeTetThroughTheWorkflow() async throws {
        let cli = try DossierCLI()
        defer { cli.remove() }

        let received = try await cli.receive(birthBeforeTet)
        #expect(received.status == 0, "\(received.err)")
        #expect(received.out.hasPrefix("Mã hồ sơ: HS-20260213-0001\nGIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"))
        #expect(received.out.contains("Ngày hẹn trả kết quả: 17:00, Thứ Hai, ngày 23/02/2026"))
        let id = "HS-20260213-0001"

        let intake = await cli.act(id, "approve", .init(step: "intake"), at: "2026-02-13T15:45")
        #expect(intake.status == 0, "\(intake.err)")
        #expect(intake.out.contains("Hoàn thành bước intake, chuyển bước review"))

        // No signing before review; a clerk cannot review.
        let early = await cli.act(id, "approve", .init(step: "sign"), by: "chu.tich", roles: ["chairman"], at: "2026-02-23T08:00")
        #expect(early.status == 1)
        #expect(early.err.contains("chỉ hoàn thành được bước hiện tại"))
        #expect(early.err.contains("[dossier-not-current-step]"))
        let english = await cli.act(id, "approve", .init(step: "sign"), by: "chu.tich", roles: ["chairman"], at: "2026-02-23T08:00", lang: .en)
        #expect(english.status == 1)
        #expect(english.err.contains("only the current step can be completed"))
        let clerk = await cli.act(id, "approve", at: "2026-02-23T08:00")
        #expect(clerk.status == 1)
        #expect(clerk.err.contains("cần vai trò 'civil_status_officer'"))

        // Over Tết: due soon on the Monday morning, listed among those due within a working day.
        let dueSoon = await cli.list(.init(dueWithin: 1), at: "2026-02-23T08:00")
        #expect(dueSoon.out.contains(id) && dueSoon.out.contains("sắp đến hạn"), "\(dueSoon.out)")
        #expect(await cli.list(.init(overdue: true), at: "2026-02-23T08:00").out.contains("0 hồ sơ"))
        let overdue = await cli.list(.init(overdue: true), at: "2026-02-24T08:00")
        #expect(overdue.out.contains(id) && overdue.out.contains("quá hạn"), "\(overdue.out)")
        #expect(await cli.list(.init(role: "civil_status_officer"), at: "2026-02-23T08:00").out.contains(id))
        #expect(await cli.list(.init(step: "sign"), at: "2026-02-23T08:00").out.contains("0 hồ sơ"))

        let review = await cli.act(id, "approve", .init(step: "review"), by: "cong.chuc.tp", roles: ["civil_status_officer"], at: "2026-02-23T09:00")
        #expect(review.status == 0, "\(review.err)")
        let sign = await cli.act(id, "approve", .init(step: "sign"), by: "chu.tich", roles: ["chairman"], at: "2026-02-23T10:00")
        #expect(sign.status == 0, "\(sign.err)")
        #expect(sign.out.contains("Đã có kết quả"))

        let ready = await cli.show(id, at: "2026-02-23T11:00")
        #expect(ready.status == 0)
        #expect(ready.out.contains("Trạng thái: đã có kết quả, chờ trả"))
        #expect(ready.out.contains("Hạn giải quyết: 17:00, Thứ Hai, ngày 23/02/2026"))
        #expect(ready.out.contains("Kết quả giải quyết: đúng hạn"))
        #expect(ready.out.contains("từ 15:30 13/02/2026, hạn 16:30 13/02/2026, xong 15:45 13/02/2026 (chuyển tiếp) — đúng hạn bước"))
        #expect(ready.out.contains("hạn giải quyết 17:00 23/02/2026; hạn bước intake 16:30 13/02/2026"), "history with due instants")

        let handover = await cli.act(id, "hand_over", at: "2026-02-23T14:00")
        #expect(handover.status == 0, "\(handover.err)")
        let finished = await cli.act(id, "resume", at: "2026-02-23T15:00")
        #expect(finished.status == 1)
        #expect(finished.err.contains("đã kết thúc"))

        let json = try DossierCLI.object(await cli.show(id, at: "2026-02-24T08:00", format: .json))
        #expect(json["phase"] as? String == "handed_over")
        #expect(json["punctuality"] as? String == "on_time")
        #expect(json["statutoryDue"] as? String == "2026-02-23T17:00:00+07:00")
        let history = try #require(json["history"] as? [[String: Any]])
        #expect(history.map { $0["kind"] as? String } == ["received", "step_completed", "step_completed", "result_ready", "handed_over"])
        #expect((history[0]["actor"] as? [String: Any])?["user"] as? String == "clerk.lan")
        let steps = try #require(json["steps"] as? [[String: Any]])
        #expect(steps.map { $0["step"] as? String } == ["intake", "review", "sign", "handover"])
        #expect(steps[1]["late"] as? Bool == true, "review was due 08:15 on 23/02 and done at 09:00")
    }

    /// An incomplete dossier is refused at intake with the missing papers (exit 1), and recorded.
    @Test func incompleteDossierIsRefusedAtIntake() async throws {
        let cli = try DossierCLI()
        defer { cli.remove() }
        let path = RepositoryPaths.root + "/Examples/khai-sinh-truoc-tet.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let output = try await cli.receive(text, id: "HS-THIEU")
        #expect(output.status == 1)
        #expect(output.out.contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"))
        #expect(output.out.contains("Giấy tờ tùy thân"))
        #expect(output.out.contains("Không tiếp nhận; đã ghi vào kho"))
        let listed = await cli.list(.init(states: ["refused_at_intake"]), at: "2026-02-13T16:00")
        #expect(listed.out.contains("HS-THIEU"))
        let json = try DossierCLI.object(try await cli.receive(text, id: "HS-THIEU-2", format: .json))
        #expect(json["received"] as? Bool == false)
        #expect((json["missing"] as? [[String: Any]])?.first?["id"] as? String == "identity_document")
        #expect(json["due"] == nil)
    }

    /// Refused at intake for a reason other than missing papers; the same id cannot be received twice.
    @Test func refusalWithReasonsAndDuplicateIds() async throws {
        let cli = try DossierCLI()
        defer { cli.remove() }
        let refused = try await cli.receive(birthBeforeTet, id: "HS-X", refuse: ["Không thuộc thẩm quyền của Ủy ban nhân dân xã"])
        #expect(refused.status == 1)
        #expect(refused.out.contains("PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ"))
        let again = try await cli.receive(birthBeforeTet, id: "HS-X")
        #expect(again.status == 1)
        #expect(again.err.contains("đã có trong hệ thống"))
        // Generated ids skip taken numbers.
        let first = try await cli.receive(birthBeforeTet)
        let second = try await cli.receive(birthBeforeTet)
        #expect(first.out.hasPrefix("Mã hồ sơ: HS-20260213-0001"))
        #expect(second.out.hasPrefix("Mã hồ sơ: HS-20260213-0002"))
    }

    /// Every other action of the workflow from the command line: supplement, pause and resume,
    /// extension, transfer, rework, payment, refusal, withdrawal.
    @Test func everyAction() async throws {
        let cli = try DossierCLI()
        defer { cli.remove() }
        _ = try await cli.receive(birth(received: "2026-03-09T08:00:00+07:00", channel: "online"), id: "A")
        #expect(await cli.act("A", "approve", at: "2026-03-09T08:10").status == 0)
        let officer = ["civil_status_officer"]
        let supplement = await cli.act("A", "request_supplement", .init(reasons: ["Tờ khai thiếu chữ ký"], papers: ["declaration"]),
                                       by: "tp", roles: officer, at: "2026-03-09T08:30")
        #expect(supplement.status == 0, "\(supplement.err)")
        #expect(supplement.out.contains("Yêu cầu bổ sung, hoàn thiện hồ sơ: Tờ khai thiếu chữ ký"))
        let twice = await cli.act("A", "request_supplement", .init(reasons: ["Lần hai"]), by: "tp", roles: officer, at: "2026-03-09T08:40")
        #expect(twice.status == 1)
        let back = await cli.act("A", "receive_supplement", .init(papers: ["declaration:original=1"]), at: "2026-03-10T09:00")
        #expect(back.status == 0, "\(back.err)")
        #expect(back.out.contains("hạn giải quyết mới"))
        #expect(await cli.act("A", "pause", .init(reasons: ["Chờ xác minh tình trạng hôn nhân"]), by: "tp", roles: officer, at: "2026-03-10T09:30").status == 0)
        #expect(await cli.act("A", "pause", .init(reasons: ["Lại"]), by: "tp", roles: officer, at: "2026-03-10T09:40").status == 1)
        #expect(await cli.act("A", "resume", at: "2026-03-11T09:30").status == 0)
        let extend = await cli.act("A", "extend", .init(reasons: ["Xin lỗi: cần xác minh thêm"], until: "2026-03-16"), by: "tp", roles: officer, at: "2026-03-11T10:00")
        #expect(extend.status == 0, "\(extend.err)")
        #expect(extend.out.contains("hẹn trả mới 17:00 16/03/2026"))
        let transfer = await cli.act("A", "transfer", .init(to: "cong-an-xa", reasons: ["Xác minh cư trú"]), by: "tp", roles: officer, at: "2026-03-11T10:30")
        #expect(transfer.status == 0, "\(transfer.err)")
        let stray = await cli.act("A", "approve", by: "tp", roles: officer, agency: "ubnd-xa", at: "2026-03-11T11:00")
        #expect(stray.status == 1)
        #expect(stray.err.contains("[dossier-wrong-agency]"))
        let back2 = await cli.act("A", "transfer", .init(to: "ubnd-xa", reasons: ["Đã xác minh"]), by: "ca", roles: officer, agency: "cong-an-xa", at: "2026-03-11T14:00")
        #expect(back2.status == 0, "\(back2.err)")
        let rework = await cli.act("A", "send_back", .init(to: "intake", reasons: ["Thiếu bản chụp"]), by: "tp", roles: officer, at: "2026-03-11T15:00")
        #expect(rework.status == 0, "\(rework.err)")
        let wrongTarget = await cli.act("A", "send_back", .init(to: "sign", reasons: ["x"]), at: "2026-03-11T15:10")
        #expect(wrongTarget.status == 1)
        #expect(await cli.act("A", "approve", at: "2026-03-11T15:20").status == 0)
        #expect(await cli.act("A", "refuse", .init(reasons: ["Giấy chứng sinh không hợp lệ (Luật Hộ tịch, Điều 16)"]), by: "tp", roles: officer, at: "2026-03-12T08:00").status == 0)
        let shown = await cli.show("A", at: "2026-03-12T09:00")
        #expect(shown.out.contains("Trạng thái: đã bị từ chối giải quyết"))
        #expect(shown.out.contains("Ngày hẹn trả kết quả: 17:00, Thứ Hai, ngày 16/03/2026 (đã xin lỗi, hẹn lại 1 lần)"))
        #expect(shown.out.contains("Số lần yêu cầu bổ sung: 1"))

        // A fee, paid before the result is handed over; result_ready; withdrawal.
        _ = try await cli.receive("""
            procedure: chung-thuc-ban-sao-tu-ban-chinh
            received: 2026-03-09T09:00:00+07:00
            facts: {pages: 5, copies: 3}
            papers: [original_document]
            """, id: "B")
        #expect(await cli.act("B", "approve", at: "2026-03-09T09:05").status == 0)
        #expect(await cli.act("B", "approve", by: "tp", roles: officer, at: "2026-03-09T09:30").status == 0)
        #expect(await cli.act("B", "result_ready", by: "ct", roles: ["chairman"], at: "2026-03-09T10:00").status == 0)
        let unpaid = await cli.act("B", "hand_over", at: "2026-03-09T10:30")
        #expect(unpaid.status == 1)
        #expect(unpaid.err.contains("phải thu 21000 đồng, đã thu 0 đồng"))
        #expect(await cli.act("B", "record_payment", .init(amount: 21_000, reference: "BL-0042"), at: "2026-03-09T10:31").status == 0)
        #expect(await cli.act("B", "hand_over", at: "2026-03-09T10:32").status == 0)
        let paid = try DossierCLI.object(await cli.show("B", at: "2026-03-09T11:00", format: .json))
        #expect(paid["feePaid"] as? Int == 21_000)
        #expect(paid["punctuality"] as? String == "early" || paid["punctuality"] as? String == "on_time")

        _ = try await cli.receive(birth(received: "2026-03-10T08:00:00+07:00"), id: "C")
        let withdrawn = await cli.act("C", "withdraw", .init(reasons: ["Người nộp không còn nhu cầu"]), at: "2026-03-10T08:30", format: .json)
        #expect(withdrawn.status == 0)
        #expect(try DossierCLI.object(withdrawn)["phase"] as? String == "withdrawn")
    }

    /// Bad input exits 2 with a message; nothing is written.
    @Test func badInputExitsTwo() async throws {
        let cli = try DossierCLI()
        defer { cli.remove() }
        _ = try await cli.receive(birthBeforeTet, id: "A")
        #expect(await cli.act("A", "frobnicate", at: "2026-02-13T16:00").status == 2)
        #expect(await cli.act("A", "receive", at: "2026-02-13T16:00").status == 2)
        #expect(await cli.act("NOPE", "approve", at: "2026-02-13T16:00").status == 2)
        #expect(await cli.act("A", "approve", .init(step: "nope"), at: "2026-02-13T16:00").status == 2)
        #expect(await cli.act("A", "record_payment", at: "2026-02-13T16:00").status == 2)
        #expect(await cli.act("A", "extend", .init(until: "mai"), at: "2026-02-13T16:00").status == 2)
        #expect(await cli.act("A", "receive_supplement", .init(papers: ["declaration:originals=1"]), at: "2026-02-13T16:00").status == 2)
        #expect(await cli.act("A", "approve", at: "hôm nay").status == 2)
        #expect(await cli.show("NOPE", at: "2026-02-13T16:00").status == 2)
        #expect(await cli.list(.init(overdue: true, dueWithin: 2), at: "2026-02-13T16:00").status == 2)
        #expect(await cli.list(.init(states: ["open"]), at: "2026-02-13T16:00").status == 2)
        let badFile = try await cli.receive("procedure: dang-ky-khai-sinh\nreceived: 2026-02-13T15:30:00+07:00\npapers: [declaraton]\n")
        #expect(badFile.status == 2)
        #expect(badFile.err.contains("'declaration'"))
        let missing = await DossierReceiveCommand.execute(file: "/nonexistent.yaml", id: nil, actor: cli.actor("x"), store: cli.storeOptions(now: nil), options: cli.options())
        #expect(missing.status == 2)
        let json = try DossierCLI.object(await cli.show("A", at: "2026-02-13T16:00", format: .json))
        #expect(json["version"] as? Int == 1, "nothing was written by the bad commands")
    }

    /// A conflict: the version the clerk saw is stale.
    @Test func staleVersionIsAConflict() async throws {
        let cli = try DossierCLI()
        defer { cli.remove() }
        _ = try await cli.receive(birthBeforeTet, id: "A")
        #expect(await cli.act("A", "approve", at: "2026-02-13T15:40").status == 0)
        let stale = await cli.act("A", "record_payment", .init(amount: 8_000, expectedVersion: 1), at: "2026-02-13T15:50")
        #expect(stale.status == 1)
        #expect(stale.err.contains("[store-conflict]"))
    }
}
