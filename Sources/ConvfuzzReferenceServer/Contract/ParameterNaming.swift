/// Maps canonical parameter names to wire names (identity when not renamed) and back.
struct ParameterNaming: Sendable {
    /// Wire name per parameter ordinal.
    let wireNames: [String]
    /// Parameter by wire name.
    private let byWireName: [String: ReferenceParameter]

    init(renaming: [String: String]) {
        var wireNames: [String] = []
        var byWireName: [String: ReferenceParameter] = [:]
        for parameter in ReferenceParameter.allCases {
            let wire = renaming[parameter.rawValue] ?? parameter.rawValue
            wireNames.append(wire)
            byWireName[wire] = parameter
        }
        self.wireNames = wireNames
        self.byWireName = byWireName
    }

    /// The wire name of `parameter`.
    @inline(__always)
    func wireName(_ parameter: ReferenceParameter) -> String { wireNames[parameter.ordinal] }

    /// Groups decoded pairs by parameter; unknown names are ignored.
    func collect(_ pairs: [(name: String, value: String)]) -> QueryValues {
        var values = QueryValues()
        for pair in pairs {
            if let parameter = byWireName[pair.name] {
                values.append(pair.value, for: parameter)
            }
        }
        return values
    }
}
