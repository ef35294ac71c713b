import Testing
import TTHCCalendar
import TTHCEngine
import TTHCModel

/// Whole-lifecycle scenarios on the national calendar of 2026.
@Suite struct DossierLifecycleTests {
    let l: Lifecycle
    init() throws { l = try Lifecycle.make() }

    /// Received on Friday 13/02/2026, the last working day before Tết (16–20/02 off): the five
    /// working days run 23–27/02.
    @Test func receivedTheFridayBeforeTet() throws {
        var d = try l.received(at: "2026-02-13T09:00")
        #expect(d.phase == .processing)
        #expect(d.currentStep == "intake")
        #expect(vnISO(d.statutoryDue) == "2026-02-27T17:00:00+07:00")
        #expect(vnISO(d.currentVisit?.due) == "2026-02-13T15:00:00+07:00", "intake: 4 working hours from 09:00, lunch skipped")
        #expect(d.receipt?.version == ExprDate(year: 2025, month: 7, day: 1))
        #expect(d.receipt?.fee == 50_000)
        #expect(d.receipt?.calendar == "vn")

        let s0 = try d.status(at: vnTime("2026-02-13T16:00"), in: l.context)
        #expect(s0.timeliness == .onTrack)
        #expect(vnISO(s0.statutoryDue) == "2026-02-27T17:00:00+07:00")

        try d.handle(.approve(step: "intake"), at: vnTime("2026-02-13T10:00"), by: deskClerk, in: l.context)
        #expect(d.currentStep == "review")
        #expect(vnISO(d.currentVisit?.due) == "2026-02-24T17:00:00+07:00", "review: 2 working days after Friday, Tết skipped")

        // Over Tết nothing moves; on the working day before the due it is due soon.
        let s1 = try d.status(at: vnTime("2026-02-26T09:00"), in: l.context)
        #expect(s1.timeliness == .dueSoon)
        #expect(s1.steps.last?.timeliness == .overdue, "review was due on 24/02")

        try d.handle(.approve(step: "review"), at: vnTime("2026-02-24T10:00"), by: reviewOfficer, in: l.context)
        #expect(d.currentStep == "sign")
        #expect(vnISO(d.currentVisit?.due) == "2026-02-25T17:00:00+07:00")
        try d.handle(.approve(step: "sign"), at: vnTime("2026-02-25T09:00"), by: signingChairman, in: l.context)
        #expect(d.phase == .resultReady)
        #expect(d.currentStep == "handover", "the result waits at the desk's return step")
        #expect(d.resultAt == vnTime("2026-02-25T09:00"))

        try d.handle(.recordPayment(amount: 50_000, reference: "BL-0001"), at: vnTime("2026-02-26T08:00"), by: deskClerk, in: l.context)
        try d.handle(.handOver, at: vnTime("2026-02-26T08:05"), by: deskClerk, in: l.context)
        #expect(d.phase == .handedOver)
        #expect(d.currentStep == nil)
        let done = try d.status(at: vnTime("2026-03-02T09:00"), in: l.context)
        #expect(done.punctuality == .early)
        #expect(done.timeliness == nil)
        #expect(done.steps.map(\.visit.step) == ["intake", "review", "sign", "handover"])
        #expect(done.steps.map(\.late) == [false, false, false, nil])
        #expect(d.version == 6)
    }

    /// Sector law restarts the clock: the full three working days again from the complete supplement.
    @Test func supplementRestartsTheClock() throws {
        var d = try l.received(procedure: "giay-phep-3-ngay-tinh-lai", at: "2026-03-09T09:00")
        #expect(vnISO(d.statutoryDue) == "2026-03-12T17:00:00+07:00")
        try d.handle(.approve(step: "intake"), at: vnTime("2026-03-09T09:30"), by: deskClerk, in: l.context)
        try d.handle(.requestSupplement(papers: ["site_plan"], reason: "Bản vẽ không đúng hiện trạng"), at: vnTime("2026-03-10T10:00"), by: reviewOfficer, in: l.context)
        #expect(d.phase == .awaitingSupplement)
        #expect(d.supplementRequests == 1)

        // While waiting, the clock stands still; restarting now would give three days from today.
        let waiting = try d.status(at: vnTime("2026-03-13T09:00"), in: l.context)
        #expect(waiting.clockStopped)
        #expect(vnISO(waiting.statutoryDue) == "2026-03-18T17:00:00+07:00")
        #expect(waiting.timeliness == .onTrack)

        try d.handle(.receiveSupplement(papers: [SubmittedPaper(id: "site_plan")]), at: vnTime("2026-03-16T14:00"), by: deskClerk, in: l.context)
        #expect(d.phase == .processing)
        #expect(d.currentStep == "review")
        #expect(vnISO(d.statutoryDue) == "2026-03-19T17:00:00+07:00")
        #expect(vnISO(d.appointment) == "2026-03-19T17:00:00+07:00")
        #expect(vnISO(d.currentVisit?.due) == "2026-03-18T17:00:00+07:00", "the step restarts too")
        #expect(d.stoppedWorkingSeconds == 0)
        #expect(d.papers.count == 4)
    }

