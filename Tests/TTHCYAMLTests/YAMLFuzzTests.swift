import Testing
import TTHCDiagnostics
@testable import TTHCYAML

/// Random inputs never crash the parser, and every diagnostic points inside the text.
@Suite("YAML fuzz")
struct YAMLFuzzTests {
    static let sample = """
    mã: "1.000123"
    tên: Đăng ký khai sinh
    cơ_quan: &ubnd
      cấp: xã
      tên: Ủy ban nhân dân
    thời_hạn: {ngày_làm_việc: 3, ghi_chú: 'trong ngày'}
    bước:
      - tên: Nộp hồ sơ
        vai_trò: *ubnd
        <<: {khác: có}
      - [a, b, "c"]
    mô_tả: |
      Người yêu cầu nộp hồ sơ
      tại Ủy ban.
    gấp: >-
      một
      hai
    # chú thích
    rỗng: ~

    """

    /// Interesting bytes: YAML indicators, white space, line breaks, multi-byte lead and continuation bytes.
    static let alphabet: [UInt8] = Array(" \t\n\r:-?[]{},#&*!|>'\"%@`<=~.0aZ\\".utf8) + [0xC3, 0xA0, 0xE1, 0xBB, 0x87, 0xF0, 0x9F, 0x80, 0xFF, 0xED, 0x00, 0xEF, 0xBB, 0xBF]

    /// Checks that every diagnostic (and note) is inside `document.text`.
    static func checkLocations(_ parsed: Parsed, input: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let scalars = Array(parsed.document.text.unicodeScalars)
        // libyaml also breaks lines at CR, NEL, LS and PS: count every one of them.
        let breaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"]
        let lineCount = scalars.count { breaks.contains($0) } + 1
        // Columns restart only at "\n" for the UTF-8 check, so measure lines the long way.
        let longest = scalars.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
        var ranges = parsed.diagnostics.map(\.range)
        ranges += parsed.diagnostics.flatMap { $0.notes.compactMap(\.range) }
        for r in ranges {
            let ok = r.file == testFile && r.start.line >= 1 && r.start.column >= 1
                && r.start.line <= lineCount + 1 && r.end.line <= lineCount + 1
                && r.start.column <= longest + 1 && r.end.column <= longest + 2
                && r.start <= r.end
            #expect(ok, "\(r) outside \(lineCount) lines × \(longest) in \(input)", sourceLocation: sourceLocation)
        }
        if parsed.root == nil, !parsed.errors.isEmpty {
            // fine: errors explain the missing root
        }
    }

    @Test func randomByteStrings() {
        var rng = SeededGenerator(seed: 0x7447_4843)
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...48, using: &rng)
            let input: [UInt8] = (0..<length).map { _ in
                Bool.random(using: &rng) ? Self.alphabet.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            }
            Self.checkLocations(parse(bytes: input), input: input)
        }
    }

    @Test func randomTokenSoup() {
        let tokens = ["a", "tên", ":", ": ", "- ", "\n", "\n  ", "\t", "[", "]", "{", "}", ", ", "&x ", "*x", "*y", "<<: ", "\"", "'", "|", ">", "#", "---\n", "...\n", "? ", "!!str ", "~", "Hà Nội", "e\u{301}", "%YAML 1.1\n"]
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...24, using: &rng)
            let text = (0..<count).map { _ in tokens.randomElement(using: &rng)! }.joined()
            Self.checkLocations(parse(text), input: Array(text.utf8))
        }
    }

    @Test func mutationsOfAValidFile() throws {
        let base = Array(Self.sample.utf8)
        let clean = parse(bytes: base)
        #expect(clean.diagnostics.isEmpty, "\(clean.diagnostics.map { "\($0.range) \($0.message.en)" })")
        let root = try #require(clean.root)
        #expect(root["bước"]?[0]?["vai_trò"]?["cấp"]?.text == "xã")
        #expect(root["bước"]?[0]?["khác"]?.text == "có")

        var rng = SeededGenerator(seed: 2024)
        for _ in 0..<3_000 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                guard !bytes.isEmpty else { break }
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<6, using: &rng) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(Self.alphabet.randomElement(using: &rng)!, at: at)
                case 2: bytes[at] = UInt8.random(in: 0...255, using: &rng)
                case 3: bytes[at] = Self.alphabet.randomElement(using: &rng)!
                case 4:
                    // Duplicate a slice (repeats keys, anchors, lines).
                    let end = min(bytes.count, at + Int.random(in: 1...30, using: &rng))
                    bytes.insert(contentsOf: bytes[at..<end], at: at)
                default:
                    let end = min(bytes.count, at + Int.random(in: 1...20, using: &rng))
                    bytes.removeSubrange(at..<end)
                }
            }
            Self.checkLocations(parse(bytes: bytes), input: bytes)
        }
    }

    @Test func sameInputSameResult() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let input: [UInt8] = (0..<Int.random(in: 0...40, using: &rng)).map { _ in Self.alphabet.randomElement(using: &rng)! }
            let a = parse(bytes: input), b = parse(bytes: input)
            #expect(a.diagnostics == b.diagnostics)
            #expect(a.root == b.root)
        }
    }
}
