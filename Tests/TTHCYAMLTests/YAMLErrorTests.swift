import Testing
import TTHCDiagnostics
@testable import TTHCYAML

/// Tabs, several documents and syntax errors: located diagnostics, never a crash.
@Suite("YAML errors")
struct YAMLErrorTests {
    // MARK: Tabs

    @Test(arguments: [
        ("\ta: 1\n", 1, 1),
        ("a:\n\tb: 1\n", 2, 1),
        ("a:\n  \tb: 1\n", 2, 3),
        ("danh_sách:\n  - x\n\t- y\n", 3, 1),
        ("tên: Hà Nội\nmã:\n \t  x: 1\n", 3, 2),
    ])
    func tabIndentationIsReportedAtTheTab(text: String, line: Int, column: Int) throws {
        let parsed = parse(text)
        let tabs = parsed.with("yaml-tab-indent")
        #expect(tabs.count == 1)
        let d = try #require(tabs.first)
        #expect(d.range == range((line, column), (line, column + 1)))
        #expect(d.severity == .error)
        #expect(d.message.vi == "thụt lề bằng ký tự tab; YAML chỉ cho phép thụt lề bằng dấu cách")
    }

    @Test func tabIndentationIsTheOnlyDiagnostic() {
        // libyaml also fails on the tab; that is the same mistake and is not reported twice.
        #expect(parse("\ta: 1\n").codes == ["yaml-tab-indent"])
        #expect(parse("a:\n\tb: 1\n").codes == ["yaml-tab-indent"])
        #expect(parse("a: |\n  x\n\ty\n").codes == ["yaml-tab-indent"])
    }

    /// libyaml stops at the first mistake, and only libyaml knows whether a tab is content (inside a
    /// block scalar) or indentation, so the first tab-indented line it fails on is the one reported.
    @Test func theFirstTabIndentedLineIsReported() {
        let parsed = parse("a:\n\tb: 1\n\tc: 2\n")
        #expect(parsed.with("yaml-tab-indent").map(\.range.start) == [loc(2, 1)])
        #expect(parsed.codes == ["yaml-tab-indent"])
    }

    @Test func tabsInsideValuesAndCommentsAreFine() throws {
        let root = try #require(valid("a: x\ty\nb: \"p\tq\"\nc: 1 # chú\tthích\n# dòng\tchú thích\nd: 'u\tv'\ne: 1\t\n"))
        #expect(root["a"]?.text == "x\ty")
        #expect(root["b"]?.text == "p\tq")
        #expect(root["c"]?.text == "1")
        #expect(root["d"]?.text == "u\tv")
        #expect(root["e"]?.text == "1")
    }

    @Test func tabBetweenColonAndValueIsNotIndentation() throws {
        let root = try #require(valid("a:\tb\n"))
        #expect(root["a"]?.text == "b")
    }

    @Test
    func tabInsideBlockScalarContentIsFine() throws {
        let root = try #require(valid("t: |\n  a\n  \tb\n"))
        #expect(root["t"]?.text == "a\n\tb\n")
        // The mistake on line 4 must not be hidden behind the (wrong) tab report on line 3.
        let next = parse("t: |\n  a\n  \tb\nc: d: e\n")
        #expect(next.codes == ["yaml-syntax"])
        #expect(next.diagnostics.first?.range.start == loc(4, 5))
    }

    @Test func tabIndentationInCRLFFile() {
        let parsed = parse("a: 1\r\n\tb: 2\r\n")
        #expect(parsed.codes == ["yaml-tab-indent"])
        #expect(parsed.diagnostics.first?.range == range((2, 1), (2, 2)))
    }

    @Test
    func tabBeforeCommentOrOnBlankLine() {
        let comment = parse("a: 1\n\t# chú thích\n")
        #expect(comment.codes == ["yaml-tab-indent"])
        #expect(comment.diagnostics.first?.range.start == loc(2, 1))
        let blank = parse("a: 1\n\t\nb: 2\n")
        #expect(blank.codes == ["yaml-tab-indent"])
        #expect(blank.diagnostics.first?.range.start == loc(2, 1))
    }

