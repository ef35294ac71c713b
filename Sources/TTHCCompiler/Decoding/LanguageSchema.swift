public import TTHCDiagnostics
import TTHCModel

/// The shape of a value in the procedure language, used to check files, to suggest keys and to
/// generate the editor schema: the compiler's own description of the language.
public indirect enum ValueShape: Sendable {
    /// Human text (Vietnamese).
    case text
    /// An identifier: lower-case ASCII letters, digits, `_`, `-`.
    case identifier
    /// A whole number, optionally bounded below.
    case integer(minimum: Int?)
    /// A `YYYY-MM-DD` date.
    case date
    /// An ISO 8601 instant with offset.
    case instant
    /// An `HH:MM` time of day.
    case time
    /// `true` or `false`.
    case bool
    /// An expression (condition or amount).
    case expression
    /// One of fixed words.
    case oneOf([String])
    /// A list of values of one shape.
    case list(ValueShape)
    /// A mapping with the keys of an object description.
    case object(ObjectSpec)
    /// A mapping from identifiers to values of one shape.
    case map(ValueShape)
    /// Any of several shapes.
    case either([ValueShape])
    /// Any scalar (a fact value whose type depends on the fact).
    case scalar
}

/// One key of an object: its name, whether it is required, its shape and what it means.
public struct KeySpec: Sendable {
    /// The key as written.
    public var name: String
    /// Whether the object must have it.
    public var required: Bool
    /// The shape of its value.
    public var shape: ValueShape
    /// What it means, in both languages (shown on hover in editors).
    public var doc: LocalizedText

    /// Declares a key.
    public init(_ name: String, required: Bool = false, _ shape: ValueShape, vi: String, en: String) {
        self.name = name
        self.required = required
        self.shape = shape
        self.doc = LocalizedText(vi: vi, en: en)
    }
}

/// The description of an object (a YAML mapping) of the language.
public struct ObjectSpec: Sendable {
    /// A name for messages ("thủ tục", "giấy tờ", …).
    public var name: LocalizedText
    /// Its keys in documentation order.
    public var keys: [KeySpec]

    /// Declares an object.
    public init(vi: String, en: String, keys: [KeySpec]) {
        self.name = LocalizedText(vi: vi, en: en)
        self.keys = keys
    }

    /// The key named `name`.
    public func key(_ name: String) -> KeySpec? { keys.first { $0.name == name } }
}

/// Every object of the procedure language, declared once.
public enum LanguageSchema {
    static let durationKeys: [KeySpec] = [
        KeySpec("working_days", .integer(minimum: 0), vi: "Số ngày làm việc (không tính ngày tiếp nhận)", en: "Working days (the day of receipt is not counted)"),
        KeySpec("working_hours", .integer(minimum: 0), vi: "Số giờ làm việc, tính trong giờ hành chính", en: "Working hours, counted inside office hours"),
        KeySpec("calendar_days", .integer(minimum: 0), vi: "Số ngày theo lịch; ngày cuối là ngày nghỉ thì chuyển sang ngày làm việc tiếp theo", en: "Calendar days; an end on a day off moves to the next working day"),
        KeySpec("same_day", .time, vi: "Trả trong ngày nếu tiếp nhận trước giờ này (\"HH:MM\"), nếu sau thì trả trong ngày làm việc tiếp theo", en: "Same day if received before this time (\"HH:MM\"), otherwise the next working day"),
    ]

    /// A duration: exactly one of the four units.
    public static let duration = ObjectSpec(vi: "thời hạn", en: "duration", keys: durationKeys)

    /// A statutory time may also be none at all (a step's budget may not).
    static let statutoryDurationKeys: [KeySpec] = durationKeys + [
        KeySpec("none", .bool, vi: "true khi pháp luật không quy định thời hạn giải quyết (không tính ngày hẹn trả)", en: "true when the law sets no time limit (no appointment date is computed)"),
    ]

    /// A case-dependent statutory time.
    public static let deadlineCase = ObjectSpec(vi: "trường hợp thời hạn", en: "deadline case", keys: [
        KeySpec("when", required: true, .expression, vi: "Điều kiện áp dụng trường hợp này", en: "Condition under which this case applies"),
    ] + statutoryDurationKeys)

