import TTHCModel

/// A procedure version's workflow as a drawable graph: a start, the steps in their written order,
/// an end, and the edges the engine may follow. The edges are the ones the workflow checks walk
/// (`WorkflowChecker.forward`): a step without `next` goes on to the following step (the last one
/// ends); `next` branches are tried in order, and when every branch has a condition, going on to
/// the following step stays possible; `rework` sends the dossier back ("trả lại").
///
/// Rendered as Mermaid (``mermaid()``), Graphviz dot (``dot()``) and SVG drawn by our own layout
/// (``svg(idPrefix:)``), so no external tool is needed.
struct WorkflowGraph: Sendable {
    /// A box of the diagram.
    struct Node: Sendable, Equatable {
        enum Kind: Sendable, Equatable { case start, step, end }
        /// `begin`, `s1`…`sN`, `finish`: ids safe in every output format.
        var key: String
        var kind: Kind
        /// The step's name (or "Bắt đầu", "Kết thúc").
        var title: String
        /// The step id as written.
        var stepID: String?
        /// The role's Vietnamese name.
        var role: String?
        /// The agency's Vietnamese name, for steps done by another agency (liên thông).
        var agency: String?
        /// Whether that agency is not the procedure's own.
        var otherAgency: Bool = false
        /// The step's time budget ("04 giờ làm việc").
        var budget: String?
    }

    /// An arrow.
    struct Edge: Sendable, Equatable {
        enum Kind: Sendable, Equatable {
            /// Going on to the following step (no `next`, or the fall-through after conditional branches).
            case sequence
            /// A `next` branch.
            case branch
            /// A `rework` edge back to an earlier (or any) step.
            case rework
        }
        var from: Int
        var to: Int
        var kind: Kind
        /// The condition, "trả lại", or "trường hợp khác".
        var label: String?
    }

    /// The procedure's name.
    var title: String
    /// The statutory time, for the caption.
    var deadline: String
    /// The first day of the version drawn.
    var effective: String
    var nodes: [Node]
    var edges: [Edge]

    static let reworkLabel = "trả lại"
    static let otherwiseLabel = "trường hợp khác"

    /// The graph of `version` of `procedure`, with names from `catalog`.
    init(procedure: Procedure, version: ProcedureVersion, catalog: Catalog) {
        title = procedure.name
        deadline = version.deadline.base.vietnamese
        effective = VietnameseFormat.date(version.effective)
        let steps = version.steps
        var nodes = [Node(key: "begin", kind: .start, title: "Bắt đầu")]
        for (i, step) in steps.enumerated() {
            nodes.append(Node(key: "s\(i + 1)", kind: .step, title: step.name, stepID: step.id, role: catalog.name(ofRole: step.role),
                              agency: step.agency.map { catalog.name(ofAgency: $0) }, otherAgency: step.agency.map { $0 != procedure.agency } ?? false,
                              budget: step.takes?.vietnamese))
        }
        nodes.append(Node(key: "finish", kind: .end, title: "Kết thúc"))
        self.nodes = nodes

        let endIndex = nodes.count - 1
        let index = Dictionary(steps.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        func node(_ target: StepTarget) -> Int? {
            switch target {
            case .end: endIndex
            case .step(let id): index[id]
            }
        }
        var edges = [Edge(from: 0, to: steps.isEmpty ? endIndex : 1, kind: .sequence, label: nil)]
        for (i, step) in steps.enumerated() {
            let from = i + 1
            let following = from + 1  // the next step, or the end after the last
            if step.next.isEmpty {
                edges.append(Edge(from: from, to: following, kind: .sequence, label: nil))
            } else {
                let conditional = step.next.contains { $0.when != nil }
                for transition in step.next {
                    guard let to = node(transition.to) else { continue }
                    let label = transition.when?.sourceText ?? (conditional ? Self.otherwiseLabel : nil)
                    edges.append(Edge(from: from, to: to, kind: .branch, label: label))
                }
                if step.next.allSatisfy({ $0.when != nil }) {
                    edges.append(Edge(from: from, to: following, kind: .sequence, label: Self.otherwiseLabel))
                }
            }
            for back in step.rework {
                if let to = index[back] { edges.append(Edge(from: from, to: to, kind: .rework, label: Self.reworkLabel)) }
            }
        }
        self.edges = edges
    }

    /// The caption: the procedure, its statutory time and the version.
    var caption: String {
        "\(title) — thời hạn giải quyết: \(deadline) (phiên bản từ \(effective))"
    }

    /// The lines of a box: name, role, agency, budget.
    func lines(of node: Node) -> (title: String, details: [String]) {
        var details: [String] = []
        if let role = node.role { details.append(role) }
        if let agency = node.agency { details.append("Cơ quan: " + agency) }
        if let budget = node.budget { details.append("Thời gian: " + budget) }
        return (node.title, details)
    }
}
