internal import Foundation
internal import PostgresNIO
internal import TTHCCalendar
internal import TTHCEngine
internal import TTHCModel

/// The schema, its migrations and the statements the store runs.
///
/// The tables mirror the SQLite store's: instants are `bigint` seconds since 1970 (UTC),
/// enumerations their raw values, the actor and the event's kind JSON text (the engine's `Codable`
/// forms, stored as written). Key columns use the `C` collation, so that PostgreSQL's order is the
/// order of Unicode scalars, which is Swift's `String` order once text is NFC.
enum PostgresSchema {
    /// One migration: a version, a name for `schema_migrations`, and its statements.
    struct Migration: Sendable {
        let version: Int
        let name: String
        let statements: [String]
    }

    /// The migrations, in order. Never edit one that has shipped: add a new one.
    static let migrations: [Migration] = [
        Migration(version: 1, name: "events-and-summaries", statements: [
            """
            CREATE TABLE events (
                dossier          text COLLATE "C" NOT NULL,
                sequence         integer NOT NULL CHECK (sequence >= 1),
                at               bigint  NOT NULL,
                actor            text    NOT NULL,
                note             text,
                catalog_revision text    NOT NULL,
                kind             text    NOT NULL,
                payload          text    NOT NULL,
                PRIMARY KEY (dossier, sequence)
            )
            """,
            """
            CREATE TABLE summaries (
                id                  text COLLATE "C" NOT NULL PRIMARY KEY,
                version             integer NOT NULL CHECK (version >= 1),
                procedure           text COLLATE "C" NOT NULL,
                phase               text COLLATE "C" NOT NULL,
                step                text COLLATE "C",
                role                text COLLATE "C",
                agency              text COLLATE "C",
                channel             text    NOT NULL,
                received_at         bigint,
                statutory_due       bigint,
                overdue_from        bigint,
                appointment         bigint,
                extended            boolean NOT NULL,
                stopped_since       bigint,
                step_due            bigint,
                supplement_requests integer NOT NULL,
                result_at           bigint,
                punctuality         text,
                last_event_at       bigint  NOT NULL
            )
            """,
            // Overdue now (phase = 'processing' AND overdue_from <= now), not yet overdue.
            "CREATE INDEX summaries_phase_overdue ON summaries (phase, overdue_from)",
            // By state, in the listing's order; due within N working days.
            "CREATE INDEX summaries_phase_due ON summaries (phase, statutory_due, id)",
            // Work queues: by step, role, agency, procedure; each in the listing's order.
            "CREATE INDEX summaries_step ON summaries (step, statutory_due, id)",
            "CREATE INDEX summaries_role ON summaries (role, statutory_due, id)",
            "CREATE INDEX summaries_agency ON summaries (agency, statutory_due, id)",
            "CREATE INDEX summaries_procedure ON summaries (procedure, statutory_due, id)",
            // Statistics over a period.
            "CREATE INDEX summaries_received ON summaries (received_at)",
            // The listing's order for queries with no other filter (`.all` with a limit).
            "CREATE INDEX summaries_order ON summaries (statutory_due, id)",
        ]),
        Migration(version: 2, name: "summaries-ward", statements: [
            // The ward that received the dossier (several wards on one database); NULL before.
            "ALTER TABLE summaries ADD COLUMN ward text COLLATE \"C\"",
            // A ward's own queues, in the listing's order.
            "CREATE INDEX summaries_ward ON summaries (ward, statutory_due, id)",
        ]),
    ]

    /// Taken (for the transaction) before migrating, so that two processes starting at once
    /// migrate one after the other: the first applies, the second finds nothing left to do.
    /// The key is this constant and the schema's name.
    static let migrationLockClass: Int32 = 0x7474_6863   // "tthc"

