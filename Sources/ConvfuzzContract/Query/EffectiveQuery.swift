/// The query as the target reads it, after decoding: what each parameter means.
///
/// Scalars hold the value that counts (the last one when the spec says a repeated
/// scalar's last value counts); lists hold every item in order; grammar items are split.
public struct EffectiveQuery: Sendable, Codable, Hashable {
    /// Scalar parameter → the value that counts.
    public var scalars: [String: String]
    /// List parameter → items in order.
    public var lists: [String: [String]]
    /// Grammar list parameter → split items.
    public var grammarItems: [String: [GrammarItem]]
    /// Parameters the spec does not declare, in order.
    public var unknown: [String]

    /// Creates a query.
    public init(scalars: [String: String] = [:], lists: [String: [String]] = [:],
                grammarItems: [String: [GrammarItem]] = [:], unknown: [String] = []) {
        self.scalars = scalars
        self.lists = lists
        self.grammarItems = grammarItems
        self.unknown = unknown
    }

    /// The value of a scalar parameter, if sent.
    public func scalar(_ name: String) -> String? { scalars[name] }

    /// The items of a list parameter, if sent.
    public func list(_ name: String) -> [String]? { lists[name] }

    /// Whether the parameter was sent at all.
    public func has(_ name: String) -> Bool { scalars[name] != nil || lists[name] != nil }

    /// Every sent declared parameter name, sorted.
    public var parameterNames: [String] { (Array(scalars.keys) + Array(lists.keys)).sorted() }
}
