import Foundation
import HTTPTypes
import Hummingbird
import TTHCCommands
import TTHCDiagnostics

/// An error answered as `application/problem+json` (RFC 9457): a stable `code`, the HTTP status,
/// and the message in Vietnamese or English. Never carries a token, a key or a password.
public struct ServiceProblem: Error, Sendable, Equatable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A stable kebab-case code.
    public var code: String
    /// The message in Vietnamese.
    public var vietnamese: String
    /// The message in English.
    public var english: String

    /// Creates a problem.
    public init(_ status: HTTPResponse.Status, code: String, vi: String, en: String) {
        self.status = status
        self.code = code
        self.vietnamese = vi
        self.english = en
    }

    /// The problem of a command's failure, with the status of its kind.
    public init(_ problem: CommandProblem) {
        let status: HTTPResponse.Status = switch problem.kind {
        case .badInput: .badRequest
        case .notFound: .notFound
        case .conflict: .conflict
        case .refused: .unprocessableContent
        case .forbidden: .forbidden
        case .unavailable: .serviceUnavailable
        }
        self.init(status, code: problem.code, vi: problem.vietnamese, en: problem.english)
    }

    /// The JSON members.
    struct Document: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var code: String
        var instance: String?
        var requestID: String?

        enum CodingKeys: String, CodingKey {
            case type, title, status, detail, code, instance
            case requestID = "request_id"
        }
    }

    /// The response in `language`.
    public func response(language: Language, instance: String?, requestID: String?) -> Response {
        let document = Document(type: "urn:tthc:problem:\(code)", title: Self.title(status, language), status: status.code,
                                detail: language == .vi ? vietnamese : english, code: code, instance: instance, requestID: requestID)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(document)) ?? Data(#"{"status":500,"code":"internal"}"#.utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json; charset=utf-8"
        headers[.contentLanguage] = language == .vi ? "vi" : "en"
        if status == .unauthorized { headers[.wwwAuthenticate] = #"Bearer realm="tthc""# }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func title(_ status: HTTPResponse.Status, _ language: Language) -> String {
        let vi = language == .vi
        switch status.code {
        case 400: return vi ? "Yêu cầu không hợp lệ" : "Bad request"
        case 401: return vi ? "Chưa xác thực" : "Unauthorized"
        case 403: return vi ? "Không có quyền" : "Forbidden"
        case 404: return vi ? "Không tìm thấy" : "Not found"
        case 405: return vi ? "Phương thức không được hỗ trợ" : "Method not allowed"
        case 409: return vi ? "Xung đột phiên bản" : "Conflict"
        case 413: return vi ? "Nội dung quá lớn" : "Content too large"
        case 415: return vi ? "Kiểu nội dung không được hỗ trợ" : "Unsupported media type"
        case 422: return vi ? "Thao tác bị từ chối" : "Unprocessable content"
        case 503: return vi ? "Dịch vụ tạm thời không sẵn sàng" : "Service unavailable"
        default: return vi ? "Lỗi máy chủ" : "Server error"
        }
    }

    // MARK: - Common problems

    static let missingToken = ServiceProblem(.unauthorized, code: "auth-missing", vi: "Thiếu mã truy cập (Authorization: Bearer …).",
                                             en: "A bearer token is required (Authorization: Bearer …).")
    static let invalidToken = ServiceProblem(.unauthorized, code: "auth-invalid", vi: "Mã truy cập không hợp lệ.", en: "The bearer token is not valid.")
    static let expiredToken = ServiceProblem(.unauthorized, code: "auth-expired", vi: "Mã truy cập đã hết hạn.", en: "The bearer token has expired.")

    static func notFound(_ path: String) -> ServiceProblem {
        ServiceProblem(.notFound, code: "not-found", vi: "Không có tài nguyên '\(path)'.", en: "No resource '\(path)'.")
    }

    static func badInput(_ code: String = "bad-input", vi: String, en: String) -> ServiceProblem {
        ServiceProblem(.badRequest, code: code, vi: vi, en: en)
    }

    static func forbidden(_ code: String, vi: String, en: String) -> ServiceProblem {
        ServiceProblem(.forbidden, code: code, vi: vi, en: en)
    }
}
