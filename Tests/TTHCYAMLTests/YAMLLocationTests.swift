import Testing
import TTHCDiagnostics
@testable import TTHCYAML

/// Every node keeps the 1-based line and column (counted in Unicode scalars) where it was written.
@Suite("YAML source locations")
struct YAMLLocationTests {
    @Test func blockMappingKeysAndValues() throws {
        let root = try #require(valid("a: hello\nb: \"hi\"\nc: 'x'\n"))
        let pairs = try #require(root.pairs)
        #expect(pairs.count == 3)
        #expect(pairs[0].key.range == range((1, 1), (1, 2)))
        #expect(pairs[0].value.range == range((1, 4), (1, 9)))
        #expect(pairs[1].key.range == range((2, 1), (2, 2)))
        // Quoted scalars include their quotes.
        #expect(pairs[1].value.range == range((2, 4), (2, 8)))
        #expect(pairs[2].value.range == range((3, 4), (3, 7)))
        #expect(root.range.start == loc(1, 1))
    }

    @Test func rangesCarryTheFileName() throws {
        let parsed = parse("a: 1\n", file: "x/y.yaml")
        let root = try #require(parsed.root)
        #expect(root.range.file == "x/y.yaml")
        #expect(root["a"]?.range.file == "x/y.yaml")
        #expect(parsed.document.file == "x/y.yaml")
        #expect(parsed.document.text == "a: 1\n")
    }

    @Test func nestedBlockMapping() throws {
        let root = try #require(valid("a:\n  b: 1\n  c: 2\nd: 3\n"))
        let inner = try #require(root["a"])
        #expect(inner.range.start == loc(2, 3))
        #expect(inner.pairs?[0].key.range == range((2, 3), (2, 4)))
        #expect(inner["b"]?.range == range((2, 6), (2, 7)))
        #expect(inner.pairs?[1].key.range == range((3, 3), (3, 4)))
        #expect(inner["c"]?.range == range((3, 6), (3, 7)))
        #expect(root.pairs?[1].key.range == range((4, 1), (4, 2)))
        #expect(root["d"]?.range == range((4, 4), (4, 5)))
    }

    @Test func sequenceOfMappingsWithVietnameseText() throws {
        let text = """
        steps:
          - name: Nộp hồ sơ
            days: 3
          - name: Trả kết quả
            days: 1

        """
        let root = try #require(valid(text))
        let steps = try #require(root["steps"]?.items)
        #expect(steps.count == 2)
        #expect(steps[0]["name"]?.text == "Nộp hồ sơ")
        #expect(steps[0]["name"]?.range == range((2, 11), (2, 20)))
        #expect(steps[0]["days"]?.range == range((3, 11), (3, 12)))
        #expect(steps[1].pairs?[0].key.range == range((4, 5), (4, 9)))
        #expect(steps[1]["name"]?.range == range((4, 11), (4, 22)))
        #expect(steps[1].pairs?[1].key.range == range((5, 5), (5, 9)))
        #expect(steps[1]["days"]?.range == range((5, 11), (5, 12)))
    }

    @Test func flowStyleNested() throws {
        let root = try #require(valid("{a: [1, {b: 2}], c: 3}"))
        #expect(root.range == range((1, 1), (1, 23)))
        #expect(root.pairs?[0].key.range == range((1, 2), (1, 3)))
        let list = try #require(root["a"])
        #expect(list.range == range((1, 5), (1, 16)))
        #expect(list[0]?.range == range((1, 6), (1, 7)))
        let inner = try #require(list[1])
        #expect(inner.range == range((1, 9), (1, 15)))
        #expect(inner.pairs?[0].key.range == range((1, 10), (1, 11)))
        #expect(inner["b"]?.range == range((1, 13), (1, 14)))
        #expect(root.pairs?[1].key.range == range((1, 18), (1, 19)))
        #expect(root["c"]?.range == range((1, 21), (1, 22)))
    }

    @Test func vietnameseColumnsCountUnicodeScalarsInFlowStyle() throws {
        // `{tên: Hà Nội, mã: "01"}`: ê, à, ộ and ã are one scalar each (NFC).
        let root = try #require(valid("{tên: Hà Nội, mã: \"01\"}"))
        let pairs = try #require(root.pairs)
        #expect(pairs[0].key.range == range((1, 2), (1, 5)))
        #expect(pairs[0].value.range == range((1, 7), (1, 13)))
        #expect(pairs[1].key.range == range((1, 15), (1, 17)))
        #expect(pairs[1].value.range == range((1, 19), (1, 23)))
        #expect(pairs[1].value.scalar == YAMLScalar(value: "01", style: .doubleQuoted))
    }

    @Test func vietnameseValueAndNextLine() throws {
        let root = try #require(valid("tên: Hà Nội # ghi chú có dấu\nmã: 1\n"))
        #expect(root.pairs?[0].key.range == range((1, 1), (1, 4)))
        #expect(root["tên"]?.range == range((1, 6), (1, 12)))
        #expect(root["tên"]?.text == "Hà Nội")
        #expect(root.pairs?[1].key.range == range((2, 1), (2, 3)))
        #expect(root["mã"]?.range == range((2, 5), (2, 6)))
    }

