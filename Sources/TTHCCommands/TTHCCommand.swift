import ArgumentParser

/// The root `tthc` command: lists the subcommands. Async, because the dossier commands are.
public struct TTHCCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tthc",
        abstract: "Thủ tục hành chính: biên dịch, kiểm tra và tính hạn giải quyết.",
        subcommands: [LintCommand.self, CompileCommand.self, TestCommand.self, CheckCommand.self, ShowCommand.self, ListCommand.self, DueCommand.self, CalendarCommand.self, LunarCommand.self, SchemaCommand.self, GraphCommand.self, SiteCommand.self, DossierGroupCommand.self, StatsCommand.self]
    )

    public init() {}
}
