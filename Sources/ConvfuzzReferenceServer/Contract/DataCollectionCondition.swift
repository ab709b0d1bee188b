/// One valid `data_collection_params` item: `id:op:value`.
struct DataCollectionCondition: Sendable, Equatable {
    /// The operators of the grammar.
    enum Operator: String, Sendable {
        case eq, neq, gt, gte, lt, lte, `in`, exists, missing
    }

    /// The data-collection id.
    let id: String
    /// The operator.
    let op: Operator
    /// The value (`eq|neq|gt|gte|lt|lte`; empty for `exists`/`missing`).
    let value: String
    /// The `|`-separated values of `in`.
    let values: [String]

    /// Parses an item per CONTRACT.md, or returns nil when it is malformed.
    static func parse(_ text: String) -> DataCollectionCondition? {
        guard let firstColon = text.firstIndex(of: ":") else { return nil }
        let id = String(text[..<firstColon])
        guard !id.isEmpty else { return nil }
        let rest = text[text.index(after: firstColon)...]
        let opText: Substring
        let value: String?
        if let secondColon = rest.firstIndex(of: ":") {
            opText = rest[..<secondColon]
            value = String(rest[rest.index(after: secondColon)...])
        } else {
            opText = rest
            value = nil
        }
        guard let op = Operator(rawValue: String(opText)) else { return nil }
        switch op {
        case .exists, .missing:
            guard value == nil || value == "" else { return nil }
            return DataCollectionCondition(id: id, op: op, value: "", values: [])
        case .eq, .neq:
            guard let value else { return nil }
            return DataCollectionCondition(id: id, op: op, value: value, values: [])
        case .gt, .gte, .lt, .lte:
            guard let value, IntegerGrammar.isDecimal(value) else { return nil }
            return DataCollectionCondition(id: id, op: op, value: value, values: [])
        case .in:
            guard let value, !value.isEmpty else { return nil }
            let values = value.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard !values.contains(where: \.isEmpty) else { return nil }
            return DataCollectionCondition(id: id, op: op, value: value, values: values)
        }
    }
}
