internal import Foundation
internal import GRDB
internal import TTHCCalendar
internal import TTHCEngine
internal import TTHCModel

/// The schema, its migrations and the statements the store runs.
///
/// Instants are INTEGER seconds since 1970 (UTC); enumerations are their raw values; the actor and
/// the event's kind are JSON (the engine's `Codable` forms).
enum SQLiteSchema {
    /// The migrations, in order. Never edit a registered migration: add one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-events-and-summaries") { db in
            try db.execute(sql: """
                CREATE TABLE events (
                    dossier          TEXT    NOT NULL,
                    sequence         INTEGER NOT NULL CHECK (sequence >= 1),
                    at               INTEGER NOT NULL,
                    actor            TEXT    NOT NULL,
                    note             TEXT,
                    catalog_revision TEXT    NOT NULL,
                    kind             TEXT    NOT NULL,
                    payload          TEXT    NOT NULL,
                    PRIMARY KEY (dossier, sequence)
                ) WITHOUT ROWID;

                CREATE TABLE summaries (
                    id                  TEXT    NOT NULL PRIMARY KEY,
                    version             INTEGER NOT NULL CHECK (version >= 1),
                    procedure           TEXT    NOT NULL,
                    phase               TEXT    NOT NULL,
                    step                TEXT,
                    role                TEXT,
                    agency              TEXT,
                    channel             TEXT    NOT NULL,
                    received_at         INTEGER,
                    statutory_due       INTEGER,
                    overdue_from        INTEGER,
                    appointment         INTEGER,
                    extended            INTEGER NOT NULL,
                    stopped_since       INTEGER,
                    step_due            INTEGER,
                    supplement_requests INTEGER NOT NULL,
                    result_at           INTEGER,
                    punctuality         TEXT,
                    last_event_at       INTEGER NOT NULL
                ) WITHOUT ROWID;

                -- Overdue now (phase = 'processing' AND overdue_from <= now), not yet overdue.
                CREATE INDEX summaries_phase_overdue ON summaries (phase, overdue_from);
                -- By state, in the listing's order; due within N working days (phase = 'processing'
                -- AND statutory_due <= limit).
                CREATE INDEX summaries_phase_due ON summaries (phase, statutory_due);
                -- Work queues: by step, role, agency; each in the listing's order.
                CREATE INDEX summaries_step ON summaries (step, statutory_due);
                CREATE INDEX summaries_role ON summaries (role, statutory_due);
                CREATE INDEX summaries_agency ON summaries (agency, statutory_due);
                CREATE INDEX summaries_procedure ON summaries (procedure, statutory_due);
                -- Statistics over a period.
                CREATE INDEX summaries_received ON summaries (received_at);
                """)
        }
        migrator.registerMigration("v2-summaries-ward") { db in
            try db.execute(sql: """
                ALTER TABLE summaries ADD COLUMN ward TEXT;
                -- A ward's own queues (several wards on one store).
                CREATE INDEX summaries_ward ON summaries (ward, statutory_due);
                """)
        }
        return migrator
    }

    static let selectVersion = "SELECT MAX(sequence) FROM events WHERE dossier = ?"

    static let insertEvent = """
        INSERT INTO events (dossier, sequence, at, actor, note, catalog_revision, kind, payload)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """

    static let selectEvents = """
        SELECT dossier, sequence, at, actor, note, catalog_revision, kind, payload
        FROM events WHERE dossier = ? AND sequence > ? ORDER BY sequence
        """

    static let summaryColumns = [
        "id", "version", "procedure", "phase", "step", "role", "agency", "channel", "received_at", "statutory_due", "overdue_from",
        "appointment", "extended", "stopped_since", "step_due", "supplement_requests", "result_at", "punctuality", "last_event_at", "ward",
    ]

    static let upsertSummary: String = {
        let columns = summaryColumns.joined(separator: ", ")
        let placeholders = summaryColumns.map { _ in "?" }.joined(separator: ", ")
        let updates = summaryColumns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return "INSERT INTO summaries (\(columns)) VALUES (\(placeholders)) ON CONFLICT (id) DO UPDATE SET \(updates)"
    }()

    static let selectSummaryFrom = "SELECT \(summaryColumns.joined(separator: ", ")) FROM summaries"

    static let selectSummary = selectSummaryFrom + " WHERE id = ?"
}

