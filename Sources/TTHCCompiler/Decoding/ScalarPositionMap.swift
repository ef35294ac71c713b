import TTHCDiagnostics
import TTHCYAML

/// Maps offsets inside a scalar's value (in Unicode scalars, as the expression compiler counts them)
/// back to places in the source, so an error inside an expression points at the right line and
/// column even when the scalar is quoted with escapes, folded over several lines, written as a
/// block, or written in NFD (the value is NFC): value and source are walked together by characters,
/// which Swift compares up to canonical equivalence.
struct ScalarPositionMap {
    /// Source location of each value scalar offset (plus one past the end).
    private var locations: [SourceLocation]
    let file: String

    /// Builds the map for `node` from the file's text; nil when the walk cannot follow the source
    /// (then callers point at the scalar as a whole).
    init?(node: YAMLNode, sourceLines: [Substring]) {
        guard let scalar = node.scalar else { return nil }
        file = node.range.file
        var line = node.range.start.line - 1
        var column = node.range.start.column - 1  // 0-based, in scalars
        guard sourceLines.indices.contains(line) else { return nil }

        func characters(ofLine index: Int) -> [Character] { Array(sourceLines[index]) }
        var chars = characters(ofLine: line)
        // Position `column` (scalars) → character index in `chars`.
        func characterIndex(forScalarColumn target: Int, in chars: [Character]) -> Int? {
            var scalars = 0
            for (i, ch) in chars.enumerated() {
                if scalars == target { return i }
                scalars += ch.unicodeScalars.count
                if scalars > target { return nil }
            }
            return scalars == target ? chars.count : nil
        }
        guard var index = characterIndex(forScalarColumn: column, in: chars) else { return nil }

        switch scalar.style {
        case .singleQuoted, .doubleQuoted:
            index += 1
            column += 1
        case .literal, .folded:
            // Content starts on the next non-blank line.
            repeat {
                line += 1
                guard sourceLines.indices.contains(line) else { return nil }
                chars = characters(ofLine: line)
            } while chars.allSatisfy { $0 == " " || $0 == "\r" }
            index = chars.firstIndex { $0 != " " } ?? 0
            column = index
        case .plain:
            break
        }

        var result: [SourceLocation] = []
        var value = Array(scalar.value)
        // Block scalars keep a final newline the source shows as the line end.
        while value.last == "\n" { value.removeLast() }
        var v = 0
        func here() -> SourceLocation { SourceLocation(line: line + 1, column: column + 1) }
        func advance() {
            if index < chars.count { column += chars[index].unicodeScalars.count }
            index += 1
        }
        func nextLine() -> Bool {
            line += 1
            guard sourceLines.indices.contains(line) else { return false }
            chars = characters(ofLine: line)
            index = 0
            column = 0
            while index < chars.count, chars[index] == " " || chars[index] == "\t" { advance() }
            return true
        }
        var guardSteps = 0
        while v < value.count {
            guardSteps += 1
            if guardSteps > 100_000 { return nil }
            let wanted = value[v]
            if index >= chars.count {
                // End of a source line: the value continues on the next (folded or literal newline).
                let location = here()
                guard nextLine() else { return nil }
                if wanted == " " || wanted == "\n" {
                    for _ in wanted.unicodeScalars { result.append(location) }
                    v += 1
                    while v < value.count, value[v] == "\n" { result.append(location); v += 1; guard nextLine() else { return nil } }
                }
                continue
            }
            let found = chars[index]
            if found == wanted {
                for _ in wanted.unicodeScalars { result.append(here()) }
                advance()
                v += 1
            } else if scalar.style == .doubleQuoted, found == "\\" {
                // An escape sequence stands for one value character.
                let location = here()
                advance()
                let kind = index < chars.count ? chars[index] : " "
                let hexDigits = kind == "x" ? 2 : kind == "u" ? 4 : kind == "U" ? 8 : 0
                advance()
                for _ in 0..<hexDigits { advance() }
                for _ in wanted.unicodeScalars { result.append(location) }
                v += 1
            } else if scalar.style == .singleQuoted, found == "'", wanted == "'" {
                result.append(here())
                advance()
                advance()
                v += 1
            } else if found == " " || found == "\t" || found == "\r" {
                advance()
            } else {
                return nil
            }
        }
        result.append(here())
        locations = result
    }

    /// The source location of value offset `offset` (clamped to the end).
    func location(atOffset offset: Int) -> SourceLocation {
        locations[max(0, min(offset, locations.count - 1))]
    }

    /// Moves a range expressed as offsets on line 1 of a placeholder file into the source.
    func remap(_ range: SourceRange) -> SourceRange {
        let start = location(atOffset: range.start.column - 1)
        var end = location(atOffset: range.end.column - 1)
        if end.line != start.line || end < start { end = SourceLocation(line: start.line, column: start.column + max(1, range.end.column - range.start.column)) }
        return SourceRange(file: file, start: start, end: end)
    }
}
