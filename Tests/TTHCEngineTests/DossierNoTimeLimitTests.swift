import Testing
import TTHCCalendar
import TTHCEngine
import TTHCModel

/// A procedure whose law sets no time (`deadline: {none: true}`): the dossier is received and
/// processed as any other, its steps keep their budgets, but it has no statutory due, no
/// appointment, is never overdue and cannot be extended.
@Suite("Dossiers without a statutory time")
struct DossierNoTimeLimitTests {
    static let catalog = Result { try compileLifecycleCatalog(["open": permitYAML(id: "giay-phep-khong-thoi-han", deadline: "  none: true")]) }

    func context() throws -> DossierContext {
        DossierContext(catalog: try Self.catalog.get(), calendars: ["vn": try WorkingCalendar(CalendarDefinition.vietnam)])
    }

    @Test("The assessment is complete with no due date")
    func assessment() throws {
        let context = try context()
        let procedure = try #require(context.catalog.procedure("giay-phep-khong-thoi-han"))
        let assessment = try context.assessor.assess(procedure, permitInput(at: "2026-03-09T08:00")).get()
        #expect(assessment.complete)
        #expect(assessment.duration == .noTimeLimit)
        #expect(assessment.due == nil)
    }

    @Test("Received with no appointment; steps keep their dues; never overdue; no extension")
    func lifecycle() throws {
        let context = try context()
        var dossier = Dossier(id: "HS-KTH")
        try dossier.handle(.receive(procedure: "giay-phep-khong-thoi-han", input: permitInput(at: "2026-03-09T08:00")), at: vnTime("2026-03-09T08:00"), by: deskClerk, in: context)
        #expect(dossier.statutoryDue == nil)
        #expect(dossier.appointment == nil)
        #expect(vnISO(dossier.currentVisit?.due) == "2026-03-09T14:00:00+07:00")
        try dossier.handle(.approve(step: "intake"), at: vnTime("2026-03-09T09:00"), by: deskClerk, in: context)

        // A year later it is still not overdue, while the review step's own budget has run out.
        let status = try dossier.status(at: vnTime("2027-03-09T09:00"), in: context)
        #expect(status.statutoryDue == nil)
        #expect(status.timeliness == nil)
        #expect(status.step == "review")
        #expect(status.steps.last?.timeliness == .overdue)
        let summary = try DossierSummary(dossier, in: context)
        #expect(summary.statutoryDue == nil && summary.overdueFrom == nil)

        let refusal = dossierRefusal(dossier, .extend(appointment: vnTime("2026-04-01T17:00"), reason: "Xin lỗi"), at: "2026-03-10T09:00", by: reviewOfficer, in: context)
        #expect(refusal?.code == "dossier-no-appointment")

        // A supplement stops and resumes a clock that has no statutory end: the step due moves, nothing else appears.
        try dossier.handle(.requestSupplement(papers: ["site_plan"], reason: "Bản vẽ mờ"), at: vnTime("2026-03-10T09:00"), by: reviewOfficer, in: context)
        try dossier.handle(.receiveSupplement(papers: [SubmittedPaper(id: "site_plan")]), at: vnTime("2026-03-12T09:00"), by: deskClerk, in: context)
        #expect(dossier.statutoryDue == nil)
        #expect(dossier.appointment == nil)
        #expect(dossier.currentVisit?.due != nil)
    }
}
