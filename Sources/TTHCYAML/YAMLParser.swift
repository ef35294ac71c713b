internal import CLibYAML
public import TTHCDiagnostics
internal import Foundation

/// Reads YAML text into a `YAMLDocument`, reporting every problem as a located diagnostic instead of
/// throwing: invalid UTF-8, tab indentation, syntax errors, several documents, unknown aliases,
/// duplicate keys (naming both places) and text that is not NFC. Never crashes on bad input.
public enum YAMLParser {
    /// The most nodes a document may expand to through aliases (guards against "billion laughs").
    public static let maximumNodeCount = 1_000_000

    /// Parses raw bytes read from `file`.
    public static func parse(bytes: [UInt8], file: String, diagnostics: inout DiagnosticBag) -> YAMLDocument {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if String(validating: bytes, as: UTF8.self) == nil, let bad = firstInvalidUTF8(bytes) {
            diagnostics.report(.yamlInvalidUTF8, at: SourceRange(file: file, at: bad))
            let lossy = String(decoding: bytes, as: UTF8.self)
            return YAMLDocument(file: file, text: lossy, root: nil)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return parse(text: text, utf8: bytes, file: file, diagnostics: &diagnostics)
    }

    /// Parses text already in memory.
    public static func parse(text: String, file: String, diagnostics: inout DiagnosticBag) -> YAMLDocument {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        return parse(text: text, utf8: Array(text.utf8), file: file, diagnostics: &diagnostics)
    }

    private static func parse(text: String, utf8: [UInt8], file: String, diagnostics: inout DiagnosticBag) -> YAMLDocument {
        let tabs = tabIndentation(text: text)
        var composer = Composer(file: file)
        composer.tabs = tabs
        utf8.withUnsafeBufferPointer { buffer in
            composer.run(buffer)
        }
        diagnostics.append(contentsOf: composer.diagnostics.all)
        return YAMLDocument(file: file, text: text, root: composer.root)
    }

    /// The line and column of the first byte that is not valid UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> SourceLocation? {
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            let b = bytes[i]
            var length = 0
            if b < 0x80 { length = 1 } else if b & 0xE0 == 0xC0, b >= 0xC2 { length = 2 } else if b & 0xF0 == 0xE0 { length = 3 } else if b & 0xF8 == 0xF0, b <= 0xF4 { length = 4 }
            guard length > 0, i + length <= bytes.count else { return SourceLocation(line: line, column: column) }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 {
                return SourceLocation(line: line, column: column)
            }
            if length == 3 {
                let cp = (Int(b & 0x0F) << 12) | (Int(bytes[i + 1] & 0x3F) << 6) | Int(bytes[i + 2] & 0x3F)
                if cp < 0x800 || (0xD800...0xDFFF).contains(cp) { return SourceLocation(line: line, column: column) }
            } else if length == 4 {
                let cp = (Int(b & 0x07) << 18) | (Int(bytes[i + 1] & 0x3F) << 12) | (Int(bytes[i + 2] & 0x3F) << 6) | Int(bytes[i + 3] & 0x3F)
                if cp < 0x10000 || cp > 0x10FFFF { return SourceLocation(line: line, column: column) }
            }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return nil
    }

    /// The column of the first tab in each line's leading white space, by line. Whether that tab is
    /// a mistake is decided later: libyaml accepts tabs inside block scalars and between tokens, so a
    /// tab is reported only where libyaml fails on that line (or the next), with a clearer message.
    static func tabIndentation(text: String) -> [Int: Int] {
        var tabs: [Int: Int] = [:]
        var line = 1, column = 1, atLineStart = true
        for byte in text.utf8 {
            if byte == 0x0A {
                line += 1
                column = 1
                atLineStart = true
            } else if atLineStart {
                if byte == 0x09, tabs[line] == nil { tabs[line] = column }
                if byte == 0x20 || byte == 0x09 { column += 1 } else { atLineStart = false }
            }
        }
        return tabs
    }

