import Testing
import Foundation
import TTHCDiagnostics

/// `--format json`, the bag, and the plain values.
@Suite("DiagnosticJSON")
struct DiagnosticJSONTests {
    static func objects(_ json: String) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return try #require(value as? [[String: Any]])
    }

    @Test func fields() throws {
        let d = Diagnostic(
            unknownKey, at: range((4, 3), (4, 14)),
            notes: [
                DiagnosticNote(LocalizedText(vi: "khai báo lần đầu ở đây", en: "first declared here"), at: range((1, 1), (1, 3), file: "Procedures/_shared/roles.yaml")),
                DiagnosticNote(LocalizedText(vi: "ghi chú", en: "a note")),
            ],
            fixIt: "working_days")
        let json = DiagnosticJSON(language: .vi).render([d])
        let entry = try #require(try Self.objects(json).first)
        #expect(Set(entry.keys) == ["file", "line", "column", "endLine", "endColumn", "severity", "code", "message", "fixIt", "notes"])
        #expect(entry["file"] as? String == path)
        #expect(entry["line"] as? Int == 4)
        #expect(entry["column"] as? Int == 3)
        #expect(entry["endLine"] as? Int == 4)
        #expect(entry["endColumn"] as? Int == 14)
        #expect(entry["severity"] as? String == "error")
        #expect(entry["code"] as? String == "unknown-key")
        #expect(entry["message"] as? String == "khóa 'working_day' không có trong thủ tục")
        #expect(entry["fixIt"] as? String == "working_days")
        let notes = try #require(entry["notes"] as? [[String: Any]])
        #expect(notes.count == 2)
        #expect(notes[0]["message"] as? String == "khai báo lần đầu ở đây")
        #expect(notes[0]["file"] as? String == "Procedures/_shared/roles.yaml")
        #expect(notes[0]["line"] as? Int == 1)
        #expect(notes[0]["column"] as? Int == 1)
        #expect(Set(notes[1].keys) == ["message"])
        #expect(notes[1]["message"] as? String == "ghi chú")
    }

    @Test func englishAndOptionalFields() throws {
        let w = Diagnostic(DiagnosticMessage.warning("text-not-nfc", vi: "chưa NFC", en: "not NFC"), at: range((2, 6), (2, 9)))
        let entry = try #require(try Self.objects(DiagnosticJSON(language: .en).render([w])).first)
        #expect(entry["message"] as? String == "not NFC")
        #expect(entry["severity"] as? String == "warning")
        #expect(entry["fixIt"] == nil)
        #expect((entry["notes"] as? [Any])?.isEmpty == true)
    }

    @Test func textIsPrettySortedAndUnescaped() {
        let d = Diagnostic(unknownKey, at: range((4, 3), (4, 14)))
        let json = DiagnosticJSON().render([d])
        #expect(json.contains("\n"))
        #expect(json.contains(path))   // slashes not escaped
        #expect(json.contains("khóa 'working_day'"))   // Vietnamese as is
        let order = ["\"code\"", "\"column\"", "\"endColumn\"", "\"endLine\"", "\"file\"", "\"line\"", "\"message\"", "\"notes\"", "\"severity\""]
        let positions = order.compactMap { json.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted())
    }

    @Test func keepsTheOrderGivenAndHandlesNone() throws {
        let a = Diagnostic(unknownKey, at: range((9, 1), (9, 2)))
        let b = Diagnostic(unknownKey, at: range((1, 1), (1, 2)))
        let entries = try Self.objects(DiagnosticJSON(language: .en).render([a, b]))
        #expect(entries.map { $0["line"] as? Int } == [9, 1])
        #expect(try Self.objects(DiagnosticJSON().render([])).isEmpty)
    }
}

@Suite("DiagnosticBag")
struct DiagnosticBagTests {
    static let warning = DiagnosticMessage.warning("w", vi: "cảnh báo", en: "warning")

    @Test func countsAndHasErrors() {
        var bag = DiagnosticBag()
        #expect(!bag.hasErrors)
        #expect(bag.errorCount == 0 && bag.warningCount == 0)
        bag.report(Self.warning, at: range((1, 1), (1, 1)))
        #expect(!bag.hasErrors)
        #expect(bag.warningCount == 1)
        bag.report(unknownKey, at: range((2, 1), (2, 1)), notes: [DiagnosticNote(LocalizedText(vi: "a", en: "a"))], fixIt: "x")
        bag.report(Diagnostic(code: "c", severity: .error, range: range((3, 1), (3, 1)), message: LocalizedText(vi: "v", en: "e")))
        #expect(bag.hasErrors)
        #expect(bag.errorCount == 2)
        #expect(bag.warningCount == 1)
        #expect(bag.all.map(\.code) == ["w", "unknown-key", "c"])
        #expect(bag.all[1].fixIt == "x")
        #expect(bag.all[1].notes.count == 1)
        #expect(bag.all[1].severity == .error)
        #expect(bag.all[1].message == unknownKey.text)
    }

