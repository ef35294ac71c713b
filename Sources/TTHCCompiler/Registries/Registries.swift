import TTHCDiagnostics
import TTHCModel
import TTHCYAML

/// A registry entry with where it was declared.
struct Declared<Value> {
    var value: Value
    var range: SourceRange
}

/// A shared paper as declared in `_shared/`.
struct SharedPaperDefinition {
    var id: String
    var name: String
    var original: Int
    var copy: Int
    var present: Int
    var form: String?
    var note: String?
}

/// The shared registries (`Procedures/_shared/*.yaml`) and the calendar ids procedures may name.
struct Registries {
    var fields: [String: Declared<RegistryEntry>] = [:]
    var agencies: [String: Declared<RegistryEntry>] = [:]
    var roles: [String: Declared<RegistryEntry>] = [:]
    var papers: [String: Declared<SharedPaperDefinition>] = [:]
    /// Calendar ids; nil when no calendar folder is known (then calendar names are not checked).
    var calendars: Set<String>?
    /// Provincial fee schedules by id.
    var feeSchedules: [String: FeeSchedule] = [:]
    /// Declared provincial fee keys.
    var feeKeys: [String: Declared<RegistryEntry>] = [:]

    /// Reads one registry file into the registries, reporting duplicates across files.
    mutating func read(_ root: YAMLNode, decoder: inout NodeDecoder) {
        guard let reader = MappingReader(root, LanguageSchema.registryFile, diagnostics: &decoder.diagnostics) else { return }
        for (key, kindVi, kindEn) in [("fields", "lĩnh vực", "field"), ("agencies", "cơ quan", "agency"), ("roles", "vai trò", "role")] {
            guard let node = reader[key], let pairs = mappingPairs(node, decoder: &decoder) else { continue }
            for pair in pairs {
                guard let id = decoder.identifier(pair.key),
                      let entry = MappingReader(pair.value, LanguageSchema.registryEntry, diagnostics: &decoder.diagnostics),
                      let nameNode = entry["name"], let name = decoder.text(nameNode) else { continue }
                let level = entry["level"].flatMap { decoder.enumValue($0, Level.self) }
                let declared = Declared(value: RegistryEntry(id: id, name: name, level: level), range: pair.key.range)
                switch key {
                case "fields": insert(&fields, id, declared, kindVi, kindEn, &decoder)
                case "agencies": insert(&agencies, id, declared, kindVi, kindEn, &decoder)
                default: insert(&roles, id, declared, kindVi, kindEn, &decoder)
                }
            }
        }
        if let node = reader["fee_keys"], let pairs = mappingPairs(node, decoder: &decoder) {
            for pair in pairs {
                guard let key = decoder.scalarText(pair.key) else { continue }
                guard FeeScheduleDecoder.isFeeKey(key) else { decoder.report(.badFeeKey(key), at: pair.key.range); continue }
                guard let entry = MappingReader(pair.value, LanguageSchema.registryEntry, diagnostics: &decoder.diagnostics),
                      let nameNode = entry["name"], let name = decoder.text(nameNode) else { continue }
                insert(&feeKeys, key, Declared(value: RegistryEntry(id: key, name: name), range: pair.key.range), "khoản phí", "fee key", &decoder)
            }
        }
        if let node = reader["papers"], let pairs = mappingPairs(node, decoder: &decoder) {
            for pair in pairs {
                guard let id = decoder.identifier(pair.key),
                      let entry = MappingReader(pair.value, LanguageSchema.sharedPaper, diagnostics: &decoder.diagnostics),
                      let nameNode = entry["name"], let name = decoder.text(nameNode) else { continue }
                let original = entry["original"].flatMap { decoder.integer($0, minimum: 0) } ?? 0
                let copy = entry["copy"].flatMap { decoder.integer($0, minimum: 0) } ?? 0
                let present = entry["present"].flatMap { decoder.integer($0, minimum: 0) } ?? 0
                if original + copy + present == 0 { decoder.report(.paperNoCount, at: pair.key.range) }
                let paper = SharedPaperDefinition(id: id, name: name, original: original, copy: copy, present: present,
                                                  form: entry["form"].flatMap { decoder.text($0) }, note: entry["note"].flatMap { decoder.text($0) })
                insert(&papers, id, Declared(value: paper, range: pair.key.range), "giấy tờ dùng chung", "shared paper", &decoder)
            }
        }
    }

    private func mappingPairs(_ node: YAMLNode, decoder: inout NodeDecoder) -> [YAMLPair]? {
        guard let pairs = node.pairs else {
            decoder.report(.expectedShape("một bảng mã → mô tả", "a mapping id → entry", foundVi: node.kindName(.vi), foundEn: node.kindName(.en)), at: node.range)
            return nil
        }
        return pairs
    }

    private func insert<V>(_ table: inout [String: Declared<V>], _ id: String, _ value: Declared<V>, _ kindVi: String, _ kindEn: String, _ decoder: inout NodeDecoder) {
        if let first = table[id] {
            decoder.report(.duplicateID(kindVi.capitalizedFirst, kindEn, "duplicate-registry-entry", id), at: value.range, notes: [DiagnosticNote(DiagnosticMessage.firstDeclaredHere, at: first.range)])
        } else {
            table[id] = value
        }
    }
}
