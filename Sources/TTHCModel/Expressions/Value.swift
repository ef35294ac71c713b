/// The type of an expression or of a fact, as the condition language sees it.
///
/// `int` and `money` are distinct: an `int` widens to `money` where money is expected, never the
/// reverse. An enumeration is identified by its name and its cases together.
public enum ValueType: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `true` or `false`.
    case bool
    /// A whole number (a count of pages, copies, days …).
    case int
    /// A whole amount of đồng.
    case money
    /// A civil date such as `2026-01-01`.
    case date
    /// A piece of text.
    case text
    /// One of a closed list of bare identifiers, such as the fact `applicant` or the built-in `channel`.
    case enumeration(name: String, cases: [String])

    /// The type of the built-in `channel`: how the dossier was submitted.
    public static let channel = ValueType.enumeration(name: "channel", cases: ["in_person", "online", "postal"])

    /// The name used in English messages and in `Docs/expressions.md`: `bool`, `int`, `money`,
    /// `date`, `text` or `enum NAME`.
    public var description: String {
        switch self {
        case .bool: "bool"
        case .int: "int"
        case .money: "money"
        case .date: "date"
        case .text: "text"
        case .enumeration(let name, _): "enum \(name)"
        }
    }

    /// Whether values of this type are numbers (`int` or `money`).
    public var isNumeric: Bool { self == .int || self == .money }

    /// Whether `<`, `<=`, `>`, `>=`, `min`, `max` and `clamp` apply (numbers and dates).
    public var isOrdered: Bool { isNumeric || self == .date }
}

/// A civil date (year, month, day) with no time and no zone, as written in a literal `2026-01-01`.
public struct ExprDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The year, 1 to 9999 for a valid date.
    public var year: Int
    /// The month, 1 to 12 for a valid date.
    public var month: Int
    /// The day of the month, 1 to the month's length for a valid date.
    public var day: Int

    /// Creates a date without checking it; see `isValid`.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` and returns nil unless it names a real date of the Gregorian calendar.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
        guard isValid else { return nil }
    }

    /// The number of days in `month` of `year` (Gregorian leap years), or nil for a month outside 1…12.
    public static func daysInMonth(_ month: Int, year: Int) -> Int? {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        default: return nil
        }
    }

    /// Whether the date exists: year 1…9999, month 1…12, day within the month.
    public var isValid: Bool {
        guard (1...9999).contains(year), let days = Self.daysInMonth(month, year: year) else { return false }
        return (1...days).contains(day)
    }

    public static func < (lhs: ExprDate, rhs: ExprDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`, zero-padded.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// A value an expression computes or a fact holds.
public enum Value: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A `bool`.
    case bool(Bool)
    /// An `int`.
    case int(Int)
    /// A `money` amount in whole đồng.
    case money(Int)
    /// A `date`.
    case date(ExprDate)
    /// A `text`.
    case text(String)
    /// A case of an enumeration (the enumeration itself is known from the expression's type).
    case enumCase(String)

    /// The value as a literal of the condition language: `true`, `2_000`, `2_000đ`, `2026-01-01`,
    /// `"Hà Nội"` or a bare enum case.
    public var description: String {
        switch self {
        case .bool(let b): b ? "true" : "false"
        case .int(let n): Self.grouped(n)
        case .money(let n): Self.grouped(n) + "đ"
        case .date(let d): d.description
        case .text(let s): Self.quoted(s)
        case .enumCase(let name): name
        }
    }

    /// `n` with `_` between groups of three digits from 1 000 up (`2_000`, `-200_000`, `999`).
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append("_") }
            out.append(digit)
        }
        return n < 0 ? "-" + out : out
    }

    /// `s` between double quotes, with `"` and `\` escaped by a backslash.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(scalar)
        }
        return out + "\""
    }
}
