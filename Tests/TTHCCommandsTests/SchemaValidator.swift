import Foundation
import TTHCCompiler

/// An independent validator for the editor schemas: Python's `jsonschema` (Draft 2020-12), with
/// YAML loaded by PyYAML's `BaseLoader`, which keeps every scalar a string (`no`, `08` and dates
/// stay text), as the language reads YAML. Its libyaml build (`CBaseLoader`, the parser the
/// compiler uses) is required: the pure-Python scanner rejects a `?` that ends a plain scalar in
/// a flow mapping (`{label: Nộp trong thời hạn?, …}`), which YAML allows.
enum SchemaValidator {
    /// One file's verdict.
    struct Verdict: Decodable {
        var file: String
        var kind: String
        var valid: Bool
        var errors: [String]
        var loadError: String?
    }

    struct Answer: Decodable {
        var schemaErrors: [String]
        var results: [Verdict]
    }

    static let requirement = "needs python3 with jsonschema and PyYAML built with libyaml (pip install jsonschema pyyaml, or Debian's python3-jsonschema python3-yaml)"

    /// Whether the validator tests run: `python3` can import `jsonschema` and `yaml` with its libyaml
    /// loader, or CI asks
    /// for them (`TTHC_REQUIRE_SCHEMA_VALIDATOR=1`), in which case a missing package fails the
    /// tests instead of skipping them.
    static let isAvailable: Bool = {
        if ProcessInfo.processInfo.environment["TTHC_REQUIRE_SCHEMA_VALIDATOR"] == "1" { return true }
        guard let (status, _) = try? run(["-c", "import jsonschema, yaml; yaml.CBaseLoader"]) else { return false }
        return status == 0
    }()

    static let script = #"""
    import json, sys
    import jsonschema, yaml

    Loader = yaml.CBaseLoader
    job = json.load(open(sys.argv[1], encoding="utf-8"))
    validators, schema_errors = {}, []
    for kind, path in job["schemas"].items():
        schema = json.load(open(path, encoding="utf-8"))
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.exceptions.SchemaError as error:
            schema_errors.append(kind + ": " + str(error.message))
        validators[kind] = jsonschema.Draft202012Validator(schema)

    results = []
    for kind, path in job["files"]:
        entry = {"file": path, "kind": kind, "valid": False, "errors": []}
        try:
            with open(path, encoding="utf-8") as stream:
                document = yaml.load(stream, Loader=Loader)
        except Exception as error:
            entry["loadError"] = type(error).__name__ + ": " + str(error).splitlines()[0]
            results.append(entry)
            continue
        errors = sorted(validators[kind].iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
        entry["valid"] = not errors
        entry["errors"] = ["/".join(map(str, e.absolute_path)) + ": " + e.message[:300] for e in errors[:5]]
        results.append(entry)
    print(json.dumps({"schemaErrors": schema_errors, "results": results}))
    """#

    /// Validates `files` (kind, path) against freshly generated schemas.
    static func validate(_ files: [(EditorSchemaKind, String)]) throws -> Answer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var schemas: [String: String] = [:]
        for kind in EditorSchemaKind.allCases {
            let path = directory.appendingPathComponent(kind.fileName).path
            try EditorSchema.document(for: kind).write(toFile: path, atomically: true, encoding: .utf8)
            schemas[kind.rawValue] = path
        }
        struct Job: Encodable { var schemas: [String: String]; var files: [[String]] }
        let jobPath = directory.appendingPathComponent("job.json").path
        try JSONEncoder().encode(Job(schemas: schemas, files: files.map { [$0.0.rawValue, $0.1] })).write(to: URL(fileURLWithPath: jobPath))
        let scriptPath = directory.appendingPathComponent("validate.py").path
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let (status, output) = try run([scriptPath, jobPath])
        guard status == 0 else { throw ValidatorFailure(output: output) }
        return try JSONDecoder().decode(Answer.self, from: output)
    }

    struct ValidatorFailure: Error, CustomStringConvertible {
        var output: Data
        var description: String { "python3 failed: " + String(decoding: output, as: UTF8.self) }
    }

    static func run(_ arguments: [String]) throws -> (Int32, Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    /// Every YAML file under `root` with the schema it belongs to, by folder, as the catalogue
    /// compiler reads them.
    static func files(under root: String) -> [(EditorSchemaKind, String)] {
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: root)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { name in
            let kind: EditorSchemaKind = name.hasPrefix("_shared/") ? .shared : name.hasPrefix("calendars/") ? .calendar : name.hasPrefix("fees/") ? .fees : .procedure
            return (kind, root + "/" + name)
        }
    }
}
