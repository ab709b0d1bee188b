import ConvfuzzSpec

/// The values a run must never show besides its keys: whatever is sent for a parameter the spec
/// (`secrets.parameters`) or the user (`--secret-param`) marks as secret.
public enum SecretValues {
    /// The secret parameters' values known before the run: the profile pools that feed them and the
    /// pairs the user passes (`walk --param`). Empty values are left out.
    public static func collect(spec: Spec, profile: TargetProfile, marked: [String],
                               pairs: [(name: String, value: String)] = []) -> [String] {
        let names = Set(spec.harness.secretParameters + marked)
        guard !names.isEmpty else { return [] }
        var out: [String] = []
        for parameter in spec.parameters where names.contains(parameter.name) {
            if let pool = parameter.valuePool { out += profile.pools[pool] ?? [] }
        }
        for pair in pairs where names.contains(pair.name) { out.append(pair.value) }
        return out.filter { !$0.isEmpty }
    }
}
