import Foundation
import Testing
import TTHCCalendar
@testable import TTHCCommands

/// `tthc stats`: a February 2026 of birth registrations (due the same day, or the next working day
/// when received after 15:00), counted as one-stop centres report them.
@Suite struct StatsCommandTests {
    static let officer = ["civil_status_officer"]
    static let chairman = ["chairman"]

    /// Receives a birth registration and takes it through intake, review and signature at the
    /// given instants (nil: stop before).
    static func run(_ cli: DossierCLI, _ id: String, received: String, channel: String = "in_person", review: String? = nil, sign: String? = nil) async throws {
        let output = try await cli.receive(birth(received: received, channel: channel), id: id)
        #expect(output.status == 0, "\(id): \(output.err)")
        let intake = Instant(iso8601: received, defaultOffset: nil).map { $0.adding(seconds: 600).iso8601(offset: .vietnam) } ?? received
        #expect(await cli.act(id, "approve", at: intake).status == 0, "\(id) intake")
        if let review {
            let r = await cli.act(id, "approve", by: "tp", roles: officer, at: review)
            #expect(r.status == 0, "\(id) review: \(r.err)")
        }
        if let sign {
            let s = await cli.act(id, "approve", by: "ct", roles: chairman, at: sign)
            #expect(s.status == 0, "\(id) sign: \(s.err)")
        }
    }

    static func february() async throws -> DossierCLI {
        let cli = try DossierCLI()
        // Carried over from January: due 30/01, resolved 02/02 (late).
        try await run(cli, "F", received: "2026-01-29T16:00:00+07:00", review: "2026-02-02T09:00", sign: "2026-02-02T10:00")
        // The Friday before Tết after 15:00: due 23/02, resolved the same evening (early).
        try await run(cli, "A", received: "2026-02-13T15:30:00+07:00", review: "2026-02-13T16:00", sign: "2026-02-13T16:30")
        // Online, resolved the same day (on time) and two days later (late).
        try await run(cli, "B", received: "2026-02-02T09:00:00+07:00", channel: "online", review: "2026-02-02T10:00", sign: "2026-02-02T11:00")
        try await run(cli, "C", received: "2026-02-03T09:00:00+07:00", channel: "online", review: "2026-02-05T09:00", sign: "2026-02-05T10:00")
        // Still open at the end of February: overdue since 27/02, and due 02/03.
        try await run(cli, "D", received: "2026-02-26T09:00:00+07:00")
        try await run(cli, "E", received: "2026-02-27T16:00:00+07:00")
        // Withdrawn.
        try await run(cli, "G", received: "2026-02-10T09:00:00+07:00")
        #expect(await cli.act("G", "withdraw", at: "2026-02-10T10:00").status == 0)
        // A supplement requested and brought back; resolved on its (moved) due date.
        try await run(cli, "S", received: "2026-02-11T09:00:00+07:00")
        #expect(await cli.act("S", "request_supplement", .init(reasons: ["Tờ khai thiếu chữ ký"], papers: ["declaration"]), by: "tp", roles: officer, at: "2026-02-11T10:00").status == 0)
        #expect(await cli.act("S", "receive_supplement", .init(papers: ["declaration"]), at: "2026-02-12T09:00").status == 0)
        #expect(await cli.act("S", "approve", by: "tp", roles: officer, at: "2026-02-12T10:00").status == 0)
        #expect(await cli.act("S", "approve", by: "ct", roles: chairman, at: "2026-02-12T11:00").status == 0)
        // Paused at the end of the month: the clock stands still, not overdue.
        try await run(cli, "P", received: "2026-02-24T09:00:00+07:00")
        #expect(await cli.act("P", "pause", .init(reasons: ["Chờ xác minh"]), by: "tp", roles: officer, at: "2026-02-24T10:00").status == 0)
        // Not received at the desk: an identity document missing.
        let incomplete = try String(contentsOfFile: RepositoryPaths.root + "/Examples/khai-sinh-truoc-tet.yaml", encoding: .utf8)
            .replacingOccurrences(of: "2026-02-13T09:00:00+07:00", with: "2026-02-10T09:00:00+07:00")
        #expect(try await cli.receive(incomplete, id: "H").status == 1)
        return cli
    }

