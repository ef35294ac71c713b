import Synchronization
import TTHCEngine

/// Folded dossiers a long-running process keeps between requests, so that an action on a dossier
/// acted on recently does not read its events again (the HTTP service; the command line has none).
///
/// The cache is never trusted for correctness: every append still names the version the decision
/// was made on, so a stale entry (another instance acted meanwhile) ends in a conflict, after which
/// the entry is dropped and the action decided again on the dossier read from the store. A version
/// the user saw (`expected_version`) that differs from the cached one is never judged by the cache.
public final class DossierCache: Sendable {
    private struct Entries {
        var dossiers: [DossierID: Dossier] = [:]
        var order: [DossierID] = []
    }

    /// The most dossiers kept; the oldest entries go first.
    public let capacity: Int
    private let entries = Mutex(Entries())

    /// Creates an empty cache holding at most `capacity` dossiers.
    public init(capacity: Int = 20_000) {
        self.capacity = max(1, capacity)
    }

    /// The dossier as last stored by this process, if kept.
    public func dossier(_ id: DossierID) -> Dossier? {
        entries.withLock { $0.dossiers[id] }
    }

    /// Keeps `dossier` (after it was stored).
    public func keep(_ dossier: Dossier) {
        let capacity = capacity
        entries.withLock { entries in
            if entries.dossiers.updateValue(dossier, forKey: dossier.id) == nil { entries.order.append(dossier.id) }
            if entries.dossiers.count > capacity {
                let excess = entries.dossiers.count - capacity / 2
                for id in entries.order.prefix(excess) { entries.dossiers[id] = nil }
                entries.order.removeFirst(min(excess, entries.order.count))
            }
            // Forgotten and re-kept ids leave stale places in the order: tidy it before it grows.
            if entries.order.count > 2 * capacity {
                var seen = Set<DossierID>()
                entries.order = entries.order.filter { entries.dossiers[$0] != nil && seen.insert($0).inserted }
            }
        }
    }

    /// Drops a dossier (after a conflict showed it stale).
    public func forget(_ id: DossierID) {
        entries.withLock { _ = $0.dossiers.removeValue(forKey: id) }
    }

    /// How many dossiers are kept.
    public var count: Int { entries.withLock { $0.dossiers.count } }
}
