import Testing
import TTHCDiagnostics

typealias Loc = TTHCDiagnostics.SourceLocation

let path = "Procedures/ho-tich/khai-sinh.yaml"

func range(_ start: (Int, Int), _ end: (Int, Int), file: String = path) -> SourceRange {
    SourceRange(file: file, start: Loc(line: start.0, column: start.1), end: Loc(line: end.0, column: end.1))
}

let unknownKey = DiagnosticMessage.error("unknown-key", vi: "khóa 'working_day' không có trong thủ tục", en: "unknown key 'working_day' in a procedure")
let source = "id: khai-sinh\ntên: Đăng ký khai sinh\nthời_hạn:\n  working_day: 3\n"

/// The text renderer's exact output.
@Suite("DiagnosticRenderer")
struct DiagnosticRendererTests {
    let en = DiagnosticRenderer(language: .en, sources: [path: source])
    let vi = DiagnosticRenderer(language: .vi, sources: [path: source])

    @Test func headerSnippetAndCaret() {
        let d = Diagnostic(unknownKey, at: range((4, 3), (4, 14)))
        #expect(en.render(d) == """
        \(path):4:3: error: unknown key 'working_day' in a procedure [unknown-key]
           4 |   working_day: 3
             |   ^~~~~~~~~~~

        """)
        #expect(vi.render(d) == """
        \(path):4:3: error: khóa 'working_day' không có trong thủ tục [unknown-key]
           4 |   working_day: 3
             |   ^~~~~~~~~~~

        """)
    }

    @Test func defaultsAreVietnameseWithoutColour() {
        let r = DiagnosticRenderer()
        #expect(r.language == .vi)
        #expect(!r.colored)
        #expect(r.sources.isEmpty)
        let d = Diagnostic(unknownKey, at: range((4, 3), (4, 14)))
        #expect(r.render(d) == "\(path):4:3: error: khóa 'working_day' không có trong thủ tục [unknown-key]\n")
    }

    @Test func warningAndEmptyRangeGivesOneCaret() {
        let w = DiagnosticMessage.warning("text-not-nfc", vi: "chưa NFC", en: "not NFC")
        let d = Diagnostic(w, at: SourceRange(file: path, at: Loc(line: 1, column: 5)))
        #expect(en.render(d) == "\(path):1:5: warning: not NFC [text-not-nfc]\n   1 | id: khai-sinh\n     |     ^\n")
    }

    @Test func caretColumnsCountUnicodeScalars() {
        // `Đăng ký khai sinh` starts at column 6 after `tên: ` and is 17 scalars long.
        let d = Diagnostic(unknownKey, at: range((2, 6), (2, 23)))
        let lines = en.render(d).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "   2 | tên: Đăng ký khai sinh")
        #expect(lines[2] == "     |      ^" + String(repeating: "~", count: 16))
    }

    @Test func rangeEndingPastTheLineIsClipped() {
        let d = Diagnostic(unknownKey, at: range((1, 5), (1, 99)))
        #expect(en.render(d).hasSuffix("     |     ^" + String(repeating: "~", count: 8) + "\n"))
    }

    @Test func startPastTheLinePointsJustAfterIt() {
        let d = Diagnostic(unknownKey, at: range((3, 40), (3, 45)))
        #expect(en.render(d).hasSuffix("   3 | thời_hạn:\n     |          ^\n"))
    }

    @Test func multiLineRangeGivesOneCaretAtTheStart() {
        let d = Diagnostic(unknownKey, at: range((3, 1), (4, 5)))
        #expect(en.render(d).hasSuffix("   3 | thời_hạn:\n     | ^\n"))
    }

    @Test func endBeforeStartGivesOneCaret() {
        let d = Diagnostic(unknownKey, at: range((1, 5), (1, 2)))
        #expect(en.render(d).hasSuffix("     |     ^\n"))
    }

    @Test func noSourceOrLineOutOfRangeGivesNoSnippet() {
        let d = Diagnostic(unknownKey, at: range((2, 1), (2, 4), file: "other.yaml"))
        #expect(en.render(d) == "other.yaml:2:1: error: unknown key 'working_day' in a procedure [unknown-key]\n")
        let far = Diagnostic(unknownKey, at: range((40, 1), (40, 4)))
        #expect(en.render(far) == "\(path):40:1: error: unknown key 'working_day' in a procedure [unknown-key]\n")
        let zero = Diagnostic(unknownKey, at: range((0, 0), (0, 0)))
        #expect(en.render(zero) == "\(path):0:0: error: unknown key 'working_day' in a procedure [unknown-key]\n")
    }

    @Test func lineAfterTheLastNewlineIsAnEmptyLine() {
        // A file ending in "\n" has an empty last line: end-of-file errors point there.
        let d = Diagnostic(unknownKey, at: range((5, 1), (5, 1)))
        #expect(en.render(d).hasSuffix("   5 | \n     | ^\n"))
    }

    @Test func gutterGrowsForLongLineNumbers() {
        let text = Array(repeating: "x: 1", count: 12_345).joined(separator: "\n")
        let r = DiagnosticRenderer(language: .en, sources: ["big.yaml": text])
        let d = Diagnostic(unknownKey, at: range((12_345, 1), (12_345, 2), file: "big.yaml"))
        #expect(r.render(d).hasSuffix("12345 | x: 1\n      | ^\n"))
        let small = Diagnostic(unknownKey, at: range((9, 1), (9, 2), file: "big.yaml"))
        #expect(r.render(small).hasSuffix("   9 | x: 1\n     | ^\n"))
    }

    @Test func tabsAreKeptInThePadding() {
        let r = DiagnosticRenderer(language: .en, sources: ["t.yaml": "a:\n\tb: 1\n"])
        let d = Diagnostic(unknownKey, at: range((2, 5), (2, 6), file: "t.yaml"))
        #expect(r.render(d).hasSuffix("   2 | \tb: 1\n     | \t   ^\n"))
    }

    @Test func carriageReturnIsDroppedFromTheLine() {
        let r = DiagnosticRenderer(language: .en, sources: ["t.yaml": "a: 1\r"])
        let d = Diagnostic(unknownKey, at: range((1, 4), (1, 5), file: "t.yaml"))
        #expect(r.render(d).hasSuffix("   1 | a: 1\n     |    ^\n"))
    }

    @Test
    func crlfSourcesShowTheRightLine() {
        let r = DiagnosticRenderer(language: .en, sources: ["t.yaml": "a: 1\r\nb: 2\r\n"])
        let d = Diagnostic(unknownKey, at: range((2, 4), (2, 5), file: "t.yaml"))
        #expect(r.render(d).hasSuffix("   2 | b: 2\n     |    ^\n"))
        let first = Diagnostic(unknownKey, at: range((1, 4), (1, 5), file: "t.yaml"))
        #expect(r.render(first).hasSuffix("   1 | a: 1\n     |    ^\n"))
    }

    @Test
    func caretLinesUpOnDecomposedText() {
        // `tên` with e + U+0302: the value starts at scalar column 7 but is the 6th character on screen.
        let r = DiagnosticRenderer(language: .en, sources: ["t.yaml": "te\u{302}n: x\n"])
        let d = Diagnostic(unknownKey, at: range((1, 7), (1, 8), file: "t.yaml"))
        #expect(r.render(d).hasSuffix("     |      ^\n"))
    }

    @Test func notesWithAndWithoutPlaces() {
        let dup = DiagnosticMessage.error("duplicate-key", vi: "khóa 'id' bị khai báo hai lần", en: "key 'id' appears twice")
        let d = Diagnostic(dup, at: range((4, 3), (4, 14)), notes: [
            DiagnosticNote(LocalizedText(vi: "khai báo lần đầu ở đây", en: "first declared here"), at: range((1, 1), (1, 3))),
            DiagnosticNote(LocalizedText(vi: "xóa một trong hai", en: "remove one of them")),
        ])
        #expect(en.render(d) == """
        \(path):4:3: error: key 'id' appears twice [duplicate-key]
           4 |   working_day: 3
             |   ^~~~~~~~~~~
        \(path):1:1: note: first declared here
           1 | id: khai-sinh
             | ^~
              = note: remove one of them

        """)
        #expect(vi.render(d).contains("\(path):1:1: note: khai báo lần đầu ở đây\n"))
        #expect(vi.render(d).hasSuffix("      = note: xóa một trong hai\n"))
    }

    @Test func noteInAnotherFileUsesThatFilesSource() {
        let r = DiagnosticRenderer(language: .en, sources: [path: source, "Procedures/_shared/roles.yaml": "roles:\n  - can_bo\n"])
        let d = Diagnostic(unknownKey, at: range((4, 3), (4, 14)), notes: [
            DiagnosticNote(LocalizedText(vi: "khai báo ở đây", en: "declared here"), at: range((2, 5), (2, 11), file: "Procedures/_shared/roles.yaml")),
        ])
        #expect(r.render(d).hasSuffix("Procedures/_shared/roles.yaml:2:5: note: declared here\n   2 |   - can_bo\n     |     ^~~~~~\n"))
    }

    @Test func fixItComesAfterTheSnippetAndBeforeNotes() {
        let d = Diagnostic(unknownKey, at: range((4, 3), (4, 14)), notes: [DiagnosticNote(LocalizedText(vi: "n", en: "n"))], fixIt: "working_days")
        #expect(en.render(d) == """
        \(path):4:3: error: unknown key 'working_day' in a procedure [unknown-key]
           4 |   working_day: 3
             |   ^~~~~~~~~~~
              = fix: working_days
              = note: n

        """)
        #expect(vi.render(d).contains("     |   ^~~~~~~~~~~\n      = sửa thành: working_days\n"))
    }

    @Test func colourOnlyWhenAsked() {
        let d = Diagnostic(unknownKey, at: range((4, 3), (4, 5)), notes: [DiagnosticNote(LocalizedText(vi: "n", en: "n"), at: range((1, 1), (1, 2)))])
        #expect(!en.render(d).contains("\u{1B}"))
        let coloured = DiagnosticRenderer(language: .en, colored: true, sources: [path: source])
        let text = coloured.render(d)
        #expect(text.hasPrefix("\(path):4:3: \u{1B}[1;31merror\u{1B}[0m: unknown key"))
        #expect(text.contains("     |   \u{1B}[1;32m^~\u{1B}[0m\n"))
        #expect(text.contains("\(path):1:1: \u{1B}[1;36mnote\u{1B}[0m: n\n"))
        let w = Diagnostic(DiagnosticMessage.warning("w", vi: "c", en: "w"), at: range((1, 1), (1, 1)))
        #expect(coloured.render(w).hasPrefix("\(path):1:1: \u{1B}[1;33mwarning\u{1B}[0m: w [w]"))
    }

    @Test func renderManyKeepsTheOrderGiven() {
        let a = Diagnostic(unknownKey, at: range((4, 3), (4, 4), file: "b.yaml"))
        let b = Diagnostic(unknownKey, at: range((1, 1), (1, 2), file: "a.yaml"))
        let r = DiagnosticRenderer(language: .en)
        #expect(r.render([a, b]) == r.render(a) + r.render(b))
        #expect(r.render([]) == "")
    }

    @Test func summary() {
        #expect(vi.summary(errors: 2, warnings: 1, files: 3) == "3 tệp: 2 lỗi, 1 cảnh báo")
        #expect(vi.summary(errors: 0, warnings: 0, files: 1) == "1 tệp: 0 lỗi, 0 cảnh báo")
        #expect(en.summary(errors: 2, warnings: 1, files: 3) == "3 files: 2 errors, 1 warning")
        #expect(en.summary(errors: 1, warnings: 2, files: 1) == "1 file: 1 error, 2 warnings")
        #expect(en.summary(errors: 0, warnings: 0, files: 0) == "0 files: 0 errors, 0 warnings")
    }
}
