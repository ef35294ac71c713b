import TTHCCalendar
import TTHCModel

/// One procedure's page of the site, in the order of the national public service portal's page:
/// general information, papers, statutory time, fees, steps with the workflow diagram, result, legal
/// basis, the facts that decide a case, the version history and the points still to review. The
/// wording follows the clerk's sheet (`tthc show`).
struct ProcedurePage {
    let catalog: Catalog
    let procedure: Procedure
    let version: ProcedureVersion
    /// True for `thu-tuc/ID.html`, false for a version's own page.
    let isMain: Bool

    private var words: SiteWords { SiteWords(facts: version.facts) }
    private func e(_ text: String) -> String { SiteHTML.escape(text) }

    func render() -> String {
        var body = header()
        body += "<main class=\"wrap\">\n"
        body += banner()
        body += toc()
        body += general()
        body += papers()
        body += deadline()
        body += fee()
        body += steps()
        body += listSection(id: "ket-qua", title: "Kết quả thực hiện", items: version.result)
        body += listSection(id: "can-cu-phap-ly", title: "Căn cứ pháp lý", items: version.legalBasis)
        body += facts()
        body += history()
        body += review()
        body += "</main>\n"
        body += "<footer class=\"site\"><div class=\"wrap\">Nguồn: <code>\(e(procedure.source))</code> · danh mục phiên bản <code>\(e(catalog.revision))</code> · tạo bởi <code>tthc site</code>. Nội dung để tra cứu; khi có khác biệt, văn bản quy phạm pháp luật là căn cứ.</div></footer>\n"
        let title = procedure.name + (isMain ? "" : " (phiên bản từ \(SiteHTML.date(version.effective)))")
        return SiteHTML.page(title: title, root: "../", description: "Thủ tục \(procedure.name): thành phần hồ sơ, thời hạn giải quyết, phí, lệ phí, trình tự thực hiện.", body: body)
    }

    // MARK: header

    private func header() -> String {
        var meta: [String] = []
        if let code = procedure.code { meta.append("Mã TTHC \(e(code))") }
        meta.append(e(procedure.level.vietnamese))
        meta.append(e(catalog.name(ofAgency: procedure.agency)))
        return """
        <header class="site"><div class="wrap">
        <nav class="crumbs" aria-label="Đường dẫn"><a href="../index.html">Danh mục thủ tục</a> › <a href="../index.html#linh-vuc-\(e(procedure.field))">\(e(catalog.name(ofField: procedure.field)))</a></nav>
        <h1>\(e(procedure.name))</h1>
        <p class="lead">\(meta.joined(separator: " · "))</p>
        </div></header>

        """
    }

    private var versionNumber: Int { (procedure.versions.firstIndex(of: version) ?? 0) + 1 }

    private func period(_ v: ProcedureVersion) -> String {
        "từ ngày \(SiteHTML.date(v.effective))" + (v.until.map { " đến hết ngày \(SiteHTML.date($0))" } ?? "")
    }

    private func banner() -> String {
        var html = "<p class=\"version-note\"><strong>Hiệu lực:</strong> \(e(period(version)))"
        if procedure.versions.count > 1 {
            html += " · phiên bản \(versionNumber)/\(procedure.versions.count) (<a href=\"#lich-su-phien-ban\">các phiên bản khác</a>)"
        }
        html += "</p>\n"
        if !isMain {
            html += "<p class=\"notice\">Trang này trình bày phiên bản \(versionNumber) của thủ tục. <a href=\"\(e(procedure.id)).html\">Về trang chính của thủ tục</a>.</p>\n"
        }
        if !procedure.review.isEmpty {
            html += "<p class=\"review-flag\"><strong>Cần rà soát:</strong> \(procedure.review.count) điểm của thủ tục này chưa được xác nhận từ văn bản pháp luật. <a href=\"#can-ra-soat\">Xem các điểm cần rà soát</a>.</p>\n"
        }
        return html
    }

