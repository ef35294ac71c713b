/// A decision for one year by the Government (a notice, thông báo, or official letter, công văn):
/// which days the chosen holidays fall on, extra weekdays off and rest days worked in exchange.
public struct YearNotice: Sendable, Hashable, Codable {
    /// The year the days belong to.
    public var year: Int
    /// The deciding document, e.g. "Công văn 12729/VPCP-KGVX ngày 25/12/2025".
    public var document: String
    /// Where the text or a report of it can be read.
    public var source: String?
    /// Whether the document itself was checked (false: known from secondary sources).
    public var verified: Bool
    /// Weekdays off decided by the document.
    public var daysOff: [NoticeDay]
    /// Weekly rest days worked, decided by the document.
    public var workdays: [NoticeDay]

    /// Creates a notice.
    public init(year: Int, document: String, source: String? = nil, verified: Bool, daysOff: [NoticeDay] = [], workdays: [NoticeDay] = []) {
        self.year = year
        self.document = document
        self.source = source
        self.verified = verified
        self.daysOff = daysOff
        self.workdays = workdays
    }
}

/// One day in a yearly notice.
public struct NoticeDay: Sendable, Hashable, Codable {
    /// The date.
    public var date: CivilDate
    /// The holiday rule whose days the notice chooses (`tet`, `quoc-khanh-lien-ke`), if any; the
    /// notice then replaces that rule's projection (or its make-up day) for the year.
    public var holiday: String?
    /// A name for the day when it is not a holiday's, e.g. "Nghỉ hoán đổi dịp 30/4".
    public var name: String?
    /// The English name, when given.
    public var englishName: String?
    /// The day it is swapped with (a day off for a worked Saturday, or the reverse).
    public var swappedWith: CivilDate?

    /// Creates a notice day.
    public init(date: CivilDate, holiday: String? = nil, name: String? = nil, englishName: String? = nil, swappedWith: CivilDate? = nil) {
        self.date = date
        self.holiday = holiday
        self.name = name
        self.englishName = englishName
        self.swappedWith = swappedWith
    }
}