    static let createMigrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer PRIMARY KEY,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """

    /// The summaries' columns with their SQL types, in the order every statement lists them (and
    /// ``SummaryRow`` binds and decodes them).
    static let summaryColumnTypes: [(name: String, type: String)] = [
        ("id", "text"), ("version", "integer"), ("procedure", "text"), ("phase", "text"), ("step", "text"), ("role", "text"),
        ("agency", "text"), ("channel", "text"), ("received_at", "bigint"), ("statutory_due", "bigint"), ("overdue_from", "bigint"),
        ("appointment", "bigint"), ("extended", "boolean"), ("stopped_since", "bigint"), ("step_due", "bigint"),
        ("supplement_requests", "integer"), ("result_at", "bigint"), ("punctuality", "text"), ("last_event_at", "bigint"), ("ward", "text"),
    ]

    static let summaryColumns = summaryColumnTypes.map(\.name)

    /// `id, version, …`: the summaries' columns for an insert or a select.
    static let summaryColumnList = summaryColumns.joined(separator: ", ")

    /// `version = excluded.version, …`: the upsert's update of every column but the key.
    static let summaryUpdates = summaryColumns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")

    static let selectVersions = "SELECT id, version FROM summaries WHERE id = ANY($1::text[])"

    /// An append as one statement, so one transaction and one round trip: lock the summaries of
    /// the batch's dossiers (in id order, as the inserts go, so that batches wait rather than
    /// deadlock), and only when each dossier's stored version is the one its first action
    /// expects, insert every event and upsert every summary (each from one JSON array). Answers
    /// how many events and summaries were written and the stored versions it saw, from which the
    /// caller names the conflict when nothing was.
    ///
    /// Parameters: $1 the dossiers (text[], NFC), $2 `[{"id", "expected"}]` (the first action of
    /// each dossier), $3 the events, $4 the summaries (see ``EventRow`` and ``SummaryRow``).
    static let append: String = {
        let records = summaryColumnTypes.map { "\($0.name) \($0.type)" }.joined(separator: ", ")
        return """
            WITH stored AS (
                SELECT id, version FROM summaries WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE
            ), conflicts AS (
                SELECT w.id FROM json_to_recordset($2::json) AS w(id text, expected integer)
                LEFT JOIN stored s ON s.id = w.id
                WHERE coalesce(s.version, 0) <> w.expected
            ), written AS (
                INSERT INTO events (dossier, sequence, at, actor, note, catalog_revision, kind, payload)
                SELECT dossier, sequence, at, actor, note, catalog_revision, kind, payload
                FROM json_to_recordset($3::json) AS r(dossier text, sequence integer, at bigint, actor text, note text,
                                                      catalog_revision text, kind text, payload text)
                WHERE NOT EXISTS (SELECT 1 FROM conflicts)
                ORDER BY dossier, sequence
                RETURNING 1
            ), summarised AS (
                INSERT INTO summaries (\(summaryColumnList))
                SELECT \(summaryColumnList)
                FROM json_to_recordset($4::json) AS r(\(records))
                WHERE NOT EXISTS (SELECT 1 FROM conflicts)
                ORDER BY id
                ON CONFLICT (id) DO UPDATE SET \(summaryUpdates)
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM written), (SELECT count(*) FROM summarised),
                   (SELECT coalesce(json_object_agg(id, version), '{}') FROM stored)::text
            """
    }()

    /// ``append`` for one dossier, the common case (a receipt, an action), with plain parameters
    /// instead of JSON records: PostgreSQL neither parses JSON nor plans a join on it, and the
    /// server encodes no JSON besides the events' payloads. Same locking, same answer.
    ///
    /// Parameters: $1 the dossier (NFC), $2 the expected version, $3…$10 the events' columns as
    /// arrays (sequence, at, actor, has_note, note, catalog_revision, kind, payload; a NULL note is
    /// `has_note = false`), $11… the summary's columns after `id`, in ``summaryColumnTypes``' order.
    static let appendOne: String = {
        let values = (["$1"] + summaryColumnTypes.indices.dropFirst().map { "$\(10 + $0)::\(summaryColumnTypes[$0].type)" }).joined(separator: ", ")
        return """
            WITH stored AS (
                SELECT version FROM summaries WHERE id = $1 FOR UPDATE
            ), allowed AS (
                SELECT 1 WHERE coalesce((SELECT version FROM stored), 0) = $2
            ), written AS (
                INSERT INTO events (dossier, sequence, at, actor, note, catalog_revision, kind, payload)
                SELECT $1, e.sequence, e.at, e.actor, CASE WHEN e.has_note THEN e.note END, e.catalog_revision, e.kind, e.payload
                FROM unnest($3::integer[], $4::bigint[], $5::text[], $6::boolean[], $7::text[], $8::text[], $9::text[], $10::text[])
                     AS e(sequence, at, actor, has_note, note, catalog_revision, kind, payload)
                WHERE EXISTS (SELECT 1 FROM allowed)
                ORDER BY e.sequence
                RETURNING 1
            ), summarised AS (
                INSERT INTO summaries (\(summaryColumnList))
                SELECT \(values)
                WHERE EXISTS (SELECT 1 FROM allowed)
                ON CONFLICT (id) DO UPDATE SET \(summaryUpdates)
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM written), (SELECT count(*) FROM summarised),
                   (SELECT coalesce(json_object_agg($1::text, version), '{}') FROM stored)::text
            """
    }()

    static let selectEvents = """
        SELECT dossier, sequence, at, actor, note, catalog_revision, kind, payload
        FROM events WHERE dossier = $1 AND sequence > $2 ORDER BY sequence
        """

    static let selectSummaryFrom = "SELECT \(summaryColumnList) FROM summaries"

    static let selectSummary = selectSummaryFrom + " WHERE id = $1"
}

/// Text as stored in key columns: NFC, so that byte comparison is `String` comparison.
enum PostgresText {
    static func key(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
    }

    static func key(_ text: String?) -> String? { text.map { key($0) } }
}

/// An event as stored (encoded into the JSON array ``PostgresSchema/append`` reads).
struct EventRow: Sendable, Encodable {
    var dossier: String
    var sequence: Int
    var at: Int
    var actor: String
    var note: String?
    var catalogRevision: String
    var kind: String
    var payload: String

    enum CodingKeys: String, CodingKey {
        case dossier, sequence, at, actor, note, kind, payload
        case catalogRevision = "catalog_revision"
    }

    static func encode(_ events: [DossierEvent]) throws(DossierStoreError) -> [EventRow] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return try events.map { event in
                EventRow(dossier: PostgresText.key(event.dossier.rawValue), sequence: event.sequence, at: event.at.secondsSince1970,
                         actor: String(decoding: try encoder.encode(event.actor), as: UTF8.self), note: event.note,
                         catalogRevision: event.catalogRevision, kind: event.kind.name,
                         payload: String(decoding: try encoder.encode(event.kind), as: UTF8.self))
            }
        } catch {
            throw .invalidBatch("cannot encode an event: \(error)")
        }
    }

    /// Decodes a row of ``PostgresSchema/selectEvents``.
    static func decode(_ row: PostgresRow) throws -> DossierEvent {
        let (dossier, sequence, at, actor, note, revision, _, payload) = try row.decode((String, Int, Int, String, String?, String, String, String).self)
        let decoder = JSONDecoder()
        do {
            return DossierEvent(dossier: DossierID(dossier), sequence: sequence, at: Instant(secondsSince1970: at),
                                actor: try decoder.decode(DossierActor.self, from: Data(actor.utf8)), note: note, catalogRevision: revision,
                                kind: try decoder.decode(DossierEventKind.self, from: Data(payload.utf8)))
        } catch {
            throw DossierStoreError.backend("event \(sequence) of \(dossier) cannot be read: \(error)")
        }
    }
}

/// A summary as stored (the columns of ``PostgresSchema/summaryColumns``, encoded into the JSON
/// array ``PostgresSchema/append`` reads; absent keys are NULL).
struct SummaryRow: Sendable, Encodable {
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

    enum CodingKeys: String, CodingKey {
        case id, version, procedure, phase, step, role, agency, channel, appointment, extended, punctuality, ward
        case receivedAt = "received_at", statutoryDue = "statutory_due", overdueFrom = "overdue_from", stoppedSince = "stopped_since"
        case stepDue = "step_due", supplementRequests = "supplement_requests", resultAt = "result_at", lastEventAt = "last_event_at"
    }

    init(_ s: DossierSummary) {
        id = PostgresText.key(s.id.rawValue)
        version = s.version
        procedure = PostgresText.key(s.procedure)
        phase = s.phase.rawValue
        step = PostgresText.key(s.step)
        role = PostgresText.key(s.role)
        agency = PostgresText.key(s.agency)
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
        ward = PostgresText.key(s.ward)
    }

    /// Decodes a row of ``PostgresSchema/selectSummaryFrom``.
    static func decode(_ row: PostgresRow) throws -> DossierSummary {
        let (id, version, procedure, phaseText, step, role, agency, channelText, receivedAt, statutoryDue, overdueFrom, appointment,
             extended, stoppedSince, stepDue, supplementRequests, resultAt, punctualityText, lastEventAt, ward) = try row.decode(
                (String, Int, String, String, String?, String?, String?, String, Int?, Int?, Int?, Int?, Bool, Int?, Int?, Int, Int?, String?, Int,
                 String?).self)
        func corrupt(_ column: String, _ value: String) -> DossierStoreError { .backend("summary of \(id): bad \(column) '\(value)'") }
        func instant(_ seconds: Int?) -> Instant? { seconds.map { Instant(secondsSince1970: $0) } }
        guard let phase = DossierPhase(rawValue: phaseText) else { throw corrupt("phase", phaseText) }
        guard let channel = Channel(rawValue: channelText) else { throw corrupt("channel", channelText) }
        var punctuality: Punctuality?
        if let punctualityText {
            guard let value = Punctuality(rawValue: punctualityText) else { throw corrupt("punctuality", punctualityText) }
            punctuality = value
        }
        return DossierSummary(
            id: DossierID(id), version: version, procedure: procedure, phase: phase, step: step, role: role, agency: agency, channel: channel,
            receivedAt: instant(receivedAt), statutoryDue: instant(statutoryDue), overdueFrom: instant(overdueFrom), appointment: instant(appointment),
            extended: extended, stoppedSince: instant(stoppedSince), stepDue: instant(stepDue), supplementRequests: supplementRequests,
            resultAt: instant(resultAt), punctuality: punctuality, lastEventAt: Instant(secondsSince1970: lastEventAt), ward: ward)
    }
}

/// ``DossierQuery`` as SQL: the WHERE clause of ``DossierQuery/matches(_:)`` and the order of
/// ``DossierQuery/precedes(_:_:)`` (statutory due, none last, then id).
enum PostgresQueryBuilder {
    /// A dossier whose clock runs and has no result (the phase written literally, so that the
    /// planner sees the equality leading the (phase, …) indexes).
    static let running = "phase = 'processing' AND result_at IS NULL"

    static func select(_ query: DossierQuery) -> PostgresQuery {
        var clauses: [String] = []
        var binds = PostgresBindings()
        func parameter(_ value: String) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        func parameter(_ value: Int) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        if let phases = query.phases {
            if phases.isEmpty {
                clauses.append("false")
            } else {
                // Literal raw values (a closed enumeration), so that the planner sees them.
                clauses.append("phase IN (" + phases.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ") + ")")
            }
        }
        for (column, value) in [("procedure", query.procedure), ("step", query.step), ("role", query.role), ("agency", query.agency), ("ward", query.ward)] {
            if let value { clauses.append("\(column) = \(parameter(PostgresText.key(value)))") }
        }
        if let instant = query.overdueAt {
            clauses.append("\(running) AND overdue_from <= \(parameter(instant.secondsSince1970))")
        }
        if let instant = query.notOverdueAt {
            clauses.append("\(running) AND overdue_from > \(parameter(instant.secondsSince1970))")
        }
        if let instant = query.dueBy {
            clauses.append("\(running) AND statutory_due <= \(parameter(instant.secondsSince1970))")
        }
        if let instant = query.receivedFrom {
            clauses.append("received_at >= \(parameter(instant.secondsSince1970))")
        }
        if let instant = query.receivedBefore {
            clauses.append("received_at < \(parameter(instant.secondsSince1970))")
        }
        var sql = PostgresSchema.selectSummaryFrom
        if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
        sql += " ORDER BY statutory_due ASC NULLS LAST, id"
        if let limit = query.limit { sql += " LIMIT \(parameter(max(0, limit)))" }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}
