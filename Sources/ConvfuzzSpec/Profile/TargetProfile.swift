import Foundation

/// What a target holds that its responses do not show: hidden ids and sample values.
///
/// A user writes one per target (`specs/profiles/reference.yaml` describes the
/// bundled reference server). Pools here are merged with values harvested by
/// the discovery walk.
public struct TargetProfile: Sendable, Equatable {
    /// A name for the target.
    public var target: String
    /// Pool name → values.
    public var pools: [String: [String]]
    /// Grammar id → sample values that id takes (e.g. a data-collection id → collected values).
    public var idValues: [String: [String]]

    /// Creates a profile.
    public init(target: String = "unnamed", pools: [String: [String]] = [:], idValues: [String: [String]] = [:]) {
        self.target = target
        self.pools = pools
        self.idValues = idValues
    }

    /// An empty profile.
    public static let empty = TargetProfile()

    /// Reads a parsed profile document (`load(path:spec:)` and `load(text:file:spec:)` in
    /// `ConvfuzzSpecFiles` parse the YAML first). With `spec`, it is validated like a spec: a pool the
    /// spec does not know is an error naming the closest known pool, a pool must be a list of strings, and each value must fit the
    /// type of the parameters the pool feeds (an integer pool takes integers, an enum pool the enum's
    /// values); every error is `file:line: message`.
    public static func load(document: YAMLNode, file: String, spec: Spec? = nil) throws(SpecError) -> TargetProfile {
        let root = try MappingReader(document, file: file, path: "profile")
        try root.rejectUnknownKeys(["convfuzz_profile", "target", "description", "pools", "id_values"])
        var profile = TargetProfile(target: try root.optionalString("target") ?? "unnamed")
        if let pools = try root.mapping("pools") {
            let kinds = spec.map(ProfilePoolKinds.init)
            for name in pools.keys {
                if let kinds { try kinds.check(pool: name, in: pools) }
                profile.pools[name] = try pools.stringList(name) ?? []
            }
        }
        if let values = try root.mapping("id_values") {
            for name in values.keys {
                if spec != nil { try ProfilePoolKinds.requireStrings(name, in: values) }
                profile.idValues[name] = try values.stringList(name) ?? []
            }
        }
        return profile
    }
}
