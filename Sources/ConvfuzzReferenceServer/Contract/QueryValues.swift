/// The values each known parameter received, in request order.
struct QueryValues: Sendable {
    private var storage: [[String]] = Array(repeating: [], count: ReferenceParameter.allCases.count)

    /// Records one value.
    mutating func append(_ value: String, for parameter: ReferenceParameter) {
        storage[parameter.ordinal].append(value)
    }

    /// All values of a list parameter (empty when absent).
    func all(_ parameter: ReferenceParameter) -> [String] { storage[parameter.ordinal] }

    /// The last value of a scalar parameter (nil when absent).
    func last(_ parameter: ReferenceParameter) -> String? { storage[parameter.ordinal].last }

    /// Whether the parameter was given at all.
    func has(_ parameter: ReferenceParameter) -> Bool { !storage[parameter.ordinal].isEmpty }
}
