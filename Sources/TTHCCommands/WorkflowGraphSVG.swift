/// The workflow as SVG, laid out by our own code (no Graphviz, no browser): the nodes in one column
/// in their written order, top to bottom; arrows between neighbours go straight down; arrows that
/// skip steps forward run in lanes on the right, rework arrows back up in dashed lanes on the left,
/// each lane shared only by arrows whose spans do not overlap. Labels of side arrows sit where the
/// arrow leaves its box (branches) or along the lane (rework); all are drawn last on a white halo.
extension WorkflowGraph {
    /// Sizes of the drawing, in pixels. Text widths are estimated (no font metrics): generous
    /// averages for Vietnamese in a sans-serif face.
    enum Metrics {
        static let boxWidth = 340.0
        static let padding = 10.0
        static let titleSize = 13.0
        static let detailSize = 11.0
        static let titleLine = 17.0
        static let detailLine = 15.0
        static let titleCharWidth = 8.0
        static let detailCharWidth = 6.6
        static let labelCharWidth = 6.0
        static let gap = 46.0
        static let lane = 16.0
        static let pillWidth = 150.0
        static let pillHeight = 34.0
        static let margin = 16.0
        static let font = "'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif"
    }

    struct Box {
        var x: Double, y: Double, width: Double, height: Double
        var title: [String]
        var details: [String]
        var left: Double { x }
        var right: Double { x + width }
        var bottom: Double { y + height }
    }

    /// One arrow drawn at the side of the column.
    struct SideEdge {
        var edge: Edge
        var lane: Int = 0
        var exitY: Double = 0
        var entryY: Double = 0
    }

