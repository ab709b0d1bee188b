import ConvfuzzContract
import ConvfuzzJSON
import ConvfuzzSpec

extension FilterEvaluator {
    /// Evaluates one grammar item through the per-id results of the item.
    ///
    /// Semantics (generic over the grammar): `exists`/`missing` test whether the id was
    /// collected; `eq`/`neq`/`in` compare the collected value's wire text (a string as
    /// is, a number by its raw JSON text, a boolean as `true`/`false`), `neq` needs it
    /// collected and different; an empty value is read through the rule's `empty_means`;
    /// `gt`/`gte`/`lt`/`lte` compare a JSON number exactly with the decimal value, and a
    /// non-numeric or uncollected value never matches (a numeric-looking string is
    /// ambiguous and left undecided).
    func evaluateGrammar(_ filter: FilterSpec, _ grammarItem: GrammarItem, item: JSONValue,
                         itemQuery: EffectiveQuery, detailed: Bool = true) -> FilterVerdict {
        guard let results = filter.results, let match = filter.match,
              let grammar = filter.grammar.flatMap({ spec.grammars[$0] }),
              let idName = filter.grammarIDField(in: grammar), let id = grammarItem[idName],
              (itemQuery.list(results.param) ?? itemQuery.scalar(results.param).map { [$0] } ?? []).contains(where: { TextMatch.equal($0, id) == true })
        else { return .unknown }
        let token = match.opField.flatMap { grammarItem[$0] }
        guard var op = match.op ?? token.flatMap({ match.operator(forToken: $0) }) else { return .unknown }
        let text = grammarItem[match.field] ?? ""
        let rule = token.flatMap { grammar.rule(for: $0) }
        var emptyForm = false
        if text.isEmpty, let token, let meant = rule?.emptyMeans[token] {
            op = meant
            emptyForm = true
        }
        let entry = collectedEntry(item, results: results, id: id)
        let collected: JSONValue? = entry.flatMap { follow($0, results.valuePath) }
        let kind = entry == nil ? "uncollected" : (collected.map { $0.typeName } ?? "absent")
        let name = (token ?? op.rawValue) + (emptyForm ? "-empty" : "")
        func fail(_ expected: @autoclosure () -> String) -> FilterVerdict {
            guard detailed else { return .noMatch(FilterViolation(undetailed: filter.param)) }
            let expected = expected()
            return .noMatch(FilterViolation(
                parameter: filter.param, detail: "\(name):\(kind)",
                message: "item \(itemID(item)) does not satisfy \(filter.param) item \"\(grammarItem.raw)\": \(results.field)[\(id)] is \(entry == nil ? "not collected" : TextMatch.show(collected))",
                expected: expected,
                observed: "\(results.field)[\(id)] = \(entry == nil ? "absent" : TextMatch.show(collected))"))
        }
        switch op {
        case .exists:
            return entry != nil ? .match : fail("\(id) collected")
        case .missing:
            return entry == nil ? .match : fail("\(id) not collected")
        case .eq, .neq, .in:
            guard entry != nil else { return fail("\(id) collected and \(describe(op, [text]))") }
            guard let collected, !collected.isNull, collected.arrayValue == nil, collected.objectValue == nil,
                  let wire = collected.wireText else { return .unknown }
            let options = op == .in ? listItems(text, rule: rule) : [text]
            var undecided = false
            var member = false
            for option in options {
                switch TextMatch.equal(wire, option) {
                case true?: member = true
                case nil: undecided = true
                case false?: break
                }
            }
            if !member && undecided { return .unknown }
            return member == (op != .neq) ? .match : fail("\(id) \(describe(op, options)) (by the value's text)")
        case .gt, .gte, .lt, .lte:
            guard let bound = DecimalValue(text) else { return .unknown }
            guard entry != nil else { return fail("\(id) collected, numeric and \(describe(op, [text]))") }
            switch collected {
            case .number(let number)?:
                guard let value = DecimalValue(number) else { return .unknown }
                return Self.compare(value, op, bound) ? .match : fail("\(id) \(describe(op, [text]))")
            case .string(let string)?:
                return TextMatch.looksNumeric(string) ? .unknown : fail("a numeric \(id) \(describe(op, [text])) (a non-numeric value never matches)")
            case .bool?:
                return fail("a numeric \(id) \(describe(op, [text])) (a non-numeric value never matches)")
            default:
                return .unknown
            }
        default:
            return .unknown
        }
    }

    /// The result entry for an id, when the item's results map holds it.
    func collectedEntry(_ item: JSONValue, results: ResultsSpec, id: String) -> JSONValue? {
        guard let map = item[results.field]?.objectValue else { return nil }
        if let exact = map.entries.first(where: { TextMatch.equal($0.key, id) == true }) { return exact.value }
        return nil
    }

    /// Follows a path of keys.
    func follow(_ value: JSONValue, _ path: [String]) -> JSONValue? {
        var current: JSONValue? = value
        for key in path { current = current?[key] }
        return current
    }

    /// The items of a list value by the rule's separator.
    func listItems(_ text: String, rule: GrammarValueRule?) -> [String] {
        guard let separator = rule?.listSeparator, !separator.isEmpty else { return [text] }
        return GrammarSplitter.split(text, separator: separator, limit: -1)
    }
}
