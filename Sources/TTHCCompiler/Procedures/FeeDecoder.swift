import TTHCDiagnostics
import TTHCModel
import TTHCYAML

extension VersionBodyDecoder {
    /// Decodes the fee: exemptions, ordered rules, extras, online discount; warns on rules that can
    /// never apply.
    mutating func fee(_ node: YAMLNode, channels: [Channel]) -> Fee? {
        guard let reader = MappingReader(node, LanguageSchema.fee, diagnostics: &decoder.diagnostics) else { return nil }
        let none = reader["none"].flatMap { decoder.bool($0) } ?? false
        let kind = reader["kind"].flatMap { decoder.enumValue($0, FeeKind.self) }
        var exemptions: [FeeExemption] = []
        if let items = reader["exempt"].flatMap({ decoder.list($0) }) {
            for item in items {
                guard let e = MappingReader(item, LanguageSchema.exemption, diagnostics: &decoder.diagnostics), let when = condition(e["when"]) else { continue }
                exemptions.append(FeeExemption(when: when, note: e["note"].flatMap { decoder.text($0) }))
            }
        }
        let rules = feeRules(reader["rules"], ordered: true)
        let extras = feeRules(reader["extras"], ordered: false)
        var discount: OnlineDiscount?
        if let discountNode = reader["online_discount"], let d = MappingReader(discountNode, LanguageSchema.onlineDiscount, diagnostics: &decoder.diagnostics) {
            let percent = d["percent"].flatMap { decoder.integer($0) }
            if let percent, !(1...100).contains(percent), let p = d["percent"] { decoder.report(.discountRange, at: p.range) }
            let from = d["from"].flatMap { decoder.date($0) }
            let until = d["until"].flatMap { decoder.date($0) }
            if let from, let until, until < from, let u = d["until"] { decoder.report(.dateRangeReversed, at: u.range) }
            if !channels.isEmpty, !channels.contains(.online) { decoder.report(.onlineDiscountNoOnline, at: discountNode.range) }
            if let percent, (1...100).contains(percent) {
                discount = OnlineDiscount(percent: percent, from: from, until: until, note: d["note"].flatMap { decoder.text($0) })
            }
        }
        if none, reader.has("rules") || reader.has("extras") || reader.has("exempt") {
            decoder.report(.feeNoneConflict, at: reader["none"]?.range ?? node.range)
            return nil
        }
        if !none, rules?.isEmpty ?? true, extras?.isEmpty ?? true, !reader.has("rules"), !reader.has("extras") {
            decoder.report(.feeEmpty, at: MappingReader.headRange(node))
            return nil
        }
        guard let rules, let extras else { return nil }
        return Fee(none: none, kind: kind, exemptions: exemptions, rules: rules, extras: extras, onlineDiscount: discount, note: reader["note"].flatMap { decoder.text($0) })
    }

    /// Decodes a list of rules; nil when any is broken. For ordered rules, warns on rules shadowed by
    /// an earlier rule that always matches, or with a condition that is always false.
    mutating func feeRules(_ node: YAMLNode?, ordered: Bool) -> [FeeRule]? {
        guard let node else { return [] }
        guard let items = decoder.list(node) else { return nil }
        var result: [FeeRule] = []
        var broken = false
        var alwaysMatching: SourceRange?
        for item in items {
            guard let r = MappingReader(item, LanguageSchema.feeRule, diagnostics: &decoder.diagnostics) else { broken = true; continue }
            let when = condition(r["when"])
            if r.has("when"), when == nil { broken = true }
            if ordered {
                if let earlier = alwaysMatching {
                    decoder.report(.feeRuleUnreachable, at: MappingReader.headRange(item), notes: [DiagnosticNote(DiagnosticMessage.alwaysMatchesHere, at: earlier)])
                } else if let constant = when?.constantValue, constant == .bool(false), let w = r["when"] {
                    decoder.report(.feeRuleUnreachable, at: w.range)
                }
                if when == nil && !r.has("when") || when?.constantValue == .bool(true) { alwaysMatching = alwaysMatching ?? MappingReader.headRange(item) }
            }
            var amount: FeeAmount?
            let given = ["amount", "tiers", "schedule"].filter { r.has($0) }
            if given.isEmpty {
                decoder.report(.feeAmountMissing, at: MappingReader.headRange(item))
            } else if given.count > 1, let second = r[given[1]] {
                decoder.report(.feeAmountConflict, at: second.range)
            } else if let amountNode = r["amount"] {
                amount = expression(amountNode, expecting: .money).map(FeeAmount.expression)
            } else if let tiersNode = r["tiers"] {
                amount = tiers(tiersNode)
            } else if let keyNode = r["schedule"] {
                amount = scheduledAmount(keyNode)
            }
            let per = r["per"].flatMap { intFact($0) }
            let maximum = r["max"].flatMap { decoder.integer($0, minimum: 0) }
            if r.has("per"), per == nil { broken = true }
            guard let amount else { broken = true; continue }
            result.append(FeeRule(when: when, label: r["label"].flatMap { decoder.text($0) }, note: r["note"].flatMap { decoder.text($0) },
                                  amount: amount, per: per, maximum: maximum))
        }
        return broken ? nil : result
    }