    /// The statutory time.
    public static let deadline = ObjectSpec(vi: "thời hạn giải quyết", en: "deadline", keys: statutoryDurationKeys + [
        KeySpec("cutoff", .time, vi: "Tiếp nhận sau giờ này (\"HH:MM\") thì tính từ ngày làm việc tiếp theo", en: "Received after this time (\"HH:MM\") counts from the next working day"),
        KeySpec("cases", .list(.object(deadlineCase)), vi: "Thời hạn theo trường hợp; trường hợp đầu tiên có điều kiện đúng được áp dụng", en: "Case-dependent times; the first case whose condition holds applies"),
        KeySpec("on_supplement", .oneOf(["resume", "restart"]), vi: "Khi bổ sung hồ sơ trong quá trình giải quyết: resume (tính tiếp thời gian đã giải quyết, mặc định) hoặc restart (tính lại từ đầu)", en: "When a supplement is requested during processing: resume (time used counts, default) or restart"),
        KeySpec("note", .text, vi: "Nguyên văn quy định về thời hạn", en: "The statutory wording"),
    ])

    static let paperKeys: [KeySpec] = [
        KeySpec("id", required: true, .identifier, vi: "Mã giấy tờ, duy nhất trong thủ tục", en: "Paper id, unique in the procedure"),
        KeySpec("name", required: true, .text, vi: "Tên giấy tờ", en: "Name of the paper"),
        KeySpec("original", .integer(minimum: 0), vi: "Số bản chính", en: "Number of originals"),
        KeySpec("copy", .integer(minimum: 0), vi: "Số bản sao", en: "Number of copies"),
        KeySpec("present", .integer(minimum: 0), vi: "Số bản chính xuất trình để đối chiếu (không nộp lại)", en: "Originals shown for checking (not kept)"),
        KeySpec("when", .expression, vi: "Chỉ yêu cầu khi điều kiện này đúng", en: "Required only when this condition holds"),
        KeySpec("form", .text, vi: "Mã mẫu đơn, tờ khai", en: "Form template id"),
        KeySpec("note", .text, vi: "Ghi chú cho cán bộ tiếp nhận", en: "A remark for the clerk"),
    ]

    /// One paper.
    public static let paper = ObjectSpec(vi: "giấy tờ", en: "paper", keys: paperKeys)

    /// Alternatives.
    public static let alternatives = ObjectSpec(vi: "nhóm giấy tờ thay thế", en: "alternatives", keys: [
        KeySpec("one_of", required: true, .list(.object(paper)), vi: "Các giấy tờ thay thế nhau; nộp một trong số đó là đủ", en: "Papers that replace each other; any one suffices"),
        KeySpec("name", .text, vi: "Tên nhóm giấy tờ", en: "Name of the group"),
        KeySpec("when", .expression, vi: "Chỉ yêu cầu khi điều kiện này đúng", en: "Required only when this condition holds"),
        KeySpec("note", .text, vi: "Ghi chú cho cán bộ tiếp nhận", en: "A remark for the clerk"),
    ])

    /// A reference to a shared paper.
    public static let sharedPaperReference = ObjectSpec(vi: "giấy tờ dùng chung", en: "shared paper reference", keys: [
        KeySpec("ref", required: true, .identifier, vi: "Mã giấy tờ dùng chung trong Procedures/_shared/", en: "Id of a shared paper in Procedures/_shared/"),
        KeySpec("original", .integer(minimum: 0), vi: "Số bản chính (thay số lượng dùng chung)", en: "Number of originals (replaces the shared count)"),
        KeySpec("copy", .integer(minimum: 0), vi: "Số bản sao (thay số lượng dùng chung)", en: "Number of copies (replaces the shared count)"),
        KeySpec("present", .integer(minimum: 0), vi: "Số bản xuất trình (thay số lượng dùng chung)", en: "Originals shown (replaces the shared count)"),
        KeySpec("when", .expression, vi: "Chỉ yêu cầu khi điều kiện này đúng", en: "Required only when this condition holds"),
        KeySpec("note", .text, vi: "Ghi chú cho cán bộ tiếp nhận", en: "A remark for the clerk"),
    ])

