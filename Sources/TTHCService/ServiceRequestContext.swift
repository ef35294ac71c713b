import Hummingbird
import TTHCDiagnostics

/// What a request carries between the middlewares and the routes: the verified user (nil on the
/// public routes), the language of messages and the request id.
public struct ServiceRequestContext: RequestContext {
    /// Hummingbird's storage (logger, parameters, endpoint path).
    public var coreContext: CoreRequestContextStorage
    /// The user of the bearer token, once verified.
    public var user: ServiceUser?
    /// Vietnamese unless `Accept-Language` prefers English.
    public var language: Language = .vi
    /// The request id (from `X-Request-Id` when sane, else generated), in every log line and
    /// echoed in the response.
    public var requestID: String = ""

    /// A context for one request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// The largest request body accepted.
    public var maxUploadSize: Int { ServiceLimits.maxBodyBytes }
}

/// Limits that protect the service from oversized or endless input.
public enum ServiceLimits {
    /// The largest request body, in bytes (a dossier is a few kilobytes).
    public static let maxBodyBytes = 256 * 1024
    /// The longest request id taken from the client.
    public static let maxRequestIDLength = 64
    /// The most dossiers one listing returns.
    public static let maxListLimit = 1000
}
