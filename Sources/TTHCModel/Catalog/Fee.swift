/// Whether the charge is a lệ phí or a phí (Law on Fees and Charges 2015).
public enum FeeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Lệ phí.
    case lePhi = "le_phi"
    /// Phí.
    case phi
}

/// A band of a tiered amount: the first `upto` units (after earlier bands) at `each` đồng a unit.
public struct FeeBand: Sendable, Hashable, Codable {
    /// Units in this band; nil for the last band (all remaining units).
    public var upto: Int?
    /// Đồng per unit.
    public var each: Int

    /// Creates a band.
    public init(upto: Int?, each: Int) {
        self.upto = upto
        self.each = each
    }
}

/// How a rule's amount is computed.
public enum FeeAmount: Sendable, Hashable, Codable {
    /// A money expression.
    case expression(Expr)
    /// Marginal bands over an int fact.
    case tiers(of: String, bands: [FeeBand])
    /// An amount set by the province, looked up by key in the deployment's fee schedule.
    case scheduled(key: String)
}

/// A fee rule or an additive line.
public struct FeeRule: Sendable, Hashable, Codable {
    /// Applies when this holds (nil: always).
    public var when: Expr?
    /// A short label ("Cấp bản sao trích lục").
    public var label: String?
    /// A remark, often the legal source.
    public var note: String?
    /// The amount.
    public var amount: FeeAmount
    /// Charged per unit of this int fact.
    public var per: String?
    /// Cap on the amount (before `per`).
    public var maximum: Int?

    /// Creates a rule.
    public init(when: Expr?, label: String?, note: String?, amount: FeeAmount, per: String?, maximum: Int?) {
        self.when = when
        self.label = label
        self.note = note
        self.amount = amount
        self.per = per
        self.maximum = maximum
    }
}

/// An exemption: when it holds, the whole fee is 0.
public struct FeeExemption: Sendable, Hashable, Codable {
    /// When it applies.
    public var when: Expr
    /// The legal reason.
    public var note: String?

    /// Creates an exemption.
    public init(when: Expr, note: String?) {
        self.when = when
        self.note = note
    }
}

/// A reduction for dossiers submitted online.
public struct OnlineDiscount: Sendable, Hashable, Codable {
    /// Percent off the total, 1–100.
    public var percent: Int
    /// First day it applies.
    public var from: ExprDate?
    /// Last day it applies.
    public var until: ExprDate?
    /// The legal source.
    public var note: String?

    /// Creates a discount.
    public init(percent: Int, from: ExprDate?, until: ExprDate?, note: String?) {
        self.percent = percent
        self.from = from
        self.until = until
        self.note = note
    }
}

/// The fee of a procedure (lệ phí, phí), in đồng.
public struct Fee: Sendable, Hashable, Codable {
    /// True when the procedure has no fee at all.
    public var none: Bool
    /// Lệ phí or phí.
    public var kind: FeeKind?
    /// Exemptions.
    public var exemptions: [FeeExemption]
    /// Ordered rules: the first match gives the base amount.
    public var rules: [FeeRule]
    /// Additive lines.
    public var extras: [FeeRule]
    /// Online reduction.
    public var onlineDiscount: OnlineDiscount?
    /// A remark.
    public var note: String?

    /// Creates a fee.
    public init(none: Bool, kind: FeeKind?, exemptions: [FeeExemption], rules: [FeeRule], extras: [FeeRule], onlineDiscount: OnlineDiscount?, note: String?) {
        self.none = none
        self.kind = kind
        self.exemptions = exemptions
        self.rules = rules
        self.extras = extras
        self.onlineDiscount = onlineDiscount
        self.note = note
    }

    /// The provincial fee keys the rules and extras use.
    public var scheduleKeys: [String] {
        (rules + extras).compactMap { rule in
            if case .scheduled(let key) = rule.amount { return key }
            return nil
        }
    }

    /// A procedure with no fee.
    public static let free = Fee(none: true, kind: nil, exemptions: [], rules: [], extras: [], onlineDiscount: nil, note: nil)
}