    @Test func februaryAsTheCentreReportsIt() async throws {
        let cli = try await Self.february()
        defer { cli.remove() }
        let output = await cli.stats(from: "2026-02-01", to: "2026-02-28", at: "2026-03-02T08:00", format: .json)
        #expect(output.status == 0, "\(output.err)")
        let json = try DossierCLI.object(output)
        #expect(json["asOf"] as? String == "2026-03-01T00:00:00+07:00")
        #expect(json["handled"] as? Int == 9)
        #expect(json["carriedOver"] as? Int == 1)
        let received = try #require(json["received"] as? [String: Any])
        #expect(received["total"] as? Int == 8 && received["online"] as? Int == 2 && received["inPerson"] as? Int == 6)
        #expect(received["onlineShare"] as? Double == 25)
        let resolved = try #require(json["resolved"] as? [String: Any])
        #expect(resolved["total"] as? Int == 5)
        #expect(resolved["early"] as? Int == 1 && resolved["onTime"] as? Int == 2 && resolved["late"] as? Int == 2)
        #expect(resolved["earlyShare"] as? Double == 20 && resolved["lateShare"] as? Double == 40)
        let open = try #require(json["open"] as? [String: Any])
        #expect(open["total"] as? Int == 3 && open["onTime"] as? Int == 2 && open["overdue"] as? Int == 1)
        #expect(open["overdueShare"] as? Double == 33.3)
        #expect(json["withdrawn"] as? Int == 1)
        #expect((json["supplement"] as? [String: Any])?["dossiers"] as? Int == 1)
        #expect(json["refusedAtIntake"] as? Int == 1)

        let text = await cli.stats(from: "2026-02-01", to: "2026-02-28", at: "2026-03-02T08:00")
        #expect(text.out.hasPrefix("BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"))
        for line in ["Số hồ sơ nhận giải quyết: 9", "  Từ kỳ trước chuyển qua: 1", "    Trực tuyến: 2 (25%)", "Số hồ sơ đã giải quyết: 5",
                     "  Trước hạn: 1 (20%)", "  Đúng hạn: 2 (40%)", "  Quá hạn: 2 (40%)", "Số hồ sơ đang giải quyết: 3", "  Trong hạn: 2 (66,7%)",
                     "  Quá hạn: 1 (33,3%)", "Số hồ sơ rút theo yêu cầu: 1", "Số hồ sơ phải yêu cầu bổ sung, hoàn thiện: 1",
                     "Số hồ sơ không được tiếp nhận tại bộ phận một cửa: 1"] {
            #expect(text.out.contains(line + "\n"), "\(line)\n\(text.out)")
        }
        let english = await cli.stats(from: "2026-02-01", to: "2026-02-28", at: "2026-03-02T08:00", lang: .en)
        #expect(english.out.contains("  Late: 2 (40%)"))

        // January, seen afterwards: the dossier carried over was open and overdue at its end,
        // though it has been resolved since (its state is folded from its events up to then).
        let january = try DossierCLI.object(await cli.stats(from: "2026-01-01", to: "2026-01-31", at: "2026-03-02T08:00", format: .json))
        #expect(january["handled"] as? Int == 1)
        #expect((january["open"] as? [String: Any])?["overdue"] as? Int == 1)
        #expect((january["resolved"] as? [String: Any])?["total"] as? Int == 0)

        // Mid-February, as of 10:30 on the 12th: S is still being signed; A, D, E, P are not
        // received yet.
        let midMonth = try DossierCLI.object(await cli.stats(from: "2026-02-01", to: "2026-02-28", at: "2026-02-12T10:30", format: .json))
        #expect(midMonth["handled"] as? Int == 5, "F, B, C, G, S")
        #expect((midMonth["open"] as? [String: Any])?["total"] as? Int == 1)
    }

    @Test func badPeriodsExitTwo() async throws {
        let cli = try DossierCLI()
        defer { cli.remove() }
        #expect(await cli.stats(from: "2026-02-30", to: "2026-03-01", at: "2026-03-02T08:00").status == 2)
        #expect(await cli.stats(from: "2026-03-01", to: "2026-02-01", at: "2026-03-02T08:00").status == 2)
        let empty = await cli.stats(from: "2026-02-01", to: "2026-02-28", at: "2026-03-02T08:00")
        #expect(empty.status == 0)
        #expect(empty.out.contains("Số hồ sơ nhận giải quyết: 0"))
    }
}
