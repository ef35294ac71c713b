import Testing
import TTHCDiagnostics
@testable import TTHCYAML

/// Duplicate keys are reported at the second key with a note at the first, and both pairs are kept.
@Suite("YAML duplicate keys")
struct YAMLDuplicateKeyTests {
    @Test func blockMapping() throws {
        let parsed = parse("a: 1\nb: 2\na: 3\n")
        #expect(parsed.codes == ["duplicate-key"])
        let d = try #require(parsed.diagnostics.first)
        #expect(d.severity == .error)
        #expect(d.range == range((3, 1), (3, 2)))
        #expect(d.message.vi == "khóa 'a' bị khai báo hai lần trong cùng một bảng")
        #expect(d.message.en == "key 'a' appears twice in the same mapping")
        #expect(d.notes.count == 1)
        #expect(d.notes.first?.range == range((1, 1), (1, 2)))
        #expect(d.notes.first?.message == LocalizedText(vi: "khai báo lần đầu ở đây", en: "first declared here"))
        // Both pairs are kept, in order.
        let root = try #require(parsed.root)
        #expect(root.keys == ["a", "b", "a"])
        #expect(root.pairs(named: "a").map(\.value.text) == ["1", "3"])
    }

    @Test func flowMapping() throws {
        let parsed = parse("{tên: A, mã: 1, tên: B}")
        #expect(parsed.codes == ["duplicate-key"])
        let d = try #require(parsed.diagnostics.first)
        #expect(d.range == range((1, 17), (1, 20)))
        #expect(d.notes.first?.range == range((1, 2), (1, 5)))
        #expect(d.message.vi.contains("'tên'"))
        #expect(parsed.root?.pairs(named: "tên").map(\.value.text) == ["A", "B"])
    }

    @Test func nestedMapping() throws {
        let parsed = parse("outer:\n  x: 1\n  y: 2\n  x: 3\nother:\n  x: 4\n")
        #expect(parsed.codes == ["duplicate-key"])
        let d = try #require(parsed.diagnostics.first)
        #expect(d.range == range((4, 3), (4, 4)))
        #expect(d.notes.first?.range == range((2, 3), (2, 4)))
        #expect(parsed.root?["outer"]?.keys == ["x", "y", "x"])
    }

    @Test func mappingInsideSequence() throws {
        let parsed = parse("- name: a\n  name: b\n- name: c\n")
        #expect(parsed.codes == ["duplicate-key"])
        #expect(parsed.diagnostics.first?.range == range((2, 3), (2, 7)))
        #expect(parsed.diagnostics.first?.notes.first?.range == range((1, 3), (1, 7)))
    }

    @Test func sameKeyInDifferentMappingsIsFine() {
        _ = valid("a:\n  x: 1\nb:\n  x: 2\nc: [{x: 1}, {x: 2}]\n")
    }

    @Test func threeTimesGivesTwoDiagnosticsEachPointingAtTheFirst() throws {
        let parsed = parse("a: 1\na: 2\na: 3\n")
        #expect(parsed.codes == ["duplicate-key", "duplicate-key"])
        #expect(parsed.diagnostics.map(\.range.start) == [loc(2, 1), loc(3, 1)])
        #expect(parsed.diagnostics.allSatisfy { $0.notes.first?.range == range((1, 1), (1, 2)) })
        #expect(parsed.root?.pairs?.count == 3)
    }

    @Test func quotedAndPlainSpellingsOfTheSameKey() throws {
        let parsed = parse("a: 1\n\"a\": 2\n'a': 3\n")
        #expect(parsed.codes == ["duplicate-key", "duplicate-key"])
        #expect(parsed.diagnostics.first?.range == range((2, 1), (2, 4)))
    }

    @Test func keysThatDifferOnlyInNormalisationAreDuplicates() throws {
        // The second `tên` is decomposed (e + U+0302); after NFC it is the same key.
        let parsed = parse("tên: 1\nte\u{302}n: 2\n")
        #expect(parsed.with("duplicate-key").count == 1)
        #expect(parsed.with("text-not-nfc").count == 1)
        #expect(parsed.with("duplicate-key").first?.range.start == loc(2, 1))
    }

    @Test func differentKeysThatLookAlikeAreNotDuplicates() {
        _ = valid("a: 1\nA: 2\n\"a \": 3\nten: 4\ntên: 5\n")
    }

    @Test func mergedKeysAreNotDuplicates() throws {
        let root = try #require(valid("base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  x: 3\n"))
        #expect(root["d"]?["x"]?.text == "3")
    }

    @Test func explicitDuplicatesNextToAMerge() throws {
        let parsed = parse("base: &b {x: 1}\nd:\n  <<: *b\n  y: 1\n  y: 2\n")
        #expect(parsed.codes == ["duplicate-key"])
        #expect(parsed.diagnostics.first?.range == range((5, 3), (5, 4)))
    }

    @Test func duplicatesInAnAnchoredMappingAreReportedOnce() throws {
        let parsed = parse("base: &b {a: 1, a: 2}\ncopy: *b\nagain: *b\n")
        #expect(parsed.codes == ["duplicate-key"])
        #expect(parsed.diagnostics.first?.range == range((1, 17), (1, 18)))
        #expect(parsed.root?["again"]?.keys == ["a", "a"])
    }

    @Test func nonScalarKeysAreNotCompared() {
        _ = valid("? [a]\n: 1\n? [a]\n: 2\n")
    }
}
