import Testing
import TTHCDiagnostics
@testable import TTHCYAML

/// Bytes that are not UTF-8, the byte-order mark, and NFC normalisation.
@Suite("YAML encoding")
struct YAMLEncodingTests {
    static func bytes(_ prefix: String, _ raw: [UInt8], _ suffix: String = "\n") -> [UInt8] {
        Array(prefix.utf8) + raw + Array(suffix.utf8)
    }

    /// Invalid sequences and where the first bad byte is, for a file `a: 1\nb: <bad>`.
    static let invalid: [(name: String, raw: [UInt8])] = [
        ("byte FF", [0xFF]),
        ("byte FE", [0xFE]),
        ("lone continuation 80", [0x80]),
        ("lone continuation BF", [0xBF, 0x41]),
        ("overlong 2-byte C0 AF", [0xC0, 0xAF]),
        ("overlong 2-byte C1 BF", [0xC1, 0xBF]),
        ("overlong 3-byte E0 80 AF", [0xE0, 0x80, 0xAF]),
        ("overlong 3-byte U+07FF", [0xE0, 0x9F, 0xBF]),
        ("overlong 4-byte F0 80 80 AF", [0xF0, 0x80, 0x80, 0xAF]),
        ("overlong 4-byte U+FFFF", [0xF0, 0x8F, 0xBF, 0xBF]),
        ("surrogate U+D800", [0xED, 0xA0, 0x80]),
        ("surrogate U+DFFF", [0xED, 0xBF, 0xBF]),
        ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ("lead F5", [0xF5, 0x80, 0x80, 0x80]),
        ("lead F8", [0xF8, 0x88, 0x80, 0x80, 0x80]),
        ("bad continuation", [0xC3, 0x41]),
        ("bad third byte", [0xE1, 0x80, 0x41]),
        ("Latin-1 ê", [0x74, 0xEA, 0x6E]),
    ]

    @Test(arguments: invalid.map(\.name))
    func invalidUTF8IsReportedAtItsPlace(_ name: String) throws {
        let raw = try #require(Self.invalid.first { $0.name == name }).raw
        let parsed = parse(bytes: Self.bytes("a: 1\nb: ", raw))
        #expect(parsed.codes == ["yaml-invalid-utf8"])
        let d = try #require(parsed.diagnostics.first)
        let column = name == "Latin-1 ê" ? 5 : 4
        #expect(d.range == range((2, column), (2, column)))
        #expect(d.severity == .error)
        #expect(d.message.vi == "tệp không phải văn bản UTF-8 hợp lệ; hãy lưu lại tệp với bảng mã UTF-8")
        #expect(parsed.root == nil)
        // The text is kept (lossily) so the snippet can still be shown.
        #expect(parsed.document.text.hasPrefix("a: 1\nb: "))
        #expect(parsed.document.text.contains("\u{FFFD}"))
    }

    @Test func truncatedSequenceAtEndOfFile() throws {
        for raw: [UInt8] in [[0xC3], [0xE1, 0x80], [0xF0, 0x9F, 0x98]] {
            let parsed = parse(bytes: Array("a: ".utf8) + raw)
            #expect(parsed.codes == ["yaml-invalid-utf8"])
            #expect(parsed.diagnostics.first?.range.start == loc(1, 4))
        }
    }

    @Test func columnCountsScalarsBeforeTheBadByte() throws {
        // `tên: Hà ` is 8 scalars (11 bytes), so the bad byte is column 9.
        let parsed = parse(bytes: Self.bytes("mã: 1\ntên: Hà ", [0xFF]))
        #expect(parsed.diagnostics.first?.range.start == loc(2, 9))
        // A 4-byte scalar counts once too.
        let emoji = parse(bytes: Self.bytes("x: 😀😀", [0x80]))
        #expect(emoji.diagnostics.first?.range.start == loc(1, 6))
    }

    @Test func onlyTheFirstInvalidByteIsReported() {
        let parsed = parse(bytes: Self.bytes("a: ", [0xFF]) + Self.bytes("b: ", [0xFF]))
        #expect(parsed.codes == ["yaml-invalid-utf8"])
        #expect(parsed.diagnostics.first?.range.start == loc(1, 4))
    }