    /// A fact declaration.
    public static let fact = ObjectSpec(vi: "thông tin của hồ sơ", en: "fact", keys: [
        KeySpec("type", required: true, .oneOf(["bool", "int", "money", "date", "enum", "text"]), vi: "Kiểu giá trị", en: "Value type"),
        KeySpec("label", required: true, .text, vi: "Câu hỏi, như cán bộ hỏi người nộp", en: "The question as a clerk asks it"),
        KeySpec("default", .scalar, vi: "Giá trị mặc định khi hồ sơ không nêu", en: "Value used when a dossier does not say"),
        KeySpec("min", .integer(minimum: nil), vi: "Giá trị nhỏ nhất (int, money)", en: "Lower bound (int, money)"),
        KeySpec("max", .integer(minimum: nil), vi: "Giá trị lớn nhất (int, money)", en: "Upper bound (int, money)"),
        KeySpec("of", .either([.list(.identifier), .map(.text)]), vi: "Các giá trị cho phép của kiểu enum (danh sách, hoặc bảng mã → nhãn)", en: "Allowed values of an enum (a list, or id → label)"),
    ])

    /// A branch of `next`.
    public static let transition = ObjectSpec(vi: "nhánh chuyển bước", en: "transition", keys: [
        KeySpec("to", required: true, .identifier, vi: "Bước tiếp theo, hoặc end", en: "The next step, or end"),
        KeySpec("when", .expression, vi: "Điều kiện chọn nhánh này", en: "Condition for taking this branch"),
    ])

    /// A step.
    public static let step = ObjectSpec(vi: "bước", en: "step", keys: [
        KeySpec("id", required: true, .identifier, vi: "Mã bước, duy nhất trong thủ tục", en: "Step id, unique in the procedure"),
        KeySpec("name", required: true, .text, vi: "Tên bước", en: "Name of the step"),
        KeySpec("role", required: true, .identifier, vi: "Vai trò người thực hiện (Procedures/_shared/roles.yaml)", en: "Role of who does it (Procedures/_shared/roles.yaml)"),
        KeySpec("agency", .identifier, vi: "Cơ quan thực hiện khi là cơ quan khác (liên thông)", en: "Agency doing it when another one (inter-agency)"),
        KeySpec("takes", .object(duration), vi: "Thời gian dành cho bước", en: "Time budget of the step"),
        KeySpec("next", .either([.identifier, .list(.object(transition))]), vi: "Bước tiếp theo, end, hoặc danh sách nhánh có điều kiện", en: "Next step, end, or a list of conditional branches"),
        KeySpec("rework", .either([.identifier, .list(.identifier)]), vi: "Bước có thể trả lại để làm lại", en: "Step(s) the dossier may be sent back to for rework"),
    ])

    /// Tiered amounts.
    public static let band = ObjectSpec(vi: "bậc phí", en: "band", keys: [
        KeySpec("upto", .integer(minimum: 1), vi: "Số đơn vị của bậc (bỏ trống ở bậc cuối)", en: "Units in this band (omit in the last band)"),
        KeySpec("each", required: true, .integer(minimum: 0), vi: "Số đồng cho mỗi đơn vị", en: "Đồng per unit"),
    ])

    /// Tiers.
    public static let tiers = ObjectSpec(vi: "biểu phí lũy tiến", en: "tiers", keys: [
        KeySpec("of", required: true, .identifier, vi: "Thông tin (int) được chia bậc, ví dụ số trang", en: "The int fact divided into bands, e.g. pages"),
        KeySpec("bands", required: true, .list(.object(band)), vi: "Các bậc theo thứ tự", en: "The bands in order"),
    ])

    static let ruleKeys: [KeySpec] = [
        KeySpec("when", .expression, vi: "Điều kiện áp dụng", en: "Condition under which it applies"),
        KeySpec("label", .text, vi: "Tên khoản thu", en: "Label of the charge"),
        KeySpec("note", .text, vi: "Ghi chú, căn cứ", en: "Remark, legal source"),
        KeySpec("amount", .expression, vi: "Số tiền (đồng), một biểu thức", en: "Amount in đồng, an expression"),
        KeySpec("tiers", .object(tiers), vi: "Số tiền theo bậc", en: "Amount by bands"),
        KeySpec("schedule", .text, vi: "Mức thu do HĐND tỉnh quy định: khóa trong biểu phí của tỉnh (Procedures/fees/), ví dụ ho_tich.khai_sinh", en: "Amount set by the province: a key of the provincial fee schedule (Procedures/fees/), e.g. ho_tich.khai_sinh"),
        KeySpec("per", .identifier, vi: "Tính theo mỗi đơn vị của thông tin (int) này, ví dụ số bản sao", en: "Charged per unit of this int fact, e.g. copies"),
        KeySpec("max", .integer(minimum: 0), vi: "Mức tối đa (trước khi nhân theo per)", en: "Cap (before multiplying by per)"),
    ]

