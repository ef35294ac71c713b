import TTHCCalendar
import TTHCDiagnostics
import TTHCYAML

/// A calendar file decoded into the library's ``CalendarDefinition``, with the places the checks
/// across files need (its id, its `extends`, its holiday ids and the holiday references of its
/// notices).
struct DecodedCalendar: Sendable {
    var definition: CalendarDefinition
    var file: String
    var idRange: SourceRange
    var extendsRange: SourceRange?
    var holidayIDs: [String: SourceRange]
    var holidayReferences: [(id: String, range: SourceRange)]
}

/// Decodes one calendar file from its YAML tree, reporting every mistake at its place: unknown keys
/// (with "did you mean"), bad dates, times, weekdays and offsets, sessions that end before they
/// start or overlap, holidays with no or several kinds, duplicate holiday ids.
struct CalendarDecoder {
    var decoder = NodeDecoder()

    mutating func decode(_ root: YAMLNode, file: String) -> DecodedCalendar? {
        guard root.pairs != nil else {
            decoder.report(.expectedShape("một bảng khóa–giá trị (lịch làm việc)", "a mapping (calendar)", foundVi: root.kindName(.vi), foundEn: root.kindName(.en)), at: root.range)
            return nil
        }
        guard let top = MappingReader(root, CalendarSchema.calendar, diagnostics: &decoder.diagnostics) else { return nil }
        let errorsBefore = decoder.diagnostics.errorCount

        let id = top["id"].flatMap { decoder.identifier($0) }
        let name = top["name"].flatMap { decoder.text($0) }
        let englishName = top["name_en"].flatMap { decoder.text($0) }
        let extends = top["extends"].flatMap { decoder.identifier($0) }
        let version = top["version"].flatMap { decoder.text($0) }
        let effective = top["effective"].flatMap { civilDate($0) }
        let offset = top["timezone"].flatMap { timezone($0) }
        let week = top["week"].flatMap { weekdays($0) }
        var hours: OfficeHours?
        if let node = top["hours"] {
            if let sessions = sessions(node) { hours = OfficeHours(sessions: sessions) }
        } else if extends == nil, top.has("id") {
            decoder.report(.calendarMissingHours, at: MappingReader.headRange(root))
        }
        let seasons = top["seasons"].flatMap { decoder.list($0) }?.compactMap { season($0) } ?? []
        let weekdayHours = top["weekday_hours"].map { weekdayOverrides($0) } ?? []
        if !seasons.isEmpty || !weekdayHours.isEmpty {
            if hours == nil, top["hours"] == nil, extends != nil {
                // A child that changes only seasons or weekdays keeps its parent's usual sessions;
                // the merge below fills them in.
                hours = OfficeHours(sessions: [], seasons: seasons, weekdays: weekdayHours)
            } else {
                hours?.seasons = seasons
                hours?.weekdays = weekdayHours
            }
        }
        let makeUp = top["weekend_holiday"].flatMap { makeUpRule($0) }
        var holidayIDs: [String: SourceRange] = [:]
        var holidays: [HolidayRule] = []
        for item in top["holidays"].flatMap({ decoder.list($0) }) ?? [] {
            let (rule, id) = holiday(item)
            if let (id, range) = id {
                if let first = holidayIDs[id] {
                    decoder.report(.calendarDuplicateHoliday(id), at: range, notes: [DiagnosticNote(LocalizedText(vi: "khai báo lần đầu ở đây", en: "first declared here"), at: first)])
                    continue
                }
                holidayIDs[id] = range
            }
            if let rule { holidays.append(rule) }
        }
        let noticeYears = top["notice_years"].flatMap { yearRange($0) }
        var references: [(String, SourceRange)] = []
        var notices: [YearNotice] = []
        for item in top["notices"].flatMap({ decoder.list($0) }) ?? [] {
            if let notice = notice(item, references: &references, week: week) { notices.append(notice) }
        }

        guard let id, let name, decoder.diagnostics.errorCount == errorsBefore else { return nil }
        var definition = CalendarDefinition(
            id: id, name: name, englishName: englishName, extends: extends, version: version, effective: effective,
            utcOffset: offset, week: week.map(Set.init), hours: hours, holidays: holidays, makeUp: makeUp, notices: notices,
            noticeYears: noticeYears)
        if extends == nil {
            definition.utcOffset = definition.utcOffset ?? .vietnam
            definition.week = definition.week ?? [.monday, .tuesday, .wednesday, .thursday, .friday]
        }
        return DecodedCalendar(definition: definition, file: file, idRange: top["id"]?.range ?? root.range, extendsRange: top["extends"]?.range,
                               holidayIDs: holidayIDs, holidayReferences: references)
    }

