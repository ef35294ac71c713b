import ArgumentParser
import Foundation
import TTHCCalendar
import TTHCCompiler
import TTHCDiagnostics
import TTHCEngine
import TTHCModel

/// `tthc test [PATH…]`: runs the `tests:` examples written in procedure files and reports each
/// difference between what the example expects and what the engine computes.
public struct TestCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Chạy các ví dụ kiểm thử (tests:) trong tệp thủ tục: tính đầy đủ, phí, lệ phí, ngày hẹn trả.")

    @OptionGroup public var options: GlobalOptions

    /// Procedure files to test (default: the whole catalogue).
    @Argument(help: "Tệp thủ tục cần chạy ví dụ (mặc định: cả danh mục).")
    public var paths: [String] = []

    public init() {}

    public func run() throws {
        try Self.execute(paths: paths, options: options).emit()
    }

    /// Runs the examples and returns the report.
    public static func execute(paths: [String], options: GlobalOptions) -> CommandOutput {
        let language = options.lang.language
        let result = CatalogCompiler(root: options.catalog).compile(files: paths.isEmpty ? nil : paths)
        guard let catalog = result.catalog else {
            var output = CommandOutput()
            output.err = DiagnosticRenderer(language: language, sources: result.sources).render(result.diagnostics.filter { $0.severity == .error })
            output.err += language == .vi ? "lỗi: danh mục có lỗi, chưa chạy được ví dụ nào\n" : "error: the catalogue has errors; no example was run\n"
            output.status = 2
            return output
        }
        let assessor: Assessor
        do {
            assessor = try EngineSetup.assessor(for: catalog)
        } catch {
            return CommandFailure(vi: "không dựng được lịch làm việc: \(error)", en: "cannot build the working calendars: \(error)").output(language)
        }
        var output = CommandOutput()
        var passed = 0, failed = 0
        for procedure in catalog.procedures {
            for test in procedure.tests {
                let failures = ExampleRunner.run(test, of: procedure, assessor: EngineSetup.assessor(assessor, for: test, in: catalog), language: language)
                let place = "\(options.catalog)/\(procedure.source):\(test.line)"
                if failures.isEmpty {
                    passed += 1
                    output.out += "✓ \(procedure.id): \(test.name)\n"
                } else {
                    failed += 1
                    output.out += "✗ \(procedure.id): \(test.name)\n    \(place)\n" + failures.map { "    \($0)\n" }.joined()
                }
            }
        }
        output.out += language == .vi
            ? "\(passed + failed) ví dụ: \(passed) đạt, \(failed) không đạt\n"
            : "\(passed + failed) examples\n"
        output.out += "\(passed) passed, \(failed) failed\n"
        output.status = failed > 0 ? 1 : 0
        return output
    }
}

/// Builds the engine's pieces from a compiled catalogue.
public enum EngineSetup {
    /// An assessor with a working calendar for every calendar of the catalogue. A catalogue with no
    /// `calendars/` folder at all (a test catalogue) gets the library's national calendar as `vn`.
    public static func assessor(for catalog: Catalog) throws -> Assessor {
        var definitions = Dictionary(catalog.calendars.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        if definitions.isEmpty { definitions["vn"] = CalendarDefinition.vietnam }
        var calendars: [String: WorkingCalendar] = [:]
        for id in definitions.keys {
            calendars[id] = try WorkingCalendar(id: id, in: definitions)
        }
        return Assessor(calendars: calendars, feeSchedule: catalog.feeSchedules.count == 1 ? catalog.feeSchedules.first : nil)
    }

    /// The assessor with the fee schedule an example names (or the catalogue's only one).
    static func assessor(_ base: Assessor, for test: ProcedureTest, in catalog: Catalog) -> Assessor {
        var assessor = base
        if let id = test.feeSchedule { assessor.feeSchedule = catalog.feeSchedule(id) }
        return assessor
    }
}

/// Runs one example and lists what differs from its expectations.
enum ExampleRunner {
    static func run(_ test: ProcedureTest, of procedure: Procedure, assessor: Assessor, language: Language) -> [String] {
        let vi = language == .vi
        guard let received = Instant(iso8601: test.received) else {
            return [vi ? "thời điểm tiếp nhận không hợp lệ: \(test.received)" : "invalid receipt instant: \(test.received)"]
        }
        let input = DossierInput(facts: test.facts, channel: test.channel, papers: test.papers, received: received)
        let assessment: Assessment
        switch assessor.assess(procedure, input) {
        case .failure(let failure):
            return failure.problems.map { vi ? $0.vietnamese : $0.english }
        case .success(let value):
            assessment = value
        }
        var failures: [String] = []
        let expect = test.expect
        if let complete = expect.complete, complete != assessment.complete {
            let missing = assessment.missing.map(\.id).joined(separator: ", ")
            failures.append(vi ? "đầy đủ: mong đợi \(complete), thực tế \(assessment.complete)" + (missing.isEmpty ? "" : " (thiếu: \(missing))")
                               : "complete: expected \(complete), got \(assessment.complete)" + (missing.isEmpty ? "" : " (missing: \(missing))"))
        }
        if let missing = expect.missing, missing.sorted() != assessment.missing.map(\.id).sorted() {
            let actual = assessment.missing.map(\.id).joined(separator: ", ")
            failures.append(vi ? "giấy tờ thiếu: mong đợi [\(missing.joined(separator: ", "))], thực tế [\(actual)]"
                               : "missing: expected [\(missing.joined(separator: ", "))], got [\(actual)]")
        }
        if let fee = expect.fee, fee != assessment.fee.total {
            let lines = assessment.fee.lines.map { "\($0.label) \($0.amount.map(String.init) ?? "?")" }.joined(separator: " + ")
            let actual = assessment.fee.total.map(String.init) ?? (vi ? "chưa xác định (\(assessment.fee.undetermined.joined(separator: ", ")))" : "undetermined (\(assessment.fee.undetermined.joined(separator: ", ")))")
            failures.append(vi ? "phí, lệ phí: mong đợi \(fee), thực tế \(actual)" + (lines.isEmpty ? "" : " (\(lines))")
                               : "fee: expected \(fee), got \(actual)" + (lines.isEmpty ? "" : " (\(lines))"))
        }
        if expect.feeUndetermined, let total = assessment.fee.total {
            failures.append(vi ? "phí, lệ phí: mong đợi chưa xác định, thực tế \(total)" : "fee: expected undetermined, got \(total)")
        }
        if let due = expect.due {
            let actual = assessment.due?.iso8601 ?? (vi ? "không có" : "none")
            if due == TestExpectation.noDue {
                if !assessment.complete || assessment.due != nil {
                    let got = assessment.complete ? actual : (vi ? "hồ sơ chưa đầy đủ" : "incomplete dossier")
                    failures.append(vi ? "ngày hẹn trả: mong đợi không có (không quy định thời hạn), thực tế \(got)" : "due: expected none (no time limit), got \(got)")
                }
            } else if Instant(iso8601: due) != assessment.due?.instant {
                failures.append(vi ? "ngày hẹn trả: mong đợi \(due), thực tế \(actual)" : "due: expected \(due), got \(actual)")
            }
        }
        return failures
    }
}