    /// The default (Decree 61/2018 art. 20 as amended, Decree 118/2025): time already used counts;
    /// the remaining time is carried from the supplement's receipt.
    @Test func supplementResumesTheClock() throws {
        var d = try l.received(procedure: "giay-phep-3-ngay", at: "2026-03-09T09:00")
        try d.handle(.approve(step: "intake"), at: vnTime("2026-03-09T09:30"), by: deskClerk, in: l.context)
        #expect(vnISO(d.currentVisit?.due) == "2026-03-11T17:00:00+07:00")
        try d.handle(.requestSupplement(papers: ["site_plan"], reason: "Bổ sung bản vẽ"), at: vnTime("2026-03-10T10:00"), by: reviewOfficer, in: l.context)
        try d.handle(.receiveSupplement(papers: [SubmittedPaper(id: "site_plan")]), at: vnTime("2026-03-16T10:00"), by: deskClerk, in: l.context)
        #expect(d.stoppedWorkingSeconds == 4 * 27_000, "Tue 10:00 → Mon 10:00: four working days of 7.5 h")
        #expect(vnISO(d.statutoryDue) == "2026-03-18T17:00:00+07:00")
        #expect(vnISO(d.currentVisit?.due) == "2026-03-17T17:00:00+07:00")
        let s = try d.status(at: vnTime("2026-03-16T11:00"), in: l.context)
        #expect(s.timeliness == .onTrack)
        #expect(s.workingSecondsLeft == 4 * 3600 + 2 * 27_000, "Mon 11:00–11:30 and 13:30–17:00, then Tue and Wed")
    }

    /// A pause (waiting for the applicant's financial obligation) across 30/4–1/5/2026: the days
    /// off inside the pause cost nothing, and the working time stopped moves the due.
    @Test func pauseAcrossTheMayHolidays() throws {
        var d = try l.received(at: "2026-04-23T09:00")
        #expect(vnISO(d.statutoryDue) == "2026-05-05T17:00:00+07:00", "27/4 (Hùng Kings made up), 30/4 and 1/5 are off")
        try d.handle(.approve(step: "intake"), at: vnTime("2026-04-23T10:00"), by: deskClerk, in: l.context)
        try d.handle(.pause(reason: "Chờ người nộp thực hiện nghĩa vụ tài chính"), at: vnTime("2026-04-29T10:00"), by: reviewOfficer, in: l.context)
        #expect(d.phase == .paused)
        #expect(d.state == .paused(step: "review", since: vnTime("2026-04-29T10:00"), reason: "Chờ người nộp thực hiện nghĩa vụ tài chính"))

        let paused = try d.status(at: vnTime("2026-05-04T12:00"), in: l.context)
        #expect(paused.clockStopped)
        #expect(vnISO(paused.statutoryDue) == "2026-05-07T17:00:00+07:00", "projected: nine working hours stopped so far")

        try d.handle(.resume, at: vnTime("2026-05-05T10:00"), by: deskClerk, in: l.context)
        #expect(d.phase == .processing)
        #expect(d.stoppedWorkingSeconds == 2 * 27_000, "29/4 10:00–17:00, 4/5, 5/5 until 10:00: two working days")
        #expect(vnISO(d.statutoryDue) == "2026-05-07T17:00:00+07:00")
        // Review was due 28/4 17:00 (27/4 off) and was 2.5 working hours late at the pause; it still is.
        #expect(vnISO(d.currentVisit?.due) == "2026-05-04T17:00:00+07:00")
        let resumed = try d.status(at: vnTime("2026-05-05T10:00"), in: l.context)
        #expect(resumed.steps.last?.timeliness == .overdue)
        #expect(resumed.timeliness == .onTrack)
    }

