import Foundation
import Testing
import TTHCCompiler
import TTHCDiagnostics
import TTHCModel

/// The golden corpus of broken procedure files (STYLE.md 14).
///
/// Every `Fixtures/broken/NNN-name.yaml` (or folder `Fixtures/broken/NNN-name/`, whose files are
/// compiled together) is compiled against the small registry in `Fixtures/catalog`, and its
/// diagnostics, rendered as `tthc lint` prints them (no colour), must equal
/// `Fixtures/broken/NNN-name.expected` (Vietnamese) and, where that file exists,
/// `NNN-name.expected.en` (English). Paths in the output are relative to `Fixtures/`
/// (`broken/007-yaml-unknown-alias.yaml`).
///
/// To re-record after a deliberate change to a message or a place, run
/// `RECORD_GOLDEN=1 swift test --filter GoldenDiagnostics`: the expected files are rewritten and
/// each rewritten case fails once, so a recording is never mistaken for a pass. Review the diff
/// before committing. To give a case an English golden file, create an empty `.expected.en` beside
/// it and record.
@Suite("Golden diagnostics")
struct GoldenDiagnosticsTests {
    @Test("Rendered diagnostics match the expected file", arguments: GoldenCorpus.cases)
    func matchesExpected(_ golden: GoldenCase) throws {
        let result = GoldenCorpus.compile(golden)
        GoldenCorpus.compare(GoldenCorpus.render(result, language: .vi), with: golden.expectedPath)
        if FileManager.default.fileExists(atPath: golden.expectedEnglishPath) {
            GoldenCorpus.compare(GoldenCorpus.render(result, language: .en), with: golden.expectedEnglishPath)
        }
    }

    @Test("Every broken case reports at least one error or warning", arguments: GoldenCorpus.cases)
    func reportsSomething(_ golden: GoldenCase) {
        let result = GoldenCorpus.compile(golden)
        let errors = result.diagnostics.count { $0.severity == .error }
        let warnings = result.diagnostics.count { $0.severity == .warning }
        #expect(errors + warnings > 0, "\(golden.name) compiles without any error or warning")
    }

    @Test("The valid fixture, which uses every key of the language, compiles with no diagnostic")
    func validFixtureIsClean() {
        let result = CatalogCompiler(root: GoldenCorpus.catalog).compile()
        let rendered = GoldenCorpus.render(result, language: .en)
        #expect(result.diagnostics.isEmpty, "\(rendered)")
        #expect(result.procedureFileCount == 1)
        #expect(result.catalog?.procedures.map(\.id) == ["thu-tuc-mau-day-du"])
        #expect(result.catalog?.procedures.first?.versions.count == 3)
    }

    @Test("The corpus is complete: enough cases, each with its comment, expected files and English samples")
    func corpusIsComplete() throws {
        let cases = GoldenCorpus.cases
        #expect(cases.count >= 45)
        let english = cases.filter { FileManager.default.fileExists(atPath: $0.expectedEnglishPath) }
        #expect(english.count >= 5)
        for golden in cases {
            #expect(FileManager.default.fileExists(atPath: golden.expectedPath), "\(golden.name) has no .expected file")
            for file in golden.files {
                let head = try String(decoding: Data(contentsOf: URL(fileURLWithPath: file)).prefix(2), as: UTF8.self)
                #expect(head == "# ", "\(file) must begin with a comment saying what is wrong")
            }
        }
        // No stray expected files for cases that no longer exist.
        let names = Set(cases.map(\.name))
        for entry in try FileManager.default.contentsOfDirectory(atPath: GoldenCorpus.broken) {
            guard let stem = entry.components(separatedBy: ".expected").first, entry.contains(".expected") else { continue }
            #expect(names.contains(stem), "\(entry) belongs to no fixture")
        }
    }
}

/// One case of the corpus: a broken procedure file, or a folder of files compiled together.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    /// The file or folder name without extension, e.g. `006-yaml-unknown-alias`.
    var name: String
    /// Absolute paths of the procedure files to compile together.
    var files: [String]

    /// The Vietnamese golden file.
    var expectedPath: String { GoldenCorpus.broken + "/" + name + ".expected" }
    /// The English golden file (optional).
    var expectedEnglishPath: String { expectedPath + ".en" }

    var testDescription: String { name }
}

/// Where the fixtures are and how a case is compiled, rendered and compared.
enum GoldenCorpus {
    /// `Tests/TTHCCompilerTests/Fixtures`, read from the source tree so that recording writes there.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    /// The fixture catalogue: `_shared/` registries, `calendars/`, and the valid procedure.
    static let catalog = fixtures + "/catalog"
    /// The broken cases.
    static let broken = fixtures + "/broken"

    /// Whether this run rewrites the expected files.
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// Every case, in name order.
    static let cases: [GoldenCase] = {
        let fm = FileManager.default
        let entries = (try? fm.contentsOfDirectory(atPath: broken)) ?? []
        var cases: [GoldenCase] = []
        for entry in entries.sorted() {
            let path = broken + "/" + entry
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let files = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
                cases.append(GoldenCase(name: entry, files: files.map { path + "/" + $0 }))
            } else if entry.hasSuffix(".yaml") {
                cases.append(GoldenCase(name: String(entry.dropLast(".yaml".count)), files: [path]))
            }
        }
        return cases
    }()

    /// Compiles the case's files against the fixture catalogue's registries.
    static func compile(_ golden: GoldenCase) -> CompilationResult {
        CatalogCompiler(root: catalog).compile(files: golden.files)
    }

    /// The diagnostics as `tthc lint` prints them, without colour or summary, with every path made
    /// relative to `Fixtures/`.
    static func render(_ result: CompilationResult, language: Language) -> String {
        let diagnostics = result.diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.range.file = relative(diagnostic.range.file)
            diagnostic.notes = diagnostic.notes.map { note in
                var note = note
                if let file = note.range?.file { note.range?.file = relative(file) }
                return note
            }
            return diagnostic
        }
        let sources = Dictionary(result.sources.map { (relative($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        return DiagnosticRenderer(language: language, colored: false, sources: sources).render(diagnostics)
    }

    /// `path` relative to `Fixtures/` when it lies inside it.
    static func relative(_ path: String) -> String {
        let prefix = fixtures + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// Compares `actual` with the file at `path`, or rewrites the file when recording.
    static func compare(_ actual: String, with path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let name = relative(path)
        let expected = (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) }
        if recording {
            guard expected != actual else { return }
            do {
                try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
                Issue.record("Recorded \(name); run again without RECORD_GOLDEN=1 and review the diff.", sourceLocation: sourceLocation)
            } catch {
                Issue.record("Cannot write \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected else {
            Issue.record("\(name) is missing; run `RECORD_GOLDEN=1 swift test --filter GoldenDiagnostics` to create it.\n\(actual)", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("\(name) differs:\n\(difference(expected: expected, actual: actual))", sourceLocation: sourceLocation)
        }
    }

    /// The first differing line with some context, then the whole actual output.
    static func difference(expected: String, actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        let index = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
        let expectedLine = index < e.count ? e[index] : "<end>"
        let actualLine = index < a.count ? a[index] : "<end>"
        return "line \(index + 1)\n  expected: \(expectedLine)\n  actual:   \(actualLine)\n--- actual output ---\n\(actual)"
    }
}
