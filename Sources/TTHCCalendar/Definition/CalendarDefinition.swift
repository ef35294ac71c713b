/// A working calendar as data: the weekly pattern, office hours, holiday rules, the make-up rule
/// and the Government's yearly notices. A province calendar ``extends`` another one and only states
/// what it changes; ``resolved(in:)`` merges it onto its parent.
public struct CalendarDefinition: Sendable, Hashable, Codable, Identifiable {
    /// The identifier used in `--calendar` and in procedures (`vn`).
    public var id: String
    /// The Vietnamese name.
    public var name: String
    /// The English name, when given.
    public var englishName: String?
    /// The calendar this one extends, if any.
    public var extends: String?
    /// A version label for traceability.
    public var version: String?
    /// The date from which this version applies.
    public var effective: CivilDate?
    /// The fixed offset of the office's local time (Vietnam: `+07:00`). Inherited when nil.
    public var utcOffset: UTCOffset?
    /// The weekly working days. Inherited when nil.
    public var week: Set<Weekday>?
    /// Office hours. Inherited when nil.
    public var hours: OfficeHours?
    /// Holiday rules. A child's rule replaces the parent's rule with the same id; others are added.
    public var holidays: [HolidayRule]
    /// The make-up rule (nghỉ bù); nil: holidays on rest days are not made up. Inherited when nil in
    /// a child.
    public var makeUp: MakeUpRule?
    /// Yearly notices. A child's notices are added to the parent's.
    public var notices: [YearNotice]
    /// The years for which the notices are known; outside them, answers are projected ("dự kiến").
    /// Inherited when nil.
    public var noticeYears: ClosedRange<Int>?

    /// Creates a definition.
    public init(
        id: String, name: String, englishName: String? = nil, extends: String? = nil, version: String? = nil,
        effective: CivilDate? = nil, utcOffset: UTCOffset? = nil, week: Set<Weekday>? = nil, hours: OfficeHours? = nil,
        holidays: [HolidayRule] = [], makeUp: MakeUpRule? = nil, notices: [YearNotice] = [], noticeYears: ClosedRange<Int>? = nil
    ) {
        self.id = id
        self.name = name
        self.englishName = englishName
        self.extends = extends
        self.version = version
        self.effective = effective
        self.utcOffset = utcOffset
        self.week = week
        self.hours = hours
        self.holidays = holidays
        self.makeUp = makeUp
        self.notices = notices
        self.noticeYears = noticeYears
    }

    /// This definition merged onto its parent: the child's week, offset and notice years replace the
    /// parent's when given; the child's office hours replace the parent's whole, except that hours
    /// with no usual session keep the parent's usual sessions and take only the child's seasons and
    /// weekday overrides; holiday rules are the parent's with the child's rules replacing same-id
    /// ones and the others appended; notices are the parent's then the child's. The result has no
    /// `extends`.
    public func merged(onto parent: CalendarDefinition) -> CalendarDefinition {
        var result = parent
        result.id = id
        result.name = name
        result.englishName = englishName
        result.extends = nil
        result.version = version ?? parent.version
        result.effective = effective ?? parent.effective
        result.utcOffset = utcOffset ?? parent.utcOffset
        result.week = week ?? parent.week
        if let hours {
            if hours.sessions.isEmpty, let inherited = parent.hours {
                result.hours = OfficeHours(sessions: inherited.sessions, seasons: hours.seasons, weekdays: hours.weekdays)
            } else {
                result.hours = hours
            }
        }
        for rule in holidays {
            if let i = result.holidays.firstIndex(where: { $0.id == rule.id }) {
                result.holidays[i] = rule
            } else {
                result.holidays.append(rule)
            }
        }
        result.makeUp = makeUp ?? parent.makeUp
        result.notices = parent.notices + notices
        result.noticeYears = noticeYears ?? parent.noticeYears
        return result
    }

    /// Resolves the `extends` chain against a set of definitions by id, merging each child onto its
    /// parent. Throws for an unknown parent or a cycle.
    public func resolved(in definitions: [String: CalendarDefinition]) throws(CalendarError) -> CalendarDefinition {
        var chain = [self]
        var seen: Set<String> = [id]
        var current = self
        while let parentID = current.extends {
            guard let parent = definitions[parentID] else { throw .unknownCalendar(parentID, known: definitions.keys.sorted()) }
            guard seen.insert(parentID).inserted else { throw .cyclicExtends(chain.map(\.id) + [parentID]) }
            chain.append(parent)
            current = parent
        }
        var result = chain.removeLast()
        while let child = chain.popLast() {
            result = child.merged(onto: result)
        }
        result.extends = nil
        return result
    }
}

extension CalendarDefinition {
    /// Encodes the definition with the week as a sorted list, so that the same definition always
    /// gives the same bytes (compiled catalogues are hashed).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(englishName, forKey: .englishName)
        try container.encodeIfPresent(extends, forKey: .extends)
        try container.encodeIfPresent(version, forKey: .version)
        try container.encodeIfPresent(effective, forKey: .effective)
        try container.encodeIfPresent(utcOffset, forKey: .utcOffset)
        try container.encodeIfPresent(week?.sorted(), forKey: .week)
        try container.encodeIfPresent(hours, forKey: .hours)
        try container.encode(holidays, forKey: .holidays)
        try container.encodeIfPresent(makeUp, forKey: .makeUp)
        try container.encode(notices, forKey: .notices)
        try container.encodeIfPresent(noticeYears, forKey: .noticeYears)
    }
}
