import TTHCModel

/// Builds the static site of a catalogue: every file as a path relative to the output folder and its
/// text. Pure (no I/O, no clock): the same catalogue and options give the same bytes.
///
/// - `index.html`: procedures grouped by field, with a search box (`search.js`);
/// - `thu-tuc/ID.html`: a procedure in the shape of the national portal's page, showing the version
///   chosen (the one in force on `on`, or the newest);
/// - `thu-tuc/ID.YYYY-MM-DD.html`: every version of a procedure that has more than one;
/// - `style.css`, `search.js`.
struct SiteBuilder {
    let catalog: Catalog
    /// Show the version in force on this day; nil: the newest version.
    let on: ExprDate?

    /// The folder of the procedure pages.
    static let procedureFolder = "thu-tuc"

    /// Every file of the site, by relative path.
    func files() -> [String: String] {
        var files: [String: String] = [
            "index.html": index(),
            "style.css": SiteAssets.css,
            "search.js": SiteAssets.javascript,
        ]
        for procedure in catalog.procedures {
            guard let shown = shownVersion(procedure) else { continue }
            files[Self.page(of: procedure)] = ProcedurePage(catalog: catalog, procedure: procedure, version: shown, isMain: true).render()
            if procedure.versions.count > 1 {
                for version in procedure.versions {
                    files[Self.page(of: procedure, version: version)] = ProcedurePage(catalog: catalog, procedure: procedure, version: version, isMain: false).render()
                }
            }
        }
        return files
    }

    /// The version a procedure's main page shows.
    func shownVersion(_ procedure: Procedure) -> ProcedureVersion? {
        guard let on else { return procedure.latest }
        return procedure.version(on: on)
            ?? procedure.versions.last { $0.effective <= on }
            ?? procedure.versions.first
    }

    /// `thu-tuc/ID.html`.
    static func page(of procedure: Procedure) -> String { "\(procedureFolder)/\(procedure.id).html" }

    /// `thu-tuc/ID.YYYY-MM-DD.html`.
    static func page(of procedure: Procedure, version: ProcedureVersion) -> String {
        "\(procedureFolder)/\(procedure.id).\(version.effective).html"
    }

    /// What the search compares for a procedure: its name, id and national code, folded.
    static func searchText(_ procedure: Procedure) -> String {
        SiteHTML.fold([procedure.name, procedure.id, procedure.code ?? ""].joined(separator: " "))
    }

    // MARK: index

    func index() -> String {
        let byField = Dictionary(grouping: catalog.procedures, by: \.field)
        let fields = byField.keys.sorted { SiteHTML.vietnameseOrder(catalog.name(ofField: $0), catalog.name(ofField: $1)) || (catalog.name(ofField: $0) == catalog.name(ofField: $1) && $0 < $1) }
        var body = """
        <header class="site"><div class="wrap">
        <p class="kicker">Danh mục thủ tục hành chính</p>
        <h1>Tra cứu thủ tục hành chính</h1>
        <p class="lead">\(catalog.procedures.count) thủ tục thuộc \(fields.count) lĩnh vực. Chọn một thủ tục để xem thành phần hồ sơ, thời hạn giải quyết, phí, lệ phí, trình tự thực hiện và căn cứ pháp lý.</p>
        </div></header>
        <main class="wrap">
        <div class="search" role="search">
        <label for="q">Tìm thủ tục theo tên hoặc mã</label>
        <input id="q" name="q" type="search" autocomplete="off" spellcheck="false" placeholder="Ví dụ: khai sinh, 1.001193, chung thuc">
        <p id="count" class="count" aria-live="polite">\(catalog.procedures.count) thủ tục</p>
        </div>
        <nav class="fields" aria-label="Lĩnh vực"><ul>

        """
        for field in fields {
            body += "<li><a href=\"#linh-vuc-\(SiteHTML.escape(field))\">\(SiteHTML.escape(catalog.name(ofField: field)))</a></li>\n"
        }
        body += "</ul></nav>\n"
        for field in fields {
            let procedures = (byField[field] ?? []).sorted { SiteHTML.vietnameseOrder($0.name, $1.name) || ($0.name == $1.name && $0.id < $1.id) }
            body += "<section class=\"field\" id=\"linh-vuc-\(SiteHTML.escape(field))\">\n"
            body += "<h2>\(SiteHTML.escape(catalog.name(ofField: field))) <span class=\"n\">(\(procedures.count))</span></h2>\n<ul class=\"procedures\">\n"
            for p in procedures {
                var meta = [p.level.vietnamese, catalog.name(ofAgency: p.agency)]
                if let code = p.code { meta.insert("Mã TTHC \(code)", at: 0) }
                body += "<li class=\"procedure\" data-id=\"\(SiteHTML.escape(p.id))\" data-search=\"\(SiteHTML.escape(Self.searchText(p)))\">"
                body += "<a href=\"\(SiteHTML.escape(Self.page(of: p)))\">\(SiteHTML.escape(p.name))</a>"
                body += "<span class=\"meta\">\(meta.map(SiteHTML.escape).joined(separator: " · ")) · <code>\(SiteHTML.escape(p.id))</code></span>"
                if !p.review.isEmpty { body += "<span class=\"badge\" title=\"Có điểm chưa xác nhận từ văn bản\">Cần rà soát</span>" }
                body += "</li>\n"
            }
            body += "</ul>\n</section>\n"
        }
        body += """
        <p id="empty" class="empty" hidden>Không tìm thấy thủ tục phù hợp. Hãy thử từ khóa ngắn hơn hoặc mã thủ tục.</p>
        </main>
        \(footer())

        """
        return SiteHTML.page(title: "Danh mục thủ tục hành chính", root: "", description: "Tra cứu \(catalog.procedures.count) thủ tục hành chính: thành phần hồ sơ, thời hạn, phí, lệ phí, trình tự và căn cứ pháp lý.", body: body, scripts: ["search.js"])
    }

    func footer() -> String {
        "<footer class=\"site\"><div class=\"wrap\">Tạo bởi <code>tthc site</code> từ danh mục phiên bản <code>\(SiteHTML.escape(catalog.revision))</code>. Nội dung để tra cứu; khi có khác biệt, văn bản quy phạm pháp luật là căn cứ.</div></footer>"
    }
}