    @Test func appendKeepsOrder() {
        var other = DiagnosticBag()
        other.report(Self.warning, at: range((5, 1), (5, 1)))
        other.report(unknownKey, at: range((1, 1), (1, 1)))
        var bag = DiagnosticBag()
        bag.report(unknownKey, at: range((9, 9), (9, 9)))
        bag.append(contentsOf: other.all)
        #expect(bag.all.map(\.range.start.line) == [9, 5, 1])
        #expect(bag.errorCount == 2)
    }

    @Test func sortedByFileThenLineThenColumnStable() {
        var bag = DiagnosticBag()
        let places: [(String, Int, Int, String)] = [
            ("b.yaml", 1, 1, "b11"), ("a.yaml", 10, 1, "a10"), ("a.yaml", 2, 5, "a25"), ("a.yaml", 2, 3, "a23"),
            ("a.yaml", 2, 3, "a23-second"), ("_shared/x.yaml", 99, 1, "shared"), ("a.yaml", 9, 40, "a9"),
        ]
        for (file, line, column, code) in places {
            bag.report(Diagnostic(code: code, severity: .warning, range: SourceRange(file: file, at: Loc(line: line, column: column)), message: LocalizedText(vi: "", en: "")))
        }
        // Line 10 after line 9 (numeric, not textual); equal places keep the report order.
        #expect(bag.sorted.map(\.code) == ["shared", "a23", "a23-second", "a25", "a9", "a10", "b11"])
        #expect(bag.all.map(\.code) == places.map(\.3))
    }

    @Test func severityOrder() {
        #expect(Severity.warning < Severity.error)
        #expect(!(Severity.error < Severity.warning))
        #expect(!(Severity.error < Severity.error))
        #expect([Severity.error, .warning].max() == .error)
        #expect(Severity.error.rawValue == "error")
        #expect(Severity.warning.rawValue == "warning")
    }
}

@Suite("Diagnostic values")
struct DiagnosticValueTests {
    @Test func messagesAndText() {
        #expect(unknownKey.code == "unknown-key")
        #expect(unknownKey.severity == .error)
        let w = DiagnosticMessage.warning("w", vi: "cảnh báo", en: "warning")
        #expect(w.severity == .warning)
        #expect(w.text.text(.vi) == "cảnh báo")
        #expect(w.text.text(.en) == "warning")
        #expect(Language.allCases == [.vi, .en])
        #expect(Language(rawValue: "vi") == .vi)
    }

    @Test func diagnosticFromMessage() {
        let d = Diagnostic(unknownKey, at: range((1, 2), (1, 3)), fixIt: "y")
        #expect(d == Diagnostic(code: "unknown-key", severity: .error, range: range((1, 2), (1, 3)), message: unknownKey.text, notes: [], fixIt: "y"))
        #expect(Diagnostic(unknownKey, at: range((1, 2), (1, 3))).fixIt == nil)
    }

    @Test func codableRoundTrip() throws {
        let d = Diagnostic(unknownKey, at: range((4, 3), (4, 14)), notes: [DiagnosticNote(LocalizedText(vi: "ở đây", en: "here"), at: range((1, 1), (1, 2))), DiagnosticNote(LocalizedText(vi: "x", en: "x"))], fixIt: "working_days")
        let data = try JSONEncoder().encode([d])
        #expect(try JSONDecoder().decode([Diagnostic].self, from: data) == [d])
    }

    @Test func locations() {
        let a = Loc(line: 2, column: 10), b = Loc(line: 10, column: 1), c = Loc(line: 2, column: 9)
        #expect(a < b)
        #expect(c < a)
        #expect(!(a < a))
        #expect([b, a, c].sorted() == [c, a, b])
        #expect(a.description == "2:10")
        #expect(range((3, 4), (3, 9)).description == "\(path):3:4")
        let empty = SourceRange(file: "f.yaml", at: a)
        #expect(empty.start == a && empty.end == a)
        #expect(SourceRange.file("f.yaml") == SourceRange(file: "f.yaml", start: Loc(line: 1, column: 1), end: Loc(line: 1, column: 1)))
    }