    // MARK: - Values

    private mutating func civilDate(_ node: YAMLNode) -> CivilDate? {
        guard let text = decoder.scalarText(node, vi: "một ngày YYYY-MM-DD", en: "a date YYYY-MM-DD") else { return nil }
        guard let date = CivilDate(iso: text) else {
            decoder.report(.calendarBadDate(text, form: "YYYY-MM-DD"), at: node.range)
            return nil
        }
        return date
    }

    private mutating func monthDay(_ node: YAMLNode) -> MonthDay? {
        guard let text = decoder.scalarText(node, vi: "một ngày \"MM-DD\"", en: "a day \"MM-DD\"") else { return nil }
        guard let value = MonthDay(text) else {
            decoder.report(.calendarBadDate(text, form: "\"MM-DD\""), at: node.range)
            return nil
        }
        return value
    }

    private mutating func lunarDay(_ node: YAMLNode) -> LunarMonthDay? {
        guard let text = decoder.scalarText(node, vi: "một ngày âm lịch \"MM-DD\"", en: "a lunar day \"MM-DD\"") else { return nil }
        guard let value = LunarMonthDay(text) else {
            decoder.report(.calendarBadDate(text, form: "âm lịch \"MM-DD\" / \"MM-last\""), at: node.range)
            return nil
        }
        return value
    }

    private mutating func timezone(_ node: YAMLNode) -> UTCOffset? {
        guard let text = decoder.scalarText(node) else { return nil }
        guard let value = UTCOffset(text) else {
            decoder.report(.calendarBadTimezone(text), at: node.range)
            return nil
        }
        return value
    }

    private mutating func weekdays(_ node: YAMLNode) -> [Weekday]? {
        guard let items = decoder.list(node) else { return nil }
        var result: [Weekday] = []
        for item in items {
            guard let text = decoder.scalarText(item) else { continue }
            guard let day = Weekday(code: text), text == text.lowercased() else {
                let suggestion = Suggestion.closest(to: text, in: Weekday.allCases.map(\.code))
                decoder.report(.calendarBadWeekday(text, suggestion: suggestion), at: item.range, fixIt: suggestion)
                continue
            }
            result.append(day)
        }
        return result
    }

    private mutating func sessions(_ node: YAMLNode) -> [Session]? {
        guard let items = decoder.list(node, vi: "một danh sách buổi làm việc", en: "a list of sessions") else { return nil }
        guard !items.isEmpty else {
            decoder.report(.calendarEmptyHours, at: node.range)
            return nil
        }
        var result: [(Session, SourceRange)] = []
        var failed = false
        for item in items {
            guard let reader = MappingReader(item, CalendarSchema.session, diagnostics: &decoder.diagnostics),
                  let from = reader["from"].flatMap({ decoder.time($0) }), let to = reader["to"].flatMap({ decoder.time($0) })
            else { failed = true; continue }
            guard let session = Session(start: from, end: to) else {
                decoder.report(.calendarBadSession(from.description, to.description), at: item.range)
                failed = true
                continue
            }
            if let previous = result.last, session.start < previous.0.end {
                decoder.report(.calendarOverlappingSessions, at: item.range,
                               notes: [DiagnosticNote(LocalizedText(vi: "buổi trước: \(previous.0)", en: "previous session: \(previous.0)"), at: previous.1)])
                failed = true
            }
            result.append((session, item.range))
        }
        return failed ? nil : result.map(\.0)
    }

