import Foundation
import JWTKit
import TTHCEngine

/// Who calls the API: the claims of a verified bearer token.
public struct ServiceUser: Sendable, Hashable {
    /// The user id (`sub`).
    public var user: String
    /// The roles held (the catalogue's role ids, plus `admin` for the service's administration).
    public var roles: Set<String>
    /// The agency the user works for (the catalogue's agency id, e.g. `ubnd-xa`).
    public var agency: String
    /// The ward the user serves (`*`: every ward); nil for a token that may only read the
    /// catalogue and ask stateless questions.
    public var ward: String?

    /// Creates a user.
    public init(user: String, roles: Set<String>, agency: String, ward: String?) {
        self.user = user
        self.roles = roles
        self.agency = agency
        self.ward = ward
    }

    /// The actor recorded in the dossier's events.
    public var actor: DossierActor { DossierActor(user: user, roles: roles, agency: agency, ward: ward) }

    /// The role of the service's administrators (reload the catalogue, read metrics).
    public static let adminRole = "admin"
}

/// The claims of a tthc token (JWT, HS256).
struct TokenClaims: JWTPayload, Equatable {
    var sub: SubjectClaim
    var iat: IssuedAtClaim
    var exp: ExpirationClaim
    var roles: [String]
    var agency: String
    var ward: String?

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}

/// Mints and verifies bearer tokens with one shared secret (the `--auth-key` file). The secret never
/// leaves this type: it is not logged, and errors never quote a token.
public struct TokenAuthority: Sendable {
    private let keys: JWTKeyCollection

    /// The shortest secret accepted, in bytes (HS256 wants at least 256 bits).
    public static let minimumKeyLength = 32

    /// Why a key or token was refused.
    public enum Failure: Error, Sendable, Equatable {
        /// The key file is shorter than ``TokenAuthority/minimumKeyLength`` bytes.
        case keyTooShort(Int)
        /// The token is malformed, forged, or signed with another key.
        case invalid
        /// The token has expired.
        case expired
    }

    /// An authority with the secret `key` (the key file's bytes, surrounding whitespace removed).
    public init(key: Data) async throws(Failure) {
        let trimmed = Data(String(decoding: key, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        guard trimmed.count >= Self.minimumKeyLength else { throw .keyTooShort(trimmed.count) }
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: trimmed), digestAlgorithm: .sha256)
        self.keys = keys
    }

    /// A signed token for `user`, valid from `now` for `lifetime` seconds.
    public func mint(_ user: ServiceUser, lifetime: TimeInterval, now: Date = Date()) async throws -> String {
        let claims = TokenClaims(sub: SubjectClaim(value: user.user), iat: IssuedAtClaim(value: now), exp: ExpirationClaim(value: now.addingTimeInterval(lifetime)),
                                 roles: user.roles.sorted(), agency: user.agency, ward: user.ward)
        return try await keys.sign(claims)
    }

    /// The user of a valid token.
    public func verify(_ token: String) async throws(Failure) -> ServiceUser {
        let claims: TokenClaims
        do {
            claims = try await keys.verify(token, as: TokenClaims.self)
        } catch let error as JWTError where error.errorType == .claimVerificationFailure {
            throw .expired
        } catch {
            throw .invalid
        }
        guard !claims.sub.value.isEmpty else { throw .invalid }
        return ServiceUser(user: claims.sub.value, roles: Set(claims.roles), agency: claims.agency, ward: claims.ward)
    }
}