    private func toc() -> String {
        var items: [(String, String)] = [
            ("thong-tin-chung", "Thông tin chung"), ("thanh-phan-ho-so", "Thành phần hồ sơ"),
            ("thoi-han-giai-quyet", "Thời hạn giải quyết"), ("phi-le-phi", "Phí, lệ phí"),
            ("trinh-tu-thuc-hien", "Trình tự thực hiện"), ("ket-qua", "Kết quả"), ("can-cu-phap-ly", "Căn cứ pháp lý"),
        ]
        if !version.facts.isEmpty { items.append(("thong-tin-can-xac-dinh", "Thông tin cần xác định")) }
        items.append(("lich-su-phien-ban", "Lịch sử phiên bản"))
        if !procedure.review.isEmpty { items.append(("can-ra-soat", "Cần rà soát")) }
        return "<nav class=\"toc\" aria-label=\"Mục lục\"><ul>" + items.map { "<li><a href=\"#\($0.0)\">\(e($0.1))</a></li>" }.joined() + "</ul></nav>\n"
    }

    // MARK: general information

    private func general() -> String {
        var rows: [(String, String)] = []
        rows.append(("Tên thủ tục", e(procedure.name)))
        rows.append(("Mã thủ tục", "<code>\(e(procedure.id))</code>"))
        if let code = procedure.code { rows.append(("Mã TTHC quốc gia", e(code))) }
        rows.append(("Lĩnh vực", e(catalog.name(ofField: procedure.field))))
        rows.append(("Cấp thực hiện", e(procedure.level.vietnamese)))
        rows.append(("Cơ quan thực hiện", e(catalog.name(ofAgency: procedure.agency))))
        var partners: [String] = []
        for step in version.steps {
            if let agency = step.agency, agency != procedure.agency, !partners.contains(agency) { partners.append(agency) }
        }
        if !partners.isEmpty { rows.append(("Cơ quan phối hợp", partners.map { e(catalog.name(ofAgency: $0)) }.joined(separator: "; "))) }
        if !procedure.applicants.isEmpty {
            rows.append(("Đối tượng thực hiện", procedure.applicants.map { $0 == .citizen ? "Công dân" : "Tổ chức" }.joined(separator: ", ")))
        }
        rows.append(("Cách thức thực hiện", "<ul class=\"plain\">" + version.channels.map { "<li>\(channelDescription($0))</li>" }.joined() + "</ul>"))
        rows.append(("Thời hạn giải quyết", e(SiteHTML.sentence(version.deadline.base.vietnamese)) + (version.deadline.cases.isEmpty ? "" : " (có trường hợp riêng, xem <a href=\"#thoi-han-giai-quyet\">Thời hạn giải quyết</a>)")))
        rows.append(("Phí, lệ phí", version.fee.none ? "Không thu phí, lệ phí" : "Có thu, xem mục <a href=\"#phi-le-phi\">Phí, lệ phí</a>"))
        rows.append(("Kết quả thực hiện", version.result.map(e).joined(separator: "; ")))
        if let note = procedure.note { rows.append(("Ghi chú", e(note))) }
        var html = "<section id=\"thong-tin-chung\">\n<h2>Thông tin chung</h2>\n<table class=\"info\"><tbody>\n"
        for (key, value) in rows { html += "<tr><th scope=\"row\">\(e(key))</th><td>\(value)</td></tr>\n" }
        return html + "</tbody></table>\n</section>\n"
    }

    private func channelDescription(_ channel: Channel) -> String {
        let agency = e(catalog.name(ofAgency: procedure.agency))
        switch channel {
        case .inPerson: return "<strong>Trực tiếp</strong>: nộp tại Bộ phận tiếp nhận và trả kết quả (một cửa) của \(agency)."
        case .online:
            var text = "<strong>Trực tuyến</strong>: nộp qua Cổng Dịch vụ công quốc gia hoặc Cổng dịch vụ công của tỉnh."
            if let discount = version.fee.onlineDiscount, !version.fee.none { text += " Được giảm \(discount.percent)% phí, lệ phí (xem mục Phí, lệ phí)." }
            return text
        case .postal: return "<strong>Qua dịch vụ bưu chính</strong>: gửi hồ sơ qua dịch vụ bưu chính công ích."
        }
    }

