import Testing
import TTHCCalendar
import TTHCEngine
import TTHCModel

/// Every illegal action, with its code and its Vietnamese and English messages.
@Suite struct DossierRulesTests {
    let l: Lifecycle
    init() throws { l = try Lifecycle.make() }

    /// A dossier in a given situation, built through legal commands.
    enum Setup: String, CaseIterable, Sendable {
        case unopened, atIntake, atReview, atSign, awaitingSupplement, paused, resultReady, handedOver, refusedAtIntake

        func build(_ l: Lifecycle) throws -> Dossier {
            if self == .unopened { return Dossier(id: "HS-X") }
            if self == .refusedAtIntake {
                var d = Dossier(id: "HS-X")
                try d.handle(.refuseAtIntake(procedure: "giay-phep-5-ngay", input: l.permitInput(at: "2026-03-09T08:00"), missing: ["site_plan"], reasons: []),
                             at: vnTime("2026-03-09T08:00"), by: deskClerk, in: l.context)
                return d
            }
            var d = try l.received("HS-X", at: "2026-03-09T08:00")
            if self == .atIntake { return d }
            try d.handle(.approve(step: "intake"), at: vnTime("2026-03-09T08:30"), by: deskClerk, in: l.context)
            switch self {
            case .atReview: return d
            case .awaitingSupplement:
                try d.handle(.requestSupplement(papers: ["site_plan"], reason: "Bổ sung bản vẽ"), at: vnTime("2026-03-09T09:00"), by: reviewOfficer, in: l.context)
                return d
            case .paused:
                try d.handle(.pause(reason: "Chờ ý kiến cơ quan thuế"), at: vnTime("2026-03-09T09:00"), by: reviewOfficer, in: l.context)
                return d
            default: break
            }
            try d.handle(.approve(step: "review"), at: vnTime("2026-03-09T09:00"), by: reviewOfficer, in: l.context)
            if self == .atSign { return d }
            try d.handle(.approve(step: "sign"), at: vnTime("2026-03-09T09:30"), by: signingChairman, in: l.context)
            if self == .resultReady { return d }
            try d.handle(.recordPayment(amount: 50_000, reference: nil), at: vnTime("2026-03-09T09:40"), by: deskClerk, in: l.context)
            try d.handle(.handOver, at: vnTime("2026-03-09T09:45"), by: deskClerk, in: l.context)
            return d
        }
    }

