internal import PostgresNIO
internal import TTHCEngine

/// The store's hot statements as prepared statements: PostgreSQL parses and plans each once per
/// connection instead of at every call (the append is a large statement; at a thousand actions a
/// second its parsing and planning were a good share of the server's work). Their names carry the
/// schema version, so a store migrated while connections stay open never runs an old plan.
enum PostgresStatements {
    /// ``PostgresSchema/append``: $1 the dossiers' keys, $2 the expected versions, $3 the events,
    /// $4 the summaries; answers (events written, summaries written, the stored versions seen).
    struct Append: PostgresPreparedStatement {
        static let name = "tthc_append_v\(PostgresSchema.migrations.count)"
        static let sql = PostgresSchema.append
        typealias Row = (Int, Int, String)

        var keys: [String]
        var expected: String
        var events: String
        var summaries: String

        func makeBindings() throws -> PostgresBindings {
            var binds = PostgresBindings()
            binds.append(keys)
            binds.append(expected)
            binds.append(events)
            binds.append(summaries)
            return binds
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    /// ``PostgresSchema/appendOne``: one dossier's events and summary; answers as ``Append``.
    struct AppendOne: PostgresPreparedStatement {
        static let name = "tthc_append_one_v\(PostgresSchema.migrations.count)"
        static let sql = PostgresSchema.appendOne
        typealias Row = (Int, Int, String)

        var key: String
        var expected: Int
        var events: [EventRow]
        var summary: SummaryRow

        func makeBindings() throws -> PostgresBindings {
            var binds = PostgresBindings()
            binds.append(key)
            binds.append(expected)
            binds.append(events.map(\.sequence))
            binds.append(events.map(\.at))
            binds.append(events.map(\.actor))
            binds.append(events.map { $0.note != nil })
            binds.append(events.map { $0.note ?? "" })
            binds.append(events.map(\.catalogRevision))
            binds.append(events.map(\.kind))
            binds.append(events.map(\.payload))
            let s = summary
            binds.append(s.version)
            binds.append(s.procedure)
            binds.append(s.phase)
            binds.append(s.step)
            binds.append(s.role)
            binds.append(s.agency)
            binds.append(s.channel)
            binds.append(s.receivedAt)
            binds.append(s.statutoryDue)
            binds.append(s.overdueFrom)
            binds.append(s.appointment)
            binds.append(s.extended)
            binds.append(s.stoppedSince)
            binds.append(s.stepDue)
            binds.append(s.supplementRequests)
            binds.append(s.resultAt)
            binds.append(s.punctuality)
            binds.append(s.lastEventAt)
            binds.append(s.ward)
            return binds
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    /// ``PostgresSchema/selectEvents``: a dossier's events after a sequence, in order.
    struct Events: PostgresPreparedStatement {
        static let name = "tthc_events_v\(PostgresSchema.migrations.count)"
        static let sql = PostgresSchema.selectEvents
        typealias Row = DossierEvent

        var dossier: String
        var after: Int

        func makeBindings() throws -> PostgresBindings {
            var binds = PostgresBindings()
            binds.append(dossier)
            binds.append(after)
            return binds
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try EventRow.decode(row) }
    }

    /// ``PostgresSchema/selectSummary``: one dossier's summary.
    struct Summary: PostgresPreparedStatement {
        static let name = "tthc_summary_v\(PostgresSchema.migrations.count)"
        static let sql = PostgresSchema.selectSummary
        typealias Row = DossierSummary

        var dossier: String

        func makeBindings() throws -> PostgresBindings {
            var binds = PostgresBindings()
            binds.append(dossier)
            return binds
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try SummaryRow.decode(row) }
    }
}
