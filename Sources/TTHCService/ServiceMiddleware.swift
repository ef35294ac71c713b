import Foundation
import HTTPTypes
import Hummingbird
import Logging
import TTHCDiagnostics

/// The outermost middleware: gives the request its id and language, turns every error into a
/// problem document (never a bare 500 with internals), logs one line per request (method, route,
/// status, duration, user — never headers, tokens or bodies) and records the metrics.
struct FrontMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.requestID = Self.requestID(request.headers[.requestID])
        context.language = Self.language(request.headers[.acceptLanguage])
        context.logger[metadataKey: "request_id"] = .string(context.requestID)
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let problem as ServiceProblem {
            response = problem.response(language: context.language, instance: request.uri.path, requestID: context.requestID)
        } catch let error as any HTTPResponseError {
            response = Self.problem(for: error.status, path: request.uri.path).response(language: context.language, instance: request.uri.path,
                                                                                        requestID: context.requestID)
        } catch {
            context.logger.error("request failed", metadata: ["error": .string(String(describing: error))])
            response = ServiceProblem(.internalServerError, code: "internal", vi: "Lỗi máy chủ; mã yêu cầu \(context.requestID).",
                                      en: "Server error; request id \(context.requestID).")
                .response(language: context.language, instance: request.uri.path, requestID: context.requestID)
        }
        response.headers[.requestID] = context.requestID
        let elapsed = ContinuousClock.now - started
        let route = context.endpointPath ?? "unmatched"
        metrics.request(method: request.method.rawValue, route: route, status: response.status.code, duration: elapsed)
        context.logger.info("request", metadata: [
            "method": .string(request.method.rawValue), "route": .string(route), "status": .stringConvertible(response.status.code),
            "ms": .string(String(format: "%.2f", elapsed / .milliseconds(1))),
            "user": .string(context.user?.user ?? "-"),
        ])
        return response
    }

    /// The client's request id when it is short and plain, else a new one.
    static func requestID(_ given: String?) -> String {
        if let given, !given.isEmpty, given.count <= ServiceLimits.maxRequestIDLength,
           given.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }) {
            return given
        }
        return UUID().uuidString.lowercased()
    }

    /// English when `Accept-Language` prefers it (highest q first); Vietnamese otherwise.
    static func language(_ header: String?) -> Language {
        guard let header else { return .vi }
        var best: (tag: String, q: Double)?
        for part in header.split(separator: ",") {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = fields.first?.lowercased(), !tag.isEmpty else { continue }
            var q = 1.0
            for field in fields.dropFirst() where field.hasPrefix("q=") { q = Double(field.dropFirst(2)) ?? 0 }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard primary == "vi" || primary == "en" else { continue }
            if let current = best, q <= current.q { continue }
            best = (primary, q)
        }
        return best?.tag == "en" ? .en : .vi
    }

    static func problem(for status: HTTPResponse.Status, path: String) -> ServiceProblem {
        switch status {
        case .notFound: return .notFound(path)
        case .contentTooLarge:
            return ServiceProblem(status, code: "body-too-large", vi: "Nội dung yêu cầu vượt quá \(ServiceLimits.maxBodyBytes / 1024) KiB.",
                                  en: "The request body exceeds \(ServiceLimits.maxBodyBytes / 1024) KiB.")
        case .methodNotAllowed:
            return ServiceProblem(status, code: "method-not-allowed", vi: "Phương thức không được hỗ trợ ở đường dẫn này.", en: "Method not allowed on this path.")
        default:
            return ServiceProblem(status, code: "http-\(status.code)", vi: ServiceProblem.title(status, .vi), en: ServiceProblem.title(status, .en))
        }
    }
}

/// Requires a valid bearer token and puts its user in the context: 401 with a problem when the
/// token is missing, malformed, forged or expired.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let authority: TokenAuthority

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { throw ServiceProblem.missingToken }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw ServiceProblem.missingToken }
        var context = context
        do {
            context.user = try await authority.verify(String(parts[1]).trimmingCharacters(in: .whitespaces))
        } catch .expired {
            throw ServiceProblem.expiredToken
        } catch {
            throw ServiceProblem.invalidToken
        }
        context.logger[metadataKey: "user"] = .string(context.user?.user ?? "-")
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    /// `X-Request-Id`.
    static var requestID: Self { Self("X-Request-Id") ?? .via }
}
