/// A first target profile, written by `convfuzz profile init` after a discovery walk.
///
/// Pools the walk could harvest are written with their values; pools responses never show
/// (`discovery.hidden` in the spec) are written as commented placeholders saying where to find them.
/// The text loads as a `TargetProfile` as written, and after the placeholders are filled in.
public struct ProfileDraft: Sendable, Equatable {
    /// A name for the target (its host).
    public var target: String
    /// The URL the walk read.
    public var source: String
    /// Harvested pool name → values, in the spec's order.
    public var harvested: [(pool: String, values: [String])]
    /// Hidden pool name → where to find the values.
    public var hidden: [(pool: String, hint: String)]
    /// Items the walk saw, and whether it reached the end.
    public var items: Int
    /// Whether the walk reached the last page.
    public var complete: Bool

    /// Creates a draft.
    public init(target: String, source: String, harvested: [(pool: String, values: [String])],
                hidden: [(pool: String, hint: String)], items: Int, complete: Bool) {
        self.target = target
        self.source = source
        self.harvested = harvested
        self.hidden = hidden
        self.items = items
        self.complete = complete
    }

    /// Compares drafts field by field.
    public static func == (lhs: ProfileDraft, rhs: ProfileDraft) -> Bool {
        lhs.target == rhs.target && lhs.source == rhs.source && lhs.items == rhs.items && lhs.complete == rhs.complete
            && lhs.harvested.map(\.pool) == rhs.harvested.map(\.pool) && lhs.harvested.map(\.values) == rhs.harvested.map(\.values)
            && lhs.hidden.map(\.pool) == rhs.hidden.map(\.pool) && lhs.hidden.map(\.hint) == rhs.hidden.map(\.hint)
    }

    // MARK: Rendering

    /// The profile as YAML.
    public func render() -> String {
        var lines = [
            "# convfuzz target profile, written by `convfuzz profile init` from a discovery walk of",
            "# \(source) (\(items) items\(complete ? "" : ", walk not complete")).",
            "# Harvested pools hold values responses showed. Commented pools are values responses never show:",
            "# fill them in (uncomment the name and list values) so filters on them are tested on real data.",
            "convfuzz_profile: 1",
            "target: \(ProfileDraft.quoted(target))",
        ]
        let written = harvested.filter { !$0.values.isEmpty }
        lines.append(written.isEmpty ? "pools: {}" : "pools:")
        for (pool, values) in written {
            lines.append("  \(pool):")
            lines += values.map { "    - \(ProfileDraft.quoted($0))" }
        }
        for (pool, hint) in hidden {
            lines.append("  # \(pool): not visible in responses. Where to find it: \(hint).")
            lines.append("  # \(pool):")
            lines.append("  #   - \"…\"")
        }
        lines.append("# id_values: sample values per hidden id (e.g. a data-collection id → values it collects):")
        lines.append("# id_values:")
        lines.append("#   some_id: [\"…\"]")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A double-quoted YAML scalar.
    static func quoted(_ text: String) -> String {
        YAMLScalar.quoted(text)
    }
}
