import Foundation
import Testing
import TTHCCalendar
import TTHCCompiler
import TTHCDiagnostics

/// Calendar files compiled like procedures: the shipped files, and every mistake at its place.
@Suite struct CalendarCompilerTests {
    static let shipped = CalendarCompiler(catalog: RepositoryPaths.procedures).compile()

    @Test func shippedCalendarsCompileCleanly() {
        #expect(Self.shipped.diagnostics.isEmpty, "\(Self.shipped.diagnostics.map { "\($0.range): \($0.message.en) [\($0.code)]" })")
        #expect(Set(Self.shipped.definitions.keys) == ["vn", "vi-du-tinh"])
    }

    /// Procedures/calendars/vn.yaml and the library's built-in national calendar are the same data.
    @Test func vnFileEqualsTheBuiltInCalendar() throws {
        let file = try #require(Self.shipped.definitions["vn"])
        let builtIn = CalendarDefinition.vietnam
        #expect(file.holidays == builtIn.holidays)
        #expect(file.notices == builtIn.notices)
        #expect(file.hours == builtIn.hours && file.week == builtIn.week && file.utcOffset == builtIn.utcOffset)
        #expect(file.makeUp == builtIn.makeUp && file.noticeYears == builtIn.noticeYears)
        #expect(file == builtIn)
    }

    @Test func provinceExtendsVn() throws {
        let resolved = try Self.shipped.resolved("vi-du-tinh")
        #expect(resolved.extends == nil)
        #expect(resolved.holidays.count == CalendarDefinition.vietnam.holidays.count + 1)
        #expect(resolved.notices.count == CalendarDefinition.vietnam.notices.count)
        #expect(resolved.hours?.seasons.first?.name == "Giờ mùa đông")
    }

    func compile(_ files: [String: String]) -> CalendarCompilation {
        CalendarCompiler.compile(files: files.sorted { $0.key < $1.key }.map { (path: "calendars/\($0.key).yaml", text: $0.value) })
    }

    func codes(_ result: CalendarCompilation) -> [String] { result.diagnostics.map(\.code) }

    static let minimal = """
        id: t
        name: Thử
        hours:
          - {from: "07:30", to: "11:30"}
          - {from: "13:30", to: "17:00"}

        """

    @Test func minimalCalendarCompiles() throws {
        let result = compile(["t": Self.minimal])
        #expect(result.diagnostics.isEmpty)
        let definition = try #require(result.definitions["t"])
        #expect(definition.week == [.monday, .tuesday, .wednesday, .thursday, .friday])
        #expect(definition.utcOffset == .vietnam)
    }

    @Test func unknownKeySuggests() throws {
        let result = compile(["t": Self.minimal + "holidayz: []\n"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "unknown-key")
        #expect(diagnostic.message.vi.contains("có phải ý bạn là 'holidays'?"))
        #expect(diagnostic.fixIt == "holidays")
        #expect(diagnostic.range.start == SourceLocation(line: 6, column: 1))
    }

    @Test func badDatesTimesAndWeekdays() {
        let text = """
            id: t
            name: Thử
            timezone: "+7h"
            week: [mon, tue, wedd]
            hours:
              - {from: "07:30", to: "11:30"}
              - {from: "11:00", to: "17:00"}
            holidays:
              - {id: a, name: A, date: "02-30", basis: x}
              - {id: b, name: B, lunar: "13-01", basis: x}
              - {id: c, name: C, basis: x}
              - {id: a, name: A2, date: "01-02", basis: x}
              - {id: d, name: D, date: "01-03", through: "01-04", basis: x}
              - {id: e, name: E, date: "01-05", basis: x, since: 2030, until: 2020}
            notices:
              - year: 2026
                document: X
                off: [{date: 2026-02-30}]
                work: [{date: 2026-03-09}]

            """
        let result = compile(["t": text])
        let found = codes(result)
        for code in ["calendar-bad-timezone", "calendar-bad-weekday", "calendar-overlapping-sessions", "calendar-bad-date",
                     "calendar-holiday-kind", "calendar-duplicate-holiday", "calendar-through-without-lunar", "calendar-bad-years",
                     "calendar-work-on-working-day"] {
            #expect(found.contains(code), "missing \(code) in \(found)")
        }
        #expect(found.filter { $0 == "calendar-bad-date" }.count == 3)
        #expect(result.definitions["t"] == nil)
        let weekday = result.diagnostics.first { $0.code == "calendar-bad-weekday" }
        #expect(weekday?.fixIt == "wed")
        #expect(weekday?.range.start == SourceLocation(line: 4, column: 18))
        let overlap = result.diagnostics.first { $0.code == "calendar-overlapping-sessions" }
        #expect(overlap?.range.start.line == 7)
        #expect(overlap?.notes.first?.range?.start.line == 6)
        #expect(result.diagnostics.allSatisfy { !$0.message.vi.isEmpty && !$0.message.en.isEmpty })
    }

    @Test func sessionsAndMissingHours() {
        #expect(codes(compile(["t": "id: t\nname: T\n"])) == ["calendar-incomplete"])
        #expect(codes(compile(["t": "id: t\nname: T\nhours: []\n"])) == ["calendar-empty-hours"])
        #expect(codes(compile(["t": "id: t\nname: T\nhours: [{from: \"12:00\", to: \"08:00\"}]\n"])) == ["calendar-bad-session"])
        #expect(codes(compile(["t": "id: t\nname: T\nhours: [{from: \"7h\", to: \"08:00\"}]\n"])) == ["bad-time"])
    }

    @Test func extendsAndReferences() throws {
        let child = """
            id: tinh
            name: Tỉnh
            extends: vm
            """
        let result = compile(["t": Self.minimal, "tinh": child])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "calendar-unknown-extends")
        #expect(diagnostic.range.start == SourceLocation(line: 3, column: 10))
        #expect(result.definitions["tinh"] == nil && result.definitions["t"] != nil)

        let a = "id: a\nname: A\nextends: b\n", b = "id: b\nname: B\nextends: a\n"
        #expect(codes(compile(["a": a, "b": b])) == ["calendar-cyclic-extends", "calendar-cyclic-extends"])

        let notice = Self.minimal + """
            holidays:
              - {id: tet, name: Tết, lunar: "12-last", through: "01-04", basis: x, chosen_by_notice: true}
            notices:
              - {year: 2026, document: X, off: [{date: 2026-02-16, holiday: tett}]}

            """
        let unknown = compile(["t": notice])
        #expect(codes(unknown) == ["calendar-unknown-holiday"])
        #expect(unknown.diagnostics.first?.fixIt == "tet")
        let inherited = compile(["t": Self.minimal, "tinh": "id: tinh\nname: T\nextends: t\nholidays: [{id: x, name: X, date: \"03-05\", basis: b}]\nnotices: [{year: 2026, document: D, off: [{date: 2026-03-06, holiday: x}]}]\n"])
        #expect(inherited.diagnostics.isEmpty)
    }

    @Test func idMustMatchFileAndBeUnique() {
        #expect(codes(compile(["u": Self.minimal])) == ["calendar-id-mismatch"])
        let twice = CalendarCompiler.compile(files: [(path: "a/t.yaml", text: Self.minimal), (path: "b/t.yaml", text: Self.minimal)])
        #expect(twice.diagnostics.map(\.code) == ["calendar-duplicate-id"])
    }

    @Test func yamlMistakesAreLocated() {
        let result = compile(["t": Self.minimal + "note: a: b\n"])
        #expect(result.hasErrors)
        #expect(result.diagnostics.first?.range.start.line == 6)
    }
}
