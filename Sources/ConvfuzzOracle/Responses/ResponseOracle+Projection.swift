import ConvfuzzContract
import ConvfuzzJSON
import ConvfuzzSpec

extension ResponseOracle {
    /// `CF-PROJECTION`: each projection's rule for the effective value (or the default).
    func projectionFindings(_ page: Page, query: EffectiveQuery, response: ObservedResponse) -> [Finding] {
        var findings: [Finding] = []
        for projection in spec.projections where !projection.when.isEmpty {
            let sent = query.scalar(projection.param)
            guard let value = sent ?? spec.parameter(named: projection.param)?.defaultValue,
                  let rule = projection.when[value] else { continue }
            let failing = page.items.filter { !Self.satisfies($0, field: projection.field, rule: rule) }
            guard let first = failing.first else { continue }
            findings.append(Finding(
                check: .projection, parameter: projection.param, detail: "\(value):\(rule.rawValue)",
                message: "\(failing.count) of \(page.items.count) items break \(projection.field) \(rule.rawValue) for \(projection.param)=\(value)"
                    + (sent == nil ? " (the default)" : ""),
                expected: "\(projection.field) \(rule.rawValue) in every item",
                observed: "\(projection.field) = \(TextMatch.show(first[projection.field]))",
                evidence: [Evidence(response, excerpt: Excerpt.json(first))]))
        }
        return findings
    }

    /// `CF-RESULTS-IDS`: per-id maps only with their parameter, keys among the requested ids.
    func resultsIDFindings(_ page: Page, query: EffectiveQuery, response: ObservedResponse) -> [Finding] {
        var findings: [Finding] = []
        for projection in spec.projections where projection.keys == .requestedSubset {
            let requested = query.list(projection.param) ?? query.scalar(projection.param).map { [$0] }
            var offenders: [(item: JSONValue, keys: [String])] = []
            for item in page.items {
                guard let value = item[projection.field], !value.isNull else { continue }
                guard let requested else {
                    offenders.append((item, value.objectValue?.keys ?? [value.typeName]))
                    continue
                }
                let extra = (value.objectValue?.keys ?? []).filter { key in
                    !requested.contains { TextMatch.equal($0, key) != false }
                }
                if !extra.isEmpty { offenders.append((item, extra)) }
            }
            guard let first = offenders.first else { continue }
            let sent = requested != nil
            findings.append(Finding(
                check: .resultsIDs, parameter: projection.param, detail: sent ? "unrequested-key" : "without-parameter",
                message: sent
                    ? "\(offenders.count) items hold \(projection.field) keys that were not requested, e.g. \(first.keys.prefix(3).joined(separator: ", "))"
                    : "\(offenders.count) items hold \(projection.field) although \(projection.param) was not sent",
                expected: sent ? "keys of \(projection.field) among \(requested?.joined(separator: ", ") ?? "")"
                    : "\(projection.field) absent or null without \(projection.param)",
                observed: "\(projection.field) = \(TextMatch.show(first.item[projection.field]))",
                evidence: [Evidence(response, excerpt: Excerpt.json(first.item))]))
        }
        return findings
    }

    /// Whether an item's field follows a projection rule.
    static func satisfies(_ item: JSONValue, field: String, rule: ProjectionRule) -> Bool {
        let value = item[field]
        switch rule {
        case .absentOrNull: return value == nil || value?.isNull == true
        case .present: return value != nil
        case .absent: return value == nil
        }
    }
}