    /// Boundary scalars that are valid UTF-8 and allowed by YAML.
    static let validBoundaries: [[UInt8]] = [
        [0xC2, 0xA0], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80],
        [0xEF, 0xBF, 0xBD], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
    ]

    @Test(arguments: validBoundaries)
    func validBoundaryScalarsAreAccepted(_ raw: [UInt8]) throws {
        let parsed = parse(bytes: Self.bytes("[", raw, ", x]"))
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message.en))")
        let root = try #require(parsed.root)
        #expect(root[0]?.text == String(decoding: raw, as: UTF8.self))
        // Every one of them is a single scalar: x is at column 5.
        #expect(root[1]?.range.start == loc(1, 5))
    }

    @Test func bytesAndTextAgree() throws {
        let text = "tên: Hà Nội\nbước:\n  - Nộp hồ sơ\n"
        let fromBytes = parse(bytes: Array(text.utf8))
        let fromText = parse(text)
        #expect(fromBytes.diagnostics.isEmpty)
        #expect(fromBytes.root == fromText.root)
        #expect(fromBytes.document.text == text)
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let parsed = parse(bytes: [0xEF, 0xBB, 0xBF] + Array("tên: Hà Nội\nmã: 1\n".utf8))
        #expect(parsed.diagnostics.isEmpty)
        let root = try #require(parsed.root)
        #expect(root.keys == ["tên", "mã"])
        #expect(root.pairs?[0].key.range == range((1, 1), (1, 4)))
        #expect(root["tên"]?.range == range((1, 6), (1, 12)))
        #expect(parsed.document.text == "tên: Hà Nội\nmã: 1\n")
    }

    @Test func byteOrderMarkThenInvalidByte() {
        let parsed = parse(bytes: [0xEF, 0xBB, 0xBF] + Self.bytes("a: ", [0xFF]))
        #expect(parsed.codes == ["yaml-invalid-utf8"])
        #expect(parsed.diagnostics.first?.range.start == loc(1, 4))
    }

    @Test func byteOrderMarkAloneIsAnEmptyFile() {
        let parsed = parse(bytes: [0xEF, 0xBB, 0xBF])
        #expect(parsed.root == nil)
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test
    func byteOrderMarkInTextIsRemovedToo() throws {
        let parsed = parse("\u{FEFF}a: 1\n")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.document.text == "a: 1\n")
        #expect(parsed.root?.pairs?[0].key.range == range((1, 1), (1, 2)))
    }

    @Test func byteOrderMarkInTextIsAccepted() throws {
        let parsed = parse("\u{FEFF}a: 1\n")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.root?["a"]?.text == "1")
    }

    // MARK: NFC

    @Test func decomposedVietnameseIsNormalisedWithAWarning() throws {
        // "Hà Nội" with the accents as combining marks: a + U+0300, o + U+0323 + U+0302.
        let nfd = "Ha\u{300} No\u{323}\u{302}i"
        let parsed = parse("tên: \(nfd)\nmã: 1\n")
        #expect(parsed.codes == ["text-not-nfc"])
        let d = try #require(parsed.diagnostics.first)
        #expect(d.severity == .warning)
        #expect(d.message.vi.contains("NFC"))
        // The range is the value, with columns counted in the scalars as written.
        #expect(d.range == range((1, 6), (1, 15)))
        let value = try #require(parsed.root?["tên"]?.scalar)
        #expect(Array(value.value.unicodeScalars) == Array("Hà Nội".unicodeScalars))
        #expect(parsed.root?["mã"]?.range.start == loc(2, 5))
        // The document text stays as written, so snippets match the columns.
        #expect(parsed.document.text.unicodeScalars.contains("\u{300}"))
    }

    @Test func decomposedKeysAreNormalisedToo() throws {
        let parsed = parse("te\u{302}n: x\n")
        #expect(parsed.codes == ["text-not-nfc"])
        #expect(parsed.diagnostics.first?.range == range((1, 1), (1, 5)))
        let key = try #require(parsed.root?.pairs?.first?.key.scalar?.value)
        #expect(Array(key.unicodeScalars) == Array("tên".unicodeScalars))
    }

    @Test func eachDecomposedScalarIsReportedOnce() {
        let parsed = parse("- a\u{301}\n- b\n- o\u{302}\n")
        #expect(parsed.codes == ["text-not-nfc", "text-not-nfc"])
        #expect(parsed.diagnostics.map(\.range.start) == [loc(1, 3), loc(3, 3)])
    }

    @Test func decomposedHornLettersAreNormalised() throws {
        // Ừ as U+01AF + U+0300 (Ư is precomposed, the grave is combining): "Ừng Hòa".
        let parsed = parse("huyện: \u{1AF}\u{300}ng Ho\u{300}a\n")
        #expect(parsed.codes == ["text-not-nfc"])
        #expect(parsed.root?["huyện"]?.text == "Ừng Hòa")
        #expect(Array(parsed.root?["huyện"]?.text?.unicodeScalars ?? "".unicodeScalars) == Array("Ừng Hòa".unicodeScalars))
    }

    @Test func precomposedTextHasNoWarning() {
        _ = valid("tên: Hà Nội\nmô_tả: \"Ủy ban nhân dân\"\nghi_chú: |\n  Đồng ý\n")
    }
}
