public import TTHCCalendar
public import TTHCModel

/// Where an open dossier stands against its statutory due.
public enum Timeliness: String, Sendable, Hashable, Codable, CaseIterable {
    /// Trong hạn: the due is further than the due-soon threshold.
    case onTrack = "on_track"
    /// Sắp đến hạn: the due falls within the threshold (default: by the end of the next working day).
    case dueSoon = "due_soon"
    /// Quá hạn: past the due (by date for day-based times, by instant for hour-based ones).
    case overdue

    /// The Vietnamese term.
    public var vietnamese: String {
        switch self {
        case .onTrack: "trong hạn"
        case .dueSoon: "sắp đến hạn"
        case .overdue: "quá hạn"
        }
    }
}

/// How a finished dossier's result compares with its statutory due (the original appointment:
/// extensions do not change it).
public enum Punctuality: String, Sendable, Hashable, Codable, CaseIterable {
    /// Trước hạn.
    case early
    /// Đúng hạn.
    case onTime = "on_time"
    /// Quá hạn (trễ hạn).
    case late

    /// The Vietnamese term.
    public var vietnamese: String {
        switch self {
        case .early: "trước hạn"
        case .onTime: "đúng hạn"
        case .late: "quá hạn"
        }
    }
}

/// The counting rules for statuses and statistics (DEADLINES.md, "Statistics").
public enum DossierClock {
    /// Early, on time or late. Day-based times compare dates: early before the due date, on time on
    /// it, late after it. Hour-based times compare instants: late after the due instant; otherwise
    /// early on an earlier date and on time on the due date.
    public static func punctuality(result: Instant, due: Instant, dayBased: Bool, offset: UTCOffset) -> Punctuality {
        let resultDate = result.local(at: offset).date
        let dueDate = due.local(at: offset).date
        if !dayBased, result > due { return .late }
        if resultDate < dueDate { return .early }
        if resultDate == dueDate { return .onTime }
        return .late
    }

    /// The first instant at which a dossier due at `due` is overdue: the next local midnight for
    /// day-based times (the period ends at the end of its last day, Civil Code art. 148), one
    /// second after the due instant for hour-based times.
    public static func overdueFrom(due: Instant, dayBased: Bool, offset: UTCOffset) -> Instant {
        guard dayBased else { return due.adding(seconds: 1) }
        let next = due.local(at: offset).date.adding(days: 1)
        return Instant(LocalDateTime(date: next, secondOfDay: 0), offset: offset)
    }

    /// The due as shown: for day-based times, the closing time of the due's day (a clock carried
    /// over a pause may land inside a day; the period still ends with the day).
    public static func presented(_ due: Instant, dayBased: Bool, calendar: WorkingCalendar) -> Instant {
        guard dayBased else { return due }
        let date = due.local(at: calendar.utcOffset).date
        guard let closing = (try? calendar.sessions(on: date))?.last?.end, closing.seconds >= due.local(at: calendar.utcOffset).secondOfDay else { return due }
        return Instant(LocalDateTime(date: date, time: closing), offset: calendar.utcOffset)
    }

    /// Timeliness of a due at `instant`; `limit` is the due-soon horizon.
    public static func timeliness(due: Instant, at instant: Instant, dayBased: Bool, limit: Instant, offset: UTCOffset) -> Timeliness {
        if instant >= overdueFrom(due: due, dayBased: dayBased, offset: offset) { return .overdue }
        return due <= limit ? .dueSoon : .onTrack
    }
}

/// A step visit with its standing. Step budgets compare by instant.
public struct StepProgress: Sendable, Hashable {
    /// The visit (its `due` projected to now while the clock stands still).
    public var visit: StepVisit
    /// The step's name, when the version has the step.
    public var name: String?
    /// The role that does it.
    public var role: String?
    /// For the open step with a budget: on track, due soon or overdue.
    public var timeliness: Timeliness?
    /// For a closed step with a budget: whether it ended after its due.
    public var late: Bool?
}

