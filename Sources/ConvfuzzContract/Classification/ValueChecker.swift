import ConvfuzzSpec

/// Validates single decoded values against the spec: integers, enums, list items and grammar items.
///
/// Every check returns nil for a valid value and a short reason otherwise.
public struct ValueChecker: Sendable {
    /// The spec.
    public let spec: Spec
    private let integerPattern: PatternMatcher
    private let decimalPatterns: [String: PatternMatcher]
    static let fallbackDecimalPattern = "^[+-]?[0-9]+(\\.[0-9]+)?$"

    /// A checker for a spec.
    public init(spec: Spec) {
        self.spec = spec
        integerPattern = PatternMatcher(spec.integer.pattern)
        var decimals: [String: PatternMatcher] = [:]
        for name in spec.grammars.keys.sorted() {
            for rule in spec.grammars[name]?.valueRules ?? [] where rule.kind == .decimal {
                let pattern = rule.pattern ?? Self.fallbackDecimalPattern
                decimals[pattern] = PatternMatcher(pattern)
            }
        }
        decimals[Self.fallbackDecimalPattern] = PatternMatcher(Self.fallbackDecimalPattern)
        decimalPatterns = decimals
    }

    /// The integer a text stands for: it must match the spec's integer pattern as a whole and
    /// parse as a decimal within the spec's integer range.
    public func integer(_ text: String) -> Int64? {
        guard integerPattern.matchesWhole(text), let value = Int64(text) else { return nil }
        guard value >= spec.integer.minimum, value <= spec.integer.maximum else { return nil }
        return value
    }

    /// Whether a text is a valid integer within optional inclusive bounds.
    public func integerProblem(_ text: String, minimum: Int64?, maximum: Int64?) -> String? {
        guard let value = integer(text) else { return "not an integer: \(Self.quote(text))" }
        if let minimum, value < minimum { return "\(value) is below the minimum \(minimum)" }
        if let maximum, value > maximum { return "\(value) is above the maximum \(maximum)" }
        return nil
    }

    /// Whether a text is one of the enum values (exact bytes, case-sensitive).
    public func enumProblem(_ text: String, values: [String]) -> String? {
        values.contains { ByteOrder.same($0, text) } ? nil : "not one of the allowed values: \(Self.quote(text))"
    }

    /// The problem with a scalar parameter's value.
    public func scalarProblem(_ text: String, parameter: ParameterSpec, isIssued: (String) -> Bool) -> String? {
        if parameter.role == .cursor { return isIssued(text) ? nil : "a cursor the target did not issue" }
        return typedProblem(text, type: parameter.type, values: parameter.values,
                            minimum: parameter.minimum, maximum: parameter.maximum, grammar: nil)
    }

    /// The problem with one item of a list parameter.
    public func itemProblem(_ text: String, parameter: ParameterSpec) -> String? {
        guard let items = parameter.items else { return nil }
        return typedProblem(text, type: items.type, values: items.values,
                            minimum: items.minimum, maximum: items.maximum, grammar: items.grammar)
    }

    /// The problem with a value of a type.
    public func typedProblem(_ text: String, type: ParameterType, values: [String], minimum: Int64?,
                             maximum: Int64?, grammar: String?) -> String? {
        switch type {
        case .integer: return integerProblem(text, minimum: minimum, maximum: maximum)
        case .enum: return enumProblem(text, values: values)
        case .boolean: return enumProblem(text, values: ["true", "false"])
        case .list: return nil
        case .string:
            guard let grammar, let spec = spec.grammars[grammar] else { return nil }
            return grammarProblem(text, grammar: spec)
        }
    }

    /// The problem with a grammar item, checked field by field after splitting at the first
    /// `maxSplits` separators.
    public func grammarProblem(_ text: String, grammar: GrammarSpec) -> String? {
        let parts = GrammarSplitter.parts(text, grammar: grammar)
        for (index, field) in grammar.fields.enumerated() {
            let part = index < parts.count ? parts[index] : nil
            if let selectorName = field.dependsOn {
                guard let selectorIndex = grammar.fields.firstIndex(where: { $0.name == selectorName }),
                      selectorIndex < parts.count, let rule = grammar.rule(for: parts[selectorIndex]) else {
                    if part == nil && field.required { return "\(field.name) is missing" }
                    continue
                }
                if let problem = ruleProblem(part, rule: rule, field: field.name) { return problem }
                continue
            }
            guard let part else {
                if field.required || field.nonEmpty { return "\(field.name) is missing" }
                continue
            }
            if field.nonEmpty && part.isEmpty { return "\(field.name) is empty" }
            if !field.values.isEmpty, enumProblem(part, values: field.values) != nil {
                return "\(field.name) is not one of the allowed values: \(Self.quote(part))"
            }
        }
        return nil
    }

    /// The problem with a dependent field's value under its rule.
    public func ruleProblem(_ value: String?, rule: GrammarValueRule, field: String) -> String? {
        switch rule.kind {
        case .none:
            if let value, !value.isEmpty { return "\(field) takes no value" }
        case .any:
            if value == nil { return "\(field) is missing" }
        case .decimal:
            guard let value else { return "\(field) is missing" }
            if !decimal(value, rule: rule) { return "\(field) is not a number: \(Self.quote(value))" }
        case .list:
            guard let value else { return "\(field) is missing" }
            let items = GrammarSplitter.split(value, separator: rule.listSeparator ?? "|", limit: -1)
            if rule.itemsNonEmpty && items.contains(where: \.isEmpty) { return "\(field) has an empty item" }
            if items.count < rule.minItems { return "\(field) has fewer than \(rule.minItems) items" }
        }
        return nil
    }

    /// Whether a value matches a decimal rule's pattern.
    public func decimal(_ value: String, rule: GrammarValueRule) -> Bool {
        let pattern = rule.pattern ?? Self.fallbackDecimalPattern
        return (decimalPatterns[pattern] ?? PatternMatcher(pattern)).matchesWhole(value)
    }

    static func quote(_ text: String) -> String {
        let shown = text.unicodeScalars.count > 40 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(40))) + "…" : text
        return "'\(shown.debugDescription.dropFirst().dropLast())'"
    }
}
