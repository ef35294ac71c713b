import Testing
import TTHCCommands
import TTHCEngine

/// The service's kept dossiers stay within their capacity, oldest first out, and forget on demand.
@Suite struct DossierCacheTests {
    @Test func staysWithinCapacityAndForgets() {
        let cache = DossierCache(capacity: 10)
        for i in 0..<100 { cache.keep(Dossier(id: DossierID("HS-\(i)"))) }
        #expect(cache.count <= 10)
        #expect(cache.dossier("HS-99") != nil, "the newest is kept")
        #expect(cache.dossier("HS-0") == nil, "the oldest went first")
        cache.forget("HS-99")
        #expect(cache.dossier("HS-99") == nil)
        for _ in 0..<1_000 {
            cache.keep(Dossier(id: "HS-X"))
            cache.forget("HS-X")
        }
        #expect(cache.count <= 10)
    }
}