    /// One illegal action: the situation, the command, who, and what must come back.
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var setup: Setup
        var command: DossierCommand
        var actor: DossierActor
        var code: String
        var vi: String
        var en: String
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        // Workflow order.
        Case(label: "sign before review", setup: .atReview, command: .approve(step: "sign"), actor: signingChairman, code: "dossier-not-current-step",
             vi: "Chưa thể hoàn thành bước «Ký giấy phép» (sign): hồ sơ đang ở bước «Thẩm định hồ sơ» (review)", en: "only the current step can be completed"),
        Case(label: "review twice", setup: .atSign, command: .approve(step: "review"), actor: reviewOfficer, code: "dossier-not-current-step",
             vi: "đang ở bước «Ký giấy phép»", en: "the dossier is at step 'sign'"),
        Case(label: "unknown step", setup: .atReview, command: .approve(step: "publish"), actor: reviewOfficer, code: "dossier-unknown-step",
             vi: "Quy trình không có bước 'publish'", en: "no step 'publish'"),
        Case(label: "result ready with steps left", setup: .atReview, command: .markResultReady, actor: reviewOfficer, code: "dossier-steps-remain",
             vi: "Chưa có kết quả: sau bước «Thẩm định hồ sơ» (review) còn bước «Ký giấy phép» (sign)", en: "step 'sign' follows step 'review'"),
        // Roles.
        Case(label: "clerk approves review", setup: .atReview, command: .approve(step: "review"), actor: deskClerk, code: "dossier-role-required",
             vi: "Người dùng 'clerk.lan' không được duyệt, hoàn thành bước ở bước «Thẩm định hồ sơ» (review): cần vai trò 'officer'", en: "role 'officer' required"),
        Case(label: "clerk signs", setup: .atSign, command: .approve(step: "sign"), actor: deskClerk, code: "dossier-role-required",
             vi: "cần vai trò 'chairman'", en: "User 'clerk.lan' may not approve a step at step 'sign': role 'chairman' required"),
        Case(label: "officer signs", setup: .atSign, command: .approve(step: "sign"), actor: reviewOfficer, code: "dossier-role-required",
             vi: "cần vai trò 'chairman'", en: "role 'chairman' required"),
        Case(label: "officer receives", setup: .unopened, command: .receive(procedure: "giay-phep-5-ngay", input: permitInput(at: "2026-03-09T08:00")),
             actor: reviewOfficer, code: "dossier-role-required", vi: "không được tiếp nhận hồ sơ: cần vai trò 'one_stop_clerk'", en: "may not receive the dossier"),
        Case(label: "officer hands over", setup: .resultReady, command: .handOver, actor: reviewOfficer, code: "dossier-role-required",
             vi: "không được trả kết quả", en: "may not hand the result over: role 'one_stop_clerk' required"),
        Case(label: "clerk requests a supplement at review", setup: .atReview, command: .requestSupplement(papers: [], reason: "x"), actor: deskClerk,
             code: "dossier-role-required", vi: "cần vai trò 'officer'", en: "may not request a supplement"),
        Case(label: "chairman pauses at review", setup: .atReview, command: .pause(reason: "x"), actor: signingChairman, code: "dossier-role-required",
             vi: "không được tạm dừng giải quyết", en: "may not pause processing"),
        Case(label: "officer of another agency", setup: .atReview, command: .approve(step: "review"), actor: taxOffice, code: "dossier-wrong-agency",
             vi: "thuộc cơ quan 'co-quan-thue' không được duyệt, hoàn thành bước: hồ sơ đang do cơ quan 'ubnd-xa' giải quyết", en: "held by agency 'ubnd-xa'"),
        Case(label: "officer withdraws", setup: .atReview, command: .withdraw(reason: nil), actor: reviewOfficer, code: "dossier-role-required",
             vi: "không được rút hồ sơ", en: "may not withdraw the dossier"),
        Case(label: "officer records a payment", setup: .atReview, command: .recordPayment(amount: 1, reference: nil), actor: reviewOfficer, code: "dossier-role-required",
             vi: "ghi nhận thu phí", en: "may not record a fee payment"),
        // Phases.
        Case(label: "resume when not paused", setup: .atReview, command: .resume, actor: reviewOfficer, code: "dossier-wrong-phase",
             vi: "Không thể tiếp tục giải quyết khi hồ sơ đang giải quyết (chỉ tiếp tục được hồ sơ đang tạm dừng).", en: "only a paused dossier can be resumed"),
        Case(label: "pause twice", setup: .paused, command: .pause(reason: "x"), actor: reviewOfficer, code: "dossier-wrong-phase",
             vi: "Không thể tạm dừng giải quyết khi hồ sơ đang tạm dừng", en: "Cannot pause processing while the dossier is paused"),
        Case(label: "approve while paused", setup: .paused, command: .approve(step: "review"), actor: reviewOfficer, code: "dossier-wrong-phase",
             vi: "khi hồ sơ đang tạm dừng", en: "while the dossier is paused"),
        Case(label: "approve while awaiting a supplement", setup: .awaitingSupplement, command: .approve(step: "review"), actor: reviewOfficer,
             code: "dossier-wrong-phase", vi: "khi hồ sơ đang chờ bổ sung", en: "waiting for a supplement"),
        Case(label: "supplement nobody asked for", setup: .atReview, command: .receiveSupplement(papers: []), actor: deskClerk, code: "dossier-wrong-phase",
             vi: "chỉ nhận bổ sung khi đã có yêu cầu bổ sung", en: "only after a supplement was requested"),
        Case(label: "hand over before the result", setup: .atSign, command: .handOver, actor: deskClerk, code: "dossier-wrong-phase",
             vi: "chỉ trả kết quả khi đã có kết quả", en: "only a ready result can be handed over"),
        Case(label: "withdraw a ready result", setup: .resultReady, command: .withdraw(reason: nil), actor: deskClerk, code: "dossier-wrong-phase",
             vi: "Không thể rút hồ sơ khi hồ sơ đã có kết quả, chờ trả", en: "ready for handover"),
        // Finished dossiers.
        Case(label: "pause a handed-over dossier", setup: .handedOver, command: .pause(reason: "x"), actor: reviewOfficer, code: "dossier-finished",
             vi: "Không thể tạm dừng giải quyết: hồ sơ HS-X đã trả kết quả, đã kết thúc.", en: "dossier HS-X is handed over, which is final"),
        Case(label: "hand over twice", setup: .handedOver, command: .handOver, actor: deskClerk, code: "dossier-finished",
             vi: "đã kết thúc", en: "which is final"),
        Case(label: "act on a dossier refused at intake", setup: .refusedAtIntake, command: .approve(step: "intake"), actor: deskClerk, code: "dossier-finished",
             vi: "không được tiếp nhận, đã kết thúc", en: "is refused at intake, which is final"),
        Case(label: "act before receipt", setup: .unopened, command: .approve(step: "intake"), actor: deskClerk, code: "dossier-not-received",
             vi: "Hồ sơ HS-X chưa được tiếp nhận", en: "has not been received"),
        Case(label: "receive twice", setup: .atReview, command: .receive(procedure: "giay-phep-5-ngay", input: permitInput(at: "2026-03-10T08:00")),
             actor: deskClerk, code: "dossier-already-opened", vi: "không thể tiếp nhận lại", en: "cannot be received again"),
        // Payloads.
        Case(label: "pause without a reason", setup: .atReview, command: .pause(reason: "  "), actor: reviewOfficer, code: "dossier-reason-required",
             vi: "Phải nêu rõ lý do khi tạm dừng giải quyết.", en: "A reason is required to pause processing."),
        Case(label: "refuse without reasons", setup: .atReview, command: .refuse(reasons: [""]), actor: reviewOfficer, code: "dossier-reason-required",
             vi: "lý do khi từ chối giải quyết", en: "to refuse the dossier"),
        Case(label: "supplement of an unknown paper", setup: .atReview, command: .requestSupplement(papers: ["passport"], reason: "x"), actor: reviewOfficer,
             code: "dossier-unknown-paper", vi: "không có giấy tờ mã 'passport'", en: "no paper 'passport'"),
        Case(label: "a second supplement", setup: .awaitingSupplement, command: .requestSupplement(papers: [], reason: "x"), actor: reviewOfficer,
             code: "dossier-wrong-phase", vi: "đang chờ bổ sung", en: "waiting for a supplement"),
        Case(label: "hand over unpaid", setup: .resultReady, command: .handOver, actor: deskClerk, code: "dossier-fee-outstanding",
             vi: "Chưa thu đủ phí, lệ phí: phải thu 50000 đồng, đã thu 0 đồng", en: "50000 đồng owed, 0 paid"),
        Case(label: "zero payment", setup: .atReview, command: .recordPayment(amount: 0, reference: nil), actor: deskClerk, code: "dossier-invalid-amount",
             vi: "phải lớn hơn 0", en: "must be positive"),
        Case(label: "extension to an earlier date", setup: .atReview, command: .extend(appointment: vnTime("2026-03-13T17:00"), reason: "Xin lỗi"), actor: reviewOfficer,
             code: "dossier-extension-not-later", vi: "phải sau ngày hẹn hiện tại (2026-03-16T17:00:00+07:00)", en: "must be after the current one"),
        Case(label: "transfer to the holding agency", setup: .atReview, command: .transfer(to: "ubnd-xa", reason: "x"), actor: reviewOfficer,
             code: "dossier-bad-transfer", vi: "Hồ sơ đang ở cơ quan 'ubnd-xa'", en: "already held by agency 'ubnd-xa'"),
        Case(label: "transfer to an unknown agency", setup: .atReview, command: .transfer(to: "so-khong-co", reason: "x"), actor: reviewOfficer,
             code: "dossier-bad-transfer", vi: "Không có cơ quan 'so-khong-co'", en: "no agency 'so-khong-co'"),
        Case(label: "refuse at intake without grounds", setup: .unopened,
             command: .refuseAtIntake(procedure: "giay-phep-5-ngay", input: permitInput(at: "2026-03-09T08:00"), missing: [], reasons: []),
             actor: deskClerk, code: "dossier-refusal-without-grounds", vi: "phải nêu giấy tờ còn thiếu hoặc lý do", en: "must name missing papers or reasons"),
        Case(label: "unknown procedure", setup: .unopened, command: .receive(procedure: "khong-co", input: permitInput(at: "2026-03-09T08:00")),
             actor: deskClerk, code: "dossier-unknown-procedure", vi: "Không có thủ tục 'khong-co'", en: "no procedure 'khong-co'"),
    ]

    @Test(arguments: cases)
    func illegalAction(_ c: Case) throws {
        let dossier = try c.setup.build(l)
        let error = try #require(dossierRefusal(dossier, c.command, at: "2026-03-10T10:00", by: c.actor, in: l.context), "\(c.label) must be refused")
        #expect(error.code == c.code)
        #expect(error.vietnamese.contains(c.vi), "\(error.vietnamese)")
        #expect(error.english.contains(c.en), "\(error.english)")
        // A refused command changes nothing.
        var copy = dossier
        #expect(throws: DossierError.self) { try copy.handle(c.command, at: vnTime("2026-03-10T10:00"), by: c.actor, in: l.context) }
        #expect(copy == dossier)
    }

    @Test func incompleteDossierCannotBeReceived() throws {
        let input = DossierInput(facts: [:], channel: .inPerson, papers: [SubmittedPaper(id: "application")], received: vnTime("2026-03-09T08:00"))
        let error = try #require(dossierRefusal(Dossier(id: "HS-Y"), .receive(procedure: "giay-phep-5-ngay", input: input), at: "2026-03-09T08:00", by: deskClerk, in: l.context))
        #expect(error.code == "dossier-incomplete")
        #expect(error.vietnamese.contains("Hồ sơ chưa đầy đủ, chưa tiếp nhận được; còn thiếu: Bản vẽ hiện trạng; Giấy tờ tùy thân."))
        #expect(error.english.contains("missing: site_plan, identity_document"))
    }

    @Test func wrongFactIsAnInputError() throws {
        var input = l.permitInput(at: "2026-03-09T08:00")
        input.facts = ["needs_inspection": .int(3)]
        let error = try #require(dossierRefusal(Dossier(id: "HS-Y"), .receive(procedure: "giay-phep-5-ngay", input: input), at: "2026-03-09T08:00", by: deskClerk, in: l.context))
        #expect(error.code == "dossier-invalid-input")
        #expect(error.vietnamese.contains("thông tin 'needs_inspection' phải có kiểu đúng/sai"))
    }

    @Test func timeDoesNotRunBackwards() throws {
        let d = try Setup.atReview.build(l)
        let error = try #require(dossierRefusal(d, .approve(step: "review"), at: "2026-03-09T08:00", by: reviewOfficer, in: l.context))
        #expect(error.code == "dossier-instant-before-last-event")
        #expect(error.english.contains("before the dossier's last event (2026-03-09T08:30:00+07:00)"))
    }

    @Test func supplementLimitIsOnceByDefault() throws {
        var d = try Setup.awaitingSupplement.build(l)
        try d.handle(.receiveSupplement(papers: [SubmittedPaper(id: "site_plan")]), at: vnTime("2026-03-10T08:00"), by: deskClerk, in: l.context)
        let error = try #require(dossierRefusal(d, .requestSupplement(papers: [], reason: "Lần hai"), at: "2026-03-10T09:00", by: reviewOfficer, in: l.context))
        #expect(error.code == "dossier-supplement-limit")
        #expect(error.vietnamese.contains("Chỉ được yêu cầu bổ sung, hoàn thiện hồ sơ 1 lần"))
        // A deployment whose sector law allows more may lift the limit.
        var relaxed = l.context
        relaxed.policy.supplementLimit = nil
        #expect(throws: Never.self) { try d.decide(.requestSupplement(papers: [], reason: "Lần hai"), at: vnTime("2026-03-10T09:00"), by: reviewOfficer, in: relaxed) }
    }

    @Test func deskRolesArePolicy() throws {
        // A deployment naming its desk role differently: the clerk of this registry is not a desk actor there.
        var other = l.context
        other.policy.deskRoles = ["reception"]
        let error = try #require(dossierRefusal(Dossier(id: "HS-Z"), .receive(procedure: "giay-phep-5-ngay", input: l.permitInput(at: "2026-03-09T08:00")),
                                         at: "2026-03-09T08:00", by: deskClerk, in: other))
        #expect(error.code == "dossier-role-required")
        #expect(error.vietnamese.contains("cần vai trò 'reception'"))
    }

    @Test func everyErrorHasBothMessages() throws {
        for c in Self.cases {
            let d = try c.setup.build(l)
            guard let error = dossierRefusal(d, c.command, at: "2026-03-10T10:00", by: c.actor, in: l.context) else { continue }
            #expect(!error.vietnamese.isEmpty && !error.english.isEmpty)
            #expect(error.description.hasPrefix("[\(error.code)] "))
        }
    }

    /// Several wards on one deployment: the dossier belongs to the ward of the clerk who received
    /// it; an officer of another ward is refused, one serving every ward (`*`) is not.
    @Test func aDossierBelongsToTheWardThatReceivedIt() throws {
        let clerk = DossierActor(user: "clerk.lan", roles: [DossierPolicy.oneStopClerk], agency: "ubnd-xa", ward: "phuong-ba-dinh")
        var d = Dossier(id: "HS-W")
        try d.handle(.receive(procedure: "giay-phep-5-ngay", input: l.permitInput(at: "2026-03-09T08:00")), at: vnTime("2026-03-09T08:00"), by: clerk, in: l.context)
        try d.handle(.approve(step: "intake"), at: vnTime("2026-03-09T09:00"), by: clerk, in: l.context)
        #expect(d.ward == "phuong-ba-dinh")
        #expect(try DossierSummary(d, in: l.context).ward == "phuong-ba-dinh")

        let stranger = DossierActor(user: "officer.x", roles: ["officer"], agency: "ubnd-xa", ward: "phuong-kim-ma")
        let error = try #require(dossierRefusal(d, .approve(step: "review"), at: "2026-03-09T10:00", by: stranger, in: l.context))
        #expect(error.code == "dossier-wrong-ward")
        #expect(error.vietnamese == "Người dùng 'officer.x' của đơn vị 'phuong-kim-ma' không được duyệt, hoàn thành bước: hồ sơ thuộc đơn vị 'phuong-ba-dinh'.")

        let sameWard = DossierActor(user: "officer.y", roles: ["officer"], agency: "ubnd-xa", ward: "phuong-ba-dinh")
        #expect(dossierRefusal(d, .approve(step: "review"), at: "2026-03-09T10:00", by: sameWard, in: l.context) == nil)
        let province = DossierActor(user: "officer.z", roles: ["officer"], agency: "ubnd-xa", ward: DossierActor.allWards)
        #expect(dossierRefusal(d, .approve(step: "review"), at: "2026-03-09T10:00", by: province, in: l.context) == nil)
        #expect(DossierQuery(ward: "phuong-ba-dinh").matches(try DossierSummary(d, in: l.context)))
        #expect(!DossierQuery(ward: "phuong-kim-ma").matches(try DossierSummary(d, in: l.context)))
    }
}