    /// An extension with an apology: a new appointment, but the dossier is late against the
    /// statutory due all the same.
    @Test func extensionStillCountsAsLate() throws {
        var d = try l.received(procedure: "giay-phep-3-ngay", at: "2026-03-09T09:00")
        try d.handle(.approve(step: "intake"), at: vnTime("2026-03-09T09:30"), by: deskClerk, in: l.context)
        try d.handle(.extend(appointment: vnTime("2026-03-17T17:00"), reason: "Xin lỗi ông/bà: cần xác minh thêm với cơ quan thuế"),
                     at: vnTime("2026-03-11T16:00"), by: reviewOfficer, in: l.context)
        #expect(vnISO(d.appointment) == "2026-03-17T17:00:00+07:00")
        #expect(vnISO(d.statutoryDue) == "2026-03-12T17:00:00+07:00", "an extension does not move the statutory due")
        #expect(d.extensions.count == 1)

        let s = try d.status(at: vnTime("2026-03-13T09:00"), in: l.context)
        #expect(s.timeliness == .overdue)
        #expect(vnISO(s.appointment) == "2026-03-17T17:00:00+07:00")

        try d.handle(.approve(step: "review"), at: vnTime("2026-03-16T09:00"), by: reviewOfficer, in: l.context)
        try d.handle(.approve(step: "sign"), at: vnTime("2026-03-16T15:00"), by: signingChairman, in: l.context)
        let done = try d.status(at: vnTime("2026-03-16T16:00"), in: l.context)
        #expect(done.punctuality == .late, "ready before the new appointment, still late against 12/03")
    }

    /// Withdrawn at the applicant's request: final.
    @Test func withdrawal() throws {
        var d = try l.received(at: "2026-03-09T09:00")
        try d.handle(.approve(step: "intake"), at: vnTime("2026-03-09T10:00"), by: deskClerk, in: l.context)
        try d.handle(.withdraw(reason: "Người nộp không còn nhu cầu"), at: vnTime("2026-03-10T08:00"), by: deskClerk, in: l.context)
        #expect(d.phase == .withdrawn)
        #expect(d.steps.last?.outcome == .closed)
        let s = try d.status(at: vnTime("2026-03-20T08:00"), in: l.context)
        #expect(s.timeliness == nil && s.punctuality == nil)
        let error = dossierRefusal(d, .approve(step: "review"), at: "2026-03-10T09:00", by: reviewOfficer, in: l.context)
        #expect(error?.code == "dossier-finished")
    }

    /// Refused with reasons: final, and classified like a result.
    @Test func refusalWithReasons() throws {
        var d = try l.received(at: "2026-03-09T09:00")
        try d.handle(.approve(step: "intake"), at: vnTime("2026-03-09T10:00"), by: deskClerk, in: l.context)
        try d.handle(.refuse(reasons: ["Khu đất nằm trong quy hoạch giao thông (Luật Xây dựng, Điều 89)"]), at: vnTime("2026-03-11T10:00"), by: reviewOfficer, in: l.context)
        #expect(d.phase == .refused)
        #expect(d.state == .refused(at: vnTime("2026-03-11T10:00")))
        let s = try d.status(at: vnTime("2026-03-12T08:00"), in: l.context)
        #expect(s.punctuality == .early)
        #expect(dossierRefusal(d, .handOver, at: "2026-03-12T08:00", by: deskClerk, in: l.context)?.code == "dossier-finished")
    }

    /// Liên thông along the workflow: the inspection is done by the land registry office; the
    /// dossier moves there and back, with a transferred event each way.
    @Test func transferAlongTheWorkflow() throws {
        var d = try l.received(at: "2026-03-09T09:00", inspection: true)
        try d.handle(.approve(step: "intake"), at: vnTime("2026-03-09T10:00"), by: deskClerk, in: l.context)
        let events = try d.handle(.approve(step: "review"), at: vnTime("2026-03-10T10:00"), by: reviewOfficer, in: l.context)
        #expect(events.map(\.kind.name) == ["step_completed", "transferred"])
        #expect(d.currentStep == "inspection")
        #expect(d.agency == "van-phong-dang-ky-dat-dai")
        #expect(dossierRefusal(d, .approve(step: "inspection"), at: "2026-03-10T11:00", by: strayRegistryOfficer, in: l.context)?.code == "dossier-wrong-agency")
        try d.handle(.approve(step: "inspection"), at: vnTime("2026-03-11T10:00"), by: registryOfficer, in: l.context)
        #expect(d.currentStep == "sign")
        #expect(d.agency == "ubnd-xa")

        // A transfer by decision, and back.
        try d.handle(.transfer(to: "co-quan-thue", reason: "Lấy ý kiến về nghĩa vụ tài chính"), at: vnTime("2026-03-11T11:00"), by: signingChairman, in: l.context)
        #expect(d.agency == "co-quan-thue")
        #expect(dossierRefusal(d, .approve(step: "sign"), at: "2026-03-11T12:00", by: signingChairman, in: l.context)?.code == "dossier-wrong-agency")
    }

