/// How to make per-id results visible for a grammar filter.
public struct ResultsSpec: Sendable, Equatable {
    /// The helper parameter that requests results for ids (e.g. `data_collection_ids`).
    public var param: String
    /// The item field holding the id → result map.
    public var field: String
    /// The path inside one result to the compared value (e.g. `["value"]`).
    public var valuePath: [String]
    /// The grammar field holding the id the results map is keyed by (default: the grammar's first field).
    public var idField: String?

    /// Creates a results spec.
    public init(param: String, field: String, valuePath: [String], idField: String? = nil) {
        self.param = param
        self.field = field
        self.valuePath = valuePath
        self.idField = idField
    }
}
