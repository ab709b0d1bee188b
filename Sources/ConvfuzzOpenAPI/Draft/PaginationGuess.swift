import ConvfuzzSpec

/// Pagination plumbing guessed from names, as a person reading the document would.
///
/// A guess is only a name match (`cursor`, `next_cursor`, `has_more`, `page_size` and their
/// common spellings); a name that matches nothing stays nil and becomes a `TODO` in the draft.
public struct PaginationGuess: Sendable, Equatable {
    /// The query parameter carrying the position.
    public var cursorParam: String?
    /// The query parameter setting the page size.
    public var pageSizeParam: String?
    /// The query parameter choosing the direction (an enum holding `asc` and `desc`).
    public var directionParam: String?
    /// The response array of items.
    public var itemsField: String?
    /// The item field naming each item.
    public var idField: String?
    /// The response field with the next cursor.
    public var nextCursorField: String?
    /// The response field saying whether more pages follow.
    public var hasMoreField: String?

    // MARK: Guessing

    /// Guesses from an imported operation.
    public init(_ operation: ImportedOperation) {
        let parameters = operation.parameters
        cursorParam = Self.first(in: parameters.filter { $0.type == .string }.map(\.name),
                                 exact: ["cursor", "page_token", "starting_after", "after"], containing: "cursor")
        pageSizeParam = Self.first(in: parameters.filter { $0.type == .integer }.map(\.name),
                                   exact: ["page_size", "limit", "per_page", "max_results", "pagesize"], containing: "page_size")
        directionParam = parameters.first { parameter in
            parameter.type == .enum && Set(["asc", "desc"]).isSubset(of: Set(parameter.values))
        }?.name
        guard let schema = operation.responseSchema else { return }
        let root = schema.resolved(in: operation.definitionMap)
        let fields = root.properties
        itemsField = fields.first { $0.schema.resolved(in: operation.definitionMap).types == [.array] }?.name
        nextCursorField = Self.first(in: fields.map(\.name), exact: ["next_cursor", "next_page_token", "next", "cursor"],
                                     containing: "cursor")
        hasMoreField = Self.first(in: fields.filter { $0.schema.resolved(in: operation.definitionMap).types == [.boolean] }.map(\.name),
                                  exact: ["has_more", "has_next", "has_next_page", "more"], containing: "more")
        if let itemsField, let items = root.property(itemsField)?.items {
            let item = items.resolved(in: operation.definitionMap)
            let names = item.properties.map(\.name)
            let singular = itemsField.hasSuffix("s") ? String(itemsField.dropLast()) : itemsField
            idField = Self.first(in: names, exact: ["\(singular)_id", "id", "\(singular)Id"], containing: nil)
        }
    }

    // MARK: Helpers

    private static func first(in names: [String], exact: [String], containing: String?) -> String? {
        for candidate in exact where names.contains(candidate) { return candidate }
        guard let containing else { return nil }
        return names.first { $0.lowercased().contains(containing) }
    }

}
