import Foundation
import Hummingbird
import Testing
@testable import TTHCService

/// The OpenAPI document is the contract: it must be a valid OpenAPI 3.1 document for an
/// independent validator (Python's `openapi-spec-validator`), and name every route the server has.
@Suite struct OpenAPIDocumentTests {
    static let required = ProcessInfo.processInfo.environment["TTHC_REQUIRE_OPENAPI_VALIDATOR"] == "1"

    static let validatorAvailable: Bool = {
        if required { return true }
        return (try? python(["-c", "import openapi_spec_validator"]))?.status == 0
    }()

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: validatorAvailable, "needs python3 with openapi-spec-validator (pip install openapi-spec-validator)"))
    func theDocumentIsValidOpenAPI31() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-openapi-\(UUID().uuidString).json")
        try OpenAPIDocument.data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
        import json, sys
        from openapi_spec_validator import validate
        from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
        document = json.load(open(sys.argv[1], encoding="utf-8"))
        assert document["openapi"].startswith("3.1"), document["openapi"]
        validate(document)
        print("valid")
        """
        let (status, output) = try Self.python(["-c", script, file.path])
        #expect(status == 0, "\(output)")
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "valid")
    }

    @Test func everyRouteIsInTheDocument() async throws {
        let document = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let f = try await ServiceFixture()
        let routes = f.server.router().routes
        #expect(routes.count == 14)
        for route in routes {
            let path = route.path.description.replacingOccurrences(of: ":id", with: "{id}").replacingOccurrences(of: ":year", with: "{year}")
            let operations = paths[path]
            #expect(operations != nil, "\(path) is not in openapi.json")
            #expect(operations?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(path) is not in openapi.json")
        }
    }
}
