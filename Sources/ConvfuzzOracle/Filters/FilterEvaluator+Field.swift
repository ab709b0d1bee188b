import ConvfuzzJSON
import ConvfuzzSpec

extension FilterEvaluator {
    /// Evaluates a filter on an item field it names.
    /// With `detailed` false a failing verdict carries no message (``matches(item:query:itemQuery:filters:)``
    /// only needs the verdict, and building the text for every item of a base walk is most of its cost).
    func evaluateField(_ filter: FilterSpec, field: String, item: JSONValue, values: [String],
                       detailed: Bool = true) -> FilterVerdict {
        guard let last = values.last else { return .unknown }
        let value = item[field]
        let nullish = TextMatch.isNullish(value)
        func fail(_ detail: @autoclosure () -> String, _ expected: @autoclosure () -> String) -> FilterVerdict {
            guard detailed else { return .noMatch(FilterViolation(undetailed: filter.param)) }
            let detail = detail()
            let expected = expected()
            return .noMatch(FilterViolation(
                parameter: filter.param, detail: detail,
                message: "item \(itemID(item)) has \(field) = \(TextMatch.show(value)), which does not satisfy \(filter.param)=\(values.joined(separator: ","))",
                expected: expected, observed: "\(field) = \(TextMatch.show(value))"))
        }
        if nullish && filter.op != .missing && filter.op != .exists {
            if filter.nullMatches { return .match }
            // `not_in` and `contains_ci` say nothing certain about a missing value.
            if filter.op == .notIn || filter.op == .containsCI { return .unknown }
            return fail("\(filter.op.rawValue):null", "\(field) \(describe(filter.op, values)) (a null or absent \(field) never matches)")
        }
        guard let value else { return filter.op == .exists ? fail("exists", "\(field) present") : (filter.op == .missing ? .match : .unknown) }
        switch filter.op {
        case .eq, .neq:
            guard let equal = TextMatch.fieldEquals(value, last) else { return .unknown }
            return equal == (filter.op == .eq) ? .match : fail(filter.op.rawValue, "\(field) \(describe(filter.op, [last]))")
        case .gt, .gte, .lt, .lte:
            guard let number = value.numberValue, let lhs = DecimalValue(number), let bound = DecimalValue(last) else { return .unknown }
            if Self.compare(lhs, filter.op, bound) { return .match }
            return fail(lhs == bound ? "\(filter.op.rawValue):boundary" : filter.op.rawValue, "\(field) \(describe(filter.op, [last]))")
        case .in, .notIn:
            guard let member = membership(value, values) else { return .unknown }
            return member == (filter.op == .in) ? .match : fail(filter.op.rawValue, "\(field) \(describe(filter.op, values))")
        case .intersects:
            guard let elements = value.arrayValue else { return .unknown }
            var undecided = false
            for element in elements {
                switch membership(element, values) {
                case true?: return .match
                case nil: undecided = true
                case false?: break
                }
            }
            return undecided ? .unknown : fail(elements.isEmpty ? "intersects:empty" : "intersects", "\(field) \(describe(.intersects, values))")
        case .containsCI:
            return containsCI(value, last) ? .match : (containsCIDecidable(value, last) ? fail("contains_ci", "\(field) contains \"\(last)\" ignoring case") : .unknown)
        case .exists:
            return value.isNull ? fail("exists", "\(field) present and not null") : .match
        case .missing:
            return value.isNull ? .match : fail("missing", "\(field) absent or null")
        case .grammar:
            return .unknown
        }
    }

    /// Whether a scalar is one of the values: nil when undecidable.
    func membership(_ value: JSONValue, _ values: [String]) -> Bool? {
        var undecided = false
        for candidate in values {
            switch TextMatch.fieldEquals(value, candidate) {
            case true?: return true
            case nil: undecided = true
            case false?: break
            }
        }
        return undecided ? nil : false
    }

    /// `lhs op rhs` for the four comparisons (others: true).
    static func compare(_ lhs: DecimalValue, _ op: FilterOperator, _ rhs: DecimalValue) -> Bool {
        switch op {
        case .gt: return lhs > rhs
        case .gte: return lhs >= rhs
        case .lt: return lhs < rhs
        case .lte: return lhs <= rhs
        default: return true
        }
    }

    /// ASCII-only case-insensitive containment (strings or lists of strings); empty text matches all.
    func containsCI(_ value: JSONValue, _ text: String) -> Bool {
        if text.isEmpty { return true }
        if let elements = value.arrayValue { return elements.contains { containsCI($0, text) } }
        guard let haystack = value.stringValue else { return false }
        return haystack.lowercased().contains(text.lowercased())
    }

    /// Whether a negative containment result is certain (ASCII text only).
    func containsCIDecidable(_ value: JSONValue, _ text: String) -> Bool {
        guard text.allSatisfy(\.isASCII) else { return false }
        if let elements = value.arrayValue { return elements.allSatisfy { containsCIDecidable($0, text) } }
        return value.stringValue?.allSatisfy(\.isASCII) ?? false
    }

    /// `>= 3`, `in [a, b]` …
    func describe(_ op: FilterOperator, _ values: [String]) -> String {
        switch op {
        case .eq: return "== \(values.last ?? "")"
        case .neq: return "!= \(values.last ?? "")"
        case .gt: return "> \(values.last ?? "")"
        case .gte: return ">= \(values.last ?? "")"
        case .lt: return "< \(values.last ?? "")"
        case .lte: return "<= \(values.last ?? "")"
        case .in: return "in [\(values.joined(separator: ", "))]"
        case .notIn: return "not in [\(values.joined(separator: ", "))]"
        case .intersects: return "shares an element with [\(values.joined(separator: ", "))]"
        case .containsCI: return "contains \(values.last ?? "") ignoring case"
        case .exists: return "present"
        case .missing: return "absent or null"
        case .grammar: return "matches \(values.joined(separator: ", "))"
        }
    }
}
