import ArgumentParser
import Foundation
import TTHCCalendar
import TTHCDiagnostics
import TTHCEngine
import TTHCModel
import TTHCStorePostgres
import TTHCStoreSQLite

/// Where dossiers are kept, and the instant commands treat as now.
public struct StoreOptions: ParsableArguments, Sendable {
    /// The SQLite file (created when missing).
    @Option(name: .long, help: "Kho hồ sơ: tệp SQLite (mặc định: tthc.sqlite trong thư mục hiện tại).")
    public var store: String = "tthc.sqlite"

    /// The instant taken as now (tests and demonstrations); default the system clock.
    @Option(name: .long, help: .hidden)
    public var now: String?

    /// Creates default options.
    public init() {}
}

/// Who acts: a user, their roles and agency, recorded in every event.
public struct ActorOptions: ParsableArguments, Sendable {
    /// The user id.
    @Option(name: .long, help: "Người thực hiện (mặc định: biến môi trường USER).")
    public var actor: String?

    /// The roles held (repeatable).
    @Option(name: .long, help: "Vai trò của người thực hiện (lặp lại được; mặc định: one_stop_clerk).")
    public var role: [String] = []

    /// The agency the user works for.
    @Option(name: .long, help: "Cơ quan của người thực hiện (mặc định: cơ quan đang giải quyết hồ sơ).")
    public var agency: String?

    /// Creates default options.
    public init() {}

    /// The actor, with `agency` as the default agency.
    func actor(defaultAgency: String) -> DossierActor {
        let user = actor ?? ProcessInfo.processInfo.environment["USER"] ?? "tthc"
        return DossierActor(user: user, roles: Set(role.isEmpty ? [DossierPolicy.oneStopClerk] : role), agency: agency ?? defaultAgency)
    }
}

/// What the dossier commands work with: the catalogue and the context decisions are judged by,
/// the open store, and the instant taken as now. The command line opens one per command; the
/// HTTP service makes one per request from its loaded catalogue and shared store.
public struct DossierWorkspace: Sendable {
    /// The catalogue.
    public let catalog: Catalog
    /// The context decisions are judged by (calendars, fee schedule, policy).
    public let context: DossierContext
    /// The store.
    public let store: AnyDossierStore
    /// The instant taken as now.
    public let now: Instant
    /// How the store is named in answers (a file path or a URL without its password); nil when
    /// answers should not name it (the HTTP service: clients need not know the server's paths).
    public let storeLabel: String?
    /// Dossiers kept between requests by a long-running process (see ``DossierCache``); nil on the
    /// command line.
    public let cache: DossierCache?

    /// Creates a workspace.
    public init(catalog: Catalog, context: DossierContext, store: AnyDossierStore, now: Instant, storeLabel: String?, cache: DossierCache? = nil) {
        self.catalog = catalog
        self.context = context
        self.store = store
        self.now = now
        self.storeLabel = storeLabel
        self.cache = cache
    }

    var service: DossierService<AnyDossierStore> { DossierService(store: store, context: context) }

    /// Opens a workspace, runs `work` in it and closes its store: what each dossier command does.
    static func using(_ options: GlobalOptions, _ storeOptions: StoreOptions, fees: String? = nil,
                      _ work: (DossierWorkspace) async -> CommandOutput) async -> CommandOutput {
        switch await open(options, storeOptions, fees: fees) {
        case .failure(let failure):
            return failure.output(options.lang.language)
        case .success(let workspace):
            let output = await work(workspace)
            await workspace.store.close()
            return output
        }
    }

