import ArgumentParser
import Foundation
import HTTPTypes
import Hummingbird
import TTHCCommands
import TTHCDiagnostics

/// The query string, checked: unknown parameters, repeated single parameters and values that look
/// like command-line options are refused with a problem, so a typo never silently widens a query.
struct QueryParameters {
    private var values: [String: [String]] = [:]

    init(_ request: Request, allowed: Set<String>) throws {
        for (key, value) in request.uri.queryParameters {
            let name = String(key)
            guard allowed.contains(name) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw ServiceProblem.badInput("unknown-parameter", vi: "Tham số '\(name)' không được hỗ trợ\(known.isEmpty ? "" : "; các tham số: \(known)").",
                                              en: "Unknown parameter '\(name)'\(known.isEmpty ? "" : "; parameters: \(known)").")
            }
            let text = String(value)
            guard !text.hasPrefix("--"), !text.contains("\u{0}") else {
                throw ServiceProblem.badInput("invalid-parameter", vi: "Giá trị của tham số '\(name)' không hợp lệ.", en: "Invalid value for parameter '\(name)'.")
            }
            values[name, default: []].append(text)
        }
    }

    /// A single value (the last one given).
    func string(_ name: String) -> String? { values[name]?.last }

    /// Every value given.
    func strings(_ name: String) -> [String] { values[name] ?? [] }

    /// A whole number within `range`.
    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw ServiceProblem.badInput("invalid-parameter", vi: "Tham số '\(name)' phải là số nguyên từ \(range.lowerBound) đến \(range.upperBound).",
                                          en: "Parameter '\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return n
    }

    /// `true` or `false`.
    func bool(_ name: String) throws -> Bool? {
        guard let text = string(name) else { return nil }
        switch text {
        case "true", "1", "": return true
        case "false", "0": return false
        default:
            throw ServiceProblem.badInput("invalid-parameter", vi: "Tham số '\(name)' phải là true hoặc false.", en: "Parameter '\(name)' must be true or false.")
        }
    }
}

/// Request bodies: bounded in size, UTF-8, of a declared JSON (or, for dossiers, YAML) type.
enum RequestBody {
    /// The body as text (a dossier in JSON or YAML).
    static func text(_ request: Request, _ context: ServiceRequestContext, yamlAllowed: Bool = true) async throws -> String {
        let type = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let accepted = ["application/json"] + (yamlAllowed ? ["application/yaml", "application/x-yaml", "text/yaml"] : [])
        guard let type, accepted.contains(type) else {
            throw ServiceProblem(.unsupportedMediaType, code: "unsupported-media-type",
                                 vi: "Nội dung phải có kiểu \(accepted.joined(separator: " hoặc ")).", en: "The body must be \(accepted.joined(separator: " or ")).")
        }
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard let text = String(bytes: buffer.readableBytesView, encoding: .utf8) else {
            throw ServiceProblem.badInput("invalid-encoding", vi: "Nội dung không phải văn bản UTF-8 hợp lệ.", en: "The body is not valid UTF-8.")
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ServiceProblem.badInput("empty-body", vi: "Nội dung yêu cầu rỗng.", en: "The request body is empty.")
        }
        return text
    }

    /// The body as a JSON object.
    static func json(_ request: Request, _ context: ServiceRequestContext) async throws -> [String: JSONValue] {
        let text = try await Self.text(request, context, yamlAllowed: false)
        do {
            return try JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8))
        } catch {
            throw ServiceProblem.badInput("invalid-json", vi: "Nội dung không phải một đối tượng JSON hợp lệ.", en: "The body is not a valid JSON object.")
        }
    }
}

/// A JSON value, decoded strictly (a boolean is never taken for a number).
enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    /// The JSON type's name, for messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// The body of `POST /v1/dossiers/{id}/actions`, read strictly: unknown members and wrong types
/// are refused with the member's name.
struct ActionBody {
    var action: String
    var arguments: DossierActCommand.Arguments

    static let members: Set<String> = ["action", "step", "to", "reasons", "amount", "reference", "until", "papers", "note", "expected_version"]