    // MARK: papers

    private func papers() -> String {
        var html = "<section id=\"thanh-phan-ho-so\">\n<h2>Thành phần hồ sơ</h2>\n"
        if version.papers.isEmpty { return html + "<p>Không yêu cầu giấy tờ.</p>\n</section>\n" }
        html += """
        <div class="table-scroll"><table class="papers">
        <thead><tr><th scope="col">STT</th><th scope="col">Tên giấy tờ</th><th scope="col">Bản chính</th><th scope="col">Bản sao</th><th scope="col">Xuất trình</th><th scope="col">Mẫu đơn, tờ khai</th><th scope="col">Khi nào phải nộp</th></tr></thead>
        <tbody>

        """
        for (i, requirement) in version.papers.enumerated() {
            switch requirement {
            case .paper(let paper):
                html += paperRow(number: "\(i + 1)", paper: paper, when: paper.when, cssClass: nil)
            case .oneOf(let group):
                let title = group.name.map { "\(e($0)): " } ?? ""
                let condition = group.when.map { " <span class=\"when\" title=\"\(e($0.sourceText))\">Chỉ yêu cầu khi \(words.condition($0).html).</span>" } ?? ""
                html += "<tr class=\"group\"><td data-label=\"STT\">\(i + 1)</td><td colspan=\"6\" data-label=\"Nhóm giấy tờ thay thế\"><span class=\"tag\">Nhóm giấy tờ thay thế</span> \(title)nộp <strong>một trong</strong> các giấy tờ sau.\(condition)</td></tr>\n"
                for (j, paper) in group.options.enumerated() {
                    let letter = String(UnicodeScalar(UInt8(97 + j % 26)))
                    html += paperRow(number: "\(i + 1)\(letter)", paper: paper, when: nil, cssClass: "option", prefix: j > 0 ? "hoặc " : "")
                }
            }
        }
        html += "</tbody></table></div>\n"
        html += "<p class=\"small\">Bản sao: bản sao có chứng thực, hoặc bản chụp kèm bản chính để đối chiếu. Xuất trình: bản chính chỉ để cán bộ kiểm tra, không nộp lại.</p>\n"
        return html + "</section>\n"
    }

    private func paperRow(number: String, paper: Paper, when: Expr?, cssClass: String?, prefix: String = "") -> String {
        func cell(_ label: String, _ n: Int) -> String {
            n > 0 ? "<td class=\"qty\" data-label=\"\(label)\">\(Duration.twoDigits(n))</td>" : "<td class=\"qty zero\" data-label=\"\(label)\"><span class=\"none\">—</span></td>"
        }
        var name = (prefix.isEmpty ? "" : "<span class=\"or\">\(e(prefix))</span>") + e(paper.name)
        if let note = paper.note { name += "<div class=\"note\">\(e(note))</div>" }
        let form = paper.form.map { "<td data-label=\"Mẫu đơn, tờ khai\"><code>\(e($0))</code></td>" } ?? "<td class=\"zero\" data-label=\"Mẫu đơn, tờ khai\"><span class=\"none\">—</span></td>"
        let condition: String = if let when = paper.when ?? when {
            "<span class=\"when\" title=\"\(e(when.sourceText))\">Chỉ khi \(words.condition(when).html)</span>"
        } else if cssClass == "option" {
            "Nếu chọn giấy tờ này"
        } else {
            "Mọi trường hợp"
        }
        let classAttribute = cssClass.map { " class=\"\($0)\"" } ?? ""
        return "<tr\(classAttribute) id=\"giay-to-\(e(paper.id))\"><td data-label=\"STT\">\(number)</td><td data-label=\"Tên giấy tờ\">\(name)</td>\(cell("Bản chính", paper.original))\(cell("Bản sao", paper.copy))\(cell("Xuất trình", paper.present))\(form)<td data-label=\"Khi nào phải nộp\">\(condition)</td></tr>\n"
    }

