import Foundation
import Testing
@testable import TTHCCommands
import TTHCCompiler
import TTHCDiagnostics
import TTHCEngine
import TTHCModel

/// The shipped catalogue as parameterised tests: each procedure file lints without errors and each
/// of its examples passes.
@Suite struct CatalogCorpusTests {
    static let compiled = CatalogCompiler(root: RepositoryPaths.procedures).compile()

    @Test func theCatalogueHasProcedures() {
        #expect(RepositoryPaths.procedureFiles.count >= 12)
    }

    @Test(arguments: RepositoryPaths.procedureFiles)
    func procedureFileHasNoErrors(_ file: String) {
        let path = RepositoryPaths.procedures + "/" + file
        let errors = Self.compiled.diagnostics.filter { $0.range.file == path && $0.severity == .error }
        let text = DiagnosticRenderer(language: .en, sources: Self.compiled.sources).render(errors)
        #expect(errors.isEmpty, "\(text)")
    }

    @Test(arguments: RepositoryPaths.procedureFiles)
    func examplesPass(_ file: String) throws {
        let catalog = try #require(Self.compiled.catalog, "the catalogue has errors")
        let procedure = try #require(catalog.procedures.first { $0.source == file })
        #expect(!procedure.tests.isEmpty, "every procedure carries examples")
        let assessor = try EngineSetup.assessor(for: catalog)
        for test in procedure.tests {
            let failures = ExampleRunner.run(test, of: procedure, assessor: EngineSetup.assessor(assessor, for: test, in: catalog), language: .vi)
            #expect(failures.isEmpty, "\(procedure.id) — \(test.name): \(failures.joined(separator: "; "))")
        }
    }

    @Test func compiledBundleRoundTripsIdentically() throws {
        let catalog = try #require(Self.compiled.catalog)
        let data = try catalog.encoded()
        let loaded = try Catalog.decode(data)
        #expect(loaded == catalog)
        #expect(try loaded.encoded() == data)
    }

    @Test func aForeignFileIsNotTakenForABundle() {
        #expect(throws: CatalogBundleError.notABundle) { try Catalog.decode(Data("{\"x\":1}".utf8)) }
        #expect(throws: CatalogBundleError.unsupportedFormat(99)) { try Catalog.decode(Data("{\"format\":99}".utf8)) }
    }

    @Test func revisionIsAContentHash() throws {
        let again = CatalogCompiler(root: RepositoryPaths.procedures).compile()
        let a = try #require(Self.compiled.catalog), b = try #require(again.catalog)
        #expect(a.revision == b.revision)
        #expect(a.revision.count == 16)
    }
}