/// An event as stored.
struct EventRow: Sendable {
    var dossier: String
    var sequence: Int
    var at: Int
    var actor: String
    var note: String?
    var catalogRevision: String
    var kind: String
    var payload: String

    var arguments: StatementArguments { [dossier, sequence, at, actor, note, catalogRevision, kind, payload] }

    static func encode(_ events: [DossierEvent]) throws(DossierStoreError) -> [EventRow] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return try events.map { event in
                EventRow(dossier: SQLiteText.key(event.dossier.rawValue), sequence: event.sequence, at: event.at.secondsSince1970,
                         actor: String(decoding: try encoder.encode(event.actor), as: UTF8.self), note: event.note,
                         catalogRevision: event.catalogRevision, kind: event.kind.name,
                         payload: String(decoding: try encoder.encode(event.kind), as: UTF8.self))
            }
        } catch {
            throw .invalidBatch("cannot encode an event: \(error)")
        }
    }

    static func decode(_ row: Row) throws -> DossierEvent {
        let decoder = JSONDecoder()
        let dossier = try row.decode(String.self, atIndex: 0)
        let sequence = try row.decode(Int.self, atIndex: 1)
        do {
            return DossierEvent(dossier: DossierID(dossier), sequence: sequence, at: Instant(secondsSince1970: try row.decode(Int.self, atIndex: 2)),
                                actor: try decoder.decode(DossierActor.self, from: Data(try row.decode(String.self, atIndex: 3).utf8)),
                                note: try row.decode(String?.self, atIndex: 4), catalogRevision: try row.decode(String.self, atIndex: 5),
                                kind: try decoder.decode(DossierEventKind.self, from: Data(try row.decode(String.self, atIndex: 7).utf8)))
        } catch {
            throw DossierStoreError.backend("event \(sequence) of \(dossier) cannot be read: \(error)")
        }
    }
}

/// A summary as stored (the columns of ``SQLiteSchema/summaryColumns``, in order).
struct SummaryRow: Sendable {
    var id: String
    var version: Int
    var procedure: String
    var phase: String
    var step: String?
    var role: String?
    var agency: String?
    var channel: String
    var receivedAt: Int?
    var statutoryDue: Int?
    var overdueFrom: Int?
    var appointment: Int?
    var extended: Bool
    var stoppedSince: Int?
    var stepDue: Int?
    var supplementRequests: Int
    var resultAt: Int?
    var punctuality: String?
    var lastEventAt: Int
    var ward: String?

    init(_ s: DossierSummary) {
        id = SQLiteText.key(s.id.rawValue)
        version = s.version
        procedure = SQLiteText.key(s.procedure)
        phase = s.phase.rawValue
        step = SQLiteText.key(s.step)
        role = SQLiteText.key(s.role)
        agency = SQLiteText.key(s.agency)
        channel = s.channel.rawValue
        receivedAt = s.receivedAt?.secondsSince1970
        statutoryDue = s.statutoryDue?.secondsSince1970
        overdueFrom = s.overdueFrom?.secondsSince1970
        appointment = s.appointment?.secondsSince1970
        extended = s.extended
        stoppedSince = s.stoppedSince?.secondsSince1970
        stepDue = s.stepDue?.secondsSince1970
        supplementRequests = s.supplementRequests
        resultAt = s.resultAt?.secondsSince1970
        punctuality = s.punctuality?.rawValue
        lastEventAt = s.lastEventAt.secondsSince1970
        ward = SQLiteText.key(s.ward)
    }

    var arguments: StatementArguments {
        [id, version, procedure, phase, step, role, agency, channel, receivedAt, statutoryDue, overdueFrom, appointment, extended,
         stoppedSince, stepDue, supplementRequests, resultAt, punctuality, lastEventAt, ward]
    }

