import ArgumentParser
import Foundation
import TTHCCalendar
import TTHCCompiler
import TTHCDiagnostics
import TTHCEngine
import TTHCModel
import TTHCStoreSQLite

/// `tthc dossier …`: dossiers in a store (default `tthc.sqlite`): receive at the desk, act on them
/// along the workflow, show one with its history, list the centre's queues.
public struct DossierGroupCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Hồ sơ trong kho: tiếp nhận, xử lý theo quy trình, xem, liệt kê.",
        subcommands: [DossierReceiveCommand.self, DossierActCommand.self, DossierShowCommand.self, DossierListCommand.self])

    public init() {}
}

// MARK: - receive

/// `tthc dossier receive FILE`: the desk's intake. The file is the one `tthc check` reads. A
/// complete dossier is received (the receipt with the appointment is printed with the new id,
/// exit 0); an incomplete one is refused at intake with the missing papers (the request to
/// supplement is printed, exit 1). Both are recorded. Bad input exits 2.
public struct DossierReceiveCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "receive",
        abstract: "Tiếp nhận hồ sơ (tệp như của 'tthc check'): in giấy tiếp nhận và mã hồ sơ, hoặc phiếu yêu cầu bổ sung.")

    @OptionGroup public var options: GlobalOptions
    @OptionGroup public var storeOptions: StoreOptions
    @OptionGroup public var actorOptions: ActorOptions

    /// The dossier file (YAML or JSON).
    @Argument(help: "Tệp hồ sơ (YAML hoặc JSON).")
    public var file: String

    /// The dossier id (default: `HS-yyyymmdd-nnnn` from the receipt date).
    @Option(name: .long, help: "Mã hồ sơ (mặc định: HS-năm tháng ngày-số thứ tự).")
    public var id: String?

    /// The province's fee schedule.
    @Option(name: .long, help: "Biểu phí của tỉnh; mặc định: biểu phí nêu trong tệp, hoặc biểu phí duy nhất.")
    public var fees: String?

    /// Refuse at intake for these reasons (not competent, not eligible …), even when complete.
    @Option(name: .customLong("refuse"), help: "Từ chối tiếp nhận với lý do này (lặp lại được).")
    public var refusals: [String] = []

    /// A note recorded with the event.
    @Option(name: .long, help: "Ghi chú lưu cùng thao tác.")
    public var note: String?

    public init() {}

    public func run() async throws {
        try await Self.execute(file: file, id: id, fees: fees, refuse: refusals, note: note, actor: actorOptions, store: storeOptions, options: options).emit()
    }

    /// Receives the dossier of `path` and returns what to print.
    public static func execute(file path: String, id: String?, fees: String? = nil, refuse: [String] = [], note: String? = nil,
                               actor actorOptions: ActorOptions, store storeOptions: StoreOptions, options: GlobalOptions) async -> CommandOutput {
        let language = options.lang.language
        guard let data = FileManager.default.contents(atPath: path) else {
            return CommandFailure(vi: "không đọc được tệp hồ sơ '\(path)'", en: "cannot read the dossier file '\(path)'").output(language)
        }
        return await DossierWorkspace.using(options, storeOptions, fees: fees) { workspace in
            await answer(text: String(decoding: data, as: UTF8.self), name: path, id: id, feesChosen: fees != nil, refuse: refuse, note: note,
                         actor: { actorOptions.actor(defaultAgency: $0.agency) }, workspace: workspace, language: language, format: options.format)
        }
    }

    /// Receives the dossier written in `text` (YAML or JSON, as a dossier file) into the
    /// workspace's store, by the actor `actor` makes for the procedure: the receipt (or the
    /// refusal at intake) as text or JSON. The command line and the HTTP service both call this.
    public static func answer(text: String, name: String, id: String?, feesChosen: Bool = false, refuse: [String] = [], note: String? = nil,
                              actor makeActor: (Procedure) -> DossierActor, workspace: DossierWorkspace, language: Language,
                              format: OutputFormat) async -> CommandOutput {
        let w = Words(language)
        let (decoded, diagnostics, source) = DossierFileDecoder.decode(text: text, file: name, catalog: workspace.catalog)
        guard let file = decoded else { return .invalidDossier(diagnostics, name: name, source: source, language: language) }
        var context = workspace.context
        if !feesChosen, let scheduleID = file.feeSchedule {
            guard let schedule = workspace.catalog.feeSchedule(scheduleID) else {
                return CommandFailure.unknownFeeSchedule(scheduleID).output(language)
            }
            context.feeSchedule = schedule
        }
        let service = DossierService(store: workspace.store, context: context)
        let actor = makeActor(file.procedure)
        let input = DossierInput(facts: file.facts, channel: file.channel, papers: file.papers, received: file.received)

        var attempt = 0
        while true {
            attempt += 1
            let chosen: DossierID
            if let id {
                chosen = DossierID(id)
            } else {
                do { chosen = try await nextID(for: file.received, in: workspace.store) } catch { return DossierFailure.output(.store(error), language) }
            }
            do {
                let r = try await service.receive(chosen, procedure: file.procedure.id, input: input, by: actor, at: file.received, note: note,
                                                  refusing: refuse)
                let reception = Reception(dossier: r.dossier, assessment: r.assessment)
                workspace.cache?.keep(reception.dossier)
                return render(reception, file: file, reasons: refuse, catalog: workspace.catalog, store: workspace.storeLabel, format: format, words: w)
            } catch {
                if case .store(.conflict(_, expected: 0, _)) = error {
                    // The id is taken: a chosen one was already opened (the append found it, so no
                    // read is needed first); a generated one was taken meanwhile, so try the next.
                    if id != nil { return DossierFailure.output(.dossier(.alreadyOpened(chosen)), language) }
                    if attempt < 20 { continue }
                }
                return DossierFailure.output(error, language)
            }
        }
    }

    /// The next free `HS-yyyymmdd-nnnn` for the receipt date.
    static func nextID(for received: Instant, in store: some DossierStore) async throws(DossierStoreError) -> DossierID {
        let date = received.local(at: .vietnam).date
        let start = Instant(LocalDateTime(date: date, secondOfDay: 0), offset: .vietnam)
        let end = Instant(LocalDateTime(date: date.adding(days: 1), secondOfDay: 0), offset: .vietnam)
        let sameDay = try await store.summaries(DossierQuery(receivedFrom: start, receivedBefore: end)).count
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        let prefix = "HS-\(date.year)\(pad(date.month, 2))\(pad(date.day, 2))-"
        var n = sameDay + 1
        while try await store.summary(of: DossierID(prefix + pad(n, 4))) != nil { n += 1 }
        return DossierID(prefix + pad(n, 4))
    }

    /// A dossier received or refused at intake, with the assessment it was judged by.
    struct Reception {
        var dossier: Dossier
        var assessment: Assessment
        var received: Bool { dossier.phase != .refusedAtIntake }
    }

    struct ReceiptJSON: Encodable {
        struct Missing: Encodable { var id: String; var name: String }
        var id: String
        var received: Bool
        var phase: String
        var procedure: String
        var version: String
        var channel: String
        var complete: Bool
        var missing: [Missing]
        var reasons: [String]
        var fee: Int?
        var due: String?
        var step: String?
        /// Where the dossier was stored (the command line's `--store`); absent over HTTP, where a
        /// server path is none of the client's business.
        var store: String?
    }

    static func render(_ reception: Reception, file: DossierFile, reasons: [String], catalog: Catalog, store: String?,
                       format: OutputFormat, words w: Words) -> CommandOutput {
        var output = CommandOutput()
        let dossier = reception.dossier
        let a = reception.assessment
        output.status = reception.received ? 0 : 1
        switch format {
        case .json:
            output.out = DossierJSON.render(ReceiptJSON(
                id: dossier.id.rawValue, received: reception.received, phase: dossier.phase?.rawValue ?? "", procedure: file.procedure.id,
                version: "\(a.version.effective)", channel: file.channel.rawValue, complete: a.complete,
                missing: a.missing.map { ReceiptJSON.Missing(id: $0.id, name: $0.name) }, reasons: reasons,
                fee: a.fee.total, due: reception.received ? DossierTime.iso(dossier.statutoryDue) : nil, step: dossier.currentStep, store: store))
        case .text:
            var text = w("Mã hồ sơ: ", "Dossier id: ") + dossier.id.rawValue + "\n"
            if reasons.isEmpty {
                text += CheckSlip(catalog: catalog, file: file, assessment: a, language: w.vi ? .vi : .en).render()
            } else {
                text += w("PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ", "REFUSAL TO RECEIVE THE DOSSIER") + "\n\n"
                text += w("Thủ tục: ", "Procedure: ") + file.procedure.name + "\n"
                text += w("Lý do:", "Reasons:") + "\n" + reasons.map { "  • \($0)\n" }.joined()
            }
            let place = store.map { w(" vào kho \($0)", " in \($0)") } ?? ""
            text += "\n" + (reception.received
                ? w("Đã tiếp nhận, lưu\(place); hồ sơ đang ở bước '\(dossier.currentStep ?? "")'.",
                    "Received and stored\(place); the dossier is at step '\(dossier.currentStep ?? "")'.")
                : w("Không tiếp nhận; đã ghi\(place).", "Not received; recorded\(place).")) + "\n"
            output.out = text
        }
        return output
    }
}

