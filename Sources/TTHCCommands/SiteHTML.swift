import Foundation
import TTHCModel

/// Escaping, search folding and small builders for the static site (`tthc site`).
enum SiteHTML {
    /// Text escaped for HTML content and for attribute values in double or single quotes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// The form the search compares: lower case, accents removed (NFD, then combining marks
    /// U+0300–U+036F dropped), `đ` as `d`, runs of spaces as one space. `search.js` folds the query
    /// the same way, so "dang ky khai sinh" finds "Đăng ký khai sinh".
    static func fold(_ text: String) -> String {
        let decomposed = text.lowercased().decomposedStringWithCanonicalMapping
        var out = ""
        var lastWasSpace = true
        for scalar in decomposed.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            if scalar == "đ" {
                out.append("d")
                lastWasSpace = false
            } else if scalar.properties.isWhitespace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        if out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    /// Orders Vietnamese names: by their folded form, then by the text itself so the order is total.
    static func vietnameseOrder(_ a: String, _ b: String) -> Bool {
        let fa = fold(a), fb = fold(b)
        return fa != fb ? fa < fb : a < b
    }

    /// The text with its first letter in upper case, to start a sentence ("Trong ngày …").
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// `01/07/2025`.
    static func date(_ date: ExprDate) -> String { VietnameseFormat.date(date) }

    /// `1.000` (a count grouped as Vietnamese writes it).
    static func count(_ n: Int) -> String {
        let money = VietnameseFormat.money(n)
        return String(money.dropLast(" đồng".count))
    }

    /// A complete page: doctype, `lang="vi"`, UTF-8, viewport, the stylesheet at `root`.
    static func page(title: String, root: String, description: String, body: String, scripts: [String] = []) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="tthc site">
        <meta name="description" content="\(escape(description))">
        <title>\(escape(title))</title>
        <link rel="stylesheet" href="\(root)style.css">
        </head>
        <body>

        """
        html += body
        for script in scripts { html += "<script src=\"\(root)\(script)\"></script>\n" }
        html += "</body>\n</html>\n"
        return html
    }
}

/// Text with some parts to show as code (expressions the site cannot put into words).
struct RichText: Sendable, Hashable {
    /// A run of plain text or of code.
    struct Part: Sendable, Hashable {
        var text: String
        var isCode: Bool
    }

    var parts: [Part]

    init(_ text: String) { parts = [Part(text: text, isCode: false)] }
    init(code: String) { parts = [Part(text: code, isCode: true)] }
    init(parts: [Part]) { self.parts = parts }

    static func + (lhs: RichText, rhs: RichText) -> RichText { RichText(parts: lhs.parts + rhs.parts) }
    static func + (lhs: RichText, rhs: String) -> RichText { lhs + RichText(rhs) }
    static func + (lhs: String, rhs: RichText) -> RichText { RichText(lhs) + rhs }

    /// HTML, code in `<code>`.
    var html: String {
        parts.map { $0.isCode ? "<code>\(SiteHTML.escape($0.text))</code>" : SiteHTML.escape($0.text) }.joined()
    }

    /// Plain text (for SVG labels and tooltips).
    var plain: String { parts.map(\.text).joined() }
}
