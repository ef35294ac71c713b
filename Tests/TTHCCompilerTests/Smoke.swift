import Testing
@testable import TTHCCompiler

@Test func builds() {}
