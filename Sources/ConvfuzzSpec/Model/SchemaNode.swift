/// A small JSON-schema subset: enough for a response contract.
///
/// Objects allow extra properties unless `closed` is set; `additional` gives the
/// schema of every property of a map-like object.
public final class SchemaNode: Sendable, Equatable {
    /// Allowed types; empty means any. A `ref` node has none of its own.
    public let types: [SchemaType]
    /// Whether null is allowed too.
    public let nullable: Bool
    /// Allowed values for strings.
    public let enumValues: [String]
    /// Required object properties.
    public let required: [String]
    /// Declared object properties in order.
    public let properties: [(name: String, schema: SchemaNode)]
    /// The schema of every property of a map-like object.
    public let additional: SchemaNode?
    /// Whether undeclared properties are forbidden.
    public let closed: Bool
    /// The schema of array items.
    public let items: SchemaNode?
    /// Fewest array items.
    public let minItems: Int?
    /// Inclusive numeric bounds.
    public let minimum: Double?
    /// Inclusive numeric bounds.
    public let maximum: Double?
    /// The name of a definition this node stands for.
    public let ref: String?
    /// The line in the spec file.
    public let line: Int
    /// Property name → position in `properties`, for O(1) lookups on the hot path.
    private let propertyIndex: [String: Int]
    /// The position in `properties` of each name in `required`, in order (nil for a required name
    /// that is not declared as a property).
    public let requiredPositions: [Int?]

    /// Creates a node.
    public init(types: [SchemaType] = [], nullable: Bool = false, enumValues: [String] = [], required: [String] = [],
                properties: [(name: String, schema: SchemaNode)] = [], additional: SchemaNode? = nil, closed: Bool = false,
                items: SchemaNode? = nil, minItems: Int? = nil, minimum: Double? = nil, maximum: Double? = nil,
                ref: String? = nil, line: Int = 0) {
        self.types = types
        self.nullable = nullable
        self.enumValues = enumValues
        self.required = required
        self.properties = properties
        self.additional = additional
        self.closed = closed
        self.items = items
        self.minItems = minItems
        self.minimum = minimum
        self.maximum = maximum
        self.ref = ref
        self.line = line
        var index: [String: Int] = [:]
        for (position, property) in properties.enumerated() where index[property.name] == nil { index[property.name] = position }
        propertyIndex = index
        requiredPositions = required.map { index[$0] }
    }

    /// The declared schema of a property.
    public func property(_ name: String) -> SchemaNode? {
        propertyIndex[name].map { properties[$0].schema }
    }

    /// The position of a declared property in ``properties``, or nil. The position `hint` is tried
    /// first with one comparison: objects usually list their keys in the declared order, so a
    /// caller walking an object's keys passes the position after the last one found.
    public func propertyPosition(_ name: String, hint: Int) -> Int? {
        if hint < properties.count, properties[hint].name == name { return hint }
        return propertyIndex[name]
    }

    /// Structural equality.
    public static func == (lhs: SchemaNode, rhs: SchemaNode) -> Bool {
        lhs.types == rhs.types && lhs.nullable == rhs.nullable && lhs.enumValues == rhs.enumValues
            && lhs.required == rhs.required && lhs.properties.map(\.name) == rhs.properties.map(\.name)
            && zip(lhs.properties, rhs.properties).allSatisfy { $0.schema == $1.schema }
            && lhs.additional == rhs.additional && lhs.closed == rhs.closed && lhs.items == rhs.items
            && lhs.minItems == rhs.minItems && lhs.minimum == rhs.minimum && lhs.maximum == rhs.maximum
            && lhs.ref == rhs.ref
    }
}

// MARK: - References

extension SchemaNode {
    /// The concrete node behind this one's `ref` links in `definitions` (at most 32 hops, so a cycle
    /// ends): the one place a reference is resolved.
    public func resolved(in definitions: [String: SchemaNode]) -> SchemaNode {
        var current = self
        var hops = 0
        while let ref = current.ref, let target = definitions[ref], hops < 32 {
            current = target
            hops += 1
        }
        return current
    }
}
