import Testing
import TTHCDiagnostics
import TTHCModel
@testable import TTHCCompiler

/// A procedure's facts as the expression tests see them, modelled on đăng ký khai sinh and chứng thực bản sao.
enum ExpressionFixture {
    static let applicant = ValueType.enumeration(name: "applicant", cases: ["ordinary", "poor_household", "merit_family", "disabled"])

    static let scope = ExpressionScope(facts: [
        "on_time": .bool,
        "surrogacy": .bool,
        "applicant": applicant,
        "copies": .int,
        "pages": .int,
        "fee": .money,
        "province": .text,
        "birth_date": .date,
    ])

    /// Where the scalar starts in the file: `    when: ` puts it at line 12, column 11.
    static let start = SourceRange(file: "Procedures/ho-tich/khai-sinh.yaml", at: TTHCDiagnostics.SourceLocation(line: 12, column: 11))

    /// Compiles `source` and returns the expression (nil on error) and every diagnostic.
    static func compile(_ source: String, expecting: ValueType? = nil) -> (expr: Expr?, diagnostics: [Diagnostic]) {
        var bag = DiagnosticBag()
        let expr = ExpressionCompiler.compile(source, at: start, expecting: expecting, scope: scope, diagnostics: &bag)
        return (expr, bag.all)
    }

    /// Compiles `source`, which must be free of mistakes.
    static func valid(_ source: String, expecting: ValueType? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Expr? {
        let (expr, diagnostics) = compile(source, expecting: expecting)
        #expect(diagnostics.isEmpty, "\(source): \(diagnostics.map(\.message.en))", sourceLocation: sourceLocation)
        #expect(expr != nil, "\(source) did not compile", sourceLocation: sourceLocation)
        return expr
    }

    /// The 1-based column inside the expression (in Unicode scalars) where `diagnostic` points.
    static func column(_ diagnostic: Diagnostic) -> Int {
        diagnostic.range.start.column - start.start.column + 1
    }
}
