import TTHCDiagnostics
import TTHCModel

/// The rules the decoders check in code, beyond one key's shape, written as schema keywords so an
/// editor shows them too. Each names the diagnostic it mirrors; the schema test checks that the
/// broken-file corpus is rejected for each of those codes, so a rule that drifts from its decoder
/// fails there.
///
/// What a JSON Schema cannot say is listed in Docs/editing.md (references to other files and
/// declarations, expressions, the workflow's graph, duplicates, a default against its own bounds,
/// which band comes last).
enum EditorSchemaRefinements {
    typealias Keywords = [(String, JSONValue)]

    static let durationKeys = ["working_days", "working_hours", "calendar_days", "same_day"]

    /// Extra rules on a whole object (items of its `allOf`).
    static func object(_ spec: ObjectSpec, generator: inout EditorSchemaGenerator) -> [JSONValue] {
        var rules: [JSONValue] = []
        // missing-duration, duration-conflict: exactly one duration (durations, deadlines, cases).
        // A statutory time may be `none: true` instead (deadline-none-false: never `none: false`).
        if durationKeys.allSatisfy({ spec.key($0) != nil }) {
            let keys = spec.key("none") == nil ? durationKeys : durationKeys + ["none"]
            rules.append(["oneOf": .array(keys.map { ["required": [.string($0)]] })])
        }
        switch spec.name.en {
        case "fee rule":
            // fee-amount-missing, fee-amount-conflict: exactly one of amount, tiers, schedule.
            rules.append(["oneOf": [["required": ["amount"]], ["required": ["tiers"]], ["required": ["schedule"]]]])
        case "fee":
            // fee-none-conflict: `none: true` with amounts; fee-empty: neither rules, extras nor `none: true`.
            rules.append([
                "if": ["required": ["none"], "properties": ["none": ["enum": [true, "true"]]]],
                "then": ["properties": ["rules": false, "extras": false, "exempt": false]],
                "else": ["anyOf": [["required": ["rules"]], ["required": ["extras"]]]],
            ])
        case "fact":
            // enum-without-values, of-without-enum, bounds-not-numeric, and the default read by the
            // fact's type (wrong-type, bad-date, bad-value), as FactValueDecoder does.
            let text = JSONValue.object(generator.keywords(for: .scalar))
            let byType: [(String, Keywords)] = [
                ("bool", [("properties", ["of": false, "min": false, "max": false, "default": .object(generator.keywords(for: .bool))])]),
                ("int", [("properties", ["of": false, "default": .object(EditorSchemaGenerator.integer(minimum: nil))])]),
                ("money", [("properties", ["of": false, "default": .object(EditorSchemaGenerator.integer(minimum: 0))])]),
                ("date", [("properties", ["of": false, "min": false, "max": false, "default": .object(generator.keywords(for: .date))])]),
                ("enum", [("required", ["of"]), ("properties", ["min": false, "max": false, "default": .object(generator.keywords(for: .identifier))])]),
                ("text", [("properties", ["of": false, "min": false, "max": false, "default": text])]),
            ]
            for (type, then) in byType {
                rules.append(["if": ["required": ["type"], "properties": ["type": ["const": .string(type)]]], "then": .object(then)])
            }
        case "paper":
            // paper-no-count: at least one positive count.
            rules.append(["anyOf": positiveCount])
        case "shared paper reference":
            // paper-no-count: counts written here replace the shared ones, and one must be positive.
            rules.append([
                "if": ["anyOf": [["required": ["original"]], ["required": ["copy"]], ["required": ["present"]]]],
                "then": ["anyOf": positiveCount],
            ])
        case "expectation":
            // test-due-when-incomplete: no due date is given for an incomplete dossier.
            rules.append(["if": ["required": ["complete"], "properties": ["complete": ["enum": [false, "false"]]]], "then": ["properties": ["due": false]]])
        case "holiday":
            // calendar-holiday-kind: exactly one of date, lunar, adjacent_to; `through` only with `lunar`.
            rules.append(["oneOf": [["required": ["date"]], ["required": ["lunar"]], ["required": ["adjacent_to"]]]])
            rules.append(["if": ["required": ["through"]], "then": ["required": ["lunar"]]])
        default:
            break
        }
        return rules
    }

    static var positiveCount: JSONValue {
        .array(["original", "copy", "present"].map { key in
            ["required": [.string(key)], "properties": .object([(key, .object(EditorSchemaGenerator.integer(minimum: 1)))])]
        })
    }

    /// A key's keywords, tightened where its decoder asks more than its shape says.
    static func property(_ key: KeySpec, of spec: ObjectSpec, _ keywords: Keywords, generator: inout EditorSchemaGenerator) -> Keywords {
        switch (spec.name.en, key.name) {
        case ("procedure", "channels"), ("procedure", "legal_basis"), ("procedure", "result"), ("procedure", "steps"),
             ("version", "channels"), ("version", "legal_basis"), ("version", "result"), ("version", "steps"):
            // empty-value: these lists may not be empty (papers may: `papers: []`).
            return keywords + [("minItems", 1)]
        case ("procedure", "facts"), ("version", "facts"):
            // bad-identifier (a fact name with '-'), reserved-fact-name.
            let reserved = VersionBodyDecoder.reservedNames.sorted().map(JSONValue.string)
            return replacing("propertyNames", with: ["pattern": .string(SchemaPatterns.expressionName), "not": ["enum": .array(reserved)]], in: keywords)
        case ("paper", "id"):
            // bad-identifier: paper ids appear in expressions, so no '-'.
            return replacing("pattern", with: .string(SchemaPatterns.expressionName), in: keywords)
        case ("fee rule", "schedule"):
            // bad-fee-key.
            return [("type", "string"), ("pattern", .string(SchemaPatterns.feeKey))]
        case ("fee schedule", "fees"), ("fee schedule version", "fees"), ("shared registry file", "fee_keys"):
            // bad-fee-key.
            return replacing("propertyNames", with: ["pattern": .string(SchemaPatterns.feeKey)], in: keywords)
        case ("deadline", "none"), ("deadline case", "none"):
            // deadline-none-false: only `none: true` is meaningful.
            return [("enum", [true, "true"])]
        case ("expectation", "due"):
            // bad-instant, or `none` (no appointment: the law sets no time).
            return [("anyOf", [.object(keywords), ["const": .string(TestExpectation.noDue)]])]
        case ("online discount", "percent"):
            // out-of-range: 1 to 100.
            return [("type", ["integer", "string"]), ("minimum", 1), ("maximum", 100), ("pattern", "^(?:0*[1-9][0-9]?|0*100)$")]
        case ("fact", "of"):
            // enum-without-values: at least one value.
            return [("anyOf", [
                .object(generator.keywords(for: .list(.identifier)) + [("minItems", 1)]),
                .object(generator.keywords(for: .map(.text)) + [("minProperties", 1)]),
            ])]
        case ("tiers", "bands"):
            // tiers-bad-bands, in part: exactly one band without `upto` (that it is the last one
            // cannot be said).
            return keywords + [("minItems", 1), ("contains", ["not": ["required": ["upto"]]]), ("minContains", 1), ("maxContains", 1)]
        default:
            return keywords
        }
    }

    static func replacing(_ name: String, with value: JSONValue, in keywords: Keywords) -> Keywords {
        keywords.map { $0.0 == name ? (name, value) : $0 }
    }
}