    // MARK: Several documents

    @Test func secondDocumentIsReported() throws {
        let parsed = parse("a: 1\n---\nb: 2\n")
        #expect(parsed.codes == ["yaml-multiple-documents"])
        let d = try #require(parsed.diagnostics.first)
        #expect(d.range == range((2, 1), (2, 4)))
        #expect(d.message.vi == "tệp chứa nhiều tài liệu YAML (ngăn bởi '---'); mỗi tệp chỉ mô tả một thủ tục")
        // The first document is kept.
        #expect(parsed.root?.keys == ["a"])
    }

    @Test func explicitDocumentsAreReportedOnce() {
        let parsed = parse("---\na: 1\n---\nb: 2\n---\nc: 3\n")
        #expect(parsed.codes == ["yaml-multiple-documents"])
        #expect(parsed.diagnostics.first?.range.start == loc(3, 1))
        #expect(parsed.root?.keys == ["a"])
    }

    @Test func documentEndMarkerThenAnotherDocument() {
        let parsed = parse("a: 1\n...\n---\nb: 2\n")
        #expect(parsed.codes == ["yaml-multiple-documents"])
        #expect(parsed.diagnostics.first?.range.start == loc(3, 1))
        // Without `---` the text after `...` is a syntax error at its line.
        let bare = parse("a: 1\n...\nb: 2\n")
        #expect(bare.errors.count == 1)
        #expect(bare.diagnostics.first?.range.start == loc(3, 1))
        #expect(bare.root == nil)
    }

    // MARK: Syntax errors

    static let syntaxErrors: [(text: String, line: Int, column: Int)] = [
        ("tên: \"chưa đóng\n", 2, 1),                  // unclosed double quote
        ("tên: 'chưa đóng\nmã: 1\n", 3, 1),            // unclosed single quote
        ("a:\n  b: 1\n c: 2\n", 3, 2),                 // bad indentation
        ("key: value: other\n", 1, 11),                // ': ' inside a plain value
        ("]\n", 1, 1),                                 // a lone ]
        ("a: ]\n", 1, 4),
        ("[a, b\n", 2, 1),                             // unclosed flow sequence
        ("{a: 1\n", 2, 1),                             // unclosed flow mapping
        ("a: \"\\q\"\n", 1, 5),                        // unknown escape
        ("@foo\n", 1, 1),                              // reserved indicator
        ("`x`\n", 1, 1),
        ("!x!y a\n", 1, 1),                            // undefined tag handle
        ("%YAML 1.1\n%YAML 1.1\n---\na\n", 2, 1),      // duplicate directive
        ("- a\nb: 1\n", 2, 1),                         // sequence then mapping
        ("a: 1\n- b\n", 2, 1),                         // mapping then sequence
        ("a:\n  - x\n - y\n", 3, 2),
        ("tên: Hà Nội: Việt Nam\n", 1, 12),             // Vietnamese before the error: scalar columns
    ]

    @Test(arguments: syntaxErrors.indices)
    func syntaxErrorsAreLocatedAndVietnamese(_ index: Int) throws {
        let (text, line, column) = Self.syntaxErrors[index]
        let parsed = parse(text)
        #expect(parsed.codes == ["yaml-syntax"], "\(text.debugDescription)")
        let d = try #require(parsed.diagnostics.first)
        #expect(d.severity == .error)
        #expect(d.range.start == loc(line, column), "\(text.debugDescription)")
        #expect(d.range.file == testFile)
        #expect(d.message.vi.hasPrefix("cú pháp YAML sai: "))
        #expect(d.message.en.hasPrefix("YAML syntax error: "))
        // The Vietnamese text is a translation, not libyaml's English.
        let vi = String(d.message.vi.dropFirst("cú pháp YAML sai: ".count))
        #expect(!d.message.en.contains(vi), "untranslated: \(vi)")
        #expect(parsed.root == nil)
    }

