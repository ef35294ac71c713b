import TTHCDiagnostics

/// Messages of calendar files. Codes are stable and prefixed `calendar-` (Docs/diagnostics.md).
extension DiagnosticMessage {
    static func calendarBadDate(_ text: String, form: String) -> DiagnosticMessage {
        .error("calendar-bad-date", vi: "'\(text)' không phải ngày hợp lệ dạng \(form)", en: "'\(text)' is not a valid date of the form \(form)")
    }

    static func calendarBadTimezone(_ text: String) -> DiagnosticMessage {
        .error("calendar-bad-timezone", vi: "'\(text)' không phải múi giờ dạng \"+07:00\"", en: "'\(text)' is not a UTC offset like \"+07:00\"")
    }

    static func calendarBadWeekday(_ text: String, suggestion: String?) -> DiagnosticMessage {
        let hintVi = suggestion.map { "; có phải ý bạn là '\($0)'?" } ?? ""
        let hintEn = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        return .error("calendar-bad-weekday", vi: "'\(text)' không phải thứ trong tuần (mon, tue, wed, thu, fri, sat, sun)\(hintVi)",
                      en: "'\(text)' is not a weekday (mon, tue, wed, thu, fri, sat, sun)\(hintEn)")
    }

    static func calendarBadSession(_ from: String, _ to: String) -> DiagnosticMessage {
        .error("calendar-bad-session", vi: "buổi làm việc phải kết thúc sau khi bắt đầu: \(from)–\(to)", en: "a session must end after it starts: \(from)–\(to)")
    }

    static let calendarOverlappingSessions = DiagnosticMessage.error(
        "calendar-overlapping-sessions", vi: "buổi làm việc này bắt đầu trước khi buổi trước kết thúc (các buổi phải theo thứ tự, không chồng nhau)",
        en: "this session starts before the previous one ends (sessions must be in order and must not overlap)")

    static let calendarEmptyHours = DiagnosticMessage.error(
        "calendar-empty-hours", vi: "cần ít nhất một buổi làm việc", en: "at least one session is needed")

    static let calendarHolidayKind = DiagnosticMessage.error(
        "calendar-holiday-kind", vi: "ngày lễ cần đúng một trong date, lunar, adjacent_to",
        en: "a holiday needs exactly one of date, lunar, adjacent_to")

    static let calendarThroughWithoutLunar = DiagnosticMessage.error(
        "calendar-through-without-lunar", vi: "through chỉ dùng cùng lunar (một đợt nghỉ theo âm lịch)",
        en: "through is only used with lunar (a lunar span)")

    static func calendarBadYears(_ first: Int, _ last: Int) -> DiagnosticMessage {
        .error("calendar-bad-years", vi: "năm bắt đầu \(first) sau năm kết thúc \(last)", en: "the first year \(first) is after the last year \(last)")
    }

    static func calendarDuplicateHoliday(_ id: String) -> DiagnosticMessage {
        .error("calendar-duplicate-holiday", vi: "ngày lễ '\(id)' bị trùng trong lịch", en: "duplicate holiday '\(id)' in the calendar")
    }

    static func calendarUnknownHoliday(_ id: String, suggestion: String?) -> DiagnosticMessage {
        let hintVi = suggestion.map { "; có phải ý bạn là '\($0)'?" } ?? ""
        let hintEn = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        return .error("calendar-unknown-holiday", vi: "lịch (và các lịch nó kế thừa) không có ngày lễ '\(id)'\(hintVi)",
                      en: "the calendar (and those it extends) has no holiday '\(id)'\(hintEn)")
    }

    static func calendarUnknownExtends(_ id: String, suggestion: String?) -> DiagnosticMessage {
        let hintVi = suggestion.map { "; có phải ý bạn là '\($0)'?" } ?? ""
        let hintEn = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        return .error("calendar-unknown-extends", vi: "không có lịch '\(id)' để kế thừa trong thư mục calendars\(hintVi)",
                      en: "no calendar '\(id)' to extend in the calendars folder\(hintEn)")
    }

    static func calendarCycle(_ chain: String) -> DiagnosticMessage {
        .error("calendar-cyclic-extends", vi: "các lịch kế thừa nhau thành vòng: \(chain)", en: "calendars extend each other in a cycle: \(chain)")
    }

    static let calendarMissingHours = DiagnosticMessage.error(
        "calendar-incomplete", vi: "lịch không kế thừa lịch nào phải có giờ làm việc (hours)",
        en: "a calendar that extends no other must give its office hours (hours)")

    static func calendarIDMismatch(_ id: String, file: String) -> DiagnosticMessage {
        .error("calendar-id-mismatch", vi: "mã lịch '\(id)' phải trùng tên tệp '\(file)'", en: "the calendar id '\(id)' must match the file name '\(file)'")
    }

    static func calendarDuplicateID(_ id: String) -> DiagnosticMessage {
        .error("calendar-duplicate-id", vi: "lịch '\(id)' được khai báo hai lần", en: "calendar '\(id)' is declared twice")
    }

    static func calendarWorkOnWorkingDay(_ date: String) -> DiagnosticMessage {
        .warning("calendar-work-on-working-day", vi: "ngày \(date) vốn là ngày làm việc trong tuần; khai báo làm bù là thừa",
                 en: "\(date) is already a working day of the week; declaring it worked changes nothing")
    }
}