    private mutating func season(_ node: YAMLNode) -> SeasonalHours? {
        guard let reader = MappingReader(node, CalendarSchema.season, diagnostics: &decoder.diagnostics) else { return nil }
        let name = reader["name"].flatMap { decoder.text($0) }
        let from = reader["from"].flatMap { monthDay($0) }
        let through = reader["through"].flatMap { monthDay($0) }
        let list = reader["hours"].flatMap { sessions($0) }
        guard let name, let from, let through, let list else { return nil }
        return SeasonalHours(name: name, from: from, through: through, sessions: list)
    }

    private mutating func weekdayOverrides(_ node: YAMLNode) -> [WeekdayHours] {
        guard let pairs = node.pairs else {
            decoder.report(.expectedShape("một bảng thứ → buổi làm việc", "a mapping weekday → sessions", foundVi: node.kindName(.vi), foundEn: node.kindName(.en)), at: node.range)
            return []
        }
        var result: [WeekdayHours] = []
        for pair in pairs {
            guard let text = decoder.scalarText(pair.key) else { continue }
            guard let day = Weekday(code: text), text == text.lowercased() else {
                let suggestion = Suggestion.closest(to: text, in: Weekday.allCases.map(\.code))
                decoder.report(.calendarBadWeekday(text, suggestion: suggestion), at: pair.key.range, fixIt: suggestion)
                continue
            }
            if let sessions = sessions(pair.value) { result.append(WeekdayHours(weekday: day, sessions: sessions)) }
        }
        return result
    }

    private mutating func makeUpRule(_ node: YAMLNode) -> MakeUpRule? {
        guard let reader = MappingReader(node, CalendarSchema.weekendHoliday, diagnostics: &decoder.diagnostics) else { return nil }
        let rule = reader["rule"].flatMap { decoder.word($0, ["next_working_day", "none"]) }
        let basis = reader["basis"].flatMap { decoder.text($0) }
        let since = reader["since"].flatMap { decoder.integer($0, minimum: 1) }
        guard rule == "next_working_day" else { return nil }
        return MakeUpRule(basis: basis ?? "Bộ luật Lao động 2019, Điều 111 khoản 3", firstYear: since)
    }

    /// The rule (nil after reporting its mistakes) and its id with the id's place.
    private mutating func holiday(_ node: YAMLNode) -> (HolidayRule?, (String, SourceRange)?) {
        guard let reader = MappingReader(node, CalendarSchema.holiday, diagnostics: &decoder.diagnostics) else { return (nil, nil) }
        let id = reader["id"].flatMap { decoder.identifier($0) }
        let name = reader["name"].flatMap { decoder.text($0) }
        let englishName = reader["name_en"].flatMap { decoder.text($0) }
        let basis = reader["basis"].flatMap { decoder.text($0) }
        let since = reader["since"].flatMap { decoder.integer($0, minimum: 1) }
        let until = reader["until"].flatMap { decoder.integer($0, minimum: 1) }
        let chosen = reader["chosen_by_notice"].flatMap { decoder.bool($0) } ?? false
        let makeUp = reader["make_up"].flatMap { decoder.bool($0) } ?? !chosen
        let verified = reader["verified"].flatMap { decoder.bool($0) } ?? true
        let note = reader["note"].flatMap { decoder.text($0) }
        if let since, let until, since > until {
            decoder.report(.calendarBadYears(since, until), at: reader["until"]?.range ?? node.range)
        }
        let kinds = ["date", "lunar", "adjacent_to"].filter { reader.has($0) }
        var kind: HolidayRule.Kind?
        if kinds.count != 1 {
            decoder.report(.calendarHolidayKind, at: MappingReader.headRange(node))
        } else if let date = reader["date"] {
            kind = monthDay(date).map { .solar($0) }
        } else if let lunar = reader["lunar"] {
            if let through = reader["through"] {
                if let from = lunarDay(lunar), let to = lunarDay(through) { kind = .lunarSpan(from: from, through: to) }
            } else {
                kind = lunarDay(lunar).map { .lunar($0) }
            }
        } else if let adjacent = reader["adjacent_to"] {
            kind = monthDay(adjacent).map { .adjacentDay(to: $0) }
        }
        if reader.has("through"), !reader.has("lunar") {
            decoder.report(.calendarThroughWithoutLunar, at: reader.keyRanges["through"] ?? node.range)
        }
        let idPlace = id.map { ($0, reader["id"]?.range ?? node.range) }
        guard let id, let name, let basis, let kind else { return (nil, idPlace) }
        let rule = HolidayRule(id: id, name: name, englishName: englishName, kind: kind, basis: basis, firstYear: since, lastYear: until,
                               makeUp: makeUp, chosenByNotice: chosen, verified: verified, note: note)
        return (rule, idPlace)
    }

