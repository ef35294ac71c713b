import ArgumentParser
import TTHCCommands
import TTHCService

/// The `tthc` executable: the library's subcommands and the HTTP service's, under one root
/// command (async, because the dossier commands and the service are).
@main
struct TTHCMain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tthc",
        abstract: TTHCCommand.abstract,
        subcommands: TTHCCommand.subcommands + [ServeCommand.self, TokenCommand.self]
    )
}