    // MARK: deadline

    private func deadline() -> String {
        let d = version.deadline
        var html = "<section id=\"thoi-han-giai-quyet\">\n<h2>Thời hạn giải quyết</h2>\n"
        html += "<p class=\"big\">\(e(SiteHTML.sentence(d.base.vietnamese)))"
        switch d.base {
        case .sameDay, .noTimeLimit: break
        default: html += " kể từ ngày nhận đủ hồ sơ hợp lệ"
        }
        html += ".</p>\n<ul>\n"
        if let cutoff = d.cutoff {
            html += "<li>Hồ sơ tiếp nhận sau \(e(cutoff.vietnameseHour)) được tính là tiếp nhận vào ngày làm việc tiếp theo.</li>\n"
        }
        if case .workingDays = d.base { html += "<li>Không tính ngày tiếp nhận hồ sơ; chỉ tính ngày làm việc (không tính thứ Bảy, Chủ nhật, ngày nghỉ lễ, Tết).</li>\n" }
        if case .calendarDays = d.base { html += "<li>Tính theo ngày; nếu ngày cuối cùng là ngày nghỉ thì hạn là ngày làm việc tiếp theo.</li>\n" }
        switch d.onSupplement {
        case .resume: html += "<li>Khi phải bổ sung hồ sơ trong quá trình giải quyết, thời gian đã giải quyết trước đó vẫn được tính.</li>\n"
        case .restart: html += "<li>Khi phải bổ sung hồ sơ, thời hạn được tính lại từ đầu kể từ khi nhận đủ hồ sơ.</li>\n"
        }
        if version.calendar != "vn" {
            let name = catalog.calendars.first { $0.id == version.calendar }?.name ?? version.calendar
            html += "<li>Ngày làm việc tính theo lịch: \(e(name)).</li>\n"
        }
        html += "</ul>\n"
        if !d.cases.isEmpty {
            html += "<h3>Trường hợp riêng</h3>\n<p class=\"small\">Áp dụng trường hợp đầu tiên phù hợp; các trường hợp khác: \(e(d.base.vietnamese)).</p>\n<ul class=\"cases\">\n"
            for item in d.cases {
                html += "<li><span title=\"\(e(item.when.sourceText))\">Khi \(words.condition(item.when).html)</span>: <strong>\(e(item.duration.vietnamese))</strong></li>\n"
            }
            html += "</ul>\n"
        }
        if let note = d.note { html += "<blockquote class=\"statute\"><p><strong>Quy định:</strong> \(e(note))</p></blockquote>\n" }
        return html + "</section>\n"
    }

    // MARK: fee