    private mutating func yearRange(_ node: YAMLNode) -> ClosedRange<Int>? {
        guard let reader = MappingReader(node, CalendarSchema.years, diagnostics: &decoder.diagnostics),
              let from = reader["from"].flatMap({ decoder.integer($0, minimum: 1) }),
              let through = reader["through"].flatMap({ decoder.integer($0, minimum: 1) })
        else { return nil }
        guard from <= through else {
            decoder.report(.calendarBadYears(from, through), at: node.range)
            return nil
        }
        return from...through
    }

    private mutating func notice(_ node: YAMLNode, references: inout [(String, SourceRange)], week: [Weekday]?) -> YearNotice? {
        guard let reader = MappingReader(node, CalendarSchema.notice, diagnostics: &decoder.diagnostics) else { return nil }
        let year = reader["year"].flatMap { decoder.integer($0, minimum: 1) }
        let document = reader["document"].flatMap { decoder.text($0) }
        let source = reader["source"].flatMap { decoder.text($0) }
        let verified = reader["verified"].flatMap { decoder.bool($0) } ?? false
        let off = reader["off"].flatMap { decoder.list($0) }?.compactMap { noticeDay($0, references: &references) } ?? []
        var work: [NoticeDay] = []
        for item in reader["work"].flatMap({ decoder.list($0) }) ?? [] {
            guard let day = noticeDay(item, references: &references) else { continue }
            if let week, week.contains(day.date.weekday) {
                decoder.report(.calendarWorkOnWorkingDay(day.date.iso), at: item.range)
            }
            work.append(day)
        }
        guard let year, let document else { return nil }
        return YearNotice(year: year, document: document, source: source, verified: verified, daysOff: off, workdays: work)
    }

    private mutating func noticeDay(_ node: YAMLNode, references: inout [(String, SourceRange)]) -> NoticeDay? {
        guard let reader = MappingReader(node, CalendarSchema.noticeDay, diagnostics: &decoder.diagnostics) else { return nil }
        let date = reader["date"].flatMap { civilDate($0) }
        let holiday = reader["holiday"].flatMap { decoder.identifier($0) }
        if let holiday, let range = reader["holiday"]?.range { references.append((holiday, range)) }
        let name = reader["name"].flatMap { decoder.text($0) }
        let englishName = reader["name_en"].flatMap { decoder.text($0) }
        let swapped = reader["swapped_with"].flatMap { civilDate($0) }
        guard let date else { return nil }
        return NoticeDay(date: date, holiday: holiday, name: name, englishName: englishName, swappedWith: swapped)
    }
}
