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

    /// Issue 5: a procedure without its legal basis or its examples is not a catalogue entry.
    @Test(arguments: RepositoryPaths.procedureFiles)
    func procedureFileHasLegalBasisAndExamples(_ file: String) throws {
        let catalog = try #require(Self.compiled.catalog, "the catalogue has errors")
        let procedure = try #require(catalog.procedures.first { $0.source == file })
        #expect(!procedure.tests.isEmpty, "\(file): no tests:")
        for version in procedure.versions {
            #expect(!version.legalBasis.isEmpty, "\(file): the version in force from \(version.effective) has no legal_basis")
            #expect(version.legalBasis.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty }, "\(file): an empty legal_basis entry")
        }
    }

    /// `Procedures/README.md` holds the table `tthc table` makes from these very files.
    @Test func readmeTableMatchesTheFiles() throws {
        let catalog = try #require(Self.compiled.catalog, "the catalogue has errors")
        let readme = try String(contentsOfFile: RepositoryPaths.procedures + "/README.md", encoding: .utf8)
        let expected = try #require(CatalogTable.replacingTable(in: readme, with: CatalogTable.markdown(catalog)), "README.md lacks the table markers")
        #expect(readme == expected, "Procedures/README.md is out of date: run swift run tthc table --write Procedures/README.md")
        for procedure in catalog.procedures {
            #expect(readme.contains("](\(procedure.source))"), "\(procedure.id) is not in the README's table")
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
