import Testing
@testable import TTHCCalendar

@Test func builds() {}
