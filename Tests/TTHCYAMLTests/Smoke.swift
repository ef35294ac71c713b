import Testing
@testable import TTHCYAML

@Test func builds() {}
