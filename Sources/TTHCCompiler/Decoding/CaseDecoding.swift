import TTHCDiagnostics
import TTHCModel
import TTHCYAML

/// Decoding shared by everything that describes a case against a procedure version — the examples
/// in procedure files and the dossier files clerks check — and by references to registries.
extension NodeDecoder {
    /// An id that must be declared in a registry (field, agency, role): reported with a suggestion when not.
    mutating func reference<V>(_ node: YAMLNode, in table: [String: Declared<V>], _ kindVi: String, _ kindEn: String, _ code: String, _ registry: String) -> String? {
        guard let id = identifier(node) else { return nil }
        guard table[id] != nil else {
            let suggestion = Suggestion.closest(to: id, in: table.keys)
            report(.unknownReference(kindVi, kindEn, code, id, registry: registry, suggestion: suggestion), at: node.range, fixIt: suggestion)
            return nil
        }
        return id
    }

    /// The facts of a case, typed by the version's declarations (unknown facts reported; with no
    /// version only the shape is checked).
    mutating func caseFacts(_ node: YAMLNode, version: ProcedureVersion?, registry: String) -> [String: Value] {
        guard let pairs = node.pairs else {
            report(.expectedShape("một bảng thông tin → giá trị", "a mapping fact → value", foundVi: node.kindName(.vi), foundEn: node.kindName(.en)), at: node.range)
            return [:]
        }
        var facts: [String: Value] = [:]
        for pair in pairs {
            guard let name = identifier(pair.key), let version else { continue }
            guard let fact = version.fact(name) else {
                let suggestion = Suggestion.closest(to: name, in: version.facts.map(\.name))
                report(.unknownReference("Thông tin", "fact", "unknown-fact", name, registry: registry, suggestion: suggestion), at: pair.key.range, fixIt: suggestion)
                continue
            }
            if let value = FactValueDecoder.value(pair.value, of: fact, decoder: &self) { facts[name] = value }
        }
        return facts
    }

    /// Whether `id` is a paper of the version; reported with a suggestion when not (no version: accepted).
    mutating func checkPaper(_ id: String, at range: SourceRange, version: ProcedureVersion?, registry: String) -> Bool {
        guard let version else { return true }
        let known = version.allPapers.map(\.id)
        guard known.contains(id) else {
            let suggestion = Suggestion.closest(to: id, in: known)
            report(.unknownReference("Giấy tờ", "paper", "unknown-paper", id, registry: registry, suggestion: suggestion), at: range, fixIt: suggestion)
            return false
        }
        return true
    }

    /// The papers handed in: ids (counted as required) or `{id, original, copy, present}`.
    mutating func submittedPapers(_ node: YAMLNode, version: ProcedureVersion?, registry: String) -> [SubmittedPaper] {
        guard let items = list(node) else { return [] }
        var papers: [SubmittedPaper] = []
        for item in items {
            if item.scalar != nil {
                if let id = identifier(item), checkPaper(id, at: item.range, version: version, registry: registry) { papers.append(SubmittedPaper(id: id)) }
            } else if let sub = MappingReader(item, LanguageSchema.submittedPaper, diagnostics: &diagnostics),
                      let idNode = sub["id"], let id = identifier(idNode), checkPaper(id, at: idNode.range, version: version, registry: registry) {
                papers.append(SubmittedPaper(id: id, original: sub["original"].flatMap { integer($0, minimum: 0) },
                                             copy: sub["copy"].flatMap { integer($0, minimum: 0) },
                                             present: sub["present"].flatMap { integer($0, minimum: 0) }))
            }
        }
        return papers
    }
}