// MARK: - act

/// `tthc dossier act ID ACTION …`: one action of the workflow, judged by the engine (order,
/// role, agency, clock). Exit 0 done; 1 refused by the rules (the engine's message) or changed by
/// someone else meanwhile; 2 bad input.
public struct DossierActCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "act",
        abstract: "Xử lý hồ sơ: approve, send_back, request_supplement, receive_supplement, pause, resume, transfer, extend, refuse, result_ready, hand_over, withdraw, record_payment.")

    @OptionGroup public var options: GlobalOptions
    @OptionGroup public var storeOptions: StoreOptions
    @OptionGroup public var actorOptions: ActorOptions

    /// The dossier id.
    @Argument(help: "Mã hồ sơ.")
    public var id: String

    /// The action.
    @Argument(help: "Thao tác.")
    public var action: String

    /// The step approved or sent back (default: the current step).
    @Option(name: .long, help: "Bước (mặc định: bước hiện tại).")
    public var step: String?

    /// The rework step (send_back) or the agency (transfer).
    @Option(name: .long, help: "Bước trả về (send_back) hoặc cơ quan nhận (transfer).")
    public var to: String?

    /// The reason (several for refuse).
    @Option(name: .long, help: "Lý do (lặp lại được với refuse).")
    public var reason: [String] = []

    /// Amount in đồng (record_payment).
    @Option(name: .long, help: "Số tiền (đồng), cho record_payment.")
    public var amount: Int?

    /// Receipt number (record_payment).
    @Option(name: .long, help: "Số biên lai, cho record_payment.")
    public var reference: String?

    /// The new appointment (extend): a date (closing time that day) or an instant.
    @Option(name: .long, help: "Ngày hẹn mới (extend): ngày (giờ đóng cửa) hoặc thời điểm.")
    public var until: String?

    /// Papers: `ID` or `ID:original=1,copy=2,present=1` (request_supplement, receive_supplement).
    @Option(name: .customLong("paper"), help: "Giấy tờ: ID hoặc ID:original=1,copy=2 (lặp lại được).")
    public var papers: [String] = []

    /// A note recorded with the event.
    @Option(name: .long, help: "Ghi chú lưu cùng thao tác.")
    public var note: String?

    /// The version the user saw; a dossier changed since is a conflict.
    @Option(name: .customLong("expected-version"), help: "Phiên bản hồ sơ người dùng đã xem (chống ghi đè).")
    public var expectedVersion: Int?

    public init() {}

    public func run() async throws {
        try await Self.execute(id: id, action: action, arguments: arguments, actor: actorOptions, store: storeOptions, options: options).emit()
    }

    /// The action's arguments.
    public struct Arguments: Sendable {
        /// `--step`.
        public var step: String?
        /// `--to`.
        public var to: String?
        /// `--reason`.
        public var reasons: [String]
        /// `--amount`.
        public var amount: Int?
        /// `--reference`.
        public var reference: String?
        /// `--until`.
        public var until: String?
        /// `--paper`.
        public var papers: [String]
        /// `--note`.
        public var note: String?
        /// `--expected-version`.
        public var expectedVersion: Int?

        /// Creates arguments.
        public init(step: String? = nil, to: String? = nil, reasons: [String] = [], amount: Int? = nil, reference: String? = nil, until: String? = nil,
                    papers: [String] = [], note: String? = nil, expectedVersion: Int? = nil) {
            self.step = step
            self.to = to
            self.reasons = reasons
            self.amount = amount
            self.reference = reference
            self.until = until
            self.papers = papers
            self.note = note
            self.expectedVersion = expectedVersion
        }
    }

    var arguments: Arguments {
        Arguments(step: step, to: to, reasons: reason, amount: amount, reference: reference, until: until, papers: papers, note: note, expectedVersion: expectedVersion)
    }

    /// Acts on the dossier and returns what to print.
    public static func execute(id: String, action name: String, arguments: Arguments, actor actorOptions: ActorOptions, store storeOptions: StoreOptions,
                               options: GlobalOptions) async -> CommandOutput {
        let language = options.lang.language
        if case .failure(let failure) = parseAction(name) { return failure.output(language) }
        return await DossierWorkspace.using(options, storeOptions) { workspace in
            await answer(id: id, action: name, arguments: arguments, actor: { dossier in actorOptions.actor(defaultAgency: dossier.agency ?? dossier.receipt?.agency ?? "") },
                         workspace: workspace, language: language, format: options.format)
        }
    }

    /// The actions `act` takes (receiving is `receive`'s).
    public static var actionNames: [String] {
        DossierAction.allCases.map(\.rawValue).filter { $0 != "receive" && $0 != "refuse_at_intake" }
    }

    static func parseAction(_ name: String) -> Result<DossierAction, CommandFailure> {
        let names = actionNames
        guard let action = DossierAction(rawValue: name.replacingOccurrences(of: "-", with: "_")), names.contains(action.rawValue) else {
            return .failure(CommandFailure(vi: "không có thao tác '\(name)'; các thao tác: \(names.joined(separator: ", "))",
                                           en: "no action '\(name)'; actions: \(names.joined(separator: ", "))", code: "unknown-action"))
        }
        return .success(action)
    }

    /// Does `action` on dossier `id` in the workspace, by the actor `actor` makes for the loaded
    /// dossier, at the workspace's now: the dossier after it, as text or JSON. The command line
    /// and the HTTP service both call this.
    public static func answer(id: String, action name: String, arguments: Arguments, actor makeActor: (Dossier) -> DossierActor,
                              workspace: DossierWorkspace, language: Language, format: OutputFormat) async -> CommandOutput {
        let action: DossierAction
        switch parseAction(name) {
        case .failure(let failure): return failure.output(language)
        case .success(let parsed): action = parsed
        }
        let service = workspace.service
        let dossierID = DossierID(id)
        // A cached dossier is used unless the user saw another version; a stale one ends in a
        // conflict, and the action is then decided once more on the dossier read from the store.
        var cached = workspace.cache?.dossier(dossierID)
        if let expected = arguments.expectedVersion, cached?.version != expected { cached = nil }
        while true {
            let dossier: Dossier
            if let cached {
                dossier = cached
            } else {
                do { dossier = try await service.dossier(dossierID) } catch { return DossierFailure.output(error, language) }
            }
            let command: DossierCommand
            switch Self.command(action, arguments, dossier: dossier, workspace: workspace) {
            case .failure(let failure):
                if cached != nil { cached = nil; continue }
                return failure.output(language)
            case .success(let built): command = built
            }
            let actor = makeActor(dossier)
            do {
                let (after, events) = try await service.act(on: dossier, command, by: actor, at: workspace.now, note: arguments.note,
                                                            expectedVersion: arguments.expectedVersion)
                workspace.cache?.keep(after)
                return DossierActReport(dossier: after, events: events, workspace: workspace, words: Words(language)).render(format)
            } catch {
                // Judged on a cached dossier, a refusal or a conflict may come from the cache being
                // stale: decide again on the dossier as stored. Only a store failure is final.
                if cached != nil {
                    if case .store(.backend) = error { return DossierFailure.output(error, language) }
                    workspace.cache?.forget(dossierID)
                    cached = nil
                    continue
                }
                if case .store(.conflict) = error { workspace.cache?.forget(dossierID) }
                return DossierFailure.output(error, language)
            }
        }
    }

    /// The engine's command for an action and its arguments.
    static func command(_ action: DossierAction, _ a: Arguments, dossier: Dossier, workspace: DossierWorkspace) -> Result<DossierCommand, CommandFailure> {
        let reason = a.reasons.joined(separator: "; ")
        let step = a.step ?? dossier.currentStep ?? ""
        switch action {
        case .receive, .refuseAtIntake:
            return .failure(CommandFailure(vi: "tiếp nhận hoặc từ chối tiếp nhận bằng 'tthc dossier receive TỆP'", en: "receive or refuse at intake with 'tthc dossier receive FILE'"))
        case .requestSupplement:
            switch parsePapers(a.papers) {
            case .failure(let failure): return .failure(failure)
            case .success(let papers): return .success(.requestSupplement(papers: papers.map(\.id), reason: reason))
            }
        case .receiveSupplement:
            switch parsePapers(a.papers) {
            case .failure(let failure): return .failure(failure)
            case .success(let papers): return .success(.receiveSupplement(papers: papers))
            }
        case .pause: return .success(.pause(reason: reason))
        case .resume: return .success(.resume)
        case .approve: return .success(.approve(step: step))
        case .sendBack:
            guard let to = a.to else { return .failure(missing("--to", vi: "bước trả về", en: "the rework step")) }
            return .success(.sendBack(step: step, to: to, reason: reason))
        case .transfer:
            guard let to = a.to else { return .failure(missing("--to", vi: "cơ quan nhận", en: "the receiving agency")) }
            return .success(.transfer(to: to, reason: reason))
        case .extend:
            guard let until = a.until else { return .failure(missing("--until", vi: "ngày hẹn mới", en: "the new appointment")) }
            guard let appointment = DossierTime.appointment(until, calendar: workspace.calendar(of: dossier.receipt)) else {
                return .failure(CommandFailure(vi: "ngày hẹn không hợp lệ: '\(until)'", en: "invalid appointment '\(until)'"))
            }
            return .success(.extend(appointment: appointment, reason: reason))
        case .refuse: return .success(.refuse(reasons: a.reasons))
        case .markResultReady: return .success(.markResultReady)
        case .handOver: return .success(.handOver)
        case .withdraw: return .success(.withdraw(reason: a.reasons.isEmpty ? nil : reason))
        case .recordPayment:
            guard let amount = a.amount else { return .failure(missing("--amount", vi: "số tiền", en: "the amount")) }
            return .success(.recordPayment(amount: amount, reference: a.reference))
        }
    }

    static func missing(_ option: String, vi: String, en: String) -> CommandFailure {
        CommandFailure(vi: "thiếu \(option) (\(vi))", en: "missing \(option) (\(en))")
    }

    /// `ID` or `ID:original=1,copy=2,present=1`.
    static func parsePapers(_ specs: [String]) -> Result<[SubmittedPaper], CommandFailure> {
        var papers: [SubmittedPaper] = []
        for spec in specs {
            let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
            guard let id = parts.first, !id.isEmpty else { return .failure(badPaper(spec)) }
            var paper = SubmittedPaper(id: id)
            if parts.count == 2 {
                for item in parts[1].split(separator: ",") {
                    let kv = item.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
                    guard kv.count == 2, let n = Int(kv[1]), n >= 0 else { return .failure(badPaper(spec)) }
                    switch kv[0] {
                    case "original": paper.original = n
                    case "copy": paper.copy = n
                    case "present": paper.present = n
                    default: return .failure(badPaper(spec))
                    }
                }
            }
            papers.append(paper)
        }
        return .success(papers)
    }

    static func badPaper(_ spec: String) -> CommandFailure {
        CommandFailure(vi: "giấy tờ không hợp lệ: '\(spec)' (ví dụ: site_plan hoặc site_plan:original=1,copy=2)",
                       en: "invalid paper '\(spec)' (e.g. site_plan or site_plan:original=1,copy=2)")
    }
}