    /// The SVG document. `idPrefix` keeps the marker and title ids unique when several diagrams
    /// are inlined in one HTML page.
    func svg(idPrefix: String = "tthc-graph") -> String {
        typealias M = Metrics
        // Merge arrows with the same ends (a branch to the following step and the fall-through).
        var merged: [Edge] = []
        for edge in edges {
            if let i = merged.firstIndex(where: { $0.from == edge.from && $0.to == edge.to && ($0.kind == .rework) == (edge.kind == .rework) }) {
                let labels = [merged[i].label, edge.label].compactMap { $0 }
                merged[i].label = labels.isEmpty ? nil : labels.joined(separator: " / ")
            } else {
                merged.append(edge)
            }
        }
        let straight = merged.filter { $0.kind != .rework && $0.to == $0.from + 1 }
        var right = merged.filter { $0.kind != .rework && $0.to != $0.from + 1 }.map { SideEdge(edge: $0) }
        var left = merged.filter { $0.kind == .rework }.map { SideEdge(edge: $0) }
        Self.assignLanes(&right)
        Self.assignLanes(&left)
        let rightLanes = (right.map(\.lane).max() ?? -1) + 1
        let leftLanes = (left.map(\.lane).max() ?? -1) + 1

        // Rework labels run upwards along their lane, on its left: one text height beyond the last lane.
        let columnX = M.margin + (leftLanes > 0 ? Double(leftLanes + 1) * M.lane + M.detailSize : 0)
        let centerX = columnX + M.boxWidth / 2

        // The caption, wrapped to the column's width plus the lanes.
        let labelRoom = right.compactMap(\.edge.label).map { Double($0.count) * M.labelCharWidth + 12 }.max() ?? 0
        let columnRight = columnX + M.boxWidth
        let width = max(columnRight + Double(rightLanes) * M.lane + (rightLanes > 0 ? M.lane : 0), columnRight + labelRoom) + M.margin
        let captionLines = Self.wrap(caption, width: Int((width - 2 * M.margin) / M.titleCharWidth))
        var y = M.margin + Double(captionLines.count) * M.titleLine + 12

        // Boxes.
        var boxes: [Box] = []
        for node in nodes {
            let (title, details) = lines(of: node)
            switch node.kind {
            case .start, .end:
                boxes.append(Box(x: centerX - M.pillWidth / 2, y: y, width: M.pillWidth, height: M.pillHeight, title: [title], details: []))
                y += M.pillHeight + M.gap
            case .step:
                let titleLines = Self.wrap(title, width: Int((M.boxWidth - 2 * M.padding) / M.titleCharWidth))
                let detailLines = details.flatMap { Self.wrap($0, width: Int((M.boxWidth - 2 * M.padding) / M.detailCharWidth)) }
                let height = 2 * M.padding + Double(titleLines.count) * M.titleLine + (detailLines.isEmpty ? 0 : 4 + Double(detailLines.count) * M.detailLine)
                boxes.append(Box(x: columnX, y: y, width: M.boxWidth, height: height, title: titleLines, details: detailLines))
                y += height + M.gap
            }
        }
        let height = y - M.gap + M.margin

        // Where side arrows leave and enter: spread along each side, ordered by the other end.
        Self.attach(&right, boxes: boxes)
        Self.attach(&left, boxes: boxes)

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" role=\"img\" aria-labelledby=\"\(idPrefix)-title\" font-family=\"\(M.font)\">\n"
        out += "  <title id=\"\(idPrefix)-title\">\(Self.xml(caption))</title>\n"
        out += "  <defs>\n"
        out += "    <marker id=\"\(idPrefix)-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333333\"/></marker>\n"
        out += "    <marker id=\"\(idPrefix)-back\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#b3261e\"/></marker>\n"
        out += "  </defs>\n"
        out += "  <rect x=\"0\" y=\"0\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" fill=\"#ffffff\"/>\n"
        out += "  <text x=\"\(Self.number(M.margin))\" y=\"\(Self.number(M.margin + M.titleSize))\" font-size=\"\(Self.number(M.titleSize))\" font-weight=\"bold\" fill=\"#202124\">"
        out += captionLines.enumerated().map { i, line in "<tspan x=\"\(Self.number(M.margin))\" dy=\"\(i == 0 ? "0" : Self.number(M.titleLine))\">\(Self.xml(line))</tspan>" }.joined()
        out += "</text>\n"

        // Arrows first, boxes over them.
        out += "  <g fill=\"none\" stroke-width=\"1.4\">\n"
        var labels: [(x: Double, y: Double, text: String, anchor: String, color: String, upright: Bool)] = []
        for edge in straight {
            let a = boxes[edge.from], b = boxes[edge.to]
            out += "    <path d=\"M\(Self.number(centerX)),\(Self.number(a.bottom)) V\(Self.number(b.y - 1))\" stroke=\"#333333\" marker-end=\"url(#\(idPrefix)-arrow)\"/>\n"
            if let label = edge.label { labels.append((centerX + 6, (a.bottom + b.y) / 2 + 4, label, "start", "#1f1f1f", true)) }
        }
        for side in right {
            let a = boxes[side.edge.from], b = boxes[side.edge.to]
            let laneX = columnRight + M.lane * Double(side.lane + 1)
            out += "    <path d=\"M\(Self.number(a.right)),\(Self.number(side.exitY)) H\(Self.number(laneX)) V\(Self.number(side.entryY)) H\(Self.number(b.right + 1))\" stroke=\"#333333\" marker-end=\"url(#\(idPrefix)-arrow)\"/>\n"
            if let label = side.edge.label { labels.append((a.right + 5, side.exitY - 4, label, "start", "#1f1f1f", true)) }
        }
        for side in left {
            let a = boxes[side.edge.from], b = boxes[side.edge.to]
            let laneX = columnX - M.lane * Double(side.lane + 1)
            out += "    <path d=\"M\(Self.number(a.left)),\(Self.number(side.exitY)) H\(Self.number(laneX)) V\(Self.number(side.entryY)) H\(Self.number(b.left - 1))\" stroke=\"#b3261e\" stroke-dasharray=\"5 4\" marker-end=\"url(#\(idPrefix)-back)\"/>\n"
            if let label = side.edge.label { labels.append((laneX - 3, (side.exitY + side.entryY) / 2, label, "middle", "#b3261e", false)) }
        }
        out += "  </g>\n"

        // Boxes.
        out += "  <g>\n"
        for (node, box) in zip(nodes, boxes) {
            switch node.kind {
            case .start, .end:
                out += "    <g id=\"\(idPrefix)-\(node.key)\"><rect x=\"\(Self.number(box.x))\" y=\"\(Self.number(box.y))\" width=\"\(Self.number(box.width))\" height=\"\(Self.number(box.height))\" rx=\"\(Self.number(box.height / 2))\" fill=\"#e8f0fe\" stroke=\"#1a73e8\"/>"
                out += "<text x=\"\(Self.number(centerX))\" y=\"\(Self.number(box.y + box.height / 2 + 4.5))\" text-anchor=\"middle\" font-size=\"\(Self.number(M.titleSize))\" font-weight=\"bold\" fill=\"#174ea6\">\(Self.xml(box.title.joined(separator: " ")))</text></g>\n"
            case .step:
                let fill = node.otherAgency ? "#fff4e5" : "#ffffff"
                let stroke = node.otherAgency ? "#b06000" : "#5f6368"
                out += "    <g id=\"\(idPrefix)-\(node.key)\"><rect x=\"\(Self.number(box.x))\" y=\"\(Self.number(box.y))\" width=\"\(Self.number(box.width))\" height=\"\(Self.number(box.height))\" rx=\"6\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>"
                let textX = box.x + M.padding
                var lineY = box.y + M.padding + M.titleSize
                out += "<text x=\"\(Self.number(textX))\" y=\"\(Self.number(lineY))\" font-size=\"\(Self.number(M.titleSize))\" font-weight=\"bold\" fill=\"#202124\">"
                out += box.title.enumerated().map { i, line in "<tspan x=\"\(Self.number(textX))\" dy=\"\(i == 0 ? "0" : Self.number(M.titleLine))\">\(Self.xml(line))</tspan>" }.joined()
                out += "</text>"
                if !box.details.isEmpty {
                    lineY += Double(box.title.count - 1) * M.titleLine + 4 + M.detailLine
                    out += "<text x=\"\(Self.number(textX))\" y=\"\(Self.number(lineY))\" font-size=\"\(Self.number(M.detailSize))\" fill=\"#3c4043\">"
                    out += box.details.enumerated().map { i, line in "<tspan x=\"\(Self.number(textX))\" dy=\"\(i == 0 ? "0" : Self.number(M.detailLine))\">\(Self.xml(line))</tspan>" }.joined()
                    out += "</text>"
                }
                out += "</g>\n"
            }
        }
        out += "  </g>\n"

        // Labels last, on a white halo so lanes never hide them.
        if !labels.isEmpty {
            out += "  <g font-size=\"\(Self.number(M.detailSize))\">\n"
            for label in labels {
                let x = Self.number(label.x), y = Self.number(label.y)
                let rotation = label.upright ? "" : " transform=\"rotate(-90 \(x) \(y))\""
                out += "    <text x=\"\(x)\" y=\"\(y)\"\(rotation) text-anchor=\"\(label.anchor)\" fill=\"\(label.color)\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(Self.xml(label.text))</text>\n"
            }
            out += "  </g>\n"
        }
        out += "</svg>\n"
        return out
    }

