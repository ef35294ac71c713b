import Testing
@testable import TTHCCommands

@Test func builds() {}
