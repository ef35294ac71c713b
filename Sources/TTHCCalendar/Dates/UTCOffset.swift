/// A fixed offset from UTC, such as Vietnam's `+07:00` (Vietnam has no daylight saving time).
public struct UTCOffset: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds east of UTC, −18 h…+18 h.
    public let seconds: Int

    /// Vietnam's offset, UTC+7.
    public static let vietnam = UTCOffset(uncheckedSeconds: 7 * 3600)
    /// UTC itself.
    public static let utc = UTCOffset(uncheckedSeconds: 0)

    /// Creates an offset in seconds; nil beyond ±18 hours.
    public init?(seconds: Int) {
        guard abs(seconds) <= 18 * 3600 else { return nil }
        self.seconds = seconds
    }

    init(uncheckedSeconds: Int) {
        self.seconds = uncheckedSeconds
    }

    /// Parses `Z`, `+07:00`, `+0700` or `+07` (also with `-`); nil otherwise.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        if bytes == [UInt8(ascii: "Z")] || bytes == [UInt8(ascii: "z")] {
            self.seconds = 0
            return
        }
        guard let value = ISO8601.offset(bytes, 0, bytes.count) else { return nil }
        self.seconds = value
    }

    /// `+07:00`, `-03:30`; `+00:00` for UTC.
    public var description: String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + ISO8601.pad(minutes / 60, 2) + ":" + ISO8601.pad(minutes % 60, 2)
    }

    /// Orders offsets from west to east.
    public static func < (lhs: UTCOffset, rhs: UTCOffset) -> Bool { lhs.seconds < rhs.seconds }
}

extension UTCOffset: Codable {
    /// Decodes `+07:00`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let offset = UTCOffset(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a UTC offset: \(text)")
        }
        self = offset
    }

    /// Encodes `+07:00`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