    private func fee() -> String {
        let fee = version.fee
        var html = "<section id=\"phi-le-phi\">\n<h2>Phí, lệ phí</h2>\n"
        if let kind = fee.kind { html += "<p>Loại: <strong>\(kind == .lePhi ? "Lệ phí" : "Phí")</strong>.</p>\n" }
        if fee.none {
            html += "<p class=\"big\">Không thu phí, lệ phí.</p>\n"
            if let note = fee.note { html += "<p class=\"small\">\(e(note))</p>\n" }
            return html + "</section>\n"
        }
        if !fee.exemptions.isEmpty {
            html += "<h3>Miễn phí, lệ phí</h3>\n<ul>\n"
            for exemption in fee.exemptions {
                html += "<li><span title=\"\(e(exemption.when.sourceText))\">Miễn toàn bộ khi \(words.condition(exemption.when).html)</span>"
                if let note = exemption.note { html += "<div class=\"note\">\(e(note))</div>" }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        if !fee.rules.isEmpty {
            html += "<h3>Mức thu</h3>\n"
            if fee.rules.count > 1 { html += "<p class=\"small\">Áp dụng mức đầu tiên phù hợp với trường hợp của hồ sơ.</p>\n" }
            html += "<ol class=\"fees\">\n"
            for (i, rule) in fee.rules.enumerated() {
                html += "<li>" + describe(rule, otherwise: i > 0 && rule.when == nil) + "</li>\n"
            }
            html += "</ol>\n"
        }
        if !fee.extras.isEmpty {
            html += "<h3>Thu thêm</h3>\n<ul class=\"fees\">\n"
            for extra in fee.extras { html += "<li>" + describe(extra, otherwise: false) + "</li>\n" }
            html += "</ul>\n"
        }
        if let discount = fee.onlineDiscount {
            var text = "Giảm <strong>\(discount.percent)%</strong> tổng số phí, lệ phí khi nộp hồ sơ trực tuyến"
            if let from = discount.from { text += " từ ngày \(SiteHTML.date(from))" }
            if let until = discount.until { text += " đến hết ngày \(SiteHTML.date(until))" }
            text += "."
            if let note = discount.note { text += "<div class=\"note\">\(e(note))</div>" }
            html += "<h3>Nộp trực tuyến</h3>\n<p>\(text)</p>\n"
        }
        if let note = fee.note { html += "<p class=\"small\">Ghi chú: \(e(note))</p>\n" }
        return html + "</section>\n"
    }

    private func describe(_ rule: FeeRule, otherwise: Bool) -> String {
        var html = "<strong>\(e(rule.label ?? "Mức thu"))</strong>: "
        var schedule = ""
        switch rule.amount {
        case .expression(let expr):
            html += words.amount(expr).html
        case .tiers(let of, let bands):
            var parts: [String] = []
            var start = 1
            for band in bands {
                if let upto = band.upto {
                    let end = start + upto - 1
                    parts.append((start == end ? "đơn vị thứ \(start)" : "từ \(start) đến \(end)") + ": \(VietnameseFormat.money(band.each)) mỗi đơn vị")
                    start = end + 1
                } else {
                    parts.append("từ \(start) trở lên: \(VietnameseFormat.money(band.each)) mỗi đơn vị")
                }
            }
            html += "tính theo \(e(words.quoted(of))) — " + e(parts.joined(separator: "; "))
        case .scheduled(let key):
            html += "mức do Hội đồng nhân dân cấp tỉnh quy định (khóa <code>\(e(key))</code>)"
            schedule = provincialTable(key)
        }
        if let maximum = rule.maximum { html += ", tối đa \(VietnameseFormat.money(maximum))" }
        if let per = rule.per { html += ", nhân với \(e(words.quoted(per)))" }
        if let when = rule.when {
            html += " <span class=\"when\" title=\"\(e(when.sourceText))\">— khi \(words.condition(when).html)</span>"
        } else if otherwise {
            html += " <span class=\"when\">— các trường hợp còn lại</span>"
        }
        if let note = rule.note { html += "<div class=\"note\">\(e(note))</div>" }
        return html + schedule
    }

    /// The amounts every provincial schedule sets for `key`, period by period.
    private func provincialTable(_ key: String) -> String {
        guard !catalog.feeSchedules.isEmpty else {
            return "<p class=\"small\">Danh mục chưa có biểu phí của tỉnh nào: mức thu theo Nghị quyết của Hội đồng nhân dân tỉnh nơi nộp hồ sơ.</p>"
        }
        var html = "<div class=\"table-scroll\"><table class=\"provinces\"><thead><tr><th scope=\"col\">Tỉnh, thành phố</th><th scope=\"col\">Mức thu</th><th scope=\"col\">Áp dụng từ</th><th scope=\"col\">Căn cứ</th></tr></thead><tbody>"
        for schedule in catalog.feeSchedules {
            var rows: [(ExprDate, ScheduledFee?, String?)] = []
            for period in schedule.versions {
                let amount = period.fees[key]
                if rows.isEmpty || rows[rows.count - 1].1 != amount {
                    rows.append((period.effective, amount, period.note))
                }
            }
            let basis = schedule.legalBasis.joined(separator: "; ")
            if rows.allSatisfy({ $0.1 == nil }) {
                html += "<tr><td data-label=\"Tỉnh, thành phố\">\(e(schedule.name))</td><td data-label=\"Mức thu\" colspan=\"3\"><span class=\"none\">Chưa có mức được xác nhận</span></td></tr>"
                continue
            }
            for (date, amount, periodNote) in rows {
                let amountText = amount.map { e(VietnameseFormat.money($0.amount)) } ?? "<span class=\"none\">Chưa quy định</span>"
                let source = [amount?.note, periodNote, basis.isEmpty ? nil : basis].compactMap { $0 }.first ?? ""
                html += "<tr><td data-label=\"Tỉnh, thành phố\">\(e(schedule.name))</td><td data-label=\"Mức thu\">\(amountText)</td><td data-label=\"Áp dụng từ\">\(SiteHTML.date(date))</td><td data-label=\"Căn cứ\">\(e(source))</td></tr>"
            }
        }
        return html + "</tbody></table></div>"
    }

    // MARK: steps

    private func steps() -> String {
        var html = "<section id=\"trinh-tu-thuc-hien\">\n<h2>Trình tự thực hiện</h2>\n<ol class=\"steps\">\n"
        func stepName(_ id: String) -> String { version.steps.first { $0.id == id }?.name ?? id }
        for step in version.steps {
            html += "<li id=\"buoc-\(e(step.id))\"><strong>\(e(step.name))</strong>"
            var meta = ["Người thực hiện: \(e(catalog.name(ofRole: step.role)))"]
            if let agency = step.agency { meta.append("Cơ quan: \(e(catalog.name(ofAgency: agency)))") }
            if let takes = step.takes { meta.append("Thời gian: \(e(takes.vietnamese))") }
            html += "<div class=\"meta\">\(meta.joined(separator: " · "))</div>"
            for transition in step.next {
                let target: String = switch transition.to {
                case .end: "kết thúc"
                case .step(let id): stepName(id)
                }
                html += "<div class=\"next\">→ Tiếp theo: \(e(target))"
                if let when = transition.when { html += " <span class=\"when\" title=\"\(e(when.sourceText))\">(khi \(words.condition(when).html))</span>" }
                html += "</div>"
            }
            if !step.next.isEmpty, step.next.allSatisfy({ $0.when != nil }) {
                let index = version.steps.firstIndex(of: step) ?? 0
                let following = index + 1 < version.steps.count ? version.steps[index + 1].name : "kết thúc"
                html += "<div class=\"next\">→ Trường hợp khác: \(e(following))</div>"
            }
            for back in step.rework {
                html += "<div class=\"rework\">↩ Có thể trả lại bước: \(e(stepName(back)))</div>"
            }
            html += "</li>\n"
        }
        html += "</ol>\n"
        html += "<figure class=\"diagram\"><div class=\"diagram-scroll\">\n"
        html += WorkflowGraph(procedure: procedure, version: version, catalog: catalog).svg(idPrefix: "so-do")
        html += "</div><figcaption>Sơ đồ trình tự thực hiện: mũi tên liền là bước tiếp theo; mũi tên nét đứt màu đỏ là trả lại bước trước để làm lại; ô màu cam là bước do cơ quan khác thực hiện (liên thông).</figcaption></figure>\n"
        return html + "</section>\n"
    }

    // MARK: lists, facts, history, review

    private func listSection(id: String, title: String, items: [String]) -> String {
        "<section id=\"\(id)\">\n<h2>\(e(title))</h2>\n<ul>\n" + items.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n</section>\n"
    }

    private func facts() -> String {
        guard !version.facts.isEmpty else { return "" }
        var html = """
        <section id="thong-tin-can-xac-dinh">
        <h2>Thông tin cần xác định</h2>
        <p class="small">Những câu hỏi cán bộ một cửa xác định cho từng hồ sơ; câu trả lời quyết định giấy tờ phải nộp, thời hạn và mức phí.</p>
        <div class="table-scroll"><table class="facts"><thead><tr><th scope="col">Câu hỏi</th><th scope="col">Trả lời</th><th scope="col">Mặc định</th></tr></thead><tbody>

        """
        for fact in version.facts {
            html += "<tr id=\"thong-tin-\(e(fact.name))\"><td data-label=\"Câu hỏi\">\(e(fact.label)) <code>\(e(fact.name))</code></td><td data-label=\"Trả lời\">\(answer(fact))</td><td data-label=\"Mặc định\">\(defaultValue(fact))</td></tr>\n"
        }
        return html + "</tbody></table></div>\n</section>\n"
    }

    private func answer(_ fact: Fact) -> String {
        var bounds = ""
        if let minimum = fact.minimum, let maximum = fact.maximum { bounds = " (từ \(SiteHTML.count(minimum)) đến \(SiteHTML.count(maximum)))" }
        else if let minimum = fact.minimum { bounds = " (từ \(SiteHTML.count(minimum)))" }
        else if let maximum = fact.maximum { bounds = " (không quá \(SiteHTML.count(maximum)))" }
        switch fact.type {
        case .bool: return "Có / Không"
        case .int: return "Số" + bounds
        case .money: return "Số tiền (đồng)" + bounds
        case .date: return "Ngày"
        case .text: return "Văn bản"
        case .enumeration(_, let cases):
            return "Một trong: " + cases.map { e(fact.caseLabels[$0] ?? $0) }.joined(separator: "; ")
        }
    }

    private func defaultValue(_ fact: Fact) -> String {
        guard let value = fact.defaultValue else { return "<span class=\"none\">bắt buộc trả lời</span>" }
        switch value {
        case .bool(let b): return b ? "Có" : "Không"
        case .int(let n): return SiteHTML.count(n)
        case .money(let n): return e(VietnameseFormat.money(n))
        case .date(let d): return SiteHTML.date(d)
        case .text(let s): return s.isEmpty ? "<span class=\"none\">(để trống)</span>" : e(s)
        case .enumCase(let c): return e(fact.caseLabels[c] ?? c)
        }
    }

    private func history() -> String {
        var html = """
        <section id="lich-su-phien-ban">
        <h2>Lịch sử phiên bản</h2>
        <div class="table-scroll"><table class="history"><thead><tr><th scope="col">Phiên bản</th><th scope="col">Hiệu lực</th><th scope="col">Nội dung thay đổi</th></tr></thead><tbody>

        """
        for (i, v) in procedure.versions.enumerated() {
            let current = v == version
            var label = "\(i + 1)"
            if procedure.versions.count > 1 && !current {
                label = "<a href=\"\(e(procedure.id)).\(v.effective).html\">Phiên bản \(i + 1)</a>"
            } else {
                label = "Phiên bản \(i + 1)" + (current ? " <span class=\"tag\">đang xem</span>" : "")
            }
            let note = v.note.map(e) ?? (i == 0 ? "Văn bản ban đầu" : "")
            html += "<tr\(current ? " class=\"current\"" : "")><td data-label=\"Phiên bản\">\(label)</td><td data-label=\"Hiệu lực\">\(e(period(v)))</td><td data-label=\"Nội dung thay đổi\">\(note)</td></tr>\n"
        }
        return html + "</tbody></table></div>\n</section>\n"
    }

    private func review() -> String {
        guard !procedure.review.isEmpty else { return "" }
        var html = """
        <section id="can-ra-soat" class="review">
        <h2>Cần rà soát</h2>
        <p>Các điểm sau <strong>chưa được xác nhận</strong> từ văn bản pháp luật; cán bộ pháp chế cần đối chiếu trước khi sử dụng nội dung liên quan.</p>
        <ul>

        """
        for item in procedure.review { html += "<li>\(e(item))</li>\n" }
        return html + "</ul>\n</section>\n"
    }
}
