public import TTHCModel

/// The id of a dossier (mã hồ sơ), chosen by the caller (a one-stop centre's numbering, a UUID …).
public struct DossierID: RawRepresentable, Sendable, Hashable, Comparable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The id as text.
    public var rawValue: String

    /// Creates an id.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates an id.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Creates an id from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The id as text.
    public var description: String { rawValue }

    /// Orders ids by their text.
    public static func < (lhs: DossierID, rhs: DossierID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes a bare string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes a bare string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Who acts on a dossier: a user, the roles they hold (ids of the catalogue's role registry) and
/// the agency they work for. Recorded in every event.
public struct DossierActor: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The user id (login, employee number …).
    public var user: String
    /// The roles held.
    public var roles: Set<String>
    /// The agency id the user works for.
    public var agency: String
    /// The ward (commune, or the one-stop centre's office) the user serves, when a deployment
    /// serves several; `*` serves them all (a provincial agency). A dossier belongs to the ward of
    /// the clerk who received it, and only users of that ward (or `*`) may act on it.
    public var ward: String?

    /// Creates an actor.
    public init(user: String, roles: Set<String>, agency: String, ward: String? = nil) {
        self.user = user
        self.roles = roles
        self.agency = agency
        self.ward = ward
    }

    /// Whether the actor may work on a dossier of `ward` (no ward on either side: no restriction).
    public func serves(ward dossierWard: String?) -> Bool {
        guard let dossierWard, let ward, ward != Self.allWards else { return true }
        return ward == dossierWard
    }

    /// The ward value that serves every ward.
    public static let allWards = "*"

    /// Whether the actor holds `role`.
    public func holds(_ role: String) -> Bool { roles.contains(role) }

    /// `user (role, role @ agency)`.
    public var description: String { "\(user) (\(roles.sorted().joined(separator: ", ")) @ \(agency)\(ward.map { ", " + $0 } ?? ""))" }
}

/// The rules a deployment may tune; the defaults follow Decree 61/2018 as amended and Decree
/// 118/2025.
///
/// Who may do what:
/// - The **one-stop desk** (Bộ phận tiếp nhận và trả kết quả; roles in ``deskRoles``, default
///   `one_stop_clerk`) alone receives dossiers, refuses them at intake, hands results over, records
///   fee payments and withdrawals at the applicant's request. It may also record a supplement brought
///   back, resume a paused dossier (the applicant brings the proof) and send the apology with a new
///   appointment on the deciding office's behalf. Desk actors are not held to the dossier's agency: a
///   public administration centre serves many agencies.
/// - Everything else on a step (approve, send back, request a supplement, pause, transfer, refuse,
///   mark the result ready) needs the **current step's role**, held by an actor of the agency that
///   holds the dossier (unless the step's role is itself a desk role). A one-stop clerk therefore
///   cannot review, approve or sign anything but the desk's own steps.
public struct DossierPolicy: Sendable, Hashable, Codable {
    /// The roles of the one-stop desk.
    public var deskRoles: Set<String>
    /// How many supplement requests a dossier may get while being processed (nil: no limit).
    /// Decree 61/2018 art. 20(3)(a) as amended: once, unless sector law says otherwise.
    public var supplementLimit: Int?
    /// Whether the result is handed over only once the fee owed at receipt is paid.
    public var paymentBeforeHandover: Bool

    /// The default one-stop clerk role id.
    public static let oneStopClerk = "one_stop_clerk"

    /// Creates a policy.
    public init(deskRoles: Set<String> = [DossierPolicy.oneStopClerk], supplementLimit: Int? = 1, paymentBeforeHandover: Bool = true) {
        self.deskRoles = deskRoles
        self.supplementLimit = supplementLimit
        self.paymentBeforeHandover = paymentBeforeHandover
    }

    /// Whether the actor holds a desk role.
    public func isDesk(_ actor: DossierActor) -> Bool { !actor.roles.isDisjoint(with: deskRoles) }
}

/// A step named by id and name, for messages.
public struct StepRef: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The step id.
    public var id: String
    /// The step's name in Vietnamese.
    public var name: String

    /// Creates a reference.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    /// The reference to a workflow step.
    public init(_ step: Step) { self.init(id: step.id, name: step.name) }

    /// `«name» (id)`.
    public var description: String { "«\(name)» (\(id))" }
}
