/// One possible collected value of a data-collection id.
struct DataCollectionValue: Sendable {
    /// The JSON kind of the value.
    enum Kind: Sendable { case string, number, bool }

    /// The JSON kind.
    let kind: Kind
    /// The text filters compare against: a string as is, a number as written in JSON, `true`/`false`.
    let text: String
    /// The numeric value for `gt|gte|lt|lte` (numbers only).
    let number: Double?

    init(string: String) {
        kind = .string
        text = string
        number = nil
    }

    init(number text: String) {
        kind = .number
        self.text = text
        number = Double(text)
    }

    init(bool: Bool) {
        kind = .bool
        text = bool ? "true" : "false"
        number = nil
    }
}