    /// Mistakes a person can make, each with a libyaml problem that needs its own Vietnamese wording.
    static let untranslated: [String] = [
        "a: &tên x\n",               // anchor names must be ASCII: "did not find expected alphabetic or numeric character"
        "a: *\n",
        "a: 1\n...\nb: 2\n",          // "did not find expected <document start>"
        "a: 'x\n---\n'\n",            // "found unexpected document indicator"
        "a: ? b\n",                   // "mapping keys are not allowed in this context"
        "a: |0\n  x\n",               // "found an indentation indicator equal to 0"
        "%FOO bar\n---\na\n",          // "found unknown directive name"
        "a: \"\\uD800\"\n",             // "found invalid Unicode character escape code"
        "a: \"\\uZZ\"\n",               // "did not find expected hexdecimal number"
        "%YAML 1.1 x\n---\na\n",       // "did not find expected comment or line break"
        "%TAG ! x\n%TAG ! y\n---\na\n", // "found duplicate %TAG directive"
        "a: !<x y\n",                 // "did not find the expected '>'"
    ]

    @Test func everySyntaxErrorHasAVietnameseMessage() {
        for text in Self.untranslated {
            let parsed = parse(text)
            #expect(parsed.codes == ["yaml-syntax"], "\(text.debugDescription)")
            guard let d = parsed.diagnostics.first else { continue }
            let vi = String(d.message.vi.dropFirst("cú pháp YAML sai: ".count))
            #expect(!d.message.en.contains(vi), "untranslated for \(text.debugDescription): \(vi)")
        }
    }

    @Test func syntaxErrorMessages() throws {
        let parsed = parse("key: value: other\n")
        #expect(parsed.diagnostics.first?.message.vi == "cú pháp YAML sai: không được đặt dấu ':' ở đây (giá trị chứa ': ' cần đặt trong dấu nháy?)")
        #expect(parsed.diagnostics.first?.message.en == "YAML syntax error: mapping values are not allowed in this context")
        let quote = parse("a: \"x\n")
        #expect(quote.diagnostics.first?.message.vi == "cú pháp YAML sai: tệp kết thúc giữa chừng (thiếu dấu nháy đóng?)")
        #expect(quote.diagnostics.first?.message.en == "YAML syntax error: found unexpected end of stream while scanning a quoted scalar")
    }

    @Test func everyTranslatedProblemHasVietnameseText() {
        for (problem, vi) in YAMLSyntaxText.problems {
            #expect(YAMLSyntaxText.vietnamese(problem: problem, context: nil) == vi)
            #expect(vi != problem)
        }
        #expect(YAMLSyntaxText.vietnamese(problem: "something new", context: "while x") == "something new")
    }

    @Test func controlCharacterIsASyntaxError() {
        let parsed = parse("a: 1\nb: \u{1}\n")
        #expect(parsed.codes == ["yaml-syntax"])
        #expect(parsed.diagnostics.first?.message.vi == "cú pháp YAML sai: tệp chứa ký tự điều khiển không được phép")
        #expect(parsed.root == nil)
    }

    @Test
    func controlCharacterIsLocated() {
        #expect(parse("a: 1\nb: \u{1}\n").diagnostics.first?.range.start == loc(2, 4))
        #expect(parse(bytes: Array("a: 1\nb: x\u{7}\n".utf8)).diagnostics.first?.range.start == loc(2, 5))
    }

    @Test func errorAfterAWarningStillGivesNoRoot() {
        let parsed = parse("a: e\u{301}\nb: [\n")
        #expect(parsed.codes == ["text-not-nfc", "yaml-syntax"])
        #expect(parsed.root == nil)
    }

    // MARK: Nesting

    @Test func moderatelyDeepNestingIsFine() throws {
        let depth = 500
        let text = String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth)
        var node = try #require(valid(text))
        for _ in 0..<depth { node = try #require(node[0]) }
        #expect(node.text == "x")
        #expect(node.range == range((1, depth + 1), (1, depth + 2)))
    }

    @Test
    func veryDeepNestingIsADiagnosticNotACrash() {
        let depth = 50_000
        let parsed = parse(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        #expect(parsed.errors.count == 1)
        let noRoot = parsed.root == nil
        #expect(noRoot)
    }
}
