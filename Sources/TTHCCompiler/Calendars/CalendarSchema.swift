import TTHCDiagnostics

/// The objects of a calendar file (`Procedures/calendars/<id>.yaml`), declared once: the decoder
/// checks keys against them and suggests near misses.
enum CalendarSchema {
    static let session = ObjectSpec(vi: "buổi làm việc", en: "session", keys: [
        KeySpec("from", required: true, .time, vi: "Giờ bắt đầu (\"HH:MM\")", en: "Opening time (\"HH:MM\")"),
        KeySpec("to", required: true, .time, vi: "Giờ kết thúc (\"HH:MM\")", en: "Closing time (\"HH:MM\")"),
    ])

    static let season = ObjectSpec(vi: "giờ làm việc theo mùa", en: "seasonal hours", keys: [
        KeySpec("name", required: true, .text, vi: "Tên, ví dụ Giờ mùa hè", en: "Name, e.g. summer hours"),
        KeySpec("from", required: true, .text, vi: "Ngày bắt đầu hằng năm \"MM-DD\"", en: "First day each year \"MM-DD\""),
        KeySpec("through", required: true, .text, vi: "Ngày kết thúc hằng năm \"MM-DD\" (có thể qua năm mới)", en: "Last day each year \"MM-DD\" (may wrap over the new year)"),
        KeySpec("hours", required: true, .list(.object(session)), vi: "Các buổi làm việc trong mùa", en: "The sessions in the season"),
    ])

    static let weekendHoliday = ObjectSpec(vi: "quy tắc nghỉ bù", en: "make-up rule", keys: [
        KeySpec("rule", required: true, .oneOf(["next_working_day", "none"]), vi: "next_working_day: ngày lễ trùng ngày nghỉ hằng tuần được nghỉ bù vào ngày làm việc kế tiếp; none: không nghỉ bù", en: "next_working_day: a holiday on a weekly rest day is made up on the next working day; none: no make-up"),
        KeySpec("basis", .text, vi: "Căn cứ pháp lý", en: "Legal basis"),
        KeySpec("since", .integer(minimum: 1), vi: "Năm bắt đầu áp dụng", en: "First year it applies"),
    ])

    static let holiday = ObjectSpec(vi: "ngày lễ", en: "holiday", keys: [
        KeySpec("id", required: true, .identifier, vi: "Mã ngày lễ, duy nhất trong lịch; thông báo hằng năm tham chiếu mã này", en: "Holiday id, unique in the calendar; yearly notices refer to it"),
        KeySpec("name", required: true, .text, vi: "Tên ngày lễ", en: "Name"),
        KeySpec("name_en", .text, vi: "Tên tiếng Anh", en: "English name"),
        KeySpec("date", .text, vi: "Ngày dương lịch cố định \"MM-DD\"", en: "Fixed solar date \"MM-DD\""),
        KeySpec("lunar", .text, vi: "Ngày âm lịch \"MM-DD\" hoặc \"MM-last\" (ngày cuối tháng)", en: "Lunar date \"MM-DD\" or \"MM-last\""),
        KeySpec("through", .text, vi: "Cùng với lunar: ngày âm lịch cuối của đợt nghỉ", en: "With lunar: the last lunar day of the span"),
        KeySpec("adjacent_to", .text, vi: "Ngày liền kề trước hoặc sau ngày dương lịch \"MM-DD\"", en: "The day before or after the solar date \"MM-DD\""),
        KeySpec("basis", required: true, .text, vi: "Căn cứ pháp lý", en: "Legal basis"),
        KeySpec("since", .integer(minimum: 1), vi: "Năm bắt đầu áp dụng (với ngày âm lịch: năm âm lịch)", en: "First year it applies (lunar year for lunar dates)"),
        KeySpec("until", .integer(minimum: 1), vi: "Năm cuối cùng áp dụng", en: "Last year it applies"),
        KeySpec("make_up", .bool, vi: "Có nghỉ bù khi trùng ngày nghỉ hằng tuần không (mặc định: true, trừ ngày do thông báo chọn)", en: "Whether it is made up when it falls on a weekly rest day (default true, except days chosen by notice)"),
        KeySpec("chosen_by_notice", .bool, vi: "Thủ tướng quyết định ngày cụ thể hằng năm (Tết, ngày liền kề Quốc khánh)", en: "The Prime Minister chooses the days each year (Tết, the day adjacent to National Day)"),
        KeySpec("verified", .bool, vi: "Đã đối chiếu văn bản chính thức (mặc định true)", en: "Checked against the official text (default true)"),
        KeySpec("note", .text, vi: "Ghi chú", en: "Note"),
    ])