    /// The line and column (1-based, in scalars) of a byte offset, for libyaml's reader errors.
    static func location(ofByteOffset offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        var line = 1, column = 1
        var index = 0
        while index < min(offset, buffer.count) {
            let byte = buffer[index]
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(line: line, column: column)
    }
}

/// Builds the node tree from libyaml's events. Owns the libyaml parser for one run.
private struct Composer {
    let file: String
    var diagnostics = DiagnosticBag()
    var root: YAMLNode?
    var anchors: [String: YAMLNode] = [:]
    var nodeCount = 0
    var documents = 0

    /// An open collection: mutated in place at the top of the stack (no copy-on-write per item).
    struct Frame {
        var isMapping: Bool
        var start: SourceLocation
        var anchor: String?
        var pairs: [YAMLPair] = []
        var items: [YAMLNode] = []
        var pendingKey: YAMLNode?
    }
    var stack: [Frame] = []
    /// Tabs in leading white space: line → column.
    var tabs: [Int: Int] = [:]
    /// The deepest nesting accepted; deeper documents are refused rather than risk the stack.
    static let maximumDepth = 1_000

    init(file: String) { self.file = file }

    /// Runs libyaml over the buffer.
    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        if let base = buffer.baseAddress {
            yaml_parser_set_input_string(&parser, base, buffer.count)
        } else {
            var empty: UInt8 = 0
            yaml_parser_set_input_string(&parser, &empty, 0)
        }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                reportSyntaxError(parser, buffer)
                root = nil
                return
            }
            defer { yaml_event_delete(&event) }
            let stop = handle(&event)
            if stop { return }
        }
    }

    func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    func range(_ event: yaml_event_t) -> SourceRange {
        SourceRange(file: file, start: location(event.start_mark), end: location(event.end_mark))
    }

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    /// Handles one event; returns true to stop.
    mutating func handle(_ event: inout yaml_event_t) -> Bool {
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                diagnostics.report(.yamlMultipleDocuments, at: range(event))
                return true
            }
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let raw = data.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: Int(data.length)), as: UTF8.self) } ?? ""
            var value = raw
            if !raw.utf8.allSatisfy({ $0 < 0x80 }) && NFC.mayNeedNormalization(raw) {
                let nfc = raw.precomposedStringWithCanonicalMapping
                if nfc.unicodeScalars.elementsEqual(raw.unicodeScalars) == false {
                    diagnostics.report(.yamlNotNFC, at: range(event))
                    value = nfc
                }
            }
            let style: ScalarStyle = switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
            let node = YAMLNode(.scalar(YAMLScalar(value: value, style: style, tag: Self.string(data.tag))), range: range(event))
            if let anchor = Self.string(data.anchor) { anchors[anchor] = node }
            return add(node)
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let node = anchors[name] else {
                diagnostics.report(.yamlUnknownAlias(name), at: range(event))
                return add(YAMLNode(.scalar(YAMLScalar(value: "", style: .plain)), range: range(event)))
            }
            nodeCount += Self.size(of: node)
            return add(node)
        case YAML_MAPPING_START_EVENT where stack.count >= Self.maximumDepth,
             YAML_SEQUENCE_START_EVENT where stack.count >= Self.maximumDepth:
            diagnostics.report(.yamlTooDeep, at: range(event))
            root = nil
            return true
        case YAML_MAPPING_START_EVENT:
            stack.append(Frame(isMapping: true, start: location(event.start_mark), anchor: Self.string(event.data.mapping_start.anchor)))
        case YAML_SEQUENCE_START_EVENT:
            stack.append(Frame(isMapping: false, start: location(event.start_mark), anchor: Self.string(event.data.sequence_start.anchor)))
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            guard let frame = stack.popLast() else { return true }
            let end = location(event.end_mark)
            let range = SourceRange(file: file, start: frame.start, end: end)
            let node = frame.isMapping ? YAMLNode(.mapping(mergeAndCheck(frame.pairs)), range: range) : YAMLNode(.sequence(frame.items), range: range)
            let anchor = frame.anchor
            if let anchor { anchors[anchor] = node }
            return add(node)
        default:
            break
        }
        return false
    }

    static func size(of node: YAMLNode) -> Int {
        switch node.kind {
        case .scalar: 1
        case .sequence(let items): 1 + items.reduce(0) { $0 + size(of: $1) }
        case .mapping(let pairs): 1 + pairs.reduce(0) { $0 + size(of: $1.key) + size(of: $1.value) }
        }
    }

    /// Adds a finished node to the innermost collection, or makes it the root. Returns true to stop.
    mutating func add(_ node: YAMLNode) -> Bool {
        nodeCount += 1
        if nodeCount > YAMLParser.maximumNodeCount {
            diagnostics.report(.yamlTooLarge, at: node.range)
            root = nil
            return true
        }
        guard !stack.isEmpty else {
            root = node
            return false
        }
        let top = stack.count - 1
        if stack[top].isMapping {
            if let key = stack[top].pendingKey {
                stack[top].pairs.append(YAMLPair(key: key, value: node))
                stack[top].pendingKey = nil
            } else {
                stack[top].pendingKey = node
            }
        } else {
            stack[top].items.append(node)
        }
        return false
    }

    /// Applies `<<` merge keys (explicit keys win) and reports duplicate explicit keys with both places.
    mutating func mergeAndCheck(_ pairs: [YAMLPair]) -> [YAMLPair] {
        var explicit: [YAMLPair] = []
        var merged: [YAMLPair] = []
        for pair in pairs {
            if let key = pair.key.scalar, key.style == .plain, key.value == "<<" {
                let sources: [YAMLNode]
                switch pair.value.kind {
                case .mapping: sources = [pair.value]
                case .sequence(let items) where items.allSatisfy({ $0.pairs != nil }): sources = items
                default:
                    // An alias's range is where its anchor was written: point at the `<<` line then.
                    let place = pair.value.range.start < pair.key.range.start ? pair.key.range : pair.value.range
                    diagnostics.report(.yamlBadMerge, at: place)
                    continue
                }
                for source in sources { merged.append(contentsOf: source.pairs ?? []) }
            } else {
                explicit.append(pair)
            }
        }
        var seen: [String: SourceRange] = [:]
        for pair in explicit {
            guard let key = pair.key.scalar?.value else { continue }
            if let first = seen[key] {
                diagnostics.report(.yamlDuplicateKey(key), at: pair.key.range, notes: [DiagnosticNote(DiagnosticMessage.yamlFirstDeclaredHere, at: first)])
            } else {
                seen[key] = pair.key.range
            }
        }
        var result = explicit
        var mergedSeen = Set(seen.keys)
        for pair in merged {
            guard let key = pair.key.scalar?.value, !mergedSeen.contains(key) else { continue }
            mergedSeen.insert(key)
            result.append(pair)
        }
        return result
    }

    mutating func reportSyntaxError(_ parser: yaml_parser_t, _ buffer: UnsafeBufferPointer<UInt8>) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        let context = parser.context.map { String(cString: $0) }
        var at: SourceRange
        if parser.error == YAML_READER_ERROR {
            at = SourceRange(file: file, at: YAMLParser.location(ofByteOffset: Int(parser.problem_offset), in: buffer))
        } else {
            var mark = parser.problem_mark
            if mark.line == 0 && mark.column == 0 && parser.context != nil { mark = parser.context_mark }
            at = SourceRange(file: file, at: location(mark))
        }
        // A failure on a line indented with a tab (or just after one) is that tab: say so plainly.
        let aboutTabs = problem.contains("tab")
        for line in aboutTabs ? [at.start.line, at.start.line - 1] : [at.start.line] {
            if let column = tabs[line] {
                diagnostics.report(.yamlTabIndent, at: SourceRange(file: file, start: SourceLocation(line: line, column: column), end: SourceLocation(line: line, column: column + 1)))
                return
            }
        }
        let english = context.map { "\(problem) \($0)" } ?? problem
        diagnostics.report(.yamlSyntax(YAMLSyntaxText.vietnamese(problem: problem, context: context), english), at: at)
    }
}

