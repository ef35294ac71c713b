import Foundation
import HTTPTypes
import Hummingbird
import Logging
import TTHCCalendar
import TTHCCommands
import TTHCDiagnostics
import TTHCEngine
import TTHCModel

/// The HTTP service: the answers of `tthc check`, `due`, `calendar`, `show`, `list` and the dossier
/// commands as a JSON API (the contract is `openapi.json`, served at `/openapi.json`), with bearer
/// tokens, ward scoping, problem documents, metrics and catalogue reload.
///
/// Build one, then run ``application(host:port:logger:)`` under a `ServiceGroup` (as `tthc serve`
/// does) or test its ``router()`` with HummingbirdTesting.
public struct TTHCServer: Sendable {
    /// The catalogue in service (reloadable).
    public let catalog: CatalogHolder
    /// Where dossiers are kept.
    public let store: AnyDossierStore
    /// How the store is named in answers (never with a password).
    public let storeLabel: String
    /// Verifies bearer tokens.
    public let authority: TokenAuthority
    /// The metrics `/metrics` shows.
    public let metrics: ServiceMetrics
    /// The instant taken as now (the system clock; tests may fix it).
    public let now: @Sendable () -> Instant
    /// Dossiers acted on recently, so that the next action skips reading their events (the append's
    /// version check keeps a stale entry harmless; see ``DossierCache``).
    public let dossiers = DossierCache()

    /// Creates a server.
    public init(catalog: CatalogHolder, store: AnyDossierStore, storeLabel: String, authority: TokenAuthority, metrics: ServiceMetrics = ServiceMetrics(),
                now: @escaping @Sendable () -> Instant = { Instant(Date()) }) {
        self.catalog = catalog
        self.store = store
        self.storeLabel = storeLabel
        self.authority = authority
        self.metrics = metrics
        self.now = now
        let loaded = catalog.current
        metrics.catalog(revision: loaded.catalog.revision, procedures: loaded.catalog.procedures.count)
    }