    /// A fee rule or extra.
    public static let feeRule = ObjectSpec(vi: "quy tắc tính phí", en: "fee rule", keys: ruleKeys)

    /// An exemption.
    public static let exemption = ObjectSpec(vi: "trường hợp miễn phí", en: "exemption", keys: [
        KeySpec("when", required: true, .expression, vi: "Điều kiện được miễn", en: "Condition for the exemption"),
        KeySpec("note", .text, vi: "Căn cứ miễn", en: "Legal ground"),
    ])

    /// The online discount.
    public static let onlineDiscount = ObjectSpec(vi: "giảm phí nộp trực tuyến", en: "online discount", keys: [
        KeySpec("percent", required: true, .integer(minimum: 1), vi: "Tỷ lệ giảm (%)", en: "Percent off"),
        KeySpec("from", .date, vi: "Áp dụng từ ngày", en: "First day"),
        KeySpec("until", .date, vi: "Áp dụng đến hết ngày", en: "Last day"),
        KeySpec("note", .text, vi: "Căn cứ", en: "Legal source"),
    ])

    /// The fee.
    public static let fee = ObjectSpec(vi: "phí, lệ phí", en: "fee", keys: [
        KeySpec("none", .bool, vi: "true nếu thủ tục không thu phí, lệ phí", en: "true when the procedure has no fee"),
        KeySpec("kind", .oneOf(["le_phi", "phi"]), vi: "Lệ phí (le_phi) hay phí (phi)", en: "Lệ phí (le_phi) or phí (phi)"),
        KeySpec("exempt", .list(.object(exemption)), vi: "Các trường hợp miễn toàn bộ", en: "Whole-fee exemptions"),
        KeySpec("rules", .list(.object(feeRule)), vi: "Quy tắc theo thứ tự; quy tắc đầu tiên khớp cho mức thu", en: "Ordered rules; the first match gives the amount"),
        KeySpec("extras", .list(.object(feeRule)), vi: "Các khoản cộng thêm", en: "Additive lines"),
        KeySpec("online_discount", .object(onlineDiscount), vi: "Giảm phí khi nộp trực tuyến", en: "Discount for online submission"),
        KeySpec("note", .text, vi: "Ghi chú", en: "Remark"),
    ])

    /// A paper in a test.
    public static let submittedPaper = ObjectSpec(vi: "giấy tờ đã nộp", en: "submitted paper", keys: [
        KeySpec("id", required: true, .identifier, vi: "Mã giấy tờ", en: "Paper id"),
        KeySpec("original", .integer(minimum: 0), vi: "Số bản chính đã nộp", en: "Originals handed in"),
        KeySpec("copy", .integer(minimum: 0), vi: "Số bản sao đã nộp", en: "Copies handed in"),
        KeySpec("present", .integer(minimum: 0), vi: "Số bản đã xuất trình", en: "Originals shown"),
    ])

    /// Expectations of a test.
    public static let expectation = ObjectSpec(vi: "kết quả mong đợi", en: "expectation", keys: [
        KeySpec("complete", .bool, vi: "Hồ sơ đầy đủ hay không", en: "Whether the dossier is complete"),
        KeySpec("missing", .list(.identifier), vi: "Các giấy tờ còn thiếu", en: "Papers missing"),
        KeySpec("fee", .either([.integer(minimum: 0), .oneOf(["undetermined"])]), vi: "Phí, lệ phí (đồng), hoặc undetermined khi biểu phí của tỉnh chưa có mức thu", en: "Fee in đồng, or undetermined when the provincial schedule lacks the amount"),
        KeySpec("due", .instant, vi: "Ngày giờ hẹn trả kết quả; 'none' khi pháp luật không quy định thời hạn (không có ngày hẹn)", en: "Due instant; 'none' when the law sets no time limit (no appointment)"),
    ])

    /// A test.
    public static let test = ObjectSpec(vi: "ví dụ kiểm thử", en: "test", keys: [
        KeySpec("name", required: true, .text, vi: "Ví dụ này minh họa điều gì", en: "What the example shows"),
        KeySpec("facts", .map(.scalar), vi: "Giá trị các thông tin của hồ sơ", en: "Fact values"),
        KeySpec("channel", .oneOf(Channel.allCases.map(\.rawValue)), vi: "Cách nộp", en: "Channel"),
        KeySpec("papers", .list(.either([.identifier, .object(submittedPaper)])), vi: "Giấy tờ đã nộp", en: "Papers handed in"),
        KeySpec("received", required: true, .instant, vi: "Thời điểm tiếp nhận (ISO 8601)", en: "Receipt instant (ISO 8601)"),
        KeySpec("fee_schedule", .identifier, vi: "Biểu phí của tỉnh dùng để tính (mặc định: biểu phí duy nhất của danh mục)", en: "Provincial fee schedule to compute with (default: the catalogue's only one)"),
        KeySpec("expect", required: true, .object(expectation), vi: "Kết quả mong đợi", en: "What is expected"),
    ])