    init(_ object: [String: JSONValue]) throws {
        for key in object.keys where !Self.members.contains(key) {
            throw ServiceProblem.badInput("unknown-field", vi: "Trường '\(key)' không được hỗ trợ; các trường: \(Self.members.sorted().joined(separator: ", ")).",
                                          en: "Unknown field '\(key)'; fields: \(Self.members.sorted().joined(separator: ", ")).")
        }
        func wrong(_ key: String, _ expected: String, _ value: JSONValue) -> ServiceProblem {
            ServiceProblem.badInput("wrong-type", vi: "Trường '\(key)' phải là \(expected), không phải \(value.typeName).",
                                    en: "Field '\(key)' must be \(expected), not \(value.typeName).")
        }
        func string(_ key: String) throws -> String? {
            switch object[key] {
            case nil, .null?: return nil
            case .string(let s)?: return s
            case let value?: throw wrong(key, "string", value)
            }
        }
        func int(_ key: String) throws -> Int? {
            switch object[key] {
            case nil, .null?: return nil
            case .int(let n)?: return n
            case let value?: throw wrong(key, "integer", value)
            }
        }
        guard let action = try string("action"), !action.isEmpty else {
            throw ServiceProblem.badInput("missing-field", vi: "Thiếu trường 'action' (thao tác).", en: "Missing field 'action'.")
        }
        var reasons: [String] = []
        switch object["reasons"] {
        case nil, .null?: break
        case .array(let items)?:
            for item in items {
                guard case .string(let s) = item else { throw wrong("reasons", "array of strings", item) }
                reasons.append(s)
            }
        case let value?: throw wrong("reasons", "array of strings", value)
        }
        var papers: [String] = []
        switch object["papers"] {
        case nil, .null?: break
        case .array(let items)?:
            for item in items {
                guard case .object(let paper) = item else { throw wrong("papers", "array of objects", item) }
                for key in paper.keys where !["id", "original", "copy", "present"].contains(key) {
                    throw ServiceProblem.badInput("unknown-field", vi: "Trường 'papers[].\(key)' không được hỗ trợ (id, original, copy, present).",
                                                  en: "Unknown field 'papers[].\(key)' (id, original, copy, present).")
                }
                guard case .string(let id)? = paper["id"], !id.isEmpty, !id.contains(":"), !id.contains(",") else {
                    throw ServiceProblem.badInput("wrong-type", vi: "Mỗi giấy tờ cần trường 'id' là chuỗi.", en: "Each paper needs a string 'id'.")
                }
                var counts: [String] = []
                for key in ["original", "copy", "present"] {
                    switch paper[key] {
                    case nil, .null?: continue
                    case .int(let n)? where n >= 0 && n <= 1000: counts.append("\(key)=\(n)")
                    case let value?: throw wrong("papers[].\(key)", "integer from 0 to 1000", value)
                    }
                }
                papers.append(counts.isEmpty ? id : id + ":" + counts.joined(separator: ","))
            }
        case let value?: throw wrong("papers", "array of objects", value)
        }
        self.action = action
        arguments = DossierActCommand.Arguments(step: try string("step"), to: try string("to"), reasons: reasons, amount: try int("amount"),
                                                reference: try string("reference"), until: try string("until"), papers: papers, note: try string("note"),
                                                expectedVersion: try int("expected_version"))
    }
}

/// Dossier ids in paths: short and plain.
enum DossierIDText {
    static func validate(_ id: String) throws {
        guard !id.isEmpty, id.count <= 64,
              id.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }) else {
            throw ServiceProblem.badInput("invalid-dossier-id", vi: "Mã hồ sơ chỉ gồm chữ, số, '-', '_', '.' và không quá 64 ký tự.",
                                          en: "A dossier id has letters, digits, '-', '_' and '.' only, at most 64 characters.")
        }
    }
}

/// Text folded for search: lower case, no diacritics, `đ` as `d`.
enum SearchText {
    static func fold(_ text: String) -> String {
        text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    }
}

/// Answers as responses.
enum JSONAnswer {
    /// A command's JSON output, or its problem.
    static func from(_ output: CommandOutput, status: HTTPResponse.Status = .ok) throws -> Response {
        if let problem = output.problem { throw ServiceProblem(problem) }
        guard output.status != 2 else {
            let message = output.err.trimmingCharacters(in: .whitespacesAndNewlines)
            throw ServiceProblem.badInput(vi: message, en: message)
        }
        return body(output.out, status: status)
    }

    /// A value as JSON.
    static func encode(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return body(String(decoding: try encoder.encode(value), as: UTF8.self), status: .ok)
    }

    static func body(_ text: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// A command whose answer is computed without printing, over given calendars (`tthc due`,
/// `tthc calendar`).
protocol AnsweringCommand: ParsableCommand {
    func output(calendars: CalendarSource) -> CommandOutput
}

extension DueCommand: AnsweringCommand {}
extension CalendarCommand: AnsweringCommand {}

/// Runs a command's own parser and logic on arguments built from a request, so that the HTTP
/// answer is the command line's answer; the calendars are those of the catalogue in service.
enum CommandLineAnswer {
    static func run<C: AnsweringCommand>(_ type: C.Type, _ arguments: [String], calendars: CalendarSource, _ language: Language) throws -> CommandOutput {
        let command: C
        do {
            command = try C.parse(["--lang", language == .vi ? "vi" : "en"] + arguments)
        } catch {
            let message = C.message(for: error)
            throw ServiceProblem.badInput(vi: message, en: message)
        }
        return command.output(calendars: calendars)
    }
}

/// The OpenAPI 3.1 document, the API's contract.
enum OpenAPIDocument {
    static let data: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"), let data = try? Data(contentsOf: url) else { return Data("{}".utf8) }
        return data
    }()

    static func response() throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
