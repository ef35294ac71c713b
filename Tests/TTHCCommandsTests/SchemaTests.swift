import Foundation
import Testing
@testable import TTHCCommands
import TTHCCompiler
import TTHCDiagnostics

/// `tthc schema`: the committed files are current, every key is documented, and an independent
/// validator agrees with the compiler on the shipped catalogue and on the broken-file corpus.
@Suite struct SchemaTests {
    static var options: GlobalOptions {
        var options = GlobalOptions()
        options.catalog = RepositoryPaths.procedures
        options.lang = .vi
        options.format = .text
        return options
    }

    static let schemasFolder = RepositoryPaths.root + "/schemas"
    static let broken = RepositoryPaths.root + "/Tests/TTHCCompilerTests/Fixtures/broken"
    static let fixtureCatalog = RepositoryPaths.root + "/Tests/TTHCCompilerTests/Fixtures/catalog"

    // MARK: The generated files

    @Test("The committed schemas are what the generator writes today", arguments: EditorSchemaKind.allCases)
    func committedSchemaIsCurrent(_ kind: EditorSchemaKind) throws {
        let path = Self.schemasFolder + "/" + kind.fileName
        let committed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(committed == EditorSchema.document(for: kind), "schemas/\(kind.fileName) is stale: run 'swift run tthc schema -o schemas' and commit it")
    }

    @Test func generationIsDeterministic() {
        for kind in EditorSchemaKind.allCases {
            #expect(EditorSchema.document(for: kind) == EditorSchema.document(for: kind))
        }
    }

