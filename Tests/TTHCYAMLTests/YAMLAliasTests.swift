import Testing
import TTHCDiagnostics
@testable import TTHCYAML

/// Anchors, aliases, `<<` merge keys and the node-count guard.
@Suite("YAML anchors, aliases and merges")
struct YAMLAliasTests {
    @Test func scalarAlias() throws {
        let root = try #require(valid("a: &x Hà Nội\nb: *x\n"))
        #expect(root["b"]?.scalar == YAMLScalar(value: "Hà Nội", style: .plain))
        // An alias keeps the range of the anchored node.
        #expect(root["b"]?.range == root["a"]?.range)
        #expect(root["a"]?.range.start.line == 1)
        #expect(root["a"]?.range.end == loc(1, 13))
    }

    @Test func mappingAlias() throws {
        let root = try #require(valid("base: &b\n  x: 1\n  y: [p, q]\ncopy: *b\n"))
        #expect(root["copy"] == root["base"])
        #expect(root["copy"]?.keys == ["x", "y"])
        #expect(root["copy"]?["y"]?.items?.map(\.text) == ["p", "q"])
    }

    @Test func sequenceAlias() throws {
        let root = try #require(valid("a: &s [1, 2]\nb: *s\nc:\n  - *s\n  - *s\n"))
        #expect(root["b"]?.items?.map(\.text) == ["1", "2"])
        #expect(root["c"]?.items?.count == 2)
        #expect(root["c"]?[1]?.items?.map(\.text) == ["1", "2"])
    }

    @Test func aliasOfFlowMappingInSequence() throws {
        let root = try #require(valid("- &x {a: 1}\n- *x\n"))
        #expect(root[0] == root[1])
    }

    @Test func laterAnchorWithTheSameNameWins() throws {
        let root = try #require(valid("a: &x 1\nb: &x 2\nc: *x\n"))
        #expect(root["c"]?.text == "2")
    }

    @Test func aliasAsKey() throws {
        let root = try #require(valid("k: &k tên\n*k : v\n"))
        #expect(root.keys == ["k", "tên"])
    }

    @Test func unknownAlias() throws {
        let parsed = parse("a: *khong_co\nb: 1\n")
        #expect(parsed.codes == ["yaml-unknown-alias"])
        let d = try #require(parsed.diagnostics.first)
        #expect(d.severity == .error)
        #expect(d.range == range((1, 4), (1, 13)))
        #expect(d.message.vi == "bí danh '*khong_co' chưa được khai báo bằng '&khong_co' ở phía trên")
        #expect(d.message.en == "alias '*khong_co' has no anchor '&khong_co' above it")
        // The value is an empty scalar and the rest of the file is still read.
        #expect(parsed.root?["a"]?.scalar?.isNull == true)
        #expect(parsed.root?["b"]?.text == "1")
    }

    @Test func aliasBeforeItsAnchorIsUnknown() {
        let parsed = parse("a: *x\nb: &x 1\n")
        #expect(parsed.codes == ["yaml-unknown-alias"])
        #expect(parsed.diagnostics.first?.range.start == loc(1, 4))
    }

    @Test func selfReferenceDoesNotHang() {
        let parsed = parse("a: &x [1, *x]\n")
        #expect(parsed.codes == ["yaml-unknown-alias"])
        #expect(parsed.root != nil)
    }

    // MARK: Merge keys

    @Test func mergeKey() throws {
        let text = "base: &base\n  a: 1\n  b: 2\nderived:\n  <<: *base\n  b: 3\n  c: 4\n"
        let root = try #require(valid(text))
        let derived = try #require(root["derived"])
        #expect(Set(derived.keys) == ["a", "b", "c"])
        #expect(derived.keys.count == 3)
        #expect(!derived.keys.contains("<<"))
        #expect(derived["a"]?.text == "1")
        #expect(derived["b"]?.text == "3")
        #expect(derived["c"]?.text == "4")
        // The merged pair keeps where it was written.
        #expect(derived.pairs(named: "a").first?.key.range == range((2, 3), (2, 4)))
    }

    @Test func explicitKeysWinWhereverTheyAre() throws {
        let root = try #require(valid("base: &b {a: 1, b: 2}\nd:\n  b: 9\n  <<: *b\n"))
        #expect(root["d"]?["b"]?.text == "9")
        #expect(root["d"]?["a"]?.text == "1")
        #expect(root["d"]?.pairs(named: "b").count == 1)
    }

