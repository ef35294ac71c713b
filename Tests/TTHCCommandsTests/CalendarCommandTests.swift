import ArgumentParser
import Foundation
import Testing
import TTHCCalendar
@testable import TTHCCommands

/// `tthc due`, `tthc calendar` and `tthc lunar`, run in-process on the shipped catalogue.
@Suite struct CalendarCommandTests {
    let catalog = ["--catalog", RepositoryPaths.procedures]

    func due(_ arguments: [String]) throws -> CommandOutput {
        try DueCommand.parse(arguments + catalog).output()
    }

    func json(_ output: CommandOutput) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(output.out.utf8))
    }

    @Test func dueFirstLineIsTheInstant() throws {
        let output = try due(["2026-02-13T09:00:00+07:00", "--working-days", "1"])
        #expect(output.status == 0, "\(output.err)")
        #expect(output.out == "2026-02-23T17:00:00+07:00\n")
        #expect(try due(["2026-02-13T09:00+07:00", "--working-days", "1"]).out == output.out)
        #expect(try due(["2026-02-13T09:00", "--working-days", "1"]).out == output.out)
        #expect(try due(["2026-02-13", "--working-days", "1"]).out == output.out)
    }

    @Test func dueUnits() throws {
        #expect(try due(["2026-03-09T10:00:00+07:00", "--working-hours", "2"]).out == "2026-03-09T14:00:00+07:00\n")
        #expect(try due(["2026-03-09T10:00:00+07:00", "--working-hours", "0.5"]).out == "2026-03-09T10:30:00+07:00\n")
        #expect(try due(["2026-03-09T10:00:00+07:00", "--days", "5"]).out == "2026-03-16T17:00:00+07:00\n")
        #expect(try due(["2026-03-09T15:01:00+07:00", "--same-day", "15:00"]).out == "2026-03-10T17:00:00+07:00\n")
        #expect(try due(["2026-03-09T15:01:00+07:00", "--working-days", "1", "--cutoff", "15:00"]).out == "2026-03-11T17:00:00+07:00\n")
    }

    @Test func dueExplainsSkippedDays() throws {
        let output = try due(["2026-02-13T09:00:00+07:00", "--working-days", "1", "--explain"])
        #expect(output.out.hasPrefix("2026-02-23T17:00:00+07:00\n"))
        #expect(output.out.contains("Các ngày không tính (9):"))
        #expect(output.out.contains("2026-02-17 thứ Ba: Tết Nguyên đán — Thông báo 9441/TB-BNV"))
        #expect(output.out.contains("Bộ luật Dân sự 2015, Điều 147"))
        let english = try due(["2026-02-13T09:00:00+07:00", "--working-days", "1", "--explain", "--lang", "en"])
        #expect(english.out.contains("Days skipped (9):"))
        #expect(english.out.contains("Lunar New Year (Tết)"))
    }

    @Test func dueJSON() throws {
        let output = try due(["2026-12-28T09:00:00+07:00", "--working-days", "10", "--format", "json"])
        let object = try #require(try json(output) as? [String: Any])
        #expect(object["due"] as? String == "2027-01-12T17:00:00+07:00")
        #expect(object["projected"] as? Bool == true)
        let skipped = try #require(object["skipped"] as? [[String: Any]])
        #expect(skipped.first?["date"] as? String == "2027-01-01")
        #expect((skipped.first?["reason"] as? String)?.hasPrefix("Tết Dương lịch") == true)
        let projected = try due(["2026-12-28T09:00:00+07:00", "--working-days", "10"])
        #expect(projected.out.contains("Dự kiến: năm 2027"))
    }

    @Test(arguments: [
        (["2026-02-30", "--working-days", "1"], "không phải thời điểm hợp lệ"),
        (["2026-02-13", "--working-days", "-1"], "không được âm"),
        (["2026-02-13", "--working-days=-3"], "không được âm"),
        (["2026-02-13", "--working-hours", "-2"], "không được âm"),
        (["2026-02-13", "--working-days", "1", "--calendar", "khong-co"], "không có lịch 'khong-co'"),
        (["2026-02-13"], "cần đúng một trong"),
        (["2026-02-13", "--working-days", "1", "--days", "2"], "cần đúng một trong"),
        (["2026-02-13", "--same-day", "25:00"], "không phải giờ hợp lệ"),
        (["2026-02-13", "--working-days", "abc"], "không phải số ngày"),
    ])
    func dueBadInput(_ arguments: [String], _ message: String) throws {
        let output = try due(arguments)
        #expect(output.status == 2)
        #expect(output.out.isEmpty)
        #expect(output.err.contains(message), "\(output.err)")
    }

    @Test func badInputInEnglishAndExitCode() throws {
        let output = try due(["2026-02-13", "--working-days", "-1", "--lang", "en"])
        #expect(output.err == "error: the number of days must not be negative: -1\n")
        var quiet = output
        quiet.err = ""
        #expect(throws: ExitCode(2)) { try quiet.emit() }
    }

    @Test func calendarListsTheYear() throws {
        let output = try CalendarCommand.parse(["2026"] + catalog).output()
        #expect(output.status == 0, "\(output.err)")
        #expect(output.out.contains("2026-01-10  Thứ Bảy   làm việc  Làm bù cho ngày nghỉ thứ Sáu 02/01/2026"))
        #expect(output.out.contains("2026-04-27  Thứ Hai   nghỉ      Nghỉ bù Giỗ Tổ Hùng Vương"))
        let list = try #require(try json(try CalendarCommand.parse(["2026", "--format", "json"] + catalog).output()) as? [[String: Any]])
        #expect(list.count == 16)
        #expect(list.filter { $0["working"] as? Bool == true }.compactMap { $0["date"] as? String } == ["2026-01-10", "2026-08-22"])
        #expect(list.allSatisfy { ($0["reason"] as? String)?.isEmpty == false })
        #expect(try CalendarCommand.parse(["20x6"] + catalog).output().status == 2)
        #expect(try CalendarCommand.parse(["2026", "--calendar", "vnn"] + catalog).output().status == 2)
    }

    @Test func provinceCalendar() throws {
        let output = try due(["2026-01-05T09:00:00+07:00", "--working-days", "1", "--calendar", "vi-du-tinh"])
        #expect(output.out == "2026-01-06T16:30:00+07:00\n")
        let list = try CalendarCommand.parse(["2026", "--calendar", "vi-du-tinh"] + catalog).output()
        #expect(list.out.contains("2026-03-05  Thứ Năm   nghỉ      Ngày nghỉ địa phương (ví dụ)"))
    }

    @Test func lunar() throws {
        let output = try LunarCommand.parse(["2026-02-17"]).output()
        #expect(output.out == "ngày 1 tháng 1 năm Bính Ngọ (2026)\nCan chi: ngày Nhâm Tuất, tháng Canh Dần, năm Bính Ngọ\n")
        let object = try #require(try json(try LunarCommand.parse(["2025-07-25", "--format", "json"]).output()) as? [String: Any])
        #expect(object["day"] as? Int == 1)
        #expect(object["month"] as? Int == 6)
        #expect(object["leap"] as? Bool == true)
        #expect(object["year"] as? Int == 2025)
        #expect(object["yearName"] as? String == "Ất Tỵ")
        #expect(try LunarCommand.parse(["2026-13-01"]).output().status == 2)
        #expect(try LunarCommand.parse(["1850-01-01"]).output().status == 2)
        #expect(try LunarCommand.parse(["2026-02-17", "--lang", "en"]).output().out.hasPrefix("day 1 of month 1, year Bính Ngọ (2026)"))
    }

    @Test func commandsAreRegistered() {
        let names = TTHCCommand.subcommands.compactMap { $0.configuration.commandName }
        #expect(names.contains("due") && names.contains("calendar") && names.contains("lunar"))
    }
}
