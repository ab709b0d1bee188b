/// A mini-grammar for structured string values such as `id:op:value`.
///
/// A value is split at the first `maxSplits` occurrences of `separator`; the
/// last field takes the rest, separators included.
public struct GrammarSpec: Sendable, Equatable {
    /// The grammar's name.
    public var name: String
    /// The field separator.
    public var separator: String
    /// How many times to split at most.
    public var maxSplits: Int
    /// The fields in order.
    public var fields: [GrammarField]
    /// Rules for the dependent field, chosen by its selector.
    public var valueRules: [GrammarValueRule]
    /// The line in the spec file.
    public var line: Int

    /// Creates a grammar.
    public init(name: String, separator: String, maxSplits: Int, fields: [GrammarField],
                valueRules: [GrammarValueRule] = [], line: Int = 0) {
        self.name = name
        self.separator = separator
        self.maxSplits = maxSplits
        self.fields = fields
        self.valueRules = valueRules
        self.line = line
    }

    /// The field with this name.
    public func field(named name: String) -> GrammarField? { fields.first { $0.name == name } }

    /// The rule covering a selector value.
    public func rule(for selector: String) -> GrammarValueRule? {
        valueRules.first { $0.selectors.contains(selector) }
    }
}
