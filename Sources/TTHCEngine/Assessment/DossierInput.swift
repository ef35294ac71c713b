public import TTHCCalendar
public import TTHCModel

/// What a clerk knows about a dossier at the counter: the facts of the case, the channel, the papers
/// handed in and the receipt instant.
public struct DossierInput: Sendable, Hashable {
    /// Fact values given (others take their default).
    public var facts: [String: Value]
    /// How it was submitted.
    public var channel: Channel
    /// The papers handed in, with counts.
    public var papers: [SubmittedPaper]
    /// When it was received.
    public var received: Instant

    /// Creates an input.
    public init(facts: [String: Value], channel: Channel, papers: [SubmittedPaper], received: Instant) {
        self.facts = facts
        self.channel = channel
        self.papers = papers
        self.received = received
    }
}

/// A problem with the input itself (not with the dossier's completeness): the engine refuses to
/// guess, so each one is reported and the assessment is not made.
public enum InputProblem: Sendable, Hashable {
    /// A fact the procedure does not declare.
    case undeclaredFact(String)
    /// A fact value of the wrong type.
    case wrongFactType(fact: String, expected: ValueType)
    /// A value outside the fact's bounds or enumeration.
    case factOutOfRange(fact: String)
    /// A fact with no default that the dossier does not give.
    case missingFact(String)
    /// A paper id the procedure does not know.
    case unknownPaper(String)
    /// A negative count.
    case negativeCount(String)
    /// The procedure does not take dossiers through this channel.
    case channelNotOffered(Channel)
    /// No version of the procedure was in force on the receipt date.
    case noVersionInForce(ExprDate)
    /// An expression could not be evaluated (overflow, division by zero).
    case evaluationFailed(String)
    /// The calendar could not compute the due date (unknown calendar, year out of range).
    case calendarFailed(String)

    /// The problem in Vietnamese.
    public var vietnamese: String {
        switch self {
        case .undeclaredFact(let f): "thủ tục không có thông tin '\(f)'"
        case .wrongFactType(let f, let t): "thông tin '\(f)' phải có kiểu \(t.vietnameseName)"
        case .factOutOfRange(let f): "giá trị của thông tin '\(f)' nằm ngoài phạm vi cho phép"
        case .missingFact(let f): "hồ sơ chưa nêu thông tin bắt buộc '\(f)'"
        case .unknownPaper(let p): "thủ tục không có giấy tờ mã '\(p)'"
        case .negativeCount(let p): "số lượng của giấy tờ '\(p)' không được âm"
        case .channelNotOffered(let c): "thủ tục không nhận hồ sơ qua kênh '\(c.vietnamese.lowercased())'"
        case .noVersionInForce(let d): "không có phiên bản nào của thủ tục có hiệu lực vào ngày \(d.year)-\(d.month)-\(d.day)"
        case .evaluationFailed(let m): "không tính được: \(m)"
        case .calendarFailed(let m): "không tính được ngày hẹn: \(m)"
        }
    }

    /// The problem in English.
    public var english: String {
        switch self {
        case .undeclaredFact(let f): "the procedure has no fact '\(f)'"
        case .wrongFactType(let f, let t): "fact '\(f)' must be of type \(t)"
        case .factOutOfRange(let f): "the value of fact '\(f)' is out of range"
        case .missingFact(let f): "the dossier does not give the required fact '\(f)'"
        case .unknownPaper(let p): "the procedure has no paper '\(p)'"
        case .negativeCount(let p): "the count of paper '\(p)' must not be negative"
        case .channelNotOffered(let c): "the procedure does not take dossiers through '\(c.rawValue)'"
        case .noVersionInForce(let d): "no version of the procedure was in force on \(d)"
        case .evaluationFailed(let m): "cannot compute: \(m)"
        case .calendarFailed(let m): "cannot compute the due date: \(m)"
        }
    }
}

extension ValueType {
    /// The type's name in Vietnamese.
    public var vietnameseName: String {
        switch self {
        case .bool: "đúng/sai"
        case .int: "số nguyên"
        case .money: "số tiền (đồng)"
        case .date: "ngày"
        case .text: "văn bản"
        case .enumeration(_, let cases): "một trong: " + cases.joined(separator: ", ")
        }
    }
}
