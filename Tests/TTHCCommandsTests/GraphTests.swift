import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TTHCCommands
import TTHCDiagnostics
import TTHCModel

/// `tthc graph`: Mermaid and dot text of shipped procedures, SVG that parses as XML and names every
/// step, escaping of names with quotes and `<>&`, and the command's errors.
@Suite struct GraphTests {
    func options(_ catalog: String = RepositoryPaths.procedures) -> GlobalOptions {
        var options = GlobalOptions()
        options.catalog = catalog
        options.lang = .vi
        options.format = .text
        return options
    }

    static var procedureIDs: [String] {
        RepositoryPaths.procedureFiles.map { ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "") }
    }

    // MARK: Golden text

    @Test func mermaidOfABranchingProcedure() {
        let output = GraphCommand.execute(procedure: "dang-ky-cap-giay-chung-nhan-lan-dau", format: .mermaid, on: nil, options: options())
        #expect(output.status == 0, "\(output.err)")
        #expect(output.out == Self.mermaidGolden, "\n\(output.out)")
    }

    @Test func dotOfAStraightProcedure() {
        let output = GraphCommand.execute(procedure: "dang-ky-khai-sinh", format: .dot, on: nil, options: options())
        #expect(output.status == 0, "\(output.err)")
        #expect(output.out == Self.dotGolden, "\n\(output.out)")
    }

    // MARK: Edges

    @Test func edgesFollowTheWorkflowRules() throws {
        let output = GraphCommand.execute(procedure: "dang-ky-cap-giay-chung-nhan-lan-dau", format: .mermaid, on: nil, options: options())
        // A conditional branch, the unconditional last branch, a rework loop, the fall-through and the end.
        #expect(output.out.contains("s3 -->|\"register_only\"| s7"))
        #expect(output.out.contains("s3 -->|\"trường hợp khác\"| s4"))
        #expect(output.out.contains("s2 -.->|\"trả lại\"| s1"))
        #expect(output.out.contains("s4 --> s5"))
        #expect(output.out.contains("s7 --> finish"))
        #expect(output.out.contains("begin --> s1"))
    }

    // MARK: SVG

    @Test("The SVG of every shipped procedure is well-formed XML and names every step", arguments: procedureIDs)
    func svgIsWellFormed(_ id: String) throws {
        let output = GraphCommand.execute(procedure: id, format: .svg, on: nil, options: options())
        #expect(output.status == 0, "\(output.err)")
        let texts = try SVGText.texts(of: output.out)
        let names = try #require(Self.stepNames(id))
        #expect(!names.isEmpty)
        for name in names {
            #expect(texts.contains { $0.contains(name) }, "step '\(name)' is not in the SVG of \(id)")
        }
        #expect(texts.contains { $0.contains("Bắt đầu") } && texts.contains { $0.contains("Kết thúc") })
    }

    @Test func svgDrawsReworkDashedOnTheLeftAndBranchesOnTheRight() throws {
        let output = GraphCommand.execute(procedure: "dang-ky-cap-giay-chung-nhan-lan-dau", format: .svg, on: nil, options: options())
        #expect(output.out.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(output.out.contains("stroke-dasharray"))
        #expect(output.out.contains(">trả lại</text>"))
        #expect(output.out.contains(">register_only</text>"))
        #expect(output.out.contains("id=\"tthc-dang-ky-cap-giay-chung-nhan-lan-dau-arrow\""))
        let texts = try SVGText.texts(of: output.out)
        #expect(texts.contains { $0.contains("Cơ quan: Cơ quan thuế") })
        #expect(texts.contains { $0.contains("Thời gian: 06 ngày làm việc") })
    }

    // MARK: Escaping

    static let trickyName = #"Kiểm tra "hồ sơ" <bản chính> & bản sao"#

    /// A catalogue of one procedure whose step name has quotes and `<>&`, with the fixture registries.
    func trickyCatalog() throws -> String {
        let fixtures = RepositoryPaths.root + "/Tests/TTHCCompilerTests/Fixtures/catalog"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-graph-\(UUID().uuidString)").path
        for registry in ["_shared", "calendars"] {
            try FileManager.default.copyItem(atPath: fixtures + "/" + registry, toPath: folder + "/" + registry)
        }
        try FileManager.default.createDirectory(atPath: folder + "/ho-tich", withIntermediateDirectories: true)
        try """
        id: thu-tuc-ky-tu-dac-biet
        name: "Thủ tục có tên \\"lạ\\" <a> & b"
        field: ho-tich
        level: xa
        agency: ubnd-xa
        channels: [in_person]
        effective: 2025-07-01
        legal_basis: [Luật mẫu]
        result: [Kết quả]
        facts:
          urgent: {type: bool, label: Khẩn, default: false}
        papers: []
        deadline: {working_days: 3}
        steps:
          - id: intake
            name: Tiếp nhận
            role: one_stop_clerk
            next:
              - {when: "urgent and 1 < 2", to: sign}
          - id: review
            name: '\(Self.trickyName)'
            role: civil_status_officer
            agency: cong-an-xa
            takes: {working_days: 1}
            rework: intake
          - {id: sign, name: Ký, role: chairman, next: end}
        fee: {none: true}
        """.write(toFile: folder + "/ho-tich/thu-tuc.yaml", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func namesWithQuotesAndAngleBracketsAreEscaped() throws {
        let folder = try trickyCatalog()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let id = "thu-tuc-ky-tu-dac-biet"

        let mermaid = GraphCommand.execute(procedure: id, format: .mermaid, on: nil, options: options(folder))
        #expect(mermaid.status == 0, "\(mermaid.err)")
        #expect(mermaid.out.contains(#"s2["Kiểm tra #quot;hồ sơ#quot; #lt;bản chính#gt; #amp; bản sao<br/>"#))
        #expect(mermaid.out.contains(#"s1 -->|"urgent and 1 #lt; 2"| s3"#))
        #expect(mermaid.out.contains(#"s1 -->|"trường hợp khác"| s2"#))
        #expect(mermaid.out.contains(#"title: "Thủ tục có tên \"lạ\" <a> & b"#))
        #expect(mermaid.out.contains("class s2 agency"))

        let dot = GraphCommand.execute(procedure: id, format: .dot, on: nil, options: options(folder))
        #expect(dot.out.contains(#"s2 [label="Kiểm tra \"hồ sơ\" <bản chính> & bản sao\n"#))
        #expect(dot.out.contains(#"s2 -> s1 [label="trả lại", style=dashed, constraint=false];"#))

        let svg = GraphCommand.execute(procedure: id, format: .svg, on: nil, options: options(folder))
        #expect(svg.out.contains("&quot;hồ sơ&quot; &lt;bản chính&gt; &amp; bản sao"))
        let texts = try SVGText.texts(of: svg.out)
        #expect(texts.contains { $0.contains(Self.trickyName) })
        #expect(texts.contains { $0.contains("urgent and 1 < 2") })
        #expect(texts.contains { $0.contains(#"Thủ tục có tên "lạ" <a> & b"#) })
    }

    // MARK: Errors and versions

    @Test func unknownProcedureIsBadInputWithASuggestion() {
        let output = GraphCommand.execute(procedure: "dang-ky-khai-sin", format: .mermaid, on: nil, options: options())
        #expect(output.status == 2)
        #expect(output.err.contains("không có thủ tục 'dang-ky-khai-sin'"))
        #expect(output.err.contains("dang-ky-khai-sinh"))
    }

    @Test func badDateIsBadInputAndNoVersionIsANegativeAnswer() {
        #expect(GraphCommand.execute(procedure: "dang-ky-khai-sinh", format: .svg, on: "2026-02-30", options: options()).status == 2)
        #expect(GraphCommand.execute(procedure: "dang-ky-khai-sinh", format: .svg, on: "1990-01-01", options: options()).status == 1)
        let output = GraphCommand.execute(procedure: "dang-ky-khai-sinh", format: .mermaid, on: "2025-07-01", options: options())
        #expect(output.status == 0)
        #expect(output.out.contains("phiên bản từ 01/07/2025"))
    }

    @Test func wrapKeepsWordsAndCutsOnlyLongOnes() {
        #expect(WorkflowGraph.wrap("một hai ba bốn năm", width: 8) == ["một hai", "ba bốn", "năm"])
        #expect(WorkflowGraph.wrap("abcdefghijkl", width: 8) == ["abcdefgh", "ijkl"])
        #expect(WorkflowGraph.wrap("", width: 8) == [""])
    }

    static let catalog: Catalog? = {
        guard case .success(let catalog) = CatalogLoader.load(RepositoryPaths.procedures, language: .vi) else { return nil }
        return catalog
    }()

    static func stepNames(_ id: String) -> [String]? {
        catalog?.procedure(id)?.latest?.steps.map(\.name)
    }

    // MARK: Goldens

    static let mermaidGolden = ##"""
    ---
    title: "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với hộ gia đình, cá nhân — thời hạn giải quyết: 20 ngày làm việc (phiên bản từ 01/07/2025)"
    ---
    flowchart TD
        begin(["Bắt đầu"])
        s1["Tiếp nhận, kiểm tra thành phần hồ sơ và cấp Giấy tiếp nhận hồ sơ và hẹn trả kết quả<br/><small>Công chức Bộ phận tiếp nhận và trả kết quả (một cửa)</small><br/><small>Thời gian: 04 giờ làm việc</small>"]
        s2["Kiểm tra hồ sơ, xác nhận hiện trạng, nguồn gốc, thời điểm sử dụng đất, sự phù hợp quy hoạch; niêm yết công khai kết quả kiểm tra<br/><small>Công chức Địa chính – Nông nghiệp – Môi trường</small><br/><small>Thời gian: 06 ngày làm việc</small>"]
        s3["Trích lục hoặc trích đo bản đồ địa chính, kiểm tra hồ sơ, xác định thông tin để tính nghĩa vụ tài chính và gửi cơ quan thuế; cập nhật hồ sơ địa chính, cơ sở dữ liệu đất đai<br/><small>Viên chức Văn phòng đăng ký đất đai</small><br/><small>Cơ quan: Văn phòng đăng ký đất đai (chi nhánh)</small><br/><small>Thời gian: 06 ngày làm việc</small>"]
        s4["Xác định và thông báo nghĩa vụ tài chính (thời gian người sử dụng đất nộp tiền không tính vào thời hạn)<br/><small>Công chức cơ quan thuế</small><br/><small>Cơ quan: Cơ quan thuế</small><br/><small>Thời gian: 03 ngày làm việc</small>"]
        s5["In Giấy chứng nhận, trình ký<br/><small>Viên chức Văn phòng đăng ký đất đai</small><br/><small>Cơ quan: Văn phòng đăng ký đất đai (chi nhánh)</small><br/><small>Thời gian: 02 ngày làm việc</small>"]
        s6["Chủ tịch Ủy ban nhân dân cấp xã ký cấp Giấy chứng nhận<br/><small>Chủ tịch hoặc Phó Chủ tịch Ủy ban nhân dân</small><br/><small>Thời gian: 02 ngày làm việc</small>"]
        s7["Trao Giấy chứng nhận hoặc thông báo kết quả đăng ký; thu lệ phí<br/><small>Công chức Bộ phận tiếp nhận và trả kết quả (một cửa)</small>"]
        finish(["Kết thúc"])
        begin --> s1
        s1 --> s2
        s2 --> s3
        s2 -.->|"trả lại"| s1
        s3 -->|"register_only"| s7
        s3 -->|"trường hợp khác"| s4
        s4 --> s5
        s5 --> s6
        s6 --> s7
        s7 --> finish
        classDef terminal fill:#e8f0fe,stroke:#1a73e8
        classDef agency fill:#fff4e5,stroke:#b06000
        class begin,finish terminal
        class s3,s4,s5 agency

    """##

    static let dotGolden = ##"""
    digraph workflow {
        graph [rankdir=TB, labelloc=t, fontname="Noto Sans", label="Đăng ký khai sinh — thời hạn giải quyết: trong ngày (tiếp nhận trước 15 giờ; sau đó trả trong ngày làm việc tiếp theo) (phiên bản từ 01/07/2025)"];
        node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Noto Sans", fontsize=11];
        edge [fontname="Noto Sans", fontsize=10];
        begin [label="Bắt đầu", shape=oval, fillcolor="#e8f0fe"];
        s1 [label="Tiếp nhận, kiểm tra hồ sơ và viết giấy tiếp nhận hẹn trả kết quả\nCông chức Bộ phận tiếp nhận và trả kết quả (một cửa)\nThời gian: 01 giờ làm việc"];
        s2 [label="Kiểm tra thông tin khai sinh, tra cứu tình trạng hôn nhân của cha, mẹ; ghi Sổ hộ tịch, cập nhật Cơ sở dữ liệu hộ tịch điện tử và lấy Số định danh cá nhân\nCông chức Tư pháp – Hộ tịch\nThời gian: 02 giờ làm việc"];
        s3 [label="Chủ tịch Ủy ban nhân dân cấp xã ký cấp Giấy khai sinh\nChủ tịch hoặc Phó Chủ tịch Ủy ban nhân dân\nThời gian: 01 giờ làm việc"];
        s4 [label="Người đi đăng ký kiểm tra, ký Sổ hộ tịch và nhận Giấy khai sinh\nCông chức Bộ phận tiếp nhận và trả kết quả (một cửa)"];
        finish [label="Kết thúc", shape=oval, fillcolor="#e8f0fe"];
        begin -> s1;
        s1 -> s2;
        s2 -> s3;
        s2 -> s1 [label="trả lại", style=dashed, constraint=false];
        s3 -> s4;
        s4 -> finish;
    }

    """##
}

/// The text of every `<text>` element of an SVG document (its `<tspan>` lines joined by spaces);
/// throws when the document is not well-formed XML.
final class SVGText: NSObject, XMLParserDelegate {
    private var texts: [String] = []
    private var current: [String]?
    private var line = ""

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func texts(of svg: String) throws -> [String] {
        let collector = SVGText()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        guard parser.parse() else {
            throw Malformed(description: "SVG is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)")
        }
        return collector.texts
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "text" || name == "title" { current = []; line = "" }
        if name == "tspan" { line = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        line += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "tspan" { current?.append(line); line = "" }
        if name == "text" || name == "title", let parts = current {
            texts.append((parts + [line]).filter { !$0.isEmpty }.joined(separator: " "))
            current = nil
            line = ""
        }
    }
}