    /// Rework: the chairman sends back to review, review back to intake; only listed targets.
    @Test func sendBackForRework() throws {
        var d = try l.received(at: "2026-03-09T09:00")
        try d.handle(.approve(step: "intake"), at: vnTime("2026-03-09T10:00"), by: deskClerk, in: l.context)
        try d.handle(.approve(step: "review"), at: vnTime("2026-03-10T10:00"), by: reviewOfficer, in: l.context)
        let wrong = dossierRefusal(d, .sendBack(step: "sign", to: "intake", reason: "x"), at: "2026-03-10T11:00", by: signingChairman, in: l.context)
        #expect(wrong?.code == "dossier-not-a-rework-target")
        #expect(wrong?.vietnamese.contains("chỉ được trả lại bước 'review'") == true)
        try d.handle(.sendBack(step: "sign", to: "review", reason: "Thiếu ý kiến thẩm định về chỉ giới"), at: vnTime("2026-03-10T14:00"), by: signingChairman, in: l.context)
        #expect(d.currentStep == "review")
        #expect(vnISO(d.currentVisit?.due) == "2026-03-12T17:00:00+07:00", "a fresh budget from the send-back")
        try d.handle(.sendBack(step: "review", to: "intake", reason: "Hồ sơ thiếu chữ ký"), at: vnTime("2026-03-11T08:00"), by: reviewOfficer, in: l.context)
        #expect(d.steps.map(\.step) == ["intake", "review", "sign", "review", "intake"])
        #expect(d.steps.dropLast().map(\.outcome) == [.approved, .approved, .sentBack, .sentBack])
        #expect(vnISO(d.statutoryDue) == "2026-03-16T17:00:00+07:00", "rework does not move the statutory due")
    }

    /// Hour-based: compared by instant; no return step, so the result is ready at the officer's approval.
    @Test func hourBasedClassification() throws {
        var d = Dossier(id: "XN-1")
        let input = DossierInput(facts: [:], channel: .inPerson, papers: [SubmittedPaper(id: "application")], received: vnTime("2026-03-10T15:00"))
        try d.handle(.receive(procedure: "xac-nhan-4-gio", input: input), at: vnTime("2026-03-10T15:00"), by: deskClerk, in: l.context)
        #expect(vnISO(d.statutoryDue) == "2026-03-11T09:30:00+07:00", "2 h on Tuesday, 2 h on Wednesday morning")
        try d.handle(.approve(step: "intake"), at: vnTime("2026-03-10T15:10"), by: deskClerk, in: l.context)
        let soon = try d.status(at: vnTime("2026-03-10T16:00"), in: l.context)
        #expect(soon.timeliness == .dueSoon)
        #expect(try d.status(at: vnTime("2026-03-11T09:31"), in: l.context).timeliness == .overdue, "by instant, not by date")

        var late = d
        try late.handle(.approve(step: "confirm"), at: vnTime("2026-03-11T09:45"), by: reviewOfficer, in: l.context)
        #expect(late.phase == .resultReady)
        #expect(late.currentStep == nil)
        #expect(try late.status(at: vnTime("2026-03-11T10:00"), in: l.context).punctuality == .late)

        var onTime = d
        try onTime.handle(.markResultReady, at: vnTime("2026-03-11T08:00"), by: reviewOfficer, in: l.context)
        #expect(try onTime.status(at: vnTime("2026-03-11T10:00"), in: l.context).punctuality == .onTime)

        var early = d
        try early.handle(.approve(step: "confirm"), at: vnTime("2026-03-10T16:30"), by: reviewOfficer, in: l.context)
        #expect(try early.status(at: vnTime("2026-03-11T10:00"), in: l.context).punctuality == .early)
        try early.handOver(by: deskClerk, at: "2026-03-11T10:00", in: l.context)
        #expect(early.phase == .handedOver)
    }

    /// Day-based statistics compare dates: a result after closing on the due date is on time.
    @Test func dayBasedClassificationComparesDates() {
        let due = vnTime("2026-03-12T17:00")
        #expect(DossierClock.punctuality(result: vnTime("2026-03-12T18:30"), due: due, dayBased: true, offset: .vietnam) == .onTime)
        #expect(DossierClock.punctuality(result: vnTime("2026-03-11T18:30"), due: due, dayBased: true, offset: .vietnam) == .early)
        #expect(DossierClock.punctuality(result: vnTime("2026-03-13T07:30"), due: due, dayBased: true, offset: .vietnam) == .late)
        #expect(DossierClock.punctuality(result: vnTime("2026-03-12T17:01"), due: due, dayBased: false, offset: .vietnam) == .late)
        #expect(vnISO(DossierClock.overdueFrom(due: due, dayBased: true, offset: .vietnam)) == "2026-03-13T00:00:00+07:00")
    }
}

extension Dossier {
    /// Hands over (fee-free procedures).
    mutating func handOver(by actor: DossierActor, at instant: String, in context: DossierContext) throws {
        try handle(.handOver, at: vnTime(instant), by: actor, in: context)
    }
}