// MARK: - show

/// `tthc dossier show ID`: the dossier now — state, current step, statutory due, each step's due
/// and standing — and its history with the due instants each event set.
public struct DossierShowCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Xem hồ sơ: trạng thái, bước hiện tại, hạn giải quyết, hạn từng bước và lịch sử xử lý.")

    @OptionGroup public var options: GlobalOptions
    @OptionGroup public var storeOptions: StoreOptions

    /// The dossier id.
    @Argument(help: "Mã hồ sơ.")
    public var id: String

    public init() {}

    public func run() async throws {
        try await Self.execute(id: id, store: storeOptions, options: options).emit()
    }

    /// Reads the dossier and returns what to print.
    public static func execute(id: String, store storeOptions: StoreOptions, options: GlobalOptions) async -> CommandOutput {
        let language = options.lang.language
        return await DossierWorkspace.using(options, storeOptions) { workspace in
            await answer(id: id, workspace: workspace, language: language, format: options.format)
        }
    }

    /// Dossier `id` at the workspace's now — state, current step, statutory and step dues, history —
    /// as text or JSON; `allowed` may refuse it (the HTTP service's ward check) before anything is shown.
    public static func answer(id: String, allowed: (Dossier) -> CommandProblem? = { _ in nil }, workspace: DossierWorkspace, language: Language,
                              format: OutputFormat) async -> CommandOutput {
        let history: [DossierEvent]
        do { history = try await workspace.service.history(DossierID(id)) } catch { return DossierFailure.output(error, language) }
        do {
            let dossier = try Dossier.replay(history)
            if let problem = allowed(dossier) { return .failure(problem, status: 1, language: language, showCode: true) }
            let status = try dossier.status(at: workspace.now, in: workspace.context)
            return DossierShowReport(dossier: dossier, status: status, history: history, workspace: workspace, words: Words(language)).render(format)
        } catch {
            return DossierFailure.output(.dossier(error), language)
        }
    }
}