/// Vietnamese wording of libyaml's problem strings.
enum YAMLSyntaxText {
    static let problems: [String: String] = [
        "found character that cannot start any token": "gặp ký tự không thể mở đầu một thành phần YAML (dấu '@', '`' hoặc tab?)",
        "mapping values are not allowed in this context": "không được đặt dấu ':' ở đây (giá trị chứa ': ' cần đặt trong dấu nháy?)",
        "did not find expected key": "không tìm thấy khóa ở vị trí mong đợi (thụt lề sai?)",
        "could not find expected ':'": "thiếu dấu ':' sau khóa",
        "found unexpected end of stream": "tệp kết thúc giữa chừng (thiếu dấu nháy đóng?)",
        "did not find expected '-' indicator": "thiếu dấu '-' đầu mục danh sách (thụt lề sai?)",
        "did not find expected node content": "thiếu nội dung ở vị trí này",
        "found unknown escape character": "gặp ký tự thoát '\\' không hợp lệ trong chuỗi có dấu nháy kép",
        "did not find expected ',' or ']'": "thiếu dấu ',' hoặc ']' trong danh sách viết trên một dòng",
        "did not find expected ',' or '}'": "thiếu dấu ',' hoặc '}' trong bảng viết trên một dòng",
        "found undefined tag handle": "gặp thẻ (tag) chưa khai báo",
        "found a tab character that violates indentation": "ký tự tab làm sai thụt lề",
        "found a tab character where an indentation space is expected": "gặp ký tự tab ở chỗ cần dấu cách thụt lề",
        "block sequence entries are not allowed in this context": "không được mở mục danh sách '-' ở đây (thụt lề sai?)",
        "found duplicate %YAML directive": "chỉ thị %YAML bị lặp",
        "found incompatible YAML document": "phiên bản YAML không tương thích",
        "control characters are not allowed": "tệp chứa ký tự điều khiển không được phép",
        "did not find expected alphabetic or numeric character": "tên neo (&) hoặc bí danh (*) chỉ được gồm chữ cái Latinh không dấu, chữ số, '-' và '_'",
        "did not find expected <document start>": "sau dấu kết thúc tài liệu '...' không được viết tiếp nội dung",
        "found unexpected document indicator": "gặp dấu '---' hoặc '...' giữa một chuỗi (thiếu dấu nháy đóng?)",
        "mapping keys are not allowed in this context": "không được đặt khóa '?' ở đây",
        "found an indentation indicator equal to 0": "chỉ số thụt lề của khối '|' hoặc '>' không được bằng 0",
        "found unknown directive name": "chỉ thị '%' không xác định",
        "found invalid Unicode character escape code": "mã thoát Unicode không hợp lệ trong chuỗi có dấu nháy kép",
        "did not find expected hexdecimal number": "thiếu chữ số thập lục phân sau ký tự thoát (\\x, \\u, \\U)",
        "did not find expected comment or line break": "thiếu xuống dòng hoặc chú thích ở cuối chỉ thị",
        "found duplicate %TAG directive": "chỉ thị %TAG bị lặp",
        "did not find the expected '>'": "thiếu dấu '>' đóng thẻ (tag) dạng !<…>",
        "did not find expected tag URI": "thiếu địa chỉ thẻ (tag)",
        "found character that cannot start any token while scanning for the next token": "gặp ký tự không thể mở đầu một thành phần YAML",
        "invalid leading UTF-8 octet": "byte đầu UTF-8 không hợp lệ",
        "incomplete UTF-8 octet sequence": "chuỗi byte UTF-8 không đầy đủ",
        "invalid trailing UTF-8 octet": "byte tiếp theo UTF-8 không hợp lệ",
        "invalid Unicode character": "ký tự Unicode không hợp lệ",
        "could not find expected ':' while scanning a simple key": "thiếu dấu ':' sau khóa",
    ]

    static func vietnamese(problem: String, context: String?) -> String {
        problems[problem] ?? problem
    }
}

/// A quick check for text that is already in NFC, so only suspicious text pays for Foundation's
/// normalisation. Vietnamese precomposed letters (Latin-1, Latin Extended-A/B, Latin Extended
/// Additional), general punctuation and the đồng sign are always NFC; combining marks, Hangul jamo,
/// Greek extended and compatibility ranges go through the full check.
enum NFC {
    static func mayNeedNormalization(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x0300 || (0x1E00...0x1EFF).contains(v) || (0x2010...0x20CF).contains(v) { continue }
            return true
        }
        return false
    }
}
