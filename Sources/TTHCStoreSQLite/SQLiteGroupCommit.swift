internal import GRDB
internal import Synchronization
internal import TTHCEngine

/// Group commit for single appends: appends that arrive while a transaction is being written wait
/// and are then written together, in arrival order, in the next transaction, so that many clerks
/// acting at once pay for one commit (one WAL sync with `synchronous = FULL`) instead of one each.
///
/// Each append keeps its own outcome: it is checked against the dossier's stored version inside the
/// transaction (seeing the appends written before it in the same group) before anything of it is
/// written, so a conflict refuses that append alone and writes nothing of it, while the others
/// commit; any other failure aborts the whole transaction (below). An
/// append returns only after the transaction holding it has committed: acknowledged means durable,
/// exactly as with one transaction per append. When the transaction itself fails (disk full, I/O
/// error) every append of the group fails and nothing of the group is written.
final class SQLiteGroupCommit: Sendable {
    private typealias Waiter = CheckedContinuation<Result<Void, DossierStoreError>, Never>

    private struct State {
        var pending: [(row: WriteRow, waiter: Waiter)] = []
        var writing = false
    }

    private let pool: DatabasePool
    private let state = Mutex(State())

    init(pool: DatabasePool) {
        self.pool = pool
    }

    /// Writes `row` in the next group; returns when that group has committed.
    func write(_ row: WriteRow) async throws(DossierStoreError) {
        let outcome = await withCheckedContinuation { (waiter: Waiter) in
            let leads = state.withLock { state in
                state.pending.append((row, waiter))
                if state.writing { return false }
                state.writing = true
                return true
            }
            if leads { Task { await self.drain() } }
        }
        try outcome.get()
    }

    /// Writes groups until none is waiting; only one drain runs at a time.
    private func drain() async {
        while true {
            let group = state.withLock { state in
                let taken = state.pending
                state.pending = []
                if taken.isEmpty { state.writing = false }
                return taken
            }
            guard !group.isEmpty else { return }
            let rows = group.map(\.row)
            let outcomes: [Result<Void, DossierStoreError>]
            do {
                outcomes = try await pool.write { db in
                    // `WriteRow.write` throws a `DossierStoreError` only for a conflict, found before
                    // it writes; any other error leaves this closure and rolls the group back.
                    try rows.map { row in
                        do {
                            try row.write(db)
                            return .success(())
                        } catch let error as DossierStoreError {
                            return .failure(error)
                        }
                    }
                }
            } catch {
                let failure = DossierStoreError.backend(SQLiteDossierStore.describe(error))
                outcomes = Array(repeating: .failure(failure), count: group.count)
            }
            for (entry, outcome) in zip(group, outcomes) { entry.waiter.resume(returning: outcome) }
        }
    }
}