    /// Gives each side arrow the innermost lane free along its span.
    static func assignLanes(_ edges: inout [SideEdge]) {
        let order = edges.indices.sorted {
            let a = edges[$0].edge, b = edges[$1].edge
            let spanA = abs(a.to - a.from), spanB = abs(b.to - b.from)
            return spanA != spanB ? spanA < spanB : (min(a.from, a.to), $0) < (min(b.from, b.to), $1)
        }
        var taken: [[ClosedRange<Int>]] = []
        for i in order {
            let e = edges[i].edge
            let span = min(e.from, e.to)...max(e.from, e.to)
            var lane = 0
            while lane < taken.count, taken[lane].contains(where: { $0.overlaps(span) }) { lane += 1 }
            if lane == taken.count { taken.append([]) }
            taken[lane].append(span)
            edges[i].lane = lane
        }
    }

    /// Spreads the exits and entries of side arrows along each box's side: arrows to or from boxes
    /// above first, then those below; among arrows going up the nearest other end is highest, among
    /// arrows going down the farthest is highest, so an arrow in an outer lane never crosses one in
    /// an inner lane beside the box.
    static func attach(_ edges: inout [SideEdge], boxes: [Box]) {
        // (edge index, is exit, other end)
        var byBox: [Int: [(edge: Int, exit: Bool, other: Int)]] = [:]
        for (i, side) in edges.enumerated() {
            byBox[side.edge.from, default: []].append((i, true, side.edge.to))
            byBox[side.edge.to, default: []].append((i, false, side.edge.from))
        }
        for (boxIndex, attachments) in byBox {
            let box = boxes[boxIndex]
            func key(_ a: (edge: Int, exit: Bool, other: Int)) -> (Int, Int, Int, Int) {
                let group = a.other < boxIndex ? 0 : (a.other == boxIndex ? 1 : 2)
                return (group, -a.other, a.exit ? 1 : 0, a.edge)
            }
            let sorted = attachments.sorted { key($0) < key($1) }
            for (k, attachment) in sorted.enumerated() {
                let y = box.y + box.height * Double(k + 1) / Double(sorted.count + 1)
                if attachment.exit { edges[attachment.edge].exitY = y } else { edges[attachment.edge].entryY = y }
            }
        }
    }

    /// Word wrap to at most `width` characters a line (a longer word is cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        let limit = max(width, 8)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            while word.count > limit {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(limit)))
                word = word.dropFirst(limit)
            }
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= limit {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// XML text and attribute escaping.
    static func xml(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A coordinate with at most one decimal.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