    @Test func slice() {
        // `    when: copies > 1` with the scalar at 12:11: `>` is 7 scalars in.
        let scalar = range((12, 11), (12, 21))
        #expect(scalar.slice(fromColumnOffset: 7, length: 1) == range((12, 18), (12, 19)))
        #expect(scalar.slice(fromColumnOffset: 0, length: 6) == range((12, 11), (12, 17)))
        #expect(scalar.slice(fromColumnOffset: 3, length: 0) == range((12, 14), (12, 14)))
        #expect(scalar.slice(fromColumnOffset: 3, length: -4) == range((12, 14), (12, 14)))
        #expect(scalar.slice(fromColumnOffset: 2, length: 3).file == path)
        // A multi-line range is sliced on its first line.
        #expect(range((3, 5), (6, 1)).slice(fromColumnOffset: 1, length: 2) == range((3, 6), (3, 8)))
    }
}

@Suite("Suggestion")
struct SuggestionTests {
    @Test func editDistance() {
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("abc", "") == 3)
        #expect(Suggestion.editDistance("", "") == 0)
        #expect(Suggestion.editDistance("same", "same") == 0)
        #expect(Suggestion.editDistance("flaw", "lawn") == 2)
        #expect(Suggestion.editDistance("ab", "ba") == 2)
        // Counted in characters: Vietnamese letters and emoji are one each; NFD equals NFC.
        #expect(Suggestion.editDistance("Hà Nội", "Ha Noi") == 2)
        #expect(Suggestion.editDistance("e\u{301}", "é") == 0)
        #expect(Suggestion.editDistance("👨‍👩‍👧", "x") == 1)
        // Case matters here (closest lowercases first).
        #expect(Suggestion.editDistance("Abc", "abc") == 1)
        #expect(Suggestion.editDistance("working_day", "working_days") == Suggestion.editDistance("working_days", "working_day"))
    }

    @Test func closestFindsTypos() {
        let keys = ["working_days", "holidays", "fee", "documents", "agency"]
        #expect(Suggestion.closest(to: "working_day", in: keys) == "working_days")
        #expect(Suggestion.closest(to: "documnets", in: keys) == "documents")
        #expect(Suggestion.closest(to: "Agency", in: keys) == "agency")     // case-insensitive, candidate spelling kept
        #expect(Suggestion.closest(to: "AGENCI", in: keys) == "agency")
        #expect(Suggestion.closest(to: "fee", in: keys) == "fee")
        #expect(Suggestion.closest(to: "color", in: keys) == nil)
        #expect(Suggestion.closest(to: "x", in: [String]()) == nil)
    }

    @Test func threshold() {
        // Limit is max(1, count / 3): 9 letters allow 3 edits, not 4.
        #expect(Suggestion.closest(to: "abcdefghi", in: ["abcdefxyz"]) == "abcdefxyz")
        #expect(Suggestion.closest(to: "abcdefghi", in: ["abcdewxyz"]) == nil)
        // 5 letters allow 1 edit, 6 allow 2.
        #expect(Suggestion.closest(to: "abcde", in: ["abcxy"]) == nil)
        #expect(Suggestion.closest(to: "abcdef", in: ["abcdxy"]) == "abcdxy")
        // Short words still allow one edit.
        #expect(Suggestion.closest(to: "ab", in: ["ac"]) == "ac")
        #expect(Suggestion.closest(to: "ab", in: ["cd"]) == nil)
        #expect(Suggestion.closest(to: "a", in: ["b"]) == "b")
        // Vietnamese: the limit counts characters.
        #expect(Suggestion.closest(to: "thoi_han", in: ["thời_hạn"]) == "thời_hạn")
        #expect(Suggestion.closest(to: "ho so", in: ["hồ sơ"]) == nil)
    }

    @Test func closestPrefersTheNearestThenTheFirst() {
        #expect(Suggestion.closest(to: "abcdefgh", in: ["abcdefxy", "abcdefgx"]) == "abcdefgx")
        #expect(Suggestion.closest(to: "abcdefgh", in: ["abcdefgx", "abcdefgy"]) == "abcdefgx")
        #expect(Suggestion.closest(to: "abcdefgh", in: ["abcdefgy", "abcdefgx"]) == "abcdefgy")
    }
}