    /// Keys that may change from one version to the next.
    static let versionedKeys: [KeySpec] = [
        KeySpec("channels", .list(.oneOf(Channel.allCases.map(\.rawValue))), vi: "Cách thức nộp hồ sơ", en: "Submission channels"),
        KeySpec("legal_basis", .list(.text), vi: "Căn cứ pháp lý (luật, nghị định, thông tư, điều khoản)", en: "Legal basis (laws, decrees, circulars, articles)"),
        KeySpec("result", .list(.text), vi: "Kết quả thực hiện thủ tục", en: "What the applicant receives"),
        KeySpec("calendar", .identifier, vi: "Lịch làm việc (mặc định vn)", en: "Working-day calendar (default vn)"),
        KeySpec("facts", .map(.object(fact)), vi: "Các thông tin của hồ sơ dùng trong điều kiện", en: "Typed facts used by conditions"),
        KeySpec("papers", .list(.either([.object(paper), .object(alternatives), .object(sharedPaperReference)])), vi: "Thành phần hồ sơ", en: "Papers required"),
        KeySpec("deadline", .object(deadline), vi: "Thời hạn giải quyết", en: "Statutory time"),
        KeySpec("steps", .list(.object(step)), vi: "Trình tự thực hiện", en: "Workflow steps"),
        KeySpec("fee", .object(fee), vi: "Phí, lệ phí", en: "Fee"),
    ]

    /// A later version.
    public static let version = ObjectSpec(vi: "phiên bản", en: "version", keys: [
        KeySpec("effective", required: true, .date, vi: "Ngày bắt đầu có hiệu lực", en: "First day in force"),
        KeySpec("until", .date, vi: "Ngày cuối cùng có hiệu lực", en: "Last day in force"),
        KeySpec("note", .text, vi: "Nội dung thay đổi", en: "What changed"),
    ] + versionedKeys)

    /// A procedure file.
    public static let procedure = ObjectSpec(vi: "thủ tục", en: "procedure", keys: [
        KeySpec("id", required: true, .identifier, vi: "Mã ổn định của thủ tục, duy nhất trong danh mục", en: "Stable id, unique in the catalogue"),
        KeySpec("code", .text, vi: "Mã thủ tục hành chính trong Cơ sở dữ liệu quốc gia (chỉ ghi khi chắc chắn)", en: "National catalogue code (only when certain)"),
        KeySpec("name", required: true, .text, vi: "Tên thủ tục", en: "Name of the procedure"),
        KeySpec("field", required: true, .identifier, vi: "Lĩnh vực (Procedures/_shared/fields.yaml)", en: "Field (Procedures/_shared/fields.yaml)"),
        KeySpec("level", required: true, .oneOf(Level.allCases.map(\.rawValue)), vi: "Cấp thực hiện: xa, tinh, trung-uong", en: "Deciding level: xa, tinh, trung-uong"),
        KeySpec("agency", required: true, .identifier, vi: "Cơ quan giải quyết (Procedures/_shared/agencies.yaml)", en: "Deciding agency (Procedures/_shared/agencies.yaml)"),
        KeySpec("applicants", .list(.oneOf(Applicant.allCases.map(\.rawValue))), vi: "Đối tượng thực hiện: citizen, organization", en: "Who may apply: citizen, organization"),
        KeySpec("effective", required: true, .date, vi: "Ngày bắt đầu có hiệu lực của nội dung này", en: "First day this text is in force"),
        KeySpec("until", .date, vi: "Ngày cuối cùng có hiệu lực", en: "Last day in force"),
        KeySpec("versions", .list(.object(version)), vi: "Các phiên bản sau, theo ngày hiệu lực", en: "Later versions, by effective date"),
        KeySpec("tests", .list(.object(test)), vi: "Các ví dụ kiểm thử (tthc test)", en: "Examples checked by tthc test"),
        KeySpec("review", .list(.text), vi: "Các điểm chưa xác nhận được từ văn bản pháp luật, để cán bộ pháp chế kiểm tra", en: "Points not yet confirmed from the legal text, for legal staff"),
        KeySpec("note", .text, vi: "Ghi chú cho cán bộ", en: "A note for clerks"),
    ] + versionedKeys.map { key in
        var key = key
        key.required = ["channels", "legal_basis", "result", "papers", "deadline", "steps", "fee"].contains(key.name)
        return key
    })

