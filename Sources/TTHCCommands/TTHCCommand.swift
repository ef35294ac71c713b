import ArgumentParser

/// The `tthc` subcommands of this library; the executable adds the HTTP service's (`serve`,
/// `token`) and runs them under its root command.
public enum TTHCCommand {
    /// The root command's abstract.
    public static let abstract = "Thủ tục hành chính: biên dịch, kiểm tra và tính hạn giải quyết."

    /// The subcommands, in the order `tthc --help` lists them.
    public static let subcommands: [any ParsableCommand.Type] = [
        LintCommand.self, CompileCommand.self, TestCommand.self, CheckCommand.self, ShowCommand.self, ListCommand.self, DueCommand.self,
        CalendarCommand.self, LunarCommand.self, SchemaCommand.self, GraphCommand.self, SiteCommand.self, TableCommand.self, DossierGroupCommand.self, StatsCommand.self,
    ]
}
