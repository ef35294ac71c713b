import Foundation
import Testing
import TTHCModel
@testable import TTHCCommands

/// `tthc site`: the static website of the catalogue, built in-process.
@Suite struct SiteTests {
    static func load(_ path: String) throws -> Catalog {
        switch CatalogLoader.load(path, language: OutputLanguage.vi.language) {
        case .success(let catalog): return catalog
        case .failure(let failure): throw failure
        }
    }

    static let fixtureCatalog = RepositoryPaths.root + "/Tests/TTHCCompilerTests/Fixtures/catalog"

    static func options(_ catalog: String = RepositoryPaths.procedures, format: OutputFormat = .text) -> GlobalOptions {
        var options = GlobalOptions()
        options.catalog = catalog
        options.lang = .vi
        options.format = format
        return options
    }

    /// The start tag of the index entry of `id`.
    static func entry(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "<li class=\"procedure\" data-id=\"\(id)\"") else { return nil }
        return html[start.lowerBound...].split(separator: ">", maxSplits: 1).first.map(String.init)
    }

    @Test func everyProcedureGetsAPage() throws {
        let catalog = try Self.load(RepositoryPaths.procedures)
        #expect(catalog.procedures.count == RepositoryPaths.procedureFiles.count)
        let files = SiteBuilder(catalog: catalog, on: nil).files()
        for procedure in catalog.procedures {
            let page = try #require(files["thu-tuc/\(procedure.id).html"], "no page for \(procedure.id)")
            #expect(page.contains("<h1>\(SiteHTML.escape(procedure.name))</h1>"))
            for heading in ["Thành phần hồ sơ", "Thời hạn giải quyết", "Phí, lệ phí", "Trình tự thực hiện", "Kết quả thực hiện", "Căn cứ pháp lý", "Lịch sử phiên bản"] {
                #expect(page.contains("<h2>\(heading)</h2>"), "\(procedure.id): no section \(heading)")
            }
            #expect(page.contains("<svg"), "\(procedure.id): no workflow diagram")
            if !procedure.review.isEmpty {
                #expect(page.contains("<h2>Cần rà soát</h2>"))
                for item in procedure.review { #expect(page.contains(SiteHTML.escape(item))) }
            }
        }
    }

    @Test func indexListsEveryProcedureByField() throws {
        let catalog = try Self.load(RepositoryPaths.procedures)
        let index = try #require(SiteBuilder(catalog: catalog, on: nil).files()["index.html"])
        for procedure in catalog.procedures {
            #expect(index.contains("<a href=\"thu-tuc/\(procedure.id).html\">\(SiteHTML.escape(procedure.name))</a>"))
            #expect(index.contains("id=\"linh-vuc-\(procedure.field)\""))
            #expect(index.contains("<h2>\(SiteHTML.escape(catalog.name(ofField: procedure.field)))"))
        }
        #expect(index.contains("<input id=\"q\""))
        #expect(index.contains("<script src=\"search.js\"></script>"))
    }

    @Test func searchDataHoldsEveryNameWithoutAccents() throws {
        let catalog = try Self.load(RepositoryPaths.procedures)
        let index = try #require(SiteBuilder(catalog: catalog, on: nil).files()["index.html"])
        for procedure in catalog.procedures {
            let tag = try #require(Self.entry(procedure.id, in: index))
            #expect(tag.contains(SiteHTML.escape(SiteHTML.fold(procedure.name))), "\(tag)")
            if let code = procedure.code { #expect(tag.contains(code)) }
        }
        let khaiSinh = try #require(Self.entry("dang-ky-khai-sinh", in: index))
        #expect(khaiSinh.contains("data-search=\"dang ky khai sinh dang-ky-khai-sinh 1.001193\""))
    }

    @Test func foldingMatchesTheScript() {
        #expect(SiteHTML.fold("Đăng ký  khai sinh") == "dang ky khai sinh")
        #expect(SiteHTML.fold("ĐĂNG KÝ KẾT HÔN") == "dang ky ket hon")
        // NFD input (a decomposed "ế") folds the same as NFC.
        #expect(SiteHTML.fold("Ke\u{0302}\u{0301}t ho\u{0302}n") == "ket hon")
        #expect(SiteHTML.fold(" Chứng thực\tbản sao ") == "chung thuc ban sao")
        #expect(SiteAssets.javascript.contains("normalize(\"NFD\")"))
        #expect(SiteAssets.javascript.contains("\\u0111"))
    }

    @Test func everythingIsEscaped() throws {
        let catalog = Self.trickyCatalog()
        let files = SiteBuilder(catalog: catalog, on: nil).files()
        let page = try #require(files["thu-tuc/thu-tuc-thu.html"])
        let index = try #require(files["index.html"])
        for html in [page, index] {
            #expect(!html.contains("<b>"))
            #expect(!html.contains("<script>alert"))
            #expect(html.contains("Thủ tục &lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;"))
        }
        #expect(page.contains("<title>Thủ tục &lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;</title>"))
        #expect(page.contains("Giấy tờ &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("Luật &quot;X&quot; &amp; Nghị định &lt;Y&gt;"))
        #expect(page.contains("Chưa rõ &lt;điểm&gt; &amp; mức"))
        let tag = try #require(Self.entry("thu-tuc-thu", in: index))
        #expect(tag.contains("data-search=\"thu tuc &lt;b&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/b&gt; thu-tuc-thu\""))
    }

    @Test func pagesAreVietnameseUTF8AndOffline() throws {
        let catalog = try Self.load(RepositoryPaths.procedures)
        for (path, text) in SiteBuilder(catalog: catalog, on: nil).files() where path.hasSuffix(".html") {
            #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">"), "\(path)")
            #expect(text.contains("<meta name=\"viewport\""))
            // Nothing is fetched from the network: no absolute URL in src or href.
            #expect(!text.contains("src=\"http"), "\(path)")
            #expect(!text.contains("href=\"http"), "\(path)")
            #expect(!text.contains("fetch("))
            #expect(text.contains(path.hasPrefix("thu-tuc/") ? "href=\"../style.css\"" : "href=\"style.css\""))
        }
    }

    @Test func theFixtureShowsEveryPartOfThePortalPage() throws {
        let catalog = try Self.load(Self.fixtureCatalog)
        let files = SiteBuilder(catalog: catalog, on: nil).files()
        // Three versions: a main page and one page a version.
        for date in ["2025-07-01", "2026-01-01", "2027-01-01"] {
            #expect(files["thu-tuc/thu-tuc-mau-day-du.\(date).html"] != nil)
        }
        let first = try #require(files["thu-tuc/thu-tuc-mau-day-du.2025-07-01.html"])
        #expect(first.contains("Mã TTHC quốc gia"))
        #expect(first.contains("9.999999"))
        #expect(first.contains("Nhóm giấy tờ thay thế"))
        #expect(first.contains("<td data-label=\"Mẫu đơn, tờ khai\"><code>TK-01</code></td>"))
        #expect(first.contains("Chỉ khi có “Tên bằng tiếng nước ngoài (nếu có)”"))
        #expect(first.contains("Khi “Yêu cầu giải quyết gấp”</span>: <strong>08 giờ làm việc</strong>"))
        #expect(first.contains("Hồ sơ tiếp nhận sau 15 giờ được tính là tiếp nhận vào ngày làm việc tiếp theo."))
        #expect(first.contains("thời hạn được tính lại từ đầu"))
        #expect(first.contains("Miễn toàn bộ khi “Người nộp thuộc diện nào” là “Hộ nghèo” hoặc “Người khuyết tật”"))
        #expect(first.contains("từ 1 đến 2: 2.000 đồng mỗi đơn vị; từ 3 trở lên: 1.000 đồng mỗi đơn vị"))
        #expect(first.contains("tối đa 200.000 đồng"))
        #expect(first.contains("Giảm <strong>50%</strong>"))
        #expect(first.contains("Cơ quan phối hợp"))
        #expect(first.contains("Phiên bản 1 <span class=\"tag\">đang xem</span>"))
        #expect(first.contains("Nghị quyết mới về mức lệ phí; thôi nhận hồ sơ qua bưu chính."))
        #expect(first.contains("<h2>Cần rà soát</h2>"))
        #expect(first.contains("Mức lệ phí là ví dụ, không phải mức thật."))
        // The 2026 version takes its fee from the provincial schedules.
        let second = try #require(files["thu-tuc/thu-tuc-mau-day-du.2026-01-01.html"])
        #expect(second.contains("khóa <code>ho_tich.xac_nhan</code>"))
        #expect(second.contains("Thành phố Hà Nội (minh họa)"))
        #expect(second.contains("15.000 đồng"))
        #expect(second.contains("20.000 đồng"))
        #expect(second.contains("01/01/2026"))
        // The newest version has no fee.
        let main = try #require(files["thu-tuc/thu-tuc-mau-day-du.html"])
        #expect(main.contains("phiên bản 3/3"))
        #expect(main.contains("Không thu phí, lệ phí."))
    }

    @Test func theMainPageShowsTheVersionInForceOnTheDayAsked() throws {
        let catalog = try Self.load(Self.fixtureCatalog)
        let files = SiteBuilder(catalog: catalog, on: ExprDate("2026-03-10")).files()
        let main = try #require(files["thu-tuc/thu-tuc-mau-day-du.html"])
        #expect(main.contains("phiên bản 2/3"))
        #expect(main.contains("từ ngày 01/01/2026 đến hết ngày 31/12/2026"))
    }

    @Test func theSameCatalogueGivesTheSameBytes() throws {
        let catalog = try Self.load(RepositoryPaths.procedures)
        #expect(SiteBuilder(catalog: catalog, on: nil).files() == SiteBuilder(catalog: catalog, on: nil).files())
        let a = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-site-\(UUID().uuidString)").path
        let b = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-site-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: a)
            try? FileManager.default.removeItem(atPath: b)
        }
        #expect(SiteCommand.execute(output: a, on: nil, options: Self.options()).status == 0)
        #expect(SiteCommand.execute(output: b, on: nil, options: Self.options()).status == 0)
        let names = try FileManager.default.subpathsOfDirectory(atPath: a).sorted()
        #expect(names == (try FileManager.default.subpathsOfDirectory(atPath: b).sorted()))
        for name in names {
            #expect(FileManager.default.contents(atPath: a + "/" + name) == FileManager.default.contents(atPath: b + "/" + name), "\(name)")
        }
    }

    @Test func executeWritesTheSiteAndRemovesStalePages() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-site-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/thu-tuc", withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: dir + "/thu-tuc/da-bai-bo.html"))
        try Data("keep".utf8).write(to: URL(fileURLWithPath: dir + "/README.txt"))
        let output = SiteCommand.execute(output: dir, on: nil, options: Self.options())
        #expect(output.status == 0, "\(output.err)")
        #expect(output.out.contains("thủ tục"))
        for name in ["index.html", "style.css", "search.js", "thu-tuc/dang-ky-khai-sinh.html"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/" + name), "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/thu-tuc/da-bai-bo.html"))
        #expect(FileManager.default.fileExists(atPath: dir + "/README.txt"))

        let json = SiteCommand.execute(output: dir, on: nil, options: Self.options(format: .json))
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(summary["procedures"] as? Int == RepositoryPaths.procedureFiles.count)
        #expect((summary["files"] as? [String])?.contains("index.html") == true)
    }

    @Test func badInputExitsWithTwo() {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-site-\(UUID().uuidString)").path
        #expect(SiteCommand.execute(output: dir, on: "2026-02-30", options: Self.options()).status == 2)
        #expect(SiteCommand.execute(output: dir, on: nil, options: Self.options("/nonexistent/tthc")).status == 2)
        #expect(!FileManager.default.fileExists(atPath: dir))
    }

    @Test func conditionsAreWrittenInWords() throws {
        let catalog = try Self.load(RepositoryPaths.procedures)
        let files = SiteBuilder(catalog: catalog, on: nil).files()
        let page = try #require(files["thu-tuc/dang-ky-khai-sinh.html"])
        #expect(page.contains("Chỉ khi “Khai sinh cho trẻ em bị bỏ rơi”"))
        #expect(page.contains("Chỉ yêu cầu khi không phải “Khai sinh cho trẻ em bị bỏ rơi”."))
        #expect(page.contains("title=\"abandoned\""))
        #expect(page.contains("Tờ khai đăng ký khai sinh theo mẫu"))
        #expect(page.contains("nộp qua Cổng Dịch vụ công quốc gia"))
    }

    /// A catalogue whose texts contain every character HTML must escape.
    static func trickyCatalog() -> Catalog {
        let step = Step(id: "intake", name: "Tiếp nhận <hồ sơ>", role: "clerk", agency: nil, takes: .workingHours(1), next: [], rework: [])
        let paper = Paper(id: "form", name: "Giấy tờ <script>alert(1)</script>", original: 1, copy: 0, present: 0, when: nil, form: "M\"01\"", note: "a & b", shared: nil)
        let version = ProcedureVersion(
            effective: ExprDate(year: 2025, month: 7, day: 1), until: nil, note: nil, channels: [.inPerson],
            legalBasis: ["Luật \"X\" & Nghị định <Y>"], result: ["Kết quả <bản chính>"], calendar: "vn", facts: [],
            papers: [.paper(paper)],
            deadline: Deadline(base: .workingDays(3), cutoff: nil, cases: [], onSupplement: .resume, note: "Ba <3> ngày"),
            steps: [step], fee: .free)
        let procedure = Procedure(
            id: "thu-tuc-thu", code: nil, name: "Thủ tục <b>\"A\" & 'B'</b>", field: "ho-tich", level: .xa, agency: "ubnd-xa",
            applicants: [.citizen], source: "ho-tich/thu.yaml", versions: [version], tests: [],
            review: ["Chưa rõ <điểm> & mức"], note: "<i>ghi chú</i>")
        return Catalog(revision: "test", procedures: [procedure],
                       fields: [RegistryEntry(id: "ho-tich", name: "Hộ tịch & <Chứng thực>")],
                       agencies: [RegistryEntry(id: "ubnd-xa", name: "Ủy ban nhân dân cấp xã", level: .xa)],
                       roles: [RegistryEntry(id: "clerk", name: "Công chức <một cửa>")])
    }
}
