/// The workflow as Mermaid (`flowchart TD`) and Graphviz dot text.
extension WorkflowGraph {
    /// Mermaid flowchart, top to bottom, with the caption as its title (a YAML double-quoted
    /// string). Labels are quoted and `"`, `<`, `>`, `&`, `#` are written as Mermaid entity codes,
    /// so any step name is safe; rework edges are dashed.
    func mermaid() -> String {
        var out = "---\ntitle: \"\(Self.dotEscape(caption))\"\n---\nflowchart TD\n"
        for node in nodes {
            let (title, details) = lines(of: node)
            let text = ([Self.mermaidEscape(title)] + details.map { "<small>" + Self.mermaidEscape($0) + "</small>" }).joined(separator: "<br/>")
            switch node.kind {
            case .start, .end: out += "    \(node.key)([\"\(text)\"])\n"
            case .step: out += "    \(node.key)[\"\(text)\"]\n"
            }
        }
        for edge in edges {
            let from = nodes[edge.from].key, to = nodes[edge.to].key
            let arrow = edge.kind == .rework ? "-.->" : "-->"
            if let label = edge.label {
                out += "    \(from) \(arrow)|\"\(Self.mermaidEscape(label))\"| \(to)\n"
            } else {
                out += "    \(from) \(arrow) \(to)\n"
            }
        }
        out += "    classDef terminal fill:#e8f0fe,stroke:#1a73e8\n"
        out += "    classDef agency fill:#fff4e5,stroke:#b06000\n"
        out += "    class begin,finish terminal\n"
        let other = nodes.filter(\.otherAgency).map(\.key)
        if !other.isEmpty { out += "    class \(other.joined(separator: ",")) agency\n" }
        return out
    }

    static func mermaidEscape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "&": out += "#amp;"
            case "#": out += "#35;"
            case "\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    /// Graphviz dot, top to bottom; rework edges are dashed and do not push steps down.
    func dot() -> String {
        var out = "digraph workflow {\n"
        out += "    graph [rankdir=TB, labelloc=t, fontname=\"Noto Sans\", label=\"\(Self.dotEscape(caption))\"];\n"
        out += "    node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Noto Sans\", fontsize=11];\n"
        out += "    edge [fontname=\"Noto Sans\", fontsize=10];\n"
        for node in nodes {
            let (title, details) = lines(of: node)
            let label = ([title] + details).map(Self.dotEscape).joined(separator: "\\n")
            switch node.kind {
            case .start, .end:
                out += "    \(node.key) [label=\"\(label)\", shape=oval, fillcolor=\"#e8f0fe\"];\n"
            case .step:
                out += "    \(node.key) [label=\"\(label)\"" + (node.otherAgency ? ", fillcolor=\"#fff4e5\"" : "") + "];\n"
            }
        }
        for edge in edges {
            var attributes: [String] = []
            if let label = edge.label { attributes.append("label=\"\(Self.dotEscape(label))\"") }
            if edge.kind == .rework { attributes += ["style=dashed", "constraint=false"] }
            out += "    \(nodes[edge.from].key) -> \(nodes[edge.to].key)" + (attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]") + ";\n"
        }
        out += "}\n"
        return out
    }

    static func dotEscape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(ch)
            }
        }
        return out
    }
}
