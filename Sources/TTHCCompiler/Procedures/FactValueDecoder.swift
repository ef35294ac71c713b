import TTHCDiagnostics
import TTHCModel
import TTHCYAML

/// Decodes a literal value of a fact (a default, or a value in a test) by the fact's type.
enum FactValueDecoder {
    static func value(_ node: YAMLNode, of fact: Fact, decoder: inout NodeDecoder) -> Value? {
        value(node, type: fact.type, minimum: fact.minimum, maximum: fact.maximum, decoder: &decoder)
    }

    static func value(_ node: YAMLNode, type: ValueType, minimum: Int?, maximum: Int?, decoder: inout NodeDecoder) -> Value? {
        switch type {
        case .bool:
            return decoder.bool(node).map(Value.bool)
        case .int:
            return decoder.integer(node, minimum: minimum, maximum: maximum).map(Value.int)
        case .money:
            return decoder.integer(node, minimum: minimum ?? 0, maximum: maximum).map(Value.money)
        case .date:
            return decoder.date(node).map(Value.date)
        case .text:
            return decoder.scalarText(node).map(Value.text)
        case .enumeration(_, let cases):
            return decoder.word(node, cases).map(Value.enumCase)
        }
    }
}