// MARK: - list

/// `tthc dossier list`: the centre's queues — overdue now, due within N working days, by step,
/// role, agency or state.
public struct DossierListCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Liệt kê hồ sơ: quá hạn, sắp đến hạn trong N ngày làm việc, theo bước, vai trò, cơ quan, trạng thái.")

    @OptionGroup public var options: GlobalOptions
    @OptionGroup public var storeOptions: StoreOptions

    /// Only dossiers overdue now.
    @Flag(name: .long, help: "Chỉ hồ sơ quá hạn.")
    public var overdue = false

    /// Only dossiers not overdue and due within N working days.
    @Option(name: .customLong("due-within"), help: "Chỉ hồ sơ chưa quá hạn, đến hạn trong N ngày làm việc.")
    public var dueWithin: Int?

    /// At this step.
    @Option(name: .long, help: "Bước hiện tại.")
    public var step: String?

    /// The current step's role.
    @Option(name: .long, help: "Vai trò của bước hiện tại.")
    public var role: String?

    /// The holding agency.
    @Option(name: .long, help: "Cơ quan đang giải quyết.")
    public var agency: String?

    /// In these states (repeatable): processing, awaiting_supplement, paused, result_ready, handed_over, refused, refused_at_intake, withdrawn.
    @Option(name: .long, help: "Trạng thái (lặp lại được): processing, awaiting_supplement, paused, result_ready, handed_over, refused, refused_at_intake, withdrawn.")
    public var state: [String] = []

    /// Of this procedure.
    @Option(name: .long, help: "Thủ tục.")
    public var procedure: String?

    /// At most N dossiers.
    @Option(name: .long, help: "Tối đa N hồ sơ.")
    public var limit: Int?

    public init() {}

    public func run() async throws {
        let filter = Filter(overdue: overdue, dueWithin: dueWithin, step: step, role: role, agency: agency, states: state, procedure: procedure, limit: limit)
        try await Self.execute(filter, store: storeOptions, options: options).emit()
    }

    /// What to list.
    public struct Filter: Sendable {
        /// `--overdue`.
        public var overdue: Bool
        /// `--due-within`.
        public var dueWithin: Int?
        /// `--step`.
        public var step: String?
        /// `--role`.
        public var role: String?
        /// `--agency`.
        public var agency: String?
        /// `--state`.
        public var states: [String]
        /// `--procedure`.
        public var procedure: String?
        /// `--limit`.
        public var limit: Int?

        /// Creates a filter.
        public init(overdue: Bool = false, dueWithin: Int? = nil, step: String? = nil, role: String? = nil, agency: String? = nil, states: [String] = [],
                    procedure: String? = nil, limit: Int? = nil) {
            self.overdue = overdue
            self.dueWithin = dueWithin
            self.step = step
            self.role = role
            self.agency = agency
            self.states = states
            self.procedure = procedure
            self.limit = limit
        }
    }

    /// Lists the dossiers and returns what to print.
    public static func execute(_ filter: Filter, store storeOptions: StoreOptions, options: GlobalOptions) async -> CommandOutput {
        let language = options.lang.language
        if case .failure(let failure) = validate(filter) { return failure.output(language) }
        return await DossierWorkspace.using(options, storeOptions) { workspace in
            await answer(filter, workspace: workspace, language: language, format: options.format)
        }
    }

    static func validate(_ filter: Filter) -> Result<Set<DossierPhase>?, CommandFailure> {
        if filter.overdue && filter.dueWithin != nil {
            return .failure(CommandFailure(vi: "--overdue và --due-within không dùng cùng nhau", en: "--overdue and --due-within are exclusive"))
        }
        if let n = filter.dueWithin, n < 0 {
            return .failure(CommandFailure(vi: "--due-within phải lớn hơn hoặc bằng 0", en: "--due-within must not be negative"))
        }
        if let n = filter.limit, n < 0 {
            return .failure(CommandFailure(vi: "--limit phải lớn hơn hoặc bằng 0", en: "--limit must not be negative"))
        }
        var phases: Set<DossierPhase>?
        if !filter.states.isEmpty {
            var set = Set<DossierPhase>()
            for name in filter.states {
                guard let phase = DossierPhase(rawValue: name) else {
                    let all = DossierPhase.allCases.map(\.rawValue).joined(separator: ", ")
                    return .failure(CommandFailure(vi: "không có trạng thái '\(name)'; các trạng thái: \(all)", en: "no state '\(name)'; states: \(all)"))
                }
                set.insert(phase)
            }
            phases = set
        }
        return .success(phases)
    }

    /// The dossiers matching `filter` (and, when given, of `ward` only) at the workspace's now, as
    /// text or JSON. The command line and the HTTP service both call this.
    public static func answer(_ filter: Filter, ward: String? = nil, workspace: DossierWorkspace, language: Language, format: OutputFormat) async -> CommandOutput {
        let phases: Set<DossierPhase>?
        switch validate(filter) {
        case .failure(let failure): return failure.output(language)
        case .success(let parsed): phases = parsed
        }
        let now = workspace.now
        var query = DossierQuery(phases: phases, procedure: filter.procedure.map { workspace.catalog.procedure($0)?.id ?? $0 }, step: filter.step,
                                 role: filter.role, agency: filter.agency, limit: filter.limit, ward: ward)
        if filter.overdue { query.overdueAt = now }
        if let n = filter.dueWithin {
            guard let calendar = workspace.context.calendars["vn"] ?? workspace.context.calendars.values.first,
                  let limit = try? calendar.due(from: now, .workingDays(n)).instant else {
                return CommandFailure(vi: "không tính được hạn \(n) ngày làm việc", en: "cannot compute \(n) working days ahead").output(language)
            }
            query.notOverdueAt = now
            query.dueBy = limit
        }
        do {
            let rows = try await workspace.service.list(query)
            return DossierListReport(rows: rows, workspace: workspace, words: Words(language)).render(format)
        } catch {
            return DossierFailure.output(error, language)
        }
    }
}
