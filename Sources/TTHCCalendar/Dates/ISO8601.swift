/// Parsing and formatting of the ISO 8601 forms tthc reads and writes.
public enum ISO8601 {
    /// A parsed ISO 8601 date or date-time: the local wall-clock value and the offset if one was
    /// written.
    public struct Parsed: Sendable, Hashable {
        /// The local date and time as written (00:00 for a bare date).
        public var local: LocalDateTime
        /// The offset written after the time (`Z`, `+07:00`), or nil.
        public var offset: UTCOffset?
        /// Whether only a date was written.
        public var dateOnly: Bool
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`, `YYYY-MM-DDTHH:MM:SS` with optional fractional
    /// seconds (dropped), each optionally followed by `Z` or `±HH:MM` / `±HHMM` / `±HH`. A space may
    /// replace the `T`. Returns nil for anything else or for an impossible date or time.
    public static func parse(_ text: String) -> Parsed? {
        let b = Array(text.utf8)
        guard b.count >= 10, let date = CivilDate(iso: String(decoding: b[0..<10], as: UTF8.self)) else {
            return nil
        }
        if b.count == 10 {
            return Parsed(local: LocalDateTime(date: date, secondOfDay: 0), offset: nil, dateOnly: true)
        }
        guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
              b.count >= 16, b[13] == UInt8(ascii: ":"),
              let hour = digits(b, 11, 2), let minute = digits(b, 14, 2), hour < 24, minute < 60
        else { return nil }
        var i = 16
        var second = 0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard let s = digits(b, i + 1, 2), s < 60 else { return nil }
            second = s
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                let start = i
                while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
                guard i > start else { return nil }
            }
        }
        var offset: UTCOffset?
        if i < b.count {
            if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
                guard i + 1 == b.count else { return nil }
                offset = .utc
            } else {
                guard let seconds = ISO8601.offset(b, i, b.count - i), let value = UTCOffset(seconds: seconds) else { return nil }
                offset = value
            }
        }
        let local = LocalDateTime(date: date, secondOfDay: hour * 3600 + minute * 60 + second)
        return Parsed(local: local, offset: offset, dateOnly: false)
    }

    /// Reads `count` ASCII digits at `start`, or nil.
    static func digits(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= b.count else { return nil }
        var value = 0
        for j in start..<(start + count) {
            let c = b[j]
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(c - UInt8(ascii: "0"))
        }
        return value
    }

    /// Reads `±HH:MM`, `±HHMM` or `±HH` occupying exactly `length` bytes at `start`, as seconds.
    static func offset(_ b: [UInt8], _ start: Int, _ length: Int) -> Int? {
        guard length >= 3, start + length <= b.count else { return nil }
        let sign: Int
        switch b[start] {
        case UInt8(ascii: "+"): sign = 1
        case UInt8(ascii: "-"): sign = -1
        default: return nil
        }
        guard let h = digits(b, start + 1, 2), h <= 18 else { return nil }
        var m = 0
        switch length {
        case 3: m = 0
        case 5:
            guard let mm = digits(b, start + 3, 2) else { return nil }
            m = mm
        case 6:
            guard b[start + 3] == UInt8(ascii: ":"), let mm = digits(b, start + 4, 2) else { return nil }
            m = mm
        default: return nil
        }
        guard m < 60 else { return nil }
        return sign * (h * 3600 + m * 60)
    }

    /// The number with leading zeros to `width` digits (a minus sign first when negative).
    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(abs(value))
        let padded = text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        return value < 0 ? "-" + padded : padded
    }
}
