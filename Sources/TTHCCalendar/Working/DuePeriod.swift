/// A statutory time to compute a due date for.
public enum DuePeriod: Sendable, Hashable, CustomStringConvertible {
    /// N working days: the receipt day is not counted (Civil Code 2015, art. 147); the period ends
    /// at the office's closing time of the N-th working day after the effective receipt day.
    /// 0 means the effective receipt day itself.
    case workingDays(Int)
    /// N working minutes, counted from the receipt instant inside office sessions only.
    case workingMinutes(Int)
    /// N calendar days: the receipt day is not counted; a last day that is off moves to the next
    /// working day (Civil Code 2015, art. 148); due at that day's closing time.
    case calendarDays(Int)
    /// The same day when received on a working day at or before the cut-off; otherwise the next
    /// working day (Decree 23/2015, art. 7: "sau 15 giờ"). Due at closing time.
    case sameDay(cutoff: TimeOfDay)

    /// N working hours.
    public static func workingHours(_ hours: Int) -> DuePeriod { .workingMinutes(hours * 60) }

    /// The count (days or minutes), 0 for same-day.
    public var count: Int {
        switch self {
        case let .workingDays(n), let .workingMinutes(n), let .calendarDays(n): n
        case .sameDay: 0
        }
    }

    /// `3 working days`, `120 working minutes`, `10 days`, `same day (cut-off 15:00)`.
    public var description: String {
        switch self {
        case let .workingDays(n): "\(n) working days"
        case let .workingMinutes(n): "\(n) working minutes"
        case let .calendarDays(n): "\(n) days"
        case let .sameDay(cutoff): "same day (cut-off \(cutoff))"
        }
    }
}

/// A computed due date.
public struct DueDate: Sendable, Hashable, CustomStringConvertible {
    /// The due instant.
    public var instant: Instant
    /// The calendar's offset, for the local date and time.
    public var utcOffset: UTCOffset
    /// Whether a year between the receipt and the due date has no known notice, so that the date
    /// rests on the projection rule ("dự kiến").
    public var projected: Bool

    /// Creates a due date.
    @inlinable
    public init(instant: Instant, utcOffset: UTCOffset, projected: Bool) {
        self.instant = instant
        self.utcOffset = utcOffset
        self.projected = projected
    }

    /// The local date and time.
    public var local: LocalDateTime { instant.local(at: utcOffset) }
    /// The local date.
    public var date: CivilDate { local.date }
    /// ISO 8601 with the offset, e.g. `2026-02-23T17:00:00+07:00`.
    public var iso8601: String { instant.iso8601(offset: utcOffset) }
    /// ISO 8601 with the offset.
    public var description: String { iso8601 }
}

/// How the receipt was moved before counting.
public enum ReceiptAdjustment: Sendable, Hashable {
    /// Received on a day off: counted from the next working day.
    case nonWorkingDay(DayReason)
    /// Received at or after the office's closing time: counted from the next working day.
    case afterClosing(TimeOfDay)
    /// Received after the procedure's cut-off (e.g. 15:00): counted from the next working day.
    case afterCutoff(TimeOfDay)
    /// Received outside the office sessions of a working day (hour counting starts at the next
    /// opening).
    case outsideSessions

    /// A sentence in `language`.
    public func text(_ language: CalendarLanguage) -> String {
        let vi = language == .vi
        switch self {
        case let .nonWorkingDay(reason):
            return vi ? "Nhận vào ngày nghỉ (\(reason.text(.vi))): tính từ ngày làm việc tiếp theo"
                : "Received on a day off (\(reason.text(.en))): counted from the next working day"
        case let .afterClosing(closing):
            return vi ? "Nhận sau giờ làm việc (\(closing)): tính từ ngày làm việc tiếp theo"
                : "Received after office hours (\(closing)): counted from the next working day"
        case let .afterCutoff(cutoff):
            return vi ? "Nhận sau \(cutoff): tính từ ngày làm việc tiếp theo"
                : "Received after \(cutoff): counted from the next working day"
        case .outsideSessions:
            return vi ? "Nhận ngoài giờ làm việc: tính từ đầu buổi làm việc kế tiếp"
                : "Received outside office hours: counted from the next opening"
        }
    }
}

/// A due date with the reasoning behind it, for `tthc due --explain`.
public struct DueExplanation: Sendable, Hashable {
    /// The result.
    public var due: DueDate
    /// The period computed.
    public var period: DuePeriod
    /// The receipt as given.
    public var receipt: Instant
    /// How the receipt was moved, if it was.
    public var adjustment: ReceiptAdjustment?
    /// When counting starts: for day periods, the end of the effective receipt day (not counted);
    /// for hour periods, the first working moment.
    public var countingFrom: Instant
    /// The effective receipt day (day periods) or the day counting starts (hour periods).
    public var countingDay: CivilDate
    /// The days off passed over between the receipt and the due date, with their reasons. For
    /// calendar days, only the days the end was moved over (and a receipt day that was off).
    public var skipped: [DayStatus]
    /// The years involved whose notices are not known (the answer is projected for them).
    public var projectedYears: [Int]
}
