/// An error from the calendar library: a date outside the range a calendar was built for, an
/// unknown or cyclic calendar, a negative count, or a definition that cannot be used.
///
/// A struct over a private enum (STYLE.md 11), so that new cases do not break callers. Each error
/// has a stable ``code`` and a message in Vietnamese and English.
public struct CalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Base: Sendable, Hashable {
        case outOfRange(String, ClosedRange<Int>)
        case dueOutOfRange(ClosedRange<Int>)
        case negativeCount(Int)
        case unknownCalendar(String, [String])
        case cyclicExtends([String])
        case incomplete(String, String)
        case badSessions(String, String)
    }

    private let base: Base

    private init(_ base: Base) { self.base = base }

    /// A date (or a due date) outside the years the calendar covers.
    public static func outOfRange(_ what: String, years: ClosedRange<Int>) -> CalendarError { CalendarError(.outOfRange(what, years)) }
    /// A due date that would fall after the last year the calendar covers.
    public static func dueOutOfRange(years: ClosedRange<Int>) -> CalendarError { CalendarError(.dueOutOfRange(years)) }
    /// A negative number of days or hours.
    public static func negativeCount(_ n: Int) -> CalendarError { CalendarError(.negativeCount(n)) }
    /// A calendar id that no definition has.
    public static func unknownCalendar(_ id: String, known: [String]) -> CalendarError { CalendarError(.unknownCalendar(id, known)) }
    /// Calendars that extend each other in a circle.
    public static func cyclicExtends(_ ids: [String]) -> CalendarError { CalendarError(.cyclicExtends(ids)) }
    /// A resolved definition that lacks something it needs (the field named).
    public static func incomplete(calendar: String, missing: String) -> CalendarError { CalendarError(.incomplete(calendar, missing)) }
    /// Office hours with no session or overlapping sessions.
    public static func badSessions(calendar: String, detail: String) -> CalendarError { CalendarError(.badSessions(calendar, detail)) }

    /// A stable kebab-case code, prefixed `calendar-`.
    public var code: String {
        switch base {
        case .outOfRange, .dueOutOfRange: "calendar-out-of-range"
        case .negativeCount: "calendar-negative-count"
        case .unknownCalendar: "calendar-unknown"
        case .cyclicExtends: "calendar-cyclic-extends"
        case .incomplete: "calendar-incomplete"
        case .badSessions: "calendar-bad-sessions"
        }
    }

    /// The message in `language`.
    public func message(_ language: CalendarLanguage) -> String {
        let vi = language == .vi
        switch base {
        case let .outOfRange(what, years):
            return vi
                ? "\(what) nằm ngoài khoảng năm \(years.lowerBound)–\(years.upperBound) mà lịch đã được tính"
                : "\(what) is outside the years \(years.lowerBound)–\(years.upperBound) the calendar was built for"
        case let .dueOutOfRange(years):
            return vi
                ? "hạn giải quyết nằm ngoài khoảng năm \(years.lowerBound)–\(years.upperBound) mà lịch đã được tính"
                : "the due date is outside the years \(years.lowerBound)–\(years.upperBound) the calendar was built for"
        case let .negativeCount(n):
            return vi ? "số lượng không được âm: \(n)" : "the count must not be negative: \(n)"
        case let .unknownCalendar(id, known):
            let list = known.isEmpty ? (vi ? "không có lịch nào" : "none") : known.joined(separator: ", ")
            return vi ? "không có lịch '\(id)' (các lịch hiện có: \(list))" : "no calendar '\(id)' (known calendars: \(list))"
        case let .cyclicExtends(ids):
            let chain = ids.joined(separator: " → ")
            return vi ? "các lịch kế thừa nhau thành vòng: \(chain)" : "calendars extend each other in a cycle: \(chain)"
        case let .incomplete(calendar, missing):
            return vi ? "lịch '\(calendar)' thiếu '\(missing)'" : "calendar '\(calendar)' lacks '\(missing)'"
        case let .badSessions(calendar, detail):
            return vi ? "giờ làm việc của lịch '\(calendar)' không hợp lệ: \(detail)" : "office hours of calendar '\(calendar)' are invalid: \(detail)"
        }
    }

    /// The Vietnamese message and the code.
    public var description: String { "\(message(.vi)) [\(code)]" }
}
