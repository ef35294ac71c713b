import Foundation
import TTHCModel

/// Conditions and amounts of a procedure version put into Vietnamese words for the site, using the
/// facts' labels ("khi “Khai sinh cho trẻ em bị bỏ rơi”"). What has no wording (arithmetic inside a
/// condition, functions) is shown as the expression's source text, as code.
struct SiteWords {
    let facts: [Fact]

    /// A fact's label without the question mark, between quotes.
    func quoted(_ name: String) -> String {
        "“" + label(name) + "”"
    }

    /// A fact's label without its trailing question mark.
    func label(_ name: String) -> String {
        guard let fact = facts.first(where: { $0.name == name }) else { return name }
        var text = fact.label.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("?") { text.removeLast() }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// The Vietnamese label of an enum case of a fact.
    func caseLabel(_ value: String, of fact: String?) -> String {
        if let fact, let label = facts.first(where: { $0.name == fact })?.caseLabels[value] { return "“\(label)”" }
        if let channel = Channel(rawValue: value) { return "“\(channel.vietnamese)”" }
        return value
    }

    // MARK: conditions

    /// A condition in words ("“Khai sinh cho trẻ em bị bỏ rơi” và nộp trực tuyến").
    func condition(_ e: Expr) -> RichText {
        switch e {
        case .literal(.bool(true)): return RichText("mọi trường hợp")
        case .literal(.bool(false)): return RichText("không trường hợp nào")
        case .fact(let name): return RichText(quoted(name))
        case .not(.fact(let name)): return RichText("không phải " + quoted(name))
        case .not(let x): return "không phải trường hợp: " + grouped(x)
        case .and(let a, let b): return part(a, inside: "and") + " và " + part(b, inside: "and")
        case .or(let a, let b): return part(a, inside: "or") + " hoặc " + part(b, inside: "or")
        case .compare(let op, let lhs, let rhs): return comparison(op, lhs, rhs) ?? RichText(code: e.sourceText)
        case .membership(let x, let items, let negated): return membership(x, items, negated: negated) ?? RichText(code: e.sourceText)
        default: return RichText(code: e.sourceText)
        }
    }

    private func grouped(_ e: Expr) -> RichText {
        switch e {
        case .and, .or: "(" + condition(e) + ")"
        default: condition(e)
        }
    }

    private func part(_ e: Expr, inside: String) -> RichText {
        switch (e, inside) {
        case (.or, "and"), (.and, "or"): "(" + condition(e) + ")"
        default: condition(e)
        }
    }

    private func channelPhrase(_ value: String) -> String {
        switch Channel(rawValue: value) {
        case .inPerson: "trực tiếp"
        case .online: "trực tuyến"
        case .postal: "qua dịch vụ bưu chính"
        case nil: value
        }
    }

    private func comparison(_ op: ExprComparison, _ lhs: Expr, _ rhs: Expr) -> RichText? {
        let lhs = unwrap(lhs), rhs = unwrap(rhs)
        switch lhs {
        case .builtin(.channel):
            guard case .literal(.enumCase(let value)) = rhs else { return nil }
            switch op {
            case .equal: return RichText("nộp " + channelPhrase(value))
            case .notEqual: return RichText("không nộp " + channelPhrase(value))
            default: return nil
            }
        case .builtin(.received):
            guard case .literal(.date(let date)) = rhs else { return nil }
            return RichText("hồ sơ tiếp nhận " + datePhrase(op, date))
        case .fact(let name):
            let type = facts.first { $0.name == name }?.type
            switch (type, rhs) {
            case (.enumeration?, .literal(.enumCase(let value))):
                switch op {
                case .equal: return RichText(quoted(name) + " là " + caseLabel(value, of: name))
                case .notEqual: return RichText(quoted(name) + " không phải " + caseLabel(value, of: name))
                default: return nil
                }
            case (.text?, .literal(.text(""))):
                switch op {
                case .equal: return RichText(quoted(name) + " để trống")
                case .notEqual: return RichText("có " + quoted(name))
                default: return nil
                }
            case (.date?, .literal(.date(let date))):
                return RichText(quoted(name) + " " + datePhrase(op, date))
            case (.bool?, .literal(.bool(let value))):
                let positive = (op == .equal) == value
                return RichText(positive ? quoted(name) : "không phải " + quoted(name))
            default:
                guard let value = valuePhrase(rhs) else { return nil }
                return quoted(name) + " " + numberOperator(op) + " " + value
            }
        default:
            return nil
        }
    }

    private func membership(_ x: Expr, _ items: [Expr], negated: Bool) -> RichText? {
        let x = unwrap(x)
        var values: [String] = []
        for item in items {
            guard case .literal(.enumCase(let value)) = unwrap(item) else { return nil }
            values.append(value)
        }
        switch x {
        case .builtin(.channel):
            let list = values.map(channelPhrase).joined(separator: " hoặc ")
            return RichText((negated ? "không nộp " : "nộp ") + list)
        case .fact(let name):
            let list = values.map { caseLabel($0, of: name) }.joined(separator: negated ? ", " : " hoặc ")
            return RichText(quoted(name) + (negated ? " không thuộc: " : " là ") + list)
        default:
            return nil
        }
    }

    private func datePhrase(_ op: ExprComparison, _ date: ExprDate) -> String {
        let d = SiteHTML.date(date)
        return switch op {
        case .equal: "vào ngày \(d)"
        case .notEqual: "khác ngày \(d)"
        case .less: "trước ngày \(d)"
        case .lessOrEqual: "đến hết ngày \(d)"
        case .greater: "sau ngày \(d)"
        case .greaterOrEqual: "từ ngày \(d)"
        }
    }

    private func numberOperator(_ op: ExprComparison) -> String {
        switch op {
        case .equal: "bằng"
        case .notEqual: "khác"
        case .less: "nhỏ hơn"
        case .lessOrEqual: "không quá"
        case .greater: "lớn hơn"
        case .greaterOrEqual: "từ"
        }
    }

    private func valuePhrase(_ e: Expr) -> RichText? {
        switch unwrap(e) {
        case .literal(.int(let n)): RichText(SiteHTML.count(n))
        case .literal(.money(let n)): RichText(VietnameseFormat.money(n))
        case .literal(.date(let d)): RichText(SiteHTML.date(d))
        case .literal(.text(let s)): RichText("“\(s)”")
        case .fact(let name): RichText(quoted(name))
        default: nil
        }
    }

    private func unwrap(_ e: Expr) -> Expr {
        if case .asMoney(let x) = e { return unwrap(x) }
        return e
    }

    // MARK: amounts

    /// A money amount in words: a constant as `8.000 đồng`, a fact by its label, a product with ×,
    /// `if … then … else …` as "… nếu …; ngược lại …"; anything else as code.
    func amount(_ e: Expr) -> RichText {
        if let constant = e.constantValue {
            switch constant {
            case .int(let n), .money(let n): return RichText(VietnameseFormat.money(n))
            default: break
            }
        }
        switch unwrap(e) {
        case .fact(let name): return RichText(quoted(name))
        case .arithmetic(.multiply, let a, let b): return operand(a) + " × " + operand(b)
        case .conditional(let c, let a, let b): return amount(a) + " nếu " + condition(c) + "; ngược lại " + amount(b)
        default: return RichText(code: e.sourceText)
        }
    }

    private func operand(_ e: Expr) -> RichText {
        if case .literal(.int(let n)) = unwrap(e) { return RichText(SiteHTML.count(n)) }
        return amount(e)
    }
}
