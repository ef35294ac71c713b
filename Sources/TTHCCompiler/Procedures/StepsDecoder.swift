import TTHCDiagnostics
import TTHCModel
import TTHCYAML

extension VersionBodyDecoder {
    /// Decodes the steps, resolves their targets and runs the workflow checks.
    mutating func steps(_ node: YAMLNode, deadline: Deadline?) -> [Step]? {
        guard let items = decoder.list(node) else { return nil }
        if items.isEmpty {
            decoder.report(.emptyText, at: node.range)
            return nil
        }
        struct Pending {
            var step: Step
            var idRange: SourceRange
            var targets: [(String, SourceRange)]
            var nextRange: SourceRange?
            var allConditional: Bool
        }
        var pending: [Pending] = []
        var seen: [String: SourceRange] = [:]
        for item in items {
            guard let reader = MappingReader(item, LanguageSchema.step, diagnostics: &decoder.diagnostics) else { continue }
            let id = reader["id"].flatMap { decoder.identifier($0) }
            let name = reader["name"].flatMap { decoder.text($0) }
            let role = reader["role"].flatMap { decoder.reference($0, in: registries.roles, "Vai trò", "role", "unknown-role", "Procedures/_shared (roles)") }
            let agency = reader["agency"].flatMap { decoder.reference($0, in: registries.agencies, "Cơ quan", "agency", "unknown-agency", "Procedures/_shared (agencies)") }
            let takes = reader["takes"].flatMap { durationObject($0) }
            var transitions: [Transition] = []
            var targets: [(String, SourceRange)] = []
            var allConditional = false
            if let nextNode = reader["next"] {
                if nextNode.scalar != nil {
                    if let target = decoder.identifier(nextNode) {
                        transitions.append(Transition(when: nil, to: target == "end" ? .end : .step(target)))
                        targets.append((target, nextNode.range))
                    }
                } else if let branches = decoder.list(nextNode) {
                    for branch in branches {
                        guard let b = MappingReader(branch, LanguageSchema.transition, diagnostics: &decoder.diagnostics),
                              let toNode = b["to"], let target = decoder.identifier(toNode) else { continue }
                        transitions.append(Transition(when: condition(b["when"]), to: target == "end" ? .end : .step(target)))
                        targets.append((target, toNode.range))
                    }
                    allConditional = !transitions.isEmpty && transitions.allSatisfy { $0.when != nil }
                }
            }
            let rework = reader["rework"].map { decoder.identifierList($0) } ?? []
            targets.append(contentsOf: rework)
            guard let id, let name, let role else { continue }
            if let first = seen[id], let idNode = reader["id"] {
                decoder.report(.duplicateID("Bước", "step", "duplicate-step", id), at: idNode.range, notes: [DiagnosticNote(DiagnosticMessage.firstDeclaredHere, at: first)])
                continue
            }
            let idRange = reader["id"]?.range ?? item.range
            seen[id] = idRange
            pending.append(Pending(step: Step(id: id, name: name, role: role, agency: agency, takes: takes, next: transitions, rework: rework.map(\.0)),
                                   idRange: idRange, targets: targets, nextRange: reader["next"]?.range, allConditional: allConditional))
        }
        guard pending.count == items.count else { return nil }
        var unresolved = false
        for entry in pending {
            for (target, range) in entry.targets where target != "end" && seen[target] == nil {
                let suggestion = Suggestion.closest(to: target, in: seen.keys)
                decoder.report(.unknownReference("Bước", "step", "unknown-step", target, registry: "steps", suggestion: suggestion), at: range, fixIt: suggestion)
                unresolved = true
            }
            if entry.allConditional, let range = entry.nextRange { decoder.report(.nextWithoutDefault, at: range) }
        }
        guard !unresolved else { return nil }
        let steps = pending.map(\.step)
        var checker = WorkflowChecker(steps: steps, idRanges: pending.map(\.idRange))
        checker.check(into: &decoder, deadline: deadline, stepsRange: node.range, version: versionLabel)
        return steps
    }
}
