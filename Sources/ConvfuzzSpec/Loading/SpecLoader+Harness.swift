import Foundation

// MARK: health and secrets

extension SpecLoader {
    /// `health: {max_retry_share: 5%}` and `secrets: {parameters: [name, …]}`; a secret parameter must be one the spec declares.
    static func loadHarness(_ root: MappingReader, parameters: [ParameterSpec]) throws(SpecError) -> HarnessSpec {
        var harness = HarnessSpec()
        if let health = try root.mapping("health") {
            try health.rejectUnknownKeys(["max_retry_share"])
            if let text = try health.optionalString("max_retry_share") {
                guard let share = parseShare(text) else {
                    throw health.error("max_retry_share", "health.max_retry_share must be a share such as 5% or 0.05 (0 to 1), found '\(text)'")
                }
                harness.maxRetryShare = share
            }
        }
        if let secrets = try root.mapping("secrets") {
            try secrets.rejectUnknownKeys(["parameters"])
            let names = try secrets.stringList("parameters") ?? []
            let known = Set(parameters.map(\.name))
            for name in names where !known.contains(name) {
                throw secrets.error("parameters", "secrets.parameters names '\(name)', which is not a parameter of the spec")
            }
            harness.secretParameters = names
        }
        return harness
    }

    /// `5%` or `0.05` → 0.05; nil outside [0, 1].
    static func parseShare(_ text: String) -> Double? {
        var body = Substring(text)
        var scale = 1.0
        if body.hasSuffix("%") {
            body = body.dropLast()
            scale = 0.01
        }
        guard let value = Double(body.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
        let share = value * scale
        return (0...1).contains(share) ? share : nil
    }
}