    /// Loads the catalogue, builds the calendars and opens the store.
    static func open(_ options: GlobalOptions, _ storeOptions: StoreOptions, fees: String? = nil) async -> Result<DossierWorkspace, CommandFailure> {
        let language = options.lang.language
        let now: Instant
        switch DossierTime.now(storeOptions.now) {
        case .failure(let failure): return .failure(failure)
        case .success(let instant): now = instant
        }
        let catalog: Catalog
        switch CatalogLoader.load(options.catalog, language: language) {
        case .failure(let failure): return .failure(failure)
        case .success(let loaded): catalog = loaded
        }
        let assessor: Assessor
        do {
            assessor = try EngineSetup.assessor(for: catalog)
        } catch {
            return .failure(CommandFailure(vi: "không dựng được lịch làm việc: \(error)", en: "cannot build the working calendars: \(error)"))
        }
        var feeSchedule = assessor.feeSchedule
        if let fees {
            guard let schedule = catalog.feeSchedule(fees) else {
                return .failure(.unknownFeeSchedule(fees))
            }
            feeSchedule = schedule
        }
        let store: AnyDossierStore
        switch await DossierStoreOpener.openStore(storeOptions.store) {
        case .failure(let failure): return .failure(failure)
        case .success(let opened): store = opened
        }
        let context = DossierContext(catalog: catalog, calendars: assessor.calendars, feeSchedule: feeSchedule)
        return .success(DossierWorkspace(catalog: catalog, context: context, store: store, now: now, storeLabel: DossierStoreOpener.label(storeOptions.store)))
    }

    /// The working calendar of a dossier's procedure (the national one when unknown).
    func calendar(of receipt: DossierReceipt?) -> WorkingCalendar? {
        if let id = receipt?.calendar, let calendar = context.calendars[id] { return calendar }
        return context.calendars["vn"] ?? context.calendars.values.first
    }

    /// The calendar a summary's procedure counts on.
    func calendar(ofProcedure id: String) -> WorkingCalendar? {
        if let procedure = catalog.procedure(id), let version = procedure.latest, let calendar = context.calendars[version.calendar] { return calendar }
        return context.calendars["vn"] ?? context.calendars.values.first
    }
}

/// Opens a store named by `--store`: a `postgres://` (or `postgresql://`) URL opens the shared
/// PostgreSQL store, anything else is an SQLite file (created when absent).
public enum DossierStoreOpener {
    /// Opens the store at `location`. Close it with ``AnyDossierStore/close()`` when done.
    public static func open(_ location: String) async -> Result<AnyDossierStore, CommandProblem> {
        await openStore(location).mapError(\.problem)
    }

    /// Whether `location` names a PostgreSQL database rather than an SQLite file.
    public static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    static func openStore(_ location: String) async -> Result<AnyDossierStore, CommandFailure> {
        do {
            if isPostgres(location) {
                let store = try await PostgresDossierStore(url: location)
                return .success(AnyDossierStore(store, close: { await store.close() }))
            }
            return .success(AnyDossierStore(try SQLiteDossierStore(path: location)))
        } catch {
            let label = label(location)
            return .failure(CommandFailure(vi: "không mở được kho hồ sơ '\(label)': \(error.vietnamese)",
                                           en: "cannot open the dossier store '\(label)': \(error.english)",
                                           code: "store-unavailable", kind: .unavailable))
        }
    }

    /// The store's name for messages: the path, or a URL without its password.
    public static func label(_ location: String) -> String {
        guard location.contains("://"), var components = URLComponents(string: location) else { return location }
        if components.password != nil { components.password = "***" }
        return components.string ?? location
    }
}

/// Instants on the command line: ISO 8601, Vietnam time when no offset is written.
enum DossierTime {
    /// `--now`, or the system clock.
    static func now(_ text: String?) -> Result<Instant, CommandFailure> {
        guard let text else { return .success(Instant(Date())) }
        guard let instant = Instant(iso8601: text, defaultOffset: .vietnam) else {
            return .failure(CommandFailure(vi: "thời điểm không hợp lệ: '\(text)' (ví dụ 2026-02-13T09:00+07:00)", en: "invalid instant '\(text)' (e.g. 2026-02-13T09:00+07:00)"))
        }
        return .success(instant)
    }

    /// A date (`2026-03-17`: the closing time of that day on `calendar`) or an instant.
    static func appointment(_ text: String, calendar: WorkingCalendar?) -> Instant? {
        if let date = CivilDate(iso: text) {
            let offset = calendar?.utcOffset ?? .vietnam
            let closing = (try? calendar?.sessions(on: date))?.last?.end.seconds ?? 17 * 3600
            return Instant(LocalDateTime(date: date, secondOfDay: closing), offset: offset)
        }
        return Instant(iso8601: text, defaultOffset: .vietnam)
    }

