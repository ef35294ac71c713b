import ArgumentParser
import TTHCCommands

TTHCCommand.main()
