import Foundation
import Synchronization
import TTHCCommands
import TTHCEngine
import TTHCModel

/// The catalogue a service answers with, and what is built from it once: the assessor (working
/// calendars, fee schedule) and the context dossier decisions are judged by.
public struct LoadedCatalog: Sendable {
    /// The compiled catalogue.
    public let catalog: Catalog
    /// The assessor for checks.
    public let assessor: Assessor
    /// The context for dossier decisions.
    public let context: DossierContext
    /// When it was loaded.
    public let loadedAt: Date

    /// Builds the assessor and context of `catalog`.
    public init(_ catalog: Catalog, loadedAt: Date = Date()) throws(CommandProblem) {
        let assessor: Assessor
        do {
            assessor = try EngineSetup.assessor(for: catalog)
        } catch {
            throw CommandProblem(code: "catalog-unavailable", kind: .unavailable, vietnamese: "không dựng được lịch làm việc: \(error)",
                                 english: "cannot build the working calendars: \(error)")
        }
        self.catalog = catalog
        self.assessor = assessor
        self.context = DossierContext(catalog: catalog, calendars: assessor.calendars, feeSchedule: assessor.feeSchedule)
        self.loadedAt = loadedAt
    }
}

/// The current catalogue, replaced whole by ``reload()`` without stopping the service. Requests in
/// flight keep the catalogue they started with; dossiers keep the procedure version they were
/// received under, and every event records the revision it was judged by.
public final class CatalogHolder: Sendable {
    /// Where the catalogue is read from (a folder of procedure files or a compiled bundle).
    public let path: String
    private let state: Mutex<LoadedCatalog>

    /// Loads the catalogue at `path`.
    public init(path: String) throws(CommandProblem) {
        self.path = path
        state = Mutex(try Self.load(path))
    }

    /// A holder of an already compiled catalogue (tests, embedding).
    public init(_ loaded: LoadedCatalog, path: String) {
        self.path = path
        state = Mutex(loaded)
    }

    /// The catalogue now.
    public var current: LoadedCatalog { state.withLock { $0 } }

    /// Reads the catalogue again; on failure the current one stays in service.
    /// - Returns: the previous and the new revision.
    @discardableResult
    public func reload() throws(CommandProblem) -> (previous: String, current: String) {
        let loaded = try Self.load(path)
        let previous = state.withLock { current in
            let old = current.catalog.revision
            current = loaded
            return old
        }
        return (previous, loaded.catalog.revision)
    }

    static func load(_ path: String) throws(CommandProblem) -> LoadedCatalog {
        switch CatalogLoader.load(path) {
        case .failure(let problem): throw problem
        case .success(let catalog): return try LoadedCatalog(catalog)
        }
    }
}