    /// The start of a local date in Vietnam (`2026-02-01` → 00:00 +07:00).
    static func startOfDay(_ text: String) -> Instant? {
        guard let date = CivilDate(iso: text) else { return nil }
        return Instant(LocalDateTime(date: date, secondOfDay: 0), offset: .vietnam)
    }

    /// `17:00 23/02/2026` in Vietnam time.
    static func short(_ instant: Instant?) -> String {
        guard let instant else { return "—" }
        let local = instant.local(at: .vietnam)
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(pad(local.hour)):\(pad(local.minute)) \(pad(local.date.day))/\(pad(local.date.month))/\(local.date.year)"
    }

    /// `17:00, Thứ Hai, ngày 23/02/2026` (or the English form).
    static func long(_ instant: Instant, vi: Bool) -> String {
        let local = instant.local(at: .vietnam)
        return CheckSlip.clock(local) + ", " + CheckSlip.date(local.date, vi: vi)
    }

    /// ISO 8601 in Vietnam time, for JSON.
    static func iso(_ instant: Instant?) -> String? { instant?.iso8601(offset: .vietnam) }

    /// Working seconds as `15 giờ 30 phút làm việc`.
    static func workingTime(_ seconds: Int, vi: Bool) -> String {
        let s = abs(seconds)
        let hours = s / 3600
        let minutes = s % 3600 / 60
        var parts: [String] = []
        if hours > 0 { parts.append(vi ? "\(hours) giờ" : "\(hours) h") }
        if minutes > 0 || parts.isEmpty { parts.append(vi ? "\(minutes) phút" : "\(minutes) min") }
        return parts.joined(separator: " ") + (vi ? " làm việc" : " of working time")
    }
}

/// Engine and store errors as command output: the engine's message in the user's language, exit 1
/// for an action the rules refuse (or a conflict), 2 for bad input.
public enum DossierFailure {
    static func output(_ error: DossierServiceError, _ language: Language) -> CommandOutput {
        .failure(problem(error), status: isBadInput(error) ? 2 : 1, language: language, showCode: true)
    }

    /// The problem of an engine or store error, with the kind that fits it.
    public static func problem(_ error: DossierServiceError) -> CommandProblem {
        CommandProblem(code: error.code, kind: kind(error), vietnamese: error.vietnamese, english: error.english)
    }

    static func kind(_ error: DossierServiceError) -> CommandProblem.Kind {
        switch error {
        case .notFound: return .notFound
        case .store(.conflict): return .conflict
        case .store(.backend): return .unavailable
        case .store(.invalidBatch): return .badInput
        case .dossier(let e):
            switch e {
            case .roleRequired, .wrongAgency, .wrongWard: return .forbidden
            case .unknownProcedure: return .notFound
            default: return isBadInput(error) ? .badInput : .refused
            }
        }
    }

    static func isBadInput(_ error: DossierServiceError) -> Bool {
        switch error {
        case .notFound, .store(.backend), .store(.invalidBatch): return true
        case .store(.conflict): return false
        case .dossier(let e):
            switch e {
            case .unknownStep, .unknownPaper, .invalidInput, .unknownProcedure, .unknownCalendar, .invalidAmount, .corruptHistory, .versionUnavailable: return true
            default: return false
            }
        }
    }
}

/// Small helpers for bilingual text.
struct Words {
    let vi: Bool

    init(_ language: Language) { vi = language == .vi }

    func callAsFunction(_ vietnamese: String, _ english: String) -> String { vi ? vietnamese : english }

    func phase(_ phase: DossierPhase) -> String { vi ? phase.vietnamese : phase.english }

    func timeliness(_ t: Timeliness) -> String {
        vi ? t.vietnamese : t.rawValue.replacingOccurrences(of: "_", with: " ")
    }

    func punctuality(_ p: Punctuality) -> String {
        vi ? p.vietnamese : p.rawValue.replacingOccurrences(of: "_", with: " ")
    }

    func channel(_ c: Channel) -> String { vi ? c.vietnamese.lowercased() : c.rawValue.replacingOccurrences(of: "_", with: " ") }
}

/// JSON output with sorted keys.
enum DossierJSON {
    static func render(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "{}\n"
    }
}
