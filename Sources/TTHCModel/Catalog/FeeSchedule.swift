/// An amount set by a province, with its source.
public struct ScheduledFee: Sendable, Hashable, Codable {
    /// The amount in đồng.
    public var amount: Int
    /// Where it comes from (resolution, article).
    public var note: String?

    /// Creates an entry.
    public init(amount: Int, note: String?) {
        self.amount = amount
        self.note = note
    }
}

/// A fee schedule during one period: every amount in force (later versions are already merged over
/// earlier ones).
public struct FeeScheduleVersion: Sendable, Hashable, Codable {
    /// First day in force.
    public var effective: ExprDate
    /// What changed.
    public var note: String?
    /// Amounts by key.
    public var fees: [String: ScheduledFee]

    /// Creates a version.
    public init(effective: ExprDate, note: String?, fees: [String: ScheduledFee]) {
        self.effective = effective
        self.note = note
        self.fees = fees
    }
}

/// The fees a province's People's Council sets (lệ phí hộ tịch, đăng ký kinh doanh, …), which the
/// same procedure charges differently from one province to the next. A procedure names a fee by key
/// (`schedule: ho_tich.khai_sinh`); the deployment chooses the schedule.
public struct FeeSchedule: Sendable, Hashable, Codable, Identifiable {
    /// The schedule id (its file name), e.g. `ha-noi`.
    public var id: String
    /// The province's name.
    public var name: String
    /// The resolutions it comes from.
    public var legalBasis: [String]
    /// Periods in increasing order.
    public var versions: [FeeScheduleVersion]
    /// Open points for legal staff.
    public var review: [String]
    /// A province-wide reduction of the amounts it sets, for dossiers submitted online (e.g. Hà Nội's
    /// 0 đồng online from 2026 under Nghị quyết 77/2025/NQ-HĐND).
    public var onlineDiscount: OnlineDiscount?

    /// Creates a schedule.
    public init(id: String, name: String, legalBasis: [String], versions: [FeeScheduleVersion], review: [String], onlineDiscount: OnlineDiscount? = nil) {
        self.onlineDiscount = onlineDiscount
        self.id = id
        self.name = name
        self.legalBasis = legalBasis
        self.versions = versions
        self.review = review
    }

    /// The amount of `key` in force on `date`, if the schedule sets one.
    public func fee(_ key: String, on date: ExprDate) -> ScheduledFee? {
        versions.last { $0.effective <= date }?.fees[key]
    }

    /// Every key the schedule sets in any period.
    public var keys: Set<String> { Set(versions.flatMap(\.fees.keys)) }
}