    @Test("Every key has a Vietnamese description and an English one; every object is closed", arguments: EditorSchemaKind.allCases)
    func everyKeyIsDocumented(_ kind: EditorSchemaKind) throws {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(EditorSchema.document(for: kind).utf8)) as? [String: Any])
        #expect(root["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        var objects = 0
        func visit(_ value: Any, at path: String) {
            if let object = value as? [String: Any] {
                if let properties = object["properties"] as? [String: Any], object["type"] as? String == "object" {
                    objects += 1
                    #expect(object["additionalProperties"] as? Bool == false, "\(path) is not closed")
                    for (key, property) in properties {
                        let schema = property as? [String: Any]
                        let vi = schema?["description"] as? String ?? ""
                        let en = schema?["x-description-en"] as? String ?? ""
                        #expect(!vi.isEmpty, "\(path).\(key) has no description")
                        #expect(!en.isEmpty, "\(path).\(key) has no English description")
                    }
                }
                for (key, child) in object { visit(child, at: path + "/" + key) }
            } else if let array = value as? [Any] {
                for (i, child) in array.enumerated() { visit(child, at: path + "/\(i)") }
            }
        }
        visit(root, at: "#")
        #expect(objects > 0)
    }

    @Test func theProcedureSchemaDocumentsKeysInVietnamese() throws {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(EditorSchema.document(for: .procedure).utf8)) as? [String: Any])
        let properties = try #require(root["properties"] as? [String: Any])
        let steps = try #require(properties["steps"] as? [String: Any])
        #expect(steps["description"] as? String == "Trình tự thực hiện")
        #expect((root["required"] as? [String])?.contains("deadline") == true)
        let defs = try #require(root["$defs"] as? [String: Any])
        let step = try #require(defs["step"] as? [String: Any])
        #expect((step["required"] as? [String]) == ["id", "name", "role"])
        let level = try #require(properties["level"] as? [String: Any])
        #expect(level["enum"] as? [String] == ["xa", "tinh", "trung-uong"])
    }

    // MARK: The command

    @Test func withoutOutputTheProcedureSchemaIsPrinted() throws {
        let output = SchemaCommand.execute(kind: nil, output: nil, options: Self.options)
        #expect(output.status == 0)
        #expect(output.out == EditorSchema.document(for: .procedure))
        #expect(try JSONSerialization.jsonObject(with: Data(output.out.utf8)) is [String: Any])
    }

    @Test func kindSelectsTheSchemaPrinted() {
        let output = SchemaCommand.execute(kind: .calendar, output: nil, options: Self.options)
        #expect(output.out == EditorSchema.document(for: .calendar))
    }

    @Test func allWithoutAFolderIsBadInput() {
        let output = SchemaCommand.execute(kind: .all, output: nil, options: Self.options)
        #expect(output.status == 2)
        #expect(output.err.contains("-o"))
    }

    @Test func withOutputEverySchemaIsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-schemas-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = SchemaCommand.execute(kind: nil, output: folder + "/nested", options: Self.options)
        #expect(output.status == 0, "\(output.err)")
        for kind in EditorSchemaKind.allCases {
            let written = try String(contentsOfFile: folder + "/nested/" + kind.fileName, encoding: .utf8)
            #expect(written == EditorSchema.document(for: kind))
        }
        #expect(output.out.split(separator: "\n").count == EditorSchemaKind.allCases.count)
    }

    // MARK: An independent validator

    @Test("Every file under Procedures/ and the fixture catalogue is valid", .enabled(if: SchemaValidator.isAvailable, Comment(rawValue: SchemaValidator.requirement)))
    func shippedFilesAreValid() throws {
        let files = SchemaValidator.files(under: RepositoryPaths.procedures) + SchemaValidator.files(under: Self.fixtureCatalog)
        #expect(files.contains { $0.0 == .procedure } && files.contains { $0.0 == .calendar } && files.contains { $0.0 == .fees } && files.contains { $0.0 == .shared })
        let answer = try SchemaValidator.validate(files)
        #expect(answer.schemaErrors.isEmpty, "\(answer.schemaErrors)")
        #expect(answer.results.count == files.count)
        for result in answer.results {
            #expect(result.valid, "\(result.file) (\(result.kind)): \(result.loadError ?? "") \(result.errors.joined(separator: "; "))")
        }
    }

    /// Files that use the corners of the language; the compiler accepts them (checked below
    /// against the fixture catalogue's registries and fee schedules) and so must the schema.
    static let validSamples: [(String, String)] = [
        ("mau-goc-ngon-ngu", """
        id: mau-goc-ngon-ngu
        name: "Thủ tục mẫu: \\"phí\\" <chưa> & xác định"
        field: ho-tich
        level: xa
        agency: ubnd-xa
        channels: [online]
        effective: 2025-07-01
        legal_basis: [Luật mẫu]
        result: [Kết quả]
        facts:
          answer: {type: enum, label: Trả lời, of: {co: Có, khong: Không}, default: co}
          pages: {type: int, label: Số trang, min: 0, max: 1_000, default: 1}
          urgent: {type: bool, label: Khẩn, default: "false"}
          born: {type: date, label: Ngày sinh, default: 2020-02-29}
        papers: []
        deadline: {same_day: "9:30", on_supplement: restart}
        steps:
          - {id: intake, name: Tiếp nhận, role: one_stop_clerk, takes: {calendar_days: 0}, next: [{when: "answer == co and born < 2030-01-01", to: sign}, {to: end}]}
          - {id: sign, name: Ký, role: chairman}
        fee:
          kind: phi
          rules:
            - {when: urgent, schedule: ho_tich.ban_sao, per: pages, max: 8_000}
            - tiers: {of: pages, bands: [{upto: 2, each: 2_000}, {each: 1_000}]}
          online_discount: {percent: 100, from: 2025-01-01, until: 2025-12-31}
        tests:
          - name: khẩn, phí theo biểu của tỉnh
            facts: {urgent: true}
            channel: online
            received: 2026-02-13T09:00Z
            fee_schedule: ha-noi
            expect: {complete: true, fee: 5_000}
        """),
        ("mau-khong-phi", """
        id: mau-khong-phi
        name: Không thu phí
        field: chung-thuc
        level: trung-uong
        agency: so-tu-phap
        applicants: [citizen, organization]
        channels: [in_person, postal]
        effective: 2025-07-01
        until: 2025-12-31
        legal_basis: [Luật mẫu]
        result: [Kết quả]
        papers:
          - one_of: [{id: a, name: A, present: 1}, {id: b, name: B, original: 1, when: "channel == postal"}]
            name: Nhóm
          - {ref: identity_document, copy: 2, note: Ghi chú}
        deadline: {working_hours: 4, cases: [{when: "channel == postal", calendar_days: 3}]}
        steps: [{id: intake, name: Tiếp nhận, role: one_stop_clerk, agency: ubnd-xa, rework: [intake]}]
        fee: {none: true}
        versions:
          - effective: 2026-01-01
            note: Thu phí
            fee: {rules: [{amount: "if channel == postal then 0 else 5_000"}]}
        review: [Cần xác nhận]
        tests:
          - name: thiếu giấy tờ
            papers: [a]
            received: 2026-02-13T09:00:00+07:00
            expect: {complete: false, missing: [identity_document], fee: 5_000}
        """),
    ]

    @Test("Samples using the corners of the language compile and are valid", .enabled(if: SchemaValidator.isAvailable, Comment(rawValue: SchemaValidator.requirement)))
    func samplesAreValid() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-samples-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for registry in ["_shared", "calendars", "fees"] {
            try FileManager.default.copyItem(atPath: Self.fixtureCatalog + "/" + registry, toPath: folder + "/" + registry)
        }
        try FileManager.default.createDirectory(atPath: folder + "/mau", withIntermediateDirectories: true)
        var files: [(EditorSchemaKind, String)] = []
        for (name, text) in Self.validSamples {
            let path = folder + "/mau/" + name + ".yaml"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            files.append((.procedure, path))
        }
        let compiled = CatalogCompiler(root: folder).compile()
        let errors = compiled.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.range.start.line): \($0.message.text(.en))" })")
        for result in try SchemaValidator.validate(files).results {
            #expect(result.valid, "\(result.file): \(result.loadError ?? "") \(result.errors.joined(separator: "; "))")
        }
    }

    // MARK: The broken-file corpus

    /// Codes whose mistakes the schema sees: each fixture that expects one must be rejected.
    static let seen: Set<String> = [
        "file-not-mapping", "unknown-key", "missing-key", "wrong-type", "bad-value", "bad-identifier", "bad-date", "bad-time",
        "bad-instant", "out-of-range", "empty-value", "missing-duration", "duration-conflict", "deadline-none-false", "fee-amount-missing",
        "fee-amount-conflict", "fee-none-conflict", "fee-empty", "paper-no-count", "one-of-nested", "reserved-fact-name",
        "enum-without-values", "of-without-enum", "bounds-not-numeric", "tiers-bad-bands", "bad-fee-key", "test-due-when-incomplete",
    ]

    /// Codes the schema cannot see, and why: fixtures expecting only these must be accepted.
    static let unseen: [String: String] = [
        "unknown-field": "a reference to _shared", "unknown-agency": "a reference to _shared", "unknown-role": "a reference to _shared",
        "unknown-shared-paper": "a reference to _shared", "unknown-calendar": "a reference to calendars/",
        "unknown-fee-key": "a reference to fees/", "fee-key-missing-in-schedule": "a reference to fees/",
        "unknown-fee-schedule": "a reference to fees/", "test-needs-fee-schedule": "depends on how many schedules ship",
        "unknown-step": "a reference inside the file", "unknown-fact": "a reference inside the file", "unknown-paper": "a reference inside the file",
        "fee-unit-not-int": "the type of a referenced fact",
        "duplicate-paper": "duplicate ids", "duplicate-step": "duplicate ids",
        "bounds-reversed": "compares two values", "date-range-reversed": "compares two dates", "version-order": "compares dates",
        "version-overlap": "compares dates", "version-gap": "compares dates", "test-no-version": "compares dates",
        "unused-fact": "reads the expressions (a warning)", "one-of-single": "a warning", "test-expects-nothing": "a warning",
        "unreachable-step": "the workflow graph", "no-way-out": "the workflow graph", "next-no-default": "the workflow graph (a warning)",
        "budget-exceeds-deadline": "adds durations (a warning)", "fee-rule-unreachable": "evaluates conditions",
        "online-discount-no-online": "compares two keys' values", "test-missing-fact": "the facts declared",
        "test-channel-not-offered": "the channels of the version in force",
        "expr-syntax": "expressions", "expr-unknown-name": "expressions", "expr-type-mismatch": "expressions",
        "expr-unknown-enum-value": "expressions", "expr-arity": "expressions", "expr-unknown-function": "expressions",
        "expr-division-by-zero": "expressions", "expr-bad-date": "expressions",
    ]

    /// Codes of the YAML layer, before any schema applies (the loader decides).
    static let yamlLayer: Set<String> = [
        "yaml-syntax", "duplicate-key", "yaml-tab-indent", "yaml-invalid-utf8", "yaml-multiple-documents", "yaml-unknown-alias",
        "yaml-bad-merge", "yaml-too-large", "text-not-nfc", "empty-file", "bad-key",
    ]

    /// Cases whose code the schema sees elsewhere but not in this case.
    static let exceptions: [String: String] = [
        "029-out-of-range": "a default against the fact's own min and max",
        "083-test-bad-fact-value": "a test's fact value is typed by the fact's declaration",
    ]

    static func expectedCodes(_ name: String) -> Set<String> {
        let text = (try? String(contentsOfFile: broken + "/" + name + ".expected", encoding: .utf8)) ?? ""
        var codes: Set<String> = []
        for line in text.split(separator: "\n") where line.contains(": error: ") || line.contains(": warning: ") {
            guard line.hasSuffix("]"), let open = line.lastIndex(of: "[") else { continue }
            codes.insert(String(line[line.index(after: open)..<line.index(before: line.endIndex)]))
        }
        return codes
    }

    static var brokenCases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: broken)) ?? []).filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    @Test func everyCorpusCodeIsClassified() {
        let cases = Self.brokenCases
        #expect(cases.count >= 100)
        #expect(Self.seen.isDisjoint(with: Self.unseen.keys) && Self.seen.isDisjoint(with: Self.yamlLayer))
        for name in cases {
            let codes = Self.expectedCodes(name)
            #expect(!codes.isEmpty, "\(name) has no expected code")
            for code in codes {
                #expect(Self.seen.contains(code) || Self.unseen[code] != nil || Self.yamlLayer.contains(code),
                        "\(name): code '\(code)' is neither seen nor listed as unseen by the schema; classify it in SchemaTests")
            }
        }
    }

    @Test("The schema rejects the broken files it can judge and accepts those only lint can", .enabled(if: SchemaValidator.isAvailable, Comment(rawValue: SchemaValidator.requirement)))
    func brokenCorpus() throws {
        let cases = Self.brokenCases
        let answer = try SchemaValidator.validate(cases.map { (.procedure, Self.broken + "/" + $0 + ".yaml") })
        var rejected = 0
        for (name, result) in zip(cases, answer.results) {
            let codes = Self.expectedCodes(name)
            if !codes.isDisjoint(with: Self.yamlLayer) { continue }
            let details = "\(codes.sorted()): \(result.loadError ?? "") \(result.errors.joined(separator: "; "))"
            if !codes.isDisjoint(with: Self.seen), Self.exceptions[name] == nil {
                #expect(!result.valid, "\(name) is accepted by the schema but the compiler reports \(codes.sorted())")
                if !result.valid { rejected += 1 }
            } else {
                #expect(result.valid, "\(name) is rejected by the schema, but the compiler reports only what the schema cannot see: \(details)")
            }
        }
        #expect(rejected >= 40)
    }
}