    /// An amount in a fee schedule, with its source.
    public static let scheduledFee = ObjectSpec(vi: "mức thu", en: "scheduled fee", keys: [
        KeySpec("amount", required: true, .integer(minimum: 0), vi: "Số tiền (đồng)", en: "Amount in đồng"),
        KeySpec("note", .text, vi: "Căn cứ (nghị quyết, điều, khoản)", en: "Source (resolution, article)"),
    ])

    /// A later version of a fee schedule.
    public static let feeScheduleVersion = ObjectSpec(vi: "phiên bản biểu phí", en: "fee schedule version", keys: [
        KeySpec("effective", required: true, .date, vi: "Ngày bắt đầu áp dụng", en: "First day in force"),
        KeySpec("note", .text, vi: "Nội dung thay đổi, căn cứ", en: "What changed, source"),
        KeySpec("fees", required: true, .map(.either([.integer(minimum: 0), .object(scheduledFee)])), vi: "Các mức thu thay đổi", en: "The amounts that change"),
    ])

    /// A provincial fee schedule file under `fees/`.
    public static let feeSchedule = ObjectSpec(vi: "biểu phí của tỉnh", en: "fee schedule", keys: [
        KeySpec("name", required: true, .text, vi: "Tên tỉnh, thành phố", en: "Province name"),
        KeySpec("legal_basis", required: true, .list(.text), vi: "Các nghị quyết của HĐND quy định mức thu", en: "The council resolutions setting the amounts"),
        KeySpec("effective", required: true, .date, vi: "Ngày bắt đầu áp dụng", en: "First day in force"),
        KeySpec("fees", required: true, .map(.either([.integer(minimum: 0), .object(scheduledFee)])), vi: "Mức thu theo khóa (đồng)", en: "Amounts by key (đồng)"),
        KeySpec("versions", .list(.object(feeScheduleVersion)), vi: "Các lần thay đổi mức thu", en: "Later changes"),
        KeySpec("online_discount", .object(onlineDiscount), vi: "Giảm các mức thu của biểu phí này khi nộp hồ sơ trực tuyến (percent: 100 là miễn)", en: "Reduction of this schedule's amounts for online dossiers (percent: 100 waives them)"),
        KeySpec("review", .list(.text), vi: "Các điểm chưa xác nhận", en: "Points not yet confirmed"),
        KeySpec("note", .text, vi: "Ghi chú", en: "Remark"),
    ])

    /// An entry of a shared registry.
    public static let registryEntry = ObjectSpec(vi: "mục danh mục dùng chung", en: "registry entry", keys: [
        KeySpec("name", required: true, .text, vi: "Tên", en: "Name"),
        KeySpec("level", .oneOf(Level.allCases.map(\.rawValue)), vi: "Cấp (với cơ quan)", en: "Level (for agencies)"),
        KeySpec("note", .text, vi: "Ghi chú", en: "Remark"),
    ])

    /// A shared paper.
    public static let sharedPaper = ObjectSpec(vi: "giấy tờ dùng chung", en: "shared paper", keys: Array(paperKeys.dropFirst()).filter { $0.name != "when" })

    /// A registry file under `_shared/`.
    public static let registryFile = ObjectSpec(vi: "tệp danh mục dùng chung", en: "shared registry file", keys: [
        KeySpec("fields", .map(.object(registryEntry)), vi: "Lĩnh vực", en: "Fields"),
        KeySpec("agencies", .map(.object(registryEntry)), vi: "Cơ quan", en: "Agencies"),
        KeySpec("roles", .map(.object(registryEntry)), vi: "Vai trò", en: "Roles"),
        KeySpec("papers", .map(.object(sharedPaper)), vi: "Giấy tờ dùng chung", en: "Shared papers"),
        KeySpec("fee_keys", .map(.object(registryEntry)), vi: "Các khoản phí, lệ phí do HĐND tỉnh quy định mà thủ tục có thể dùng (schedule:)", en: "Fees set by provincial councils that procedures may use (schedule:)"),
    ])
}
