import TTHCModel

/// Computes a procedure's fee for one dossier: exemptions first (the whole fee is 0), then the first
/// matching rule, then every matching extra, then the online discount; amounts in whole đồng.
struct FeeCalculator {
    let env: ExprEnvironment
    let channel: Channel
    let receivedDate: ExprDate
    let schedule: FeeSchedule?

    func compute(_ fee: Fee) throws -> FeeBreakdown {
        if fee.none { return FeeBreakdown(total: 0, lines: [], exemption: nil, discount: nil, none: true) }
        for exemption in fee.exemptions where try exemption.when.evaluate(in: env) == .bool(true) {
            return FeeBreakdown(total: 0, lines: [], exemption: exemption, discount: nil, none: false)
        }
        var lines: [FeeLine] = []
        var undetermined: [String] = []
        let defaultLabel = fee.kind == .phi ? "Phí" : "Lệ phí"
        for rule in fee.rules where try matches(rule) {
            lines.append(FeeLine(label: rule.label ?? defaultLabel, amount: try amount(rule, &undetermined), condition: rule.when?.sourceText, note: rule.note))
            break
        }
        for extra in fee.extras where try matches(extra) {
            lines.append(FeeLine(label: extra.label ?? defaultLabel, amount: try amount(extra, &undetermined), condition: extra.when?.sourceText, note: extra.note))
        }
        var total = 0
        for line in lines {
            let (sum, overflow) = total.addingReportingOverflow(line.amount ?? 0)
            if overflow { throw ExprEvaluationError.overflow }
            total = sum
        }
        var applied: OnlineDiscount?
        if channel == .online, let discount = fee.onlineDiscount,
           discount.from.map({ $0 <= receivedDate }) ?? true, discount.until.map({ receivedDate <= $0 }) ?? true {
            total = total * (100 - discount.percent) / 100
            applied = discount
        }
        return FeeBreakdown(total: undetermined.isEmpty ? total : nil, undetermined: undetermined, lines: lines, exemption: nil, discount: applied, none: false)
    }

    func matches(_ rule: FeeRule) throws -> Bool {
        guard let when = rule.when else { return true }
        return try when.evaluate(in: env) == .bool(true)
    }

    func integer(_ name: String) -> Int {
        if case .int(let n)? = env.facts[name] { return n }
        return 0
    }

    /// One rule's amount: the expression, the bands or the provincial amount, capped by `max`,
    /// times `per`; nil (and the key noted) when the province's amount is not in the schedule.
    func amount(_ rule: FeeRule, _ undetermined: inout [String]) throws -> Int? {
        var amount: Int
        switch rule.amount {
        case .expression(let expr):
            switch try expr.evaluate(in: env) {
            case .money(let n), .int(let n): amount = n
            default: throw ExprEvaluationError.overflow
            }
        case .scheduled(let key):
            guard let fee = schedule?.fee(key, on: receivedDate) else {
                undetermined.append(key)
                return nil
            }
            amount = fee.amount
            if channel == .online, let discount = schedule?.onlineDiscount,
               discount.from.map({ $0 <= receivedDate }) ?? true, discount.until.map({ receivedDate <= $0 }) ?? true {
                amount = amount * (100 - discount.percent) / 100
            }
        case .tiers(let of, let bands):
            var remaining = max(0, integer(of))
            amount = 0
            for band in bands where remaining > 0 {
                let units = band.upto.map { min($0, remaining) } ?? remaining
                let (product, overflow) = units.multipliedReportingOverflow(by: band.each)
                if overflow { throw ExprEvaluationError.overflow }
                amount += product
                remaining -= units
            }
        }
        if let maximum = rule.maximum { amount = min(amount, maximum) }
        if let per = rule.per {
            let (product, overflow) = amount.multipliedReportingOverflow(by: integer(per))
            if overflow { throw ExprEvaluationError.overflow }
            amount = product
        }
        return amount
    }
}