    static let noticeDay = ObjectSpec(vi: "ngày trong thông báo", en: "notice day", keys: [
        KeySpec("date", required: true, .date, vi: "Ngày YYYY-MM-DD", en: "Date YYYY-MM-DD"),
        KeySpec("holiday", .identifier, vi: "Mã ngày lễ mà thông báo chọn ngày nghỉ cụ thể", en: "Id of the holiday whose days the notice chooses"),
        KeySpec("name", .text, vi: "Tên ngày (khi không phải ngày lễ)", en: "Name of the day (when not a holiday's)"),
        KeySpec("name_en", .text, vi: "Tên tiếng Anh", en: "English name"),
        KeySpec("swapped_with", .date, vi: "Ngày hoán đổi tương ứng", en: "The day it is swapped with"),
    ])

    static let notice = ObjectSpec(vi: "thông báo hằng năm", en: "yearly notice", keys: [
        KeySpec("year", required: true, .integer(minimum: 1), vi: "Năm áp dụng", en: "Year"),
        KeySpec("document", required: true, .text, vi: "Văn bản quyết định (số, ký hiệu, ngày)", en: "Deciding document (number, date)"),
        KeySpec("source", .text, vi: "Nơi đọc được văn bản hoặc tin về văn bản", en: "Where the text or a report of it can be read"),
        KeySpec("verified", .bool, vi: "Đã đối chiếu văn bản (mặc định false)", en: "Checked against the document (default false)"),
        KeySpec("off", .list(.object(noticeDay)), vi: "Ngày nghỉ do văn bản quyết định", en: "Days off decided by the document"),
        KeySpec("work", .list(.object(noticeDay)), vi: "Ngày nghỉ hằng tuần phải đi làm (làm bù)", en: "Weekly rest days worked"),
    ])

    static let years = ObjectSpec(vi: "khoảng năm", en: "year range", keys: [
        KeySpec("from", required: true, .integer(minimum: 1), vi: "Năm đầu", en: "First year"),
        KeySpec("through", required: true, .integer(minimum: 1), vi: "Năm cuối", en: "Last year"),
    ])

    static let calendar = ObjectSpec(vi: "lịch làm việc", en: "calendar", keys: [
        KeySpec("id", required: true, .identifier, vi: "Mã lịch, trùng tên tệp", en: "Calendar id, the file's name"),
        KeySpec("name", required: true, .text, vi: "Tên lịch", en: "Name"),
        KeySpec("name_en", .text, vi: "Tên tiếng Anh", en: "English name"),
        KeySpec("extends", .identifier, vi: "Lịch được kế thừa (ví dụ vn)", en: "The calendar this one extends (e.g. vn)"),
        KeySpec("version", .text, vi: "Phiên bản", en: "Version"),
        KeySpec("effective", .date, vi: "Ngày bắt đầu hiệu lực của phiên bản", en: "Date the version applies from"),
        KeySpec("timezone", .text, vi: "Múi giờ cố định, ví dụ \"+07:00\"", en: "Fixed UTC offset, e.g. \"+07:00\""),
        KeySpec("week", .list(.oneOf(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])), vi: "Các ngày làm việc trong tuần", en: "Weekly working days"),
        KeySpec("hours", .list(.object(session)), vi: "Các buổi làm việc trong ngày", en: "The sessions of a working day"),
        KeySpec("seasons", .list(.object(season)), vi: "Giờ làm việc theo mùa", en: "Seasonal hours"),
        KeySpec("weekday_hours", .map(.list(.object(session))), vi: "Giờ làm việc riêng của một thứ, ví dụ sat: sáng thứ Bảy", en: "Hours of one weekday, e.g. sat: Saturday morning"),
        KeySpec("weekend_holiday", .object(weekendHoliday), vi: "Quy tắc nghỉ bù", en: "Make-up rule"),
        KeySpec("holidays", .list(.object(holiday)), vi: "Các ngày lễ", en: "Holidays"),
        KeySpec("notice_years", .object(years), vi: "Các năm đã có thông báo nghỉ lễ; ngoài khoảng này kết quả là dự kiến", en: "Years whose notices are known; outside them answers are projected"),
        KeySpec("notices", .list(.object(notice)), vi: "Thông báo hằng năm", en: "Yearly notices"),
        KeySpec("note", .text, vi: "Ghi chú", en: "Note"),
    ])
}
