import Testing
@testable import TTHCDiagnostics

@Test func builds() {}