/// A dossier at an instant: its state, current step, dues and standing.
public struct DossierStatus: Sendable, Hashable {
    /// The dossier.
    public var id: DossierID
    /// Its version.
    public var version: Int
    /// The instant asked about.
    public var instant: Instant
    /// The phase.
    public var phase: DossierPhase
    /// The current step (the desk's return step while the result waits there).
    public var step: String?
    /// The statutory due as shown (closing time of the day for day-based times); while the clock
    /// stands still, the due it would have if it started again at `instant`.
    public var statutoryDue: Instant?
    /// The appointment told to the applicant (moved by extensions).
    public var appointment: Instant?
    /// Whether the clock stands still (paused, waiting for a supplement).
    public var clockStopped: Bool
    /// Working seconds left until the statutory due (negative when overdue).
    public var workingSecondsLeft: Int?
    /// For a dossier still being processed (also paused or waiting): on track, due soon or overdue.
    public var timeliness: Timeliness?
    /// For a dossier with a result (ready, handed over, refused with reasons): early, on time or late
    /// against the statutory due.
    public var punctuality: Punctuality?
    /// Every step visited, with its due.
    public var steps: [StepProgress]
    /// Extensions granted (the dossier still counts as late against the statutory due).
    public var extensions: [AppointmentExtension]
}

extension Dossier {
    /// The dossier at `instant`, on its procedure's calendar from `context`.
    public func status(at instant: Instant, in context: DossierContext, dueSoonWithin threshold: Duration = .workingDays(1)) throws(DossierError) -> DossierStatus {
        guard let receipt else { return try status(at: instant, calendar: nil, version: nil, dueSoonWithin: threshold) }
        let version = try? context.version(of: receipt).1
        return try status(at: instant, calendar: try context.calendar(receipt.calendar), version: version, dueSoonWithin: threshold)
    }

    /// The dossier at `instant`, counted on `calendar` (the procedure's calendar); `version` names
    /// the steps. `threshold` sets "due soon": a due at or before `calendar.due(from: instant,
    /// threshold)`, by default the end of the next working day.
    public func status(at instant: Instant, calendar: WorkingCalendar?, version: ProcedureVersion? = nil,
                       dueSoonWithin threshold: Duration = .workingDays(1)) throws(DossierError) -> DossierStatus {
        guard let phase else { throw .notReceived(id) }
        var status = DossierStatus(id: id, version: self.version, instant: instant, phase: phase, step: currentStep, statutoryDue: nil,
                                   appointment: appointment, clockStopped: phase.clockStopped, workingSecondsLeft: nil, timeliness: nil,
                                   punctuality: nil, steps: [], extensions: extensions)
        guard let receipt, let calendar else { return status }
        // nil when the law sets the procedure no time: the steps still have their budgets.
        let raw = statutoryDue
        let offset = calendar.utcOffset
        let dayBased = receipt.isDayBased
        do {
            // While the clock stands still, project the dues as if it started again now.
            var projectedRaw = raw
            var shift = 0
            var appointmentNow = appointment
            if let since = state.stoppedSince, instant > since {
                if phase == .awaitingSupplement, receipt.onSupplement == .restart, let period = receipt.duration.period {
                    projectedRaw = try calendar.due(from: instant, period, cutoff: receipt.cutoff).instant
                    appointmentNow = projectedRaw
                } else {
                    shift = max(0, try calendar.workingSeconds(from: since, to: instant))
                    projectedRaw = try raw.map { d throws(CalendarError) in try calendar.shifting(d, byWorkingSeconds: shift) }
                    appointmentNow = try appointment.map { a throws(CalendarError) in try calendar.shifting(a, byWorkingSeconds: shift) }
                }
            }
            let due = projectedRaw.map { DossierClock.presented($0, dayBased: dayBased, calendar: calendar) }
            status.statutoryDue = due
            status.appointment = appointmentNow
            let limit = try threshold.period.map { p throws(CalendarError) in try calendar.due(from: instant, p).instant } ?? instant
            if let resultAt {
                status.punctuality = raw.map { DossierClock.punctuality(result: resultAt, due: $0, dayBased: dayBased, offset: offset) }
            } else if !phase.isFinal, let due {
                status.workingSecondsLeft = try calendar.workingSeconds(from: instant, to: due)
                status.timeliness = DossierClock.timeliness(due: due, at: instant, dayBased: dayBased, limit: limit, offset: offset)
            }
            let names = Dictionary(version?.steps.map { ($0.id, $0) } ?? [], uniquingKeysWith: { a, _ in a })
            status.steps = try steps.map { visit throws(CalendarError) in
                var progress = StepProgress(visit: visit, name: names[visit.step]?.name, role: names[visit.step]?.role)
                guard let stepDue = visit.due else { return progress }
                if let ended = visit.ended {
                    progress.late = ended > stepDue
                } else if !phase.isFinal {
                    let projected = try calendar.shifting(stepDue, byWorkingSeconds: shift)
                    progress.visit.due = projected
                    progress.timeliness = DossierClock.timeliness(due: projected, at: instant, dayBased: false, limit: limit, offset: offset)
                }
                return progress
            }
        } catch {
            throw .calendar(error)
        }
        return status
    }
}