    static func decode(_ row: Row) throws -> DossierSummary {
        let id = try row.decode(String.self, atIndex: 0)
        func instant(_ index: Int) throws -> Instant? { try row.decode(Int?.self, atIndex: index).map { Instant(secondsSince1970: $0) } }
        func corrupt(_ column: String, _ value: String) -> DossierStoreError { .backend("summary of \(id): bad \(column) '\(value)'") }
        let phaseText = try row.decode(String.self, atIndex: 3)
        guard let phase = DossierPhase(rawValue: phaseText) else { throw corrupt("phase", phaseText) }
        let channelText = try row.decode(String.self, atIndex: 7)
        guard let channel = Channel(rawValue: channelText) else { throw corrupt("channel", channelText) }
        var punctuality: Punctuality?
        if let text = try row.decode(String?.self, atIndex: 17) {
            guard let value = Punctuality(rawValue: text) else { throw corrupt("punctuality", text) }
            punctuality = value
        }
        return DossierSummary(
            id: DossierID(id), version: try row.decode(Int.self, atIndex: 1), procedure: try row.decode(String.self, atIndex: 2), phase: phase,
            step: try row.decode(String?.self, atIndex: 4), role: try row.decode(String?.self, atIndex: 5), agency: try row.decode(String?.self, atIndex: 6),
            channel: channel, receivedAt: try instant(8), statutoryDue: try instant(9), overdueFrom: try instant(10), appointment: try instant(11),
            extended: try row.decode(Bool.self, atIndex: 12), stoppedSince: try instant(13), stepDue: try instant(14),
            supplementRequests: try row.decode(Int.self, atIndex: 15), resultAt: try instant(16), punctuality: punctuality,
            lastEventAt: Instant(secondsSince1970: try row.decode(Int.self, atIndex: 18)), ward: try row.decode(String?.self, atIndex: 19))
    }
}

/// ``DossierQuery`` as SQL: the WHERE clause of ``DossierQuery/matches(_:)`` and the order of
/// ``DossierQuery/precedes(_:_:)``.
enum SQLiteQuery {
    /// The clause of a dossier whose clock runs and has no result (the phase written literally, so
    /// that SQLite sees the equality that leads the (phase, …) indexes).
    static let running = "phase = 'processing' AND result_at IS NULL"

    static func select(_ query: DossierQuery) -> (String, StatementArguments) {
        var clauses: [String] = []
        var arguments = StatementArguments()
        if let phases = query.phases {
            if phases.isEmpty {
                clauses.append("0")
            } else {
                let sorted = phases.map(\.rawValue).sorted()
                clauses.append("phase IN (" + sorted.map { _ in "?" }.joined(separator: ", ") + ")")
                arguments += StatementArguments(sorted)
            }
        }
        func equal(_ column: String, _ value: String?) {
            guard let value else { return }
            clauses.append("\(column) = ?")
            arguments += [SQLiteText.key(value)]
        }
        equal("procedure", query.procedure)
        equal("step", query.step)
        equal("role", query.role)
        equal("agency", query.agency)
        equal("ward", query.ward)
        if let instant = query.overdueAt {
            clauses.append("\(running) AND overdue_from <= ?")
            arguments += [instant.secondsSince1970]
        }
        if let instant = query.notOverdueAt {
            clauses.append("\(running) AND overdue_from > ?")
            arguments += [instant.secondsSince1970]
        }
        if let instant = query.dueBy {
            clauses.append("\(running) AND statutory_due <= ?")
            arguments += [instant.secondsSince1970]
        }
        if let instant = query.receivedFrom {
            clauses.append("received_at >= ?")
            arguments += [instant.secondsSince1970]
        }
        if let instant = query.receivedBefore {
            clauses.append("received_at < ?")
            arguments += [instant.secondsSince1970]
        }
        var sql = SQLiteSchema.selectSummaryFrom
        if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
        sql += " ORDER BY statutory_due IS NULL, statutory_due, id"
        if let limit = query.limit {
            sql += " LIMIT ?"
            arguments += [max(0, limit)]
        }
        return (sql, arguments)
    }
}