    /// A key of the provincial fee schedules: every schedule shipped must set it.
    mutating func scheduledAmount(_ node: YAMLNode) -> FeeAmount? {
        guard let key = decoder.scalarText(node) else { return nil }
        guard FeeScheduleDecoder.isFeeKey(key) else {
            decoder.report(.badFeeKey(key), at: node.range)
            return nil
        }
        usesSchedule = true
        guard registries.feeKeys[key] != nil else {
            let known = Set(registries.feeKeys.keys).union(registries.feeSchedules.values.flatMap(\.keys))
            let suggestion = Suggestion.closest(to: key, in: known.subtracting([key]))
            decoder.report(.unknownFeeKey(key, suggestion: suggestion), at: node.range, fixIt: suggestion)
            return nil
        }
        if registries.feeSchedules.isEmpty {
            decoder.report(.noFeeSchedule, at: node.range)
        } else {
            let lacking = registries.feeSchedules.values.filter { !$0.keys.contains(key) }.map(\.id).sorted()
            // Some provinces' amounts are not confirmed yet: the engine will say so instead of guessing.
            if !lacking.isEmpty { decoder.report(.feeKeyMissingInSchedule(key, schedules: lacking), at: node.range) }
        }
        return .scheduled(key: key)
    }

    /// A reference to an int fact (for `per` and `tiers.of`).
    mutating func intFact(_ node: YAMLNode) -> String? {
        guard let name = decoder.identifier(node) else { return nil }
        guard let type = factTypes[name] else {
            let suggestion = Suggestion.closest(to: name, in: factTypes.keys)
            decoder.report(.unknownReference("Thông tin", "fact", "unknown-fact", name, registry: "facts", suggestion: suggestion), at: node.range, fixIt: suggestion)
            return nil
        }
        guard type == .int else {
            decoder.report(.feePerNotInt(name), at: node.range)
            return nil
        }
        usedFacts.insert(name)
        return name
    }

    mutating func tiers(_ node: YAMLNode) -> FeeAmount? {
        guard let t = MappingReader(node, LanguageSchema.tiers, diagnostics: &decoder.diagnostics) else { return nil }
        let of = t["of"].flatMap { intFact($0) }
        var bands: [FeeBand] = []
        if let items = t["bands"].flatMap({ decoder.list($0) }) {
            for (position, item) in items.enumerated() {
                guard let b = MappingReader(item, LanguageSchema.band, diagnostics: &decoder.diagnostics),
                      let each = b["each"].flatMap({ decoder.integer($0, minimum: 0) }) else { return nil }
                let upto = b["upto"].flatMap { decoder.integer($0, minimum: 1) }
                let isLast = position == items.count - 1
                if (!isLast && upto == nil) || (isLast && b.has("upto")) {
                    decoder.report(.tiersLastBand, at: item.range)
                    return nil
                }
                bands.append(FeeBand(upto: upto, each: each))
            }
        }
        guard let of, !bands.isEmpty else { return nil }
        return .tiers(of: of, bands: bands)
    }
}
