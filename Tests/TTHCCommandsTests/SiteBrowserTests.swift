import Foundation
import Testing
@testable import TTHCCommands

/// A headless Chromium, when one is installed (Debian package `chromium`).
enum HeadlessChromium {
    /// `$CHROMIUM`, or the first of the usual names found on `PATH`.
    static let path: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["CHROMIUM"], FileManager.default.isExecutableFile(atPath: explicit) { return explicit }
        let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome-headless-shell"]
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return folder + "/" + name
            }
        }
        return nil
    }()

    /// CI sets `TTHC_REQUIRE_CHROMIUM=1` so a missing browser fails instead of skipping.
    static var required: Bool { ProcessInfo.processInfo.environment["TTHC_REQUIRE_CHROMIUM"] == "1" }

    static let skipMessage = "Không tìm thấy Chromium (cài: apt-get install -y chromium, hoặc đặt biến CHROMIUM): bỏ qua kiểm tra trên trình duyệt thật."

    /// Runs the browser with `arguments` before the URL, killing it after `timeout` seconds; returns
    /// what it printed on standard output.
    static func run(_ arguments: [String], url: String, timeout: TimeInterval = 90) throws -> String {
        guard let path else { throw BrowserError.notInstalled }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run",
                             "--no-default-browser-check", "--user-data-dir=\(profile.path)"] + arguments + [url]
        let output = profile.appendingPathExtension("out")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            throw BrowserError.timedOut(timeout)
        }
        process.waitUntilExit()
        return String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self)
    }

    enum BrowserError: Error { case notInstalled, timedOut(TimeInterval) }
}

/// The generated site loaded in a real headless Chromium from `file://`: the DOM holds the expected
/// text, the search box exists, and the search script filters the index (prefilled by `?q=`).
@Suite(.serialized) struct SiteBrowserTests {
    /// Writes the site of the shipped catalogue into a fresh folder, runs `body` with that folder,
    /// then removes it.
    static func withSite(_ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-site-browser-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = GlobalOptions()
        options.catalog = RepositoryPaths.procedures
        options.lang = .vi
        options.format = .text
        let output = SiteCommand.execute(output: dir, on: nil, options: options)
        #expect(output.status == 0, "\(output.err)")
        try body(dir)
    }

    @Test(.enabled(if: HeadlessChromium.required, "TTHC_REQUIRE_CHROMIUM không đặt"))
    func chromiumIsInstalledWhereRequired() {
        #expect(HeadlessChromium.path != nil, "TTHC_REQUIRE_CHROMIUM=1 nhưng không tìm thấy Chromium")
    }

    @Test(.enabled(if: HeadlessChromium.path != nil, Comment(rawValue: HeadlessChromium.skipMessage)))
    func theIndexShowsTheProceduresAndTheSearchBox() throws {
        try Self.withSite { site in
            let dom = try HeadlessChromium.run(["--dump-dom"], url: "file://\(site)/index.html")
            #expect(dom.contains("Đăng ký khai sinh"), "\(dom.prefix(500))")
            #expect(dom.contains("Chứng thực chữ ký trong các giấy tờ, văn bản"))
            #expect(dom.contains("<input id=\"q\""))
            // The script ran: with no query every entry is shown and the count is written.
            let entry = try #require(SiteTests.entry("dang-ky-khai-sinh", in: dom))
            #expect(!entry.contains("hidden"))
            #expect(dom.contains("aria-live=\"polite\">\(RepositoryPaths.procedureFiles.count) thủ tục</p>"))
        }
    }

    @Test(.enabled(if: HeadlessChromium.path != nil, Comment(rawValue: HeadlessChromium.skipMessage)))
    func theSearchFindsAProcedureTypedWithoutAccents() throws {
        try Self.withSite { site in
            let dom = try HeadlessChromium.run(["--dump-dom", "--virtual-time-budget=2000"], url: "file://\(site)/index.html?q=dang%20ky%20khai%20sinh")
            let shown = try #require(SiteTests.entry("dang-ky-khai-sinh", in: dom), "\(dom.prefix(800))")
            #expect(!shown.contains("hidden"), "\(shown)")
            for other in ["dang-ky-khai-tu", "dang-ky-ket-hon", "chung-thuc-chu-ky", "cap-giay-phep-ban-le-ruou"] {
                let tag = try #require(SiteTests.entry(other, in: dom))
                #expect(tag.contains("hidden"), "\(other) should be filtered out: \(tag)")
            }
            // The count says how many of all procedures match (every word of the query, without
            // accents): at least this one, and fewer than all.
            let total = RepositoryPaths.procedureFiles.count
            let found = (1..<total).filter { dom.contains("Tìm thấy \($0)/\(total) thủ tục") }
            #expect(found.count == 1, "no 'Tìm thấy N/\(total)' with 1 ≤ N < \(total)")
        }
    }

    @Test(.enabled(if: HeadlessChromium.path != nil, Comment(rawValue: HeadlessChromium.skipMessage)))
    func theSearchByNationalCodeAndHashWorks() throws {
        try Self.withSite { site in
            let dom = try HeadlessChromium.run(["--dump-dom"], url: "file://\(site)/index.html#q=2.000815")
            let shown = try #require(SiteTests.entry("chung-thuc-ban-sao-tu-ban-chinh", in: dom))
            #expect(!shown.contains("hidden"))
            let other = try #require(SiteTests.entry("dang-ky-khai-sinh", in: dom))
            #expect(other.contains("hidden"))
            // The whole field "Hộ tịch" has no match and is hidden.
            #expect(dom.contains("<section class=\"field\" id=\"linh-vuc-ho-tich\" hidden"))
        }
    }

    @Test(.enabled(if: HeadlessChromium.path != nil, Comment(rawValue: HeadlessChromium.skipMessage)))
    func aProcedurePageRendersItsSections() throws {
        try Self.withSite { site in
            let dom = try HeadlessChromium.run(["--dump-dom"], url: "file://\(site)/thu-tuc/dang-ky-khai-sinh.html")
            #expect(dom.contains("<h1>Đăng ký khai sinh</h1>"))
            #expect(dom.contains("Tờ khai đăng ký khai sinh theo mẫu"))
            for heading in ["Thành phần hồ sơ", "Thời hạn giải quyết", "Phí, lệ phí", "Trình tự thực hiện", "Lịch sử phiên bản", "Cần rà soát"] {
                #expect(dom.contains("<h2>\(heading)</h2>"), "\(heading)")
            }
            #expect(dom.contains("<svg"))
        }
    }
}
