import Testing
import TTHCDiagnostics
@testable import TTHCYAML

/// Scalars stay the text that was written, with their style: no YAML 1.1 typing.
@Suite("YAML scalars")
struct YAMLScalarTests {
    static let untyped = ["no", "No", "NO", "yes", "on", "off", "y", "n", "true", "False", "08", "012", "1.10", "1_000", "0x1F", "0o17", "1e3", ".inf", "-.Inf", ".nan", "2024-01-31", "12:30", "~", "null", "+1", "-0"]

    @Test(arguments: untyped)
    func plainScalarsKeepTheirText(_ word: String) throws {
        let root = try #require(valid("value: \(word)\n"))
        #expect(root["value"]?.scalar == YAMLScalar(value: word, style: .plain, tag: nil))
    }

    @Test(arguments: untyped)
    func quotedScalarsKeepTheirTextAndStyle(_ word: String) throws {
        let root = try #require(valid("a: '\(word)'\nb: \"\(word)\"\n"))
        #expect(root["a"]?.scalar == YAMLScalar(value: word, style: .singleQuoted))
        #expect(root["b"]?.scalar == YAMLScalar(value: word, style: .doubleQuoted))
    }

    @Test func sequenceItemsAreUntypedToo() throws {
        let root = try #require(valid("[no, on, yes, 08, 1.10, ~]"))
        #expect(root.items?.map(\.text) == ["no", "on", "yes", "08", "1.10", "~"])
        #expect(root.items?.allSatisfy { $0.scalar?.style == .plain } == true)
    }

    @Test func keysAreUntyped() throws {
        let root = try #require(valid("no: 1\n08: 2\n1.10: 3\n"))
        #expect(root.keys == ["no", "08", "1.10"])
    }

    @Test func isNull() throws {
        let root = try #require(valid("a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: '~'\ng: \"null\"\nh: nUll\ni: !!str ~\nj: ''\nk: none\n"))
        for key in ["a", "b", "c", "d", "e"] {
            #expect(root[key]?.scalar?.isNull == true, "\(key)")
        }
        for key in ["f", "g", "h", "i", "j", "k"] {
            #expect(root[key]?.scalar?.isNull == false, "\(key)")
        }
        #expect(root["i"]?.scalar == YAMLScalar(value: "~", style: .plain, tag: "tag:yaml.org,2002:str"))
    }

    @Test func isNullOnValues() {
        #expect(YAMLScalar(value: "", style: .plain).isNull)
        #expect(YAMLScalar(value: "~", style: .plain).isNull)
        #expect(!YAMLScalar(value: "", style: .doubleQuoted).isNull)
        #expect(!YAMLScalar(value: "null", style: .plain, tag: "!custom").isNull)
        #expect(!YAMLScalar(value: "nil", style: .plain).isNull)
    }

    @Test func styles() throws {
        let text = """
        plain: chữ thường
        single: 'it''s'
        double: "tab\\there \\u00e9 \\"q\\""
        literal: |
          dòng 1
          dòng 2
        folded: >
          một
          hai
        strip: |-
          x
        keep: |+
          y

        end: 1
        """
        let root = try #require(valid(text))
        #expect(root["plain"]?.scalar == YAMLScalar(value: "chữ thường", style: .plain))
        #expect(root["single"]?.scalar == YAMLScalar(value: "it's", style: .singleQuoted))
        #expect(root["double"]?.scalar == YAMLScalar(value: "tab\there é \"q\"", style: .doubleQuoted))
        #expect(root["literal"]?.scalar == YAMLScalar(value: "dòng 1\ndòng 2\n", style: .literal))
        #expect(root["folded"]?.scalar == YAMLScalar(value: "một hai\n", style: .folded))
        #expect(root["strip"]?.scalar == YAMLScalar(value: "x", style: .literal))
        #expect(root["keep"]?.scalar == YAMLScalar(value: "y\n\n", style: .literal))
        #expect(root["end"]?.text == "1")
    }

    @Test func isQuotedOrBlock() {
        #expect(!ScalarStyle.plain.isQuotedOrBlock)
        for style in [ScalarStyle.singleQuoted, .doubleQuoted, .literal, .folded] {
            #expect(style.isQuotedOrBlock)
        }
    }

    @Test func explicitTags() throws {
        let root = try #require(valid("a: !!str 08\nb: !local x\nc: !<tag:example.com,2024:t> y\n"))
        #expect(root["a"]?.scalar == YAMLScalar(value: "08", style: .plain, tag: "tag:yaml.org,2002:str"))
        #expect(root["b"]?.scalar?.tag == "!local")
        #expect(root["c"]?.scalar?.tag == "tag:example.com,2024:t")
    }

    @Test func rootScalarAndRootSequence() throws {
        let scalar = try #require(valid("~"))
        #expect(scalar.scalar == YAMLScalar(value: "~", style: .plain))
        #expect(scalar.range == range((1, 1), (1, 2)))
        let list = try #require(valid("- a\n- b\n"))
        #expect(list.items?.map(\.text) == ["a", "b"])
        let block = try #require(valid("--- |\n  x\n"))
        #expect(block.scalar == YAMLScalar(value: "x\n", style: .literal))
    }

    @Test func emptyInputsHaveNoRoot() {
        for text in ["", "\n\n", "   \n", "# chỉ có chú thích\n", "# a\n# b"] {
            let parsed = parse(text)
            #expect(parsed.root == nil, "\(text.debugDescription)")
            #expect(parsed.diagnostics.isEmpty, "\(text.debugDescription)")
        }
        let bytes = parse(bytes: [])
        #expect(bytes.root == nil)
        #expect(bytes.diagnostics.isEmpty)
        #expect(bytes.document.text == "")
    }

    @Test func documentMarkersAroundOneDocument() throws {
        let root = try #require(valid("---\na: 1\n...\n"))
        #expect(root["a"]?.text == "1")
        #expect(root.pairs?[0].key.range == range((2, 1), (2, 2)))
    }

    @Test func kindNames() throws {
        let root = try #require(valid("s: x\nn: ~\nm: {a: 1}\nl: [1]\n"))
        #expect(root["s"]?.kindName(.vi) == "giá trị đơn")
        #expect(root["s"]?.kindName(.en) == "a scalar")
        #expect(root["n"]?.kindName(.vi) == "giá trị rỗng")
        #expect(root["n"]?.kindName(.en) == "an empty value")
        #expect(root["m"]?.kindName(.vi) == "bảng khóa–giá trị")
        #expect(root["m"]?.kindName(.en) == "a mapping")
        #expect(root["l"]?.kindName(.vi) == "danh sách")
        #expect(root["l"]?.kindName(.en) == "a list")
    }

    @Test func accessors() throws {
        let root = try #require(valid("m: {a: 1}\nl: [1]\n"))
        #expect(root.scalar == nil)
        #expect(root.items == nil)
        #expect(root["m"]?.pairs?.count == 1)
        #expect(root["m"]?.items == nil)
        #expect(root["l"]?.items?.count == 1)
        #expect(root["l"]?.pairs == nil)
        #expect(root["l"]?[0]?.scalar?.value == "1")
        #expect(root["l"]?[0]?.pairs == nil)
    }
}
