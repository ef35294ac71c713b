import ArgumentParser
import TTHCCommands

/// The `tthc` executable: runs the root command, which is async because the dossier commands are.
@main
enum TTHCMain {
    static func main() async {
        await TTHCCommand.main()
    }
}
