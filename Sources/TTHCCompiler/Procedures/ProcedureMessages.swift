import TTHCDiagnostics

/// Messages about the content of procedure files. Codes are stable (Docs/diagnostics.md).
extension DiagnosticMessage {
    static func unknownReference(_ kindVi: String, _ kindEn: String, _ code: String, _ id: String, registry: String, suggestion: String?) -> DiagnosticMessage {
        let hintVi = suggestion.map { "; có phải ý bạn là '\($0)'?" } ?? ""
        let hintEn = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        return .error(code, vi: "\(kindVi) '\(id)' chưa được khai báo trong \(registry)\(hintVi)", en: "\(kindEn) '\(id)' is not declared in \(registry)\(hintEn)")
    }

    static func duplicateID(_ kindVi: String, _ kindEn: String, _ code: String, _ id: String) -> DiagnosticMessage {
        .error(code, vi: "\(kindVi) '\(id)' bị trùng", en: "duplicate \(kindEn) '\(id)'")
    }

    static let firstDeclaredHere = LocalizedText(vi: "khai báo lần đầu ở đây", en: "first declared here")

    static let missingDuration = DiagnosticMessage.error(
        "missing-duration", vi: "chưa nêu thời hạn: cần đúng một trong working_days, working_hours, calendar_days, same_day",
        en: "no duration given: write exactly one of working_days, working_hours, calendar_days, same_day")
    static let deadlineNoneFalse = DiagnosticMessage.error(
        "deadline-none-false", vi: "'none: false' không có nghĩa; nếu pháp luật quy định thời hạn thì ghi thời hạn (working_days, working_hours, calendar_days, same_day), nếu không thì ghi 'none: true'",
        en: "'none: false' means nothing; write the statutory time (working_days, working_hours, calendar_days, same_day), or 'none: true' when the law sets none")
    static let durationConflict = DiagnosticMessage.error(
        "duration-conflict", vi: "nêu nhiều đơn vị thời hạn cùng lúc; chỉ được dùng một trong working_days, working_hours, calendar_days, same_day",
        en: "several duration units given; use exactly one of working_days, working_hours, calendar_days, same_day")

    static let paperNoCount = DiagnosticMessage.error(
        "paper-no-count", vi: "giấy tờ phải có ít nhất một số lượng dương: original (bản chính), copy (bản sao) hoặc present (xuất trình)",
        en: "a paper needs at least one positive count: original, copy or present")
    static let oneOfSingle = DiagnosticMessage.warning(
        "one-of-single", vi: "nhóm one_of chỉ có một giấy tờ; hãy viết giấy tờ đó trực tiếp", en: "one_of has a single paper; write the paper directly")
    static let oneOfNested = DiagnosticMessage.error(
        "one-of-nested", vi: "trong one_of chỉ được liệt kê giấy tờ (id, name, số lượng), không lồng nhóm hoặc ref", en: "one_of lists papers only (id, name, counts), not nested groups or refs")

    static func reservedFactName(_ name: String) -> DiagnosticMessage {
        .error("reserved-fact-name", vi: "'\(name)' là tên dành riêng của ngôn ngữ biểu thức; hãy đặt tên khác cho thông tin này", en: "'\(name)' is reserved in the expression language; rename this fact")
    }
    static let enumWithoutValues = DiagnosticMessage.error(
        "enum-without-values", vi: "thông tin kiểu enum cần khóa 'of' liệt kê các giá trị cho phép", en: "an enum fact needs 'of' listing its allowed values")
    static let ofWithoutEnum = DiagnosticMessage.error(
        "of-without-enum", vi: "khóa 'of' chỉ dùng cho thông tin kiểu enum", en: "'of' is only for enum facts")
    static let boundsNotNumeric = DiagnosticMessage.error(
        "bounds-not-numeric", vi: "min và max chỉ dùng cho thông tin kiểu int hoặc money", en: "min and max are only for int and money facts")
    static let boundsReversed = DiagnosticMessage.error(
        "bounds-reversed", vi: "min lớn hơn max", en: "min is greater than max")
    static func unusedFact(_ name: String) -> DiagnosticMessage {
        .warning("unused-fact", vi: "thông tin '\(name)' được khai báo nhưng không điều kiện hay công thức nào dùng đến", en: "fact '\(name)' is declared but no condition or amount uses it")
    }

    static func unreachableStep(_ id: String) -> DiagnosticMessage {
        .error("unreachable-step", vi: "không có đường nào từ bước đầu tiên dẫn tới bước '\(id)'", en: "step '\(id)' cannot be reached from the first step")
    }
    static func noWayOut(_ id: String) -> DiagnosticMessage {
        .error("no-way-out", vi: "từ bước '\(id)' không có đường nào dẫn tới kết thúc (vòng lặp không lối ra)", en: "step '\(id)' has no path to the end (a loop with no way out)")
    }
    static let nextWithoutDefault = DiagnosticMessage.warning(
        "next-no-default", vi: "mọi nhánh 'next' đều có điều kiện; nếu không điều kiện nào đúng, hồ sơ sẽ chuyển sang bước kế tiếp trong danh sách (hoặc kết thúc nếu là bước cuối): hãy nói rõ bằng một nhánh cuối không có 'when'",
        en: "every 'next' branch has a condition; if none holds the dossier goes on to the following step in the list (or ends after the last): say so with a last branch without 'when'")
    static func budgetExceedsDeadline(path: String, budgetVi: String, budgetEn: String, deadlineVi: String, deadlineEn: String) -> DiagnosticMessage {
        .warning("budget-exceeds-deadline", vi: "tổng thời gian các bước (\(path): khoảng \(budgetVi)) vượt thời hạn giải quyết (\(deadlineVi))",
                 en: "the step budgets (\(path): about \(budgetEn)) exceed the statutory time (\(deadlineEn))")
    }

