import Foundation
import TTHCDiagnostics
import TTHCModel

/// The workflow checks: every step reachable from the first, every step able to reach the end (no
/// loop without a way out), and step budgets that fit inside the statutory time.
struct WorkflowChecker {
    let steps: [Step]
    let idRanges: [SourceRange]
    let index: [String: Int]

    init(steps: [Step], idRanges: [SourceRange]) {
        self.steps = steps
        self.idRanges = idRanges
        self.index = Dictionary(steps.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Forward edges of step `i` through `next` (or falling through to the following step); `nil` is the end.
    func forward(_ i: Int) -> [Int?] {
        let step = steps[i]
        if step.next.isEmpty { return [i + 1 < steps.count ? i + 1 : nil] }
        var targets: [Int?] = step.next.map { transition in
            switch transition.to {
            case .end: nil
            case .step(let id): index[id]
            }
        }
        // When every branch is conditional, falling through to the next step remains possible.
        if step.next.allSatisfy({ $0.when != nil }) { targets.append(i + 1 < steps.count ? i + 1 : nil) }
        return targets
    }

    func edges(_ i: Int) -> [Int?] {
        forward(i) + steps[i].rework.compactMap { index[$0] }
    }

    mutating func check(into decoder: inout NodeDecoder, deadline: Deadline?, stepsRange: SourceRange, version: ExprDate? = nil) {
        guard !steps.isEmpty else { return }
        // Reachability from the first step.
        var reached: Set<Int> = [0]
        var queue = [0]
        while let i = queue.popLast() {
            for case let j? in edges(i) where !reached.contains(j) {
                reached.insert(j)
                queue.append(j)
            }
        }
        for i in steps.indices where !reached.contains(i) {
            decoder.report(.unreachableStep(steps[i].id), at: idRanges[i])
        }
        // Reaching the end: fixed point over "some edge leads to the end or to a step that does".
        var canEnd = Set<Int>()
        var changed = true
        while changed {
            changed = false
            for i in steps.indices where !canEnd.contains(i) {
                if edges(i).contains(where: { target in target.map { canEnd.contains($0) } ?? true }) {
                    canEnd.insert(i)
                    changed = true
                }
            }
        }
        for i in steps.indices where reached.contains(i) && !canEnd.contains(i) {
            decoder.report(.noWayOut(steps[i].id), at: idRanges[i])
        }
        // Budgets along the longest forward path (rework loops excluded) against the longest statutory time.
        // A case the law sets no time for bounds nothing: budgets are then only the office's plan.
        guard let deadline else { return }
        let durations = [deadline.base] + deadline.cases.map(\.duration)
        let bounded = durations.compactMap { d in d.approximateWorkingMinutes.map { (d, $0) } }
        guard bounded.count == durations.count, let (statutory, statutoryMinutes) = bounded.max(by: { $0.1 < $1.1 }) else { return }
        var memo: [Int: (Int, [Int])] = [:]
        var onPath = Set<Int>()
        func longest(_ i: Int) -> (Int, [Int]) {
            if let known = memo[i] { return known }
            onPath.insert(i)
            var best = (0, [Int]())
            for case let j? in forward(i) where !onPath.contains(j) {
                let candidate = longest(j)
                if candidate.0 > best.0 { best = candidate }
            }
            onPath.remove(i)
            let result = ((steps[i].takes?.approximateWorkingMinutes ?? 0) + best.0, [i] + best.1)
            memo[i] = result
            return result
        }
        let (budget, path) = longest(0)
        if budget > statutoryMinutes {
            let names = path.filter { steps[$0].takes != nil }.map { steps[$0].id }.joined(separator: " → ")
            let hoursText = budget % 60 == 0 ? "\(budget / 60)" : String(format: "%.1f", Double(budget) / 60)
            let versionVi = version.map { " của phiên bản từ ngày \($0.day)/\($0.month)/\($0.year)" } ?? ""
            let versionEn = version.map { " of the version from \($0.iso)" } ?? ""
            decoder.report(.budgetExceedsDeadline(path: names, budgetVi: "\(hoursText) giờ làm việc", budgetEn: "\(hoursText) working hours",
                                                  deadlineVi: statutory.vietnamese + versionVi, deadlineEn: statutory.english + versionEn), at: stepsRange)
        }
    }
}