    @Test func listOfMappingsEarlierWins() throws {
        let text = "one: &one {x: 1}\ntwo: &two {x: 2, y: 2}\nd:\n  <<: [*one, *two]\n  z: 3\n"
        let root = try #require(valid(text))
        let d = try #require(root["d"])
        #expect(d["x"]?.text == "1")
        #expect(d["y"]?.text == "2")
        #expect(d["z"]?.text == "3")
        #expect(d.keys.count == 3)
    }

    @Test func inlineMergeMapping() throws {
        let root = try #require(valid("d: {<<: {a: 1}, b: 2}\n"))
        #expect(root["d"]?["a"]?.text == "1")
        #expect(root["d"]?.keys.count == 2)
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() throws {
        let root = try #require(valid("d:\n  \"<<\": 1\n"))
        #expect(root["d"]?.keys == ["<<"])
    }

    @Test func emptyMergeList() throws {
        let root = try #require(valid("d:\n  <<: []\n  a: 1\n"))
        #expect(root["d"]?.keys == ["a"])
    }

    @Test(arguments: [
        ("d:\n  <<: 5\n", 2, 7),
        ("d:\n  <<: [{a: 1}, 5]\n", 2, 7),
        ("d:\n  <<: ~\n", 2, 7),
        ("d:\n  <<: [[a]]\n", 2, 7),
    ])
    func badMerge(text: String, line: Int, column: Int) throws {
        let parsed = parse(text)
        #expect(parsed.codes == ["yaml-bad-merge"])
        let d = try #require(parsed.diagnostics.first)
        #expect(d.range.start == loc(line, column))
        #expect(d.message.vi == "khóa gộp '<<' cần một bảng khóa–giá trị hoặc danh sách các bảng")
        // The bad merge is dropped; the mapping survives.
        #expect(parsed.root?["d"]?.pairs?.isEmpty == true)
    }

    @Test
    func badMergeThroughAliasPointsAtTheMerge() throws {
        let parsed = parse("a: &s 5\nd:\n  <<: *s\n")
        #expect(parsed.codes == ["yaml-bad-merge"])
        #expect(parsed.diagnostics.first?.range.start.line == 3)
    }

    // MARK: Expansion limit

    /// `levels` lines, each a list of ten aliases of the line before (the first of ten scalars).
    static func laughs(levels: Int) -> String {
        let names = (0..<levels).map { "l\($0)" }
        var lines = ["l0: &l0 [" + Array(repeating: "lol", count: 10).joined(separator: ", ") + "]"]
        for k in 1..<levels {
            lines.append("\(names[k]): &\(names[k]) [" + Array(repeating: "*\(names[k - 1])", count: 10).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func nestedAliasesUnderTheLimitExpand() throws {
        let root = try #require(valid(Self.laughs(levels: 4)))
        let top = try #require(root["l3"])
        #expect(top.items?.count == 10)
        #expect(top[9]?[9]?[9]?[9]?.text == "lol")
    }

    @Test(.timeLimit(.minutes(1)))
    func billionLaughsHitsTheLimitQuickly() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let parsed = parse(Self.laughs(levels: 9))
        let elapsed = clock.now - started
        #expect(parsed.codes == ["yaml-too-large"])
        #expect(parsed.root == nil)
        let d = try #require(parsed.diagnostics.first)
        #expect(d.message.en.contains("1,000,000"))
        #expect(d.range.start.line <= 9)
        #expect(elapsed < .seconds(20), "took \(elapsed)")
        #expect(YAMLParser.maximumNodeCount == 1_000_000)
    }

    @Test(.timeLimit(.minutes(1)))
    func mergeBombHitsTheLimit() {
        var lines = ["m0: &m0 {" + (0..<10).map { "k\($0): v" }.joined(separator: ", ") + "}"]
        for k in 1..<9 {
            lines.append("m\(k): &m\(k) [" + Array(repeating: "*m\(k - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines.append("x:\n  <<: *m8")
        let parsed = parse(lines.joined(separator: "\n"))
        #expect(parsed.codes == ["yaml-too-large"])
        #expect(parsed.root == nil)
    }
}