    static let feeEmpty = DiagnosticMessage.error(
        "fee-empty", vi: "chưa nêu phí, lệ phí: viết 'rules' (mức thu) hoặc 'none: true' nếu thủ tục không thu phí",
        en: "no fee given: write 'rules' (amounts) or 'none: true' when the procedure has no fee")
    static let feeNoneConflict = DiagnosticMessage.error(
        "fee-none-conflict", vi: "'none: true' (không thu phí) mâu thuẫn với các mức thu được nêu", en: "'none: true' contradicts the amounts given")
    static let feeAmountMissing = DiagnosticMessage.error(
        "fee-amount-missing", vi: "quy tắc phí cần một trong 'amount' (số tiền), 'tiers' (theo bậc) hoặc 'schedule' (mức do tỉnh quy định)", en: "a fee rule needs one of 'amount', 'tiers' or 'schedule'")
    static let feeAmountConflict = DiagnosticMessage.error(
        "fee-amount-conflict", vi: "quy tắc phí chỉ được có một trong 'amount', 'tiers' và 'schedule'", en: "a fee rule takes only one of 'amount', 'tiers' and 'schedule'")
    static func feePerNotInt(_ name: String) -> DiagnosticMessage {
        .error("fee-unit-not-int", vi: "'\(name)' phải là thông tin kiểu int (số đơn vị, ví dụ số bản sao)", en: "'\(name)' must be an int fact (a number of units, e.g. copies)")
    }
    static let feeRuleUnreachable = DiagnosticMessage.warning(
        "fee-rule-unreachable", vi: "quy tắc phí này không bao giờ được áp dụng: một quy tắc phía trên luôn khớp, hoặc điều kiện luôn sai",
        en: "this fee rule can never apply: a rule above always matches, or its condition is always false")
    static let alwaysMatchesHere = LocalizedText(vi: "quy tắc này luôn khớp", en: "this rule always matches")
    static let tiersLastBand = DiagnosticMessage.error(
        "tiers-bad-bands", vi: "mọi bậc trừ bậc cuối cần 'upto'; bậc cuối không có 'upto'", en: "every band but the last needs 'upto'; the last has none")
    static let discountRange = DiagnosticMessage.error(
        "out-of-range", vi: "tỷ lệ giảm phải từ 1 đến 100", en: "the discount percent must be from 1 to 100")
    static let dateRangeReversed = DiagnosticMessage.error(
        "date-range-reversed", vi: "ngày kết thúc sớm hơn ngày bắt đầu", en: "the end date is before the start date")
    static let onlineDiscountNoOnline = DiagnosticMessage.warning(
        "online-discount-no-online", vi: "có giảm phí nộp trực tuyến nhưng thủ tục không nhận hồ sơ trực tuyến (channels)", en: "an online discount is set but the procedure does not take online dossiers (channels)")

    static let versionOrder = DiagnosticMessage.error(
        "version-overlap", vi: "ngày hiệu lực của phiên bản phải sau ngày hiệu lực của phiên bản trước", en: "a version's effective date must be after the previous version's")
    static func versionOverlap(_ until: String, _ next: String) -> DiagnosticMessage {
        .error("version-overlap", vi: "phiên bản còn hiệu lực đến \(until), trùng với phiên bản sau bắt đầu từ \(next)", en: "the version runs until \(until), overlapping the next one starting \(next)")
    }
    static func versionGap(_ until: String, _ next: String) -> DiagnosticMessage {
        .error("version-gap", vi: "khoảng trống hiệu lực: phiên bản hết hiệu lực sau \(until) nhưng phiên bản sau chỉ bắt đầu từ \(next)", en: "gap: the version ends after \(until) but the next one starts only on \(next)")
    }
    static let previousVersionHere = LocalizedText(vi: "phiên bản trước ở đây", en: "previous version here")

    static func testNoVersion(_ date: String) -> DiagnosticMessage {
        .error("test-no-version", vi: "không có phiên bản nào của thủ tục có hiệu lực vào ngày tiếp nhận \(date)", en: "no version of the procedure is in force on the receipt date \(date)")
    }
    static func testMissingFact(_ name: String) -> DiagnosticMessage {
        .error("test-missing-fact", vi: "thông tin '\(name)' không có giá trị mặc định; ví dụ phải nêu giá trị của nó", en: "fact '\(name)' has no default; the example must give its value")
    }
    static func testChannelNotOffered(_ channel: String) -> DiagnosticMessage {
        .error("test-channel-not-offered", vi: "thủ tục không nhận hồ sơ qua kênh '\(channel)'", en: "the procedure does not take dossiers through '\(channel)'")
    }
    static let testDueWhenIncomplete = DiagnosticMessage.error(
        "test-due-when-incomplete", vi: "hồ sơ chưa đầy đủ thì không có ngày hẹn trả; bỏ 'due' hoặc sửa 'complete'", en: "an incomplete dossier has no due date; remove 'due' or fix 'complete'")
    static let testExpectsNothing = DiagnosticMessage.warning(
        "test-expects-nothing", vi: "ví dụ không nêu kết quả mong đợi nào", en: "the example expects nothing")
    static func duplicateProcedureID(_ id: String) -> DiagnosticMessage {
        .error("duplicate-id", vi: "mã thủ tục '\(id)' đã được dùng ở một tệp khác", en: "the procedure id '\(id)' is used by another file too")
    }
    static func duplicateCode(_ code: String) -> DiagnosticMessage {
        .error("duplicate-code", vi: "mã thủ tục quốc gia '\(code)' đã được dùng ở một tệp khác", en: "the national code '\(code)' is used by another file too")
    }
}