    @Test func vietnameseSequenceItems() throws {
        let root = try #require(valid("- Hà Nội\n- Đà Nẵng\n"))
        #expect(root[0]?.range == range((1, 3), (1, 9)))
        #expect(root[1]?.range == range((2, 3), (2, 10)))
        #expect(root[1]?.text == "Đà Nẵng")
    }

    @Test func astralScalarsCountOnce() throws {
        // 😀 is one scalar (two UTF-16 units, four UTF-8 bytes).
        let root = try #require(valid("- a\n- [😀, x]\n"))
        #expect(root[1]?[0]?.range == range((2, 4), (2, 5)))
        #expect(root[1]?[1]?.range == range((2, 7), (2, 8)))
    }

    @Test func decomposedTextCountsScalarsNotCharacters() throws {
        // `é` written as e + U+0301 is two scalars: `x` is at column 6, not 5.
        let parsed = parse("[e\u{301}, x]")
        let root = try #require(parsed.root)
        #expect(root[0]?.range == range((1, 2), (1, 4)))
        #expect(root[1]?.range == range((1, 6), (1, 7)))
    }

    @Test func afterLiteralBlock() throws {
        let root = try #require(valid("a: |\n  x\n  y\nb: 1\n"))
        #expect(root["a"]?.scalar == YAMLScalar(value: "x\ny\n", style: .literal))
        #expect(root["a"]?.range.start == loc(1, 4))
        #expect(root.pairs?[1].key.range == range((4, 1), (4, 2)))
        #expect(root["b"]?.range == range((4, 4), (4, 5)))
    }

    @Test func afterFoldedBlockWithBlankLine() throws {
        let root = try #require(valid("a: >\n  x\n  y\n\nb: 1"))
        #expect(root["a"]?.scalar == YAMLScalar(value: "x y\n", style: .folded))
        #expect(root.pairs?[1].key.range == range((5, 1), (5, 2)))
        #expect(root["b"]?.range == range((5, 4), (5, 5)))
    }

    @Test func afterMultiLineQuotedAndPlainScalars() throws {
        let quoted = try #require(valid("a: \"one\n  two\"\nb: 2\n"))
        #expect(quoted["a"]?.text == "one two")
        #expect(quoted["a"]?.range == range((1, 4), (2, 7)))
        #expect(quoted.pairs?[1].key.range == range((3, 1), (3, 2)))
        #expect(quoted["b"]?.range == range((3, 4), (3, 5)))

        let plain = try #require(valid("a: một\n  hai\nb: 3\n"))
        #expect(plain["a"]?.text == "một hai")
        #expect(plain["a"]?.range.start == loc(1, 4))
        #expect(plain.pairs?[1].key.range == range((3, 1), (3, 2)))
    }

    @Test func vietnameseMultiLineBlockThenFlow() throws {
        let text = "mô_tả: |\n  Người yêu cầu nộp hồ sơ\n  tại Ủy ban nhân dân cấp xã.\nphí: {mức: 8000, đơn_vị: đồng}\n"
        let root = try #require(valid(text))
        #expect(root["mô_tả"]?.text == "Người yêu cầu nộp hồ sơ\ntại Ủy ban nhân dân cấp xã.\n")
        let fee = try #require(root["phí"])
        #expect(fee.range.start == loc(4, 6))
        #expect(fee.pairs?[0].key.range == range((4, 7), (4, 10)))
        #expect(fee["mức"]?.range == range((4, 12), (4, 16)))
        #expect(fee.pairs?[1].key.range == range((4, 18), (4, 24)))
        #expect(fee["đơn_vị"]?.range == range((4, 26), (4, 30)))
    }

    @Test func emptyValueIsAnEmptyRangeAfterTheColon() throws {
        let root = try #require(valid("a:\nb: 1"))
        let value = try #require(root["a"])
        #expect(value.scalar?.isNull == true)
        #expect(value.range.start == value.range.end)
        #expect(value.range.start == loc(1, 3))
        #expect(root["b"]?.range == range((2, 4), (2, 5)))
    }

    @Test func complexKeysKeepTheirNodes() throws {
        let root = try #require(valid("? [a, b]\n: v\n"))
        let pair = try #require(root.pairs?.first)
        #expect(pair.key.items?.map(\.text) == ["a", "b"])
        #expect(pair.key.range == range((1, 3), (1, 9)))
        #expect(pair.value.range == range((2, 3), (2, 4)))
    }

    @Test func crlfLineEndingsGiveTheSameLines() throws {
        let root = try #require(valid("a: 1\r\nb:\r\n  c: 2\r\n"))
        #expect(root.pairs?[1].key.range == range((2, 1), (2, 2)))
        #expect(root["b"]?["c"]?.range == range((3, 6), (3, 7)))
    }
}