    /// The application on `host:port`.
    public func application(host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "tthc"), logger: logger)
    }

    /// The routes.
    public func router() -> Router<ServiceRequestContext> {
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: FrontMiddleware(metrics: metrics))

        // Public: health, the contract, the catalogue.
        router.get("/healthz") { _, _ in try self.health() }
        router.get("/openapi.json") { _, _ in try OpenAPIDocument.response() }
        router.get("/v1/procedures") { request, _ in try self.procedures(request) }
        router.get("/v1/procedures/:id") { request, context in try self.procedure(request, context) }

        let secured = router.group().add(middleware: AuthMiddleware(authority: authority))
        secured.get("/metrics") { _, context in try self.metricsPage(context) }
        secured.post("/v1/check") { request, context in try await self.check(request, context) }
        secured.get("/v1/due") { request, context in try self.due(request, context) }
        secured.get("/v1/calendar/:year") { request, context in try self.calendar(request, context) }
        secured.post("/v1/dossiers") { request, context in try await self.receive(request, context) }
        secured.get("/v1/dossiers") { request, context in try await self.list(request, context) }
        secured.get("/v1/dossiers/:id") { request, context in try await self.show(request, context) }
        secured.post("/v1/dossiers/:id/actions") { request, context in try await self.act(request, context) }
        secured.get("/v1/stats") { request, context in try await self.stats(request, context) }
        secured.post("/v1/admin/catalog/reload") { _, context in try self.reload(context) }
        return router
    }

    // MARK: - Public

    func health() throws -> Response {
        let loaded = catalog.current
        struct Health: Encodable {
            var status: String
            var catalogRevision: String
            var procedures: Int
            enum CodingKeys: String, CodingKey { case status, procedures, catalogRevision = "catalog_revision" }
        }
        return try JSONAnswer.encode(Health(status: "ok", catalogRevision: loaded.catalog.revision, procedures: loaded.catalog.procedures.count))
    }

    func procedures(_ request: Request) throws -> Response {
        let query = try QueryParameters(request, allowed: ["field", "q", "limit"])
        let loaded = catalog.current
        let field = query.string("field")
        let needle = query.string("q").map(SearchText.fold)
        let limit = try query.int("limit", in: 0...ServiceLimits.maxListLimit) ?? ServiceLimits.maxListLimit
        struct Row: Encodable {
            var id: String
            var code: String?
            var name: String
            var field: String
            var fieldName: String
            var level: String
            var agency: String
            enum CodingKeys: String, CodingKey { case id, code, name, field, level, agency, fieldName = "field_name" }
        }
        let rows = loaded.catalog.procedures
            .filter { field == nil || $0.field == field }
            .filter { procedure in needle.map { SearchText.fold(procedure.name).contains($0) || procedure.id.contains($0) || procedure.code == $0 } ?? true }
            .prefix(limit)
            .map { Row(id: $0.id, code: $0.code, name: $0.name, field: $0.field, fieldName: loaded.catalog.name(ofField: $0.field), level: $0.level.rawValue, agency: $0.agency) }
        return try JSONAnswer.encode(Array(rows))
    }

    func procedure(_ request: Request, _ context: ServiceRequestContext) throws -> Response {
        let query = try QueryParameters(request, allowed: ["at"])
        let id = try context.parameters.require("id")
        let loaded = catalog.current
        guard let procedure = loaded.catalog.procedure(id) else {
            throw ServiceProblem(.notFound, code: "unknown-procedure", vi: "Không có thủ tục '\(id)' trong danh mục.", en: "No procedure '\(id)' in the catalogue.")
        }
        // The version in force on the day (in Vietnam) of `at`, a date or an instant; default today.
        let day: CivilDate
        if let at = query.string("at") {
            guard let date = CivilDate(iso: at) ?? Instant(iso8601: at, defaultOffset: .vietnam)?.local(at: .vietnam).date else {
                throw ServiceProblem.badInput(vi: "'at' không phải thời điểm ISO 8601 hay ngày YYYY-MM-DD.", en: "'at' is not an ISO 8601 instant or a YYYY-MM-DD date.")
            }
            day = date
        } else {
            day = now().local(at: .vietnam).date
        }
        // Without `at`, a procedure not yet in force shows its newest version, as `tthc show` does.
        guard let version = procedure.version(on: ExprDate(year: day.year, month: day.month, day: day.day)) ?? (query.string("at") == nil ? procedure.latest : nil) else {
            throw ServiceProblem(.notFound, code: "no-version-in-force", vi: "Thủ tục '\(procedure.id)' không có phiên bản nào có hiệu lực vào thời điểm đó.",
                                 en: "Procedure '\(procedure.id)' has no version in force at that instant.")
        }
        var single = procedure
        single.versions = [version]
        return try JSONAnswer.encode(single)
    }

    // MARK: - Stateless decisions

    func check(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let query = try QueryParameters(request, allowed: ["fees"])
        let text = try await RequestBody.text(request, context)
        let loaded = catalog.current
        let output = CheckCommand.answer(text: text, name: "body", catalog: loaded.catalog, assessor: loaded.assessor, fees: query.string("fees"),
                                         language: context.language, format: .json)
        return try JSONAnswer.from(output)
    }

    func due(_ request: Request, _ context: ServiceRequestContext) throws -> Response {
        let query = try QueryParameters(request, allowed: ["from", "working_days", "working_hours", "days", "same_day", "cutoff", "calendar"])
        guard let from = query.string("from") else {
            throw ServiceProblem.badInput(vi: "Thiếu tham số 'from' (thời điểm tiếp nhận).", en: "Missing parameter 'from' (the receipt instant).")
        }
        var arguments: [String] = []
        for (name, option) in [("working_days", "--working-days"), ("working_hours", "--working-hours"), ("days", "--days"), ("same_day", "--same-day"),
                               ("cutoff", "--cutoff"), ("calendar", "--calendar")] {
            if let value = query.string(name) { arguments += [option, value] }
        }
        arguments += ["--", from]
        return try JSONAnswer.from(CommandLineAnswer.run(DueCommand.self, ["--format", "json"] + arguments, calendars: .loaded(catalog.current.catalog.calendars),
                                                         context.language))
    }

    func calendar(_ request: Request, _ context: ServiceRequestContext) throws -> Response {
        let query = try QueryParameters(request, allowed: ["calendar"])
        let year = try context.parameters.require("year")
        var arguments = ["--format", "json"]
        if let id = query.string("calendar") { arguments += ["--calendar", id] }
        return try JSONAnswer.from(CommandLineAnswer.run(CalendarCommand.self, arguments + ["--", year], calendars: .loaded(catalog.current.catalog.calendars),
                                                         context.language))
    }

    // MARK: - Dossiers

    func workspace() -> DossierWorkspace {
        let loaded = catalog.current
        return DossierWorkspace(catalog: loaded.catalog, context: loaded.context, store: store, now: now(), storeLabel: nil, cache: dossiers)
    }

    func receive(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let query = try QueryParameters(request, allowed: ["id", "refuse", "note"])
        let user = try context.requireUser()
        let servesOneWard = user.ward.map { !$0.isEmpty && $0 != DossierActor.allWards } ?? false
        guard servesOneWard else {
            throw ServiceProblem.forbidden("ward-required", vi: "Chỉ cán bộ của một đơn vị (phường, xã) cụ thể mới tiếp nhận được hồ sơ; mã truy cập không nêu đơn vị.",
                                           en: "Only staff of one ward can receive dossiers; the token names no single ward.")
        }
        if let id = query.string("id") { try DossierIDText.validate(id) }
        let text = try await RequestBody.text(request, context)
        let output = await DossierReceiveCommand.answer(text: text, name: "body", id: query.string("id"), refuse: query.strings("refuse"), note: query.string("note"),
                                                        actor: { _ in user.actor }, workspace: workspace(), language: context.language, format: .json)
        metrics.action(query.strings("refuse").isEmpty ? "receive" : "refuse_at_intake", outcome: output.problem?.code ?? "ok")
        return try JSONAnswer.from(output, status: .created)
    }

    func act(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        _ = try QueryParameters(request, allowed: [])
        let user = try context.requireUser()
        let id = try context.parameters.require("id")
        try DossierIDText.validate(id)
        let body = try await RequestBody.json(request, context)
        let action = try ActionBody(body)
        let output = await DossierActCommand.answer(id: id, action: action.action, arguments: action.arguments, actor: { _ in user.actor },
                                                    workspace: workspace(), language: context.language, format: .json)
        metrics.action(action.action, outcome: output.problem?.code ?? "ok")
        return try JSONAnswer.from(output)
    }

    func show(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        _ = try QueryParameters(request, allowed: [])
        let user = try context.requireUser()
        let id = try context.parameters.require("id")
        try DossierIDText.validate(id)
        let output = await DossierShowCommand.answer(id: id, allowed: { dossier in
            guard user.actor.serves(ward: dossier.ward) else {
                return CommandProblem(code: "dossier-wrong-ward", kind: .forbidden,
                                      vietnamese: "Hồ sơ \(id) thuộc đơn vị khác; người dùng '\(user.user)' không được xem.",
                                      english: "Dossier \(id) belongs to another ward; user '\(user.user)' may not read it.")
            }
            return nil
        }, workspace: workspace(), language: context.language, format: .json)
        return try JSONAnswer.from(output)
    }

    func list(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let query = try QueryParameters(request, allowed: ["overdue", "due_within", "step", "role", "agency", "state", "procedure", "limit", "ward"])
        let user = try context.requireUser()
        let ward = try scopedWard(user, asked: query.string("ward"))
        let filter = DossierListCommand.Filter(overdue: try query.bool("overdue") ?? false, dueWithin: try query.int("due_within", in: 0...365),
                                               step: query.string("step"), role: query.string("role"), agency: query.string("agency"), states: query.strings("state"),
                                               procedure: query.string("procedure"), limit: try query.int("limit", in: 0...ServiceLimits.maxListLimit) ?? ServiceLimits.maxListLimit)
        return try JSONAnswer.from(await DossierListCommand.answer(filter, ward: ward, workspace: workspace(), language: context.language, format: .json))
    }

    func stats(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let query = try QueryParameters(request, allowed: ["from", "to", "procedure", "ward"])
        let user = try context.requireUser()
        let ward = try scopedWard(user, asked: query.string("ward"))
        guard let from = query.string("from"), let to = query.string("to") else {
            throw ServiceProblem.badInput(vi: "Cần tham số 'from' và 'to' (YYYY-MM-DD).", en: "Parameters 'from' and 'to' (YYYY-MM-DD) are required.")
        }
        return try JSONAnswer.from(await StatsCommand.answer(from: from, to: to, procedure: query.string("procedure"), ward: ward, workspace: workspace(),
                                                             language: context.language, format: .json))
    }

    /// The ward a listing is limited to: the user's own; a user of every ward may ask for one.
    func scopedWard(_ user: ServiceUser, asked: String?) throws -> String? {
        guard let ward = user.ward else {
            throw ServiceProblem.forbidden("ward-required", vi: "Mã truy cập không nêu đơn vị (phường, xã); không xem được hồ sơ.",
                                           en: "The token names no ward; dossiers cannot be read.")
        }
        if ward == DossierActor.allWards { return asked }
        if let asked, asked != ward {
            throw ServiceProblem.forbidden("dossier-wrong-ward", vi: "Người dùng '\(user.user)' của đơn vị '\(ward)' không được xem hồ sơ của đơn vị '\(asked)'.",
                                           en: "User '\(user.user)' of ward '\(ward)' may not read the dossiers of ward '\(asked)'.")
        }
        return ward
    }

    // MARK: - Administration

    func reload(_ context: ServiceRequestContext) throws -> Response {
        try context.requireRole(ServiceUser.adminRole)
        let revisions: (previous: String, current: String)
        do {
            revisions = try reloadCatalog(logger: context.logger)
        } catch {
            throw ServiceProblem(error)
        }
        let loaded = catalog.current
        struct Reloaded: Encodable {
            var previousRevision: String
            var revision: String
            var procedures: Int
            enum CodingKeys: String, CodingKey { case procedures, previousRevision = "previous_revision", revision }
        }
        return try JSONAnswer.encode(Reloaded(previousRevision: revisions.previous, revision: revisions.current, procedures: loaded.catalog.procedures.count))
    }

    /// Reads the catalogue again (the admin route and SIGHUP), updates the metrics and logs the
    /// change; on failure the current catalogue stays in service.
    @discardableResult
    public func reloadCatalog(logger: Logger) throws(CommandProblem) -> (previous: String, current: String) {
        let revisions = try catalog.reload()
        metrics.catalog(revision: revisions.previous, procedures: 0)
        metrics.catalog(revision: revisions.current, procedures: catalog.current.catalog.procedures.count)
        logger.notice("catalogue reloaded", metadata: ["previous": .string(revisions.previous), "current": .string(revisions.current)])
        return revisions
    }

    func metricsPage(_ context: ServiceRequestContext) throws -> Response {
        try context.requireRole(ServiceUser.adminRole, "monitor")
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.render())))
    }
}

extension ServiceRequestContext {
    /// The verified user (the route is behind ``AuthMiddleware``).
    func requireUser() throws -> ServiceUser {
        guard let user else { throw ServiceProblem.missingToken }
        return user
    }

    /// The user, who must hold one of `roles`.
    @discardableResult
    func requireRole(_ roles: String...) throws -> ServiceUser {
        let user = try requireUser()
        guard roles.contains(where: user.roles.contains) else {
            throw ServiceProblem.forbidden("role-required", vi: "Người dùng '\(user.user)' cần vai trò \(roles.map { "'\($0)'" }.joined(separator: " hoặc ")).",
                                           en: "User '\(user.user)' needs role \(roles.map { "'\($0)'" }.joined(separator: " or ")).")
        }
        return user
    }
}
