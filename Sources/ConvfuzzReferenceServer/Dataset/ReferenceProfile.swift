/// Renders the target profile of the reference server: the values of hidden
/// (not visible in the summary) and vocabulary-bound parameters.
public enum ReferenceProfile {
    /// The profile as YAML (`pools:` name → list of strings, `id_values:` data-collection id → sample values).
    /// The main repository commits it as `specs/profiles/reference.yaml`.
    /// The second workspace's profile (`workspace: .second`) names its own agents and its own ids
    /// (`WorkspaceIDs`), for `run --second-profile`.
    public static func renderYAML(workspace: ReferenceWorkspace = .first) -> String {
        let vocabulary = ReferenceVocabulary.self
        let second = workspace == .second
        var lines = [
            "# Target profile of the convfuzz reference server (ReferenceProfile.renderYAML(\(second ? "workspace: .second" : ""))).",
            "# Values the server's \(second ? "second workspace's " : "")dataset uses; the same for every seed.",
            "convfuzz_profile: 1",
            "target: \(second ? "reference-second-workspace" : "reference")",
            "pools:",
        ]
        func ids(_ values: [String]) -> [String] { values.map { WorkspaceIDs.written($0, in: workspace) } }
        let pools: [(String, [String])] = [
            ("user_id", ids(vocabulary.userIDs)),
            ("topic_ids", ids(vocabulary.topicIDs)),
            ("data_collection_ids", vocabulary.dataCollectionIDs),
            ("evaluation_criteria_ids", vocabulary.evaluationCriteriaIDs),
            ("search", vocabulary.searchWords + ["REFUND", "Invoice", "order"] + vocabulary.accentedSearchWords),
            ("agent_id", second ? vocabulary.secondWorkspaceAgentIDs : vocabulary.agentIDs),
            ("branch_id", ids(vocabulary.branchIDs)),
            ("tag_ids", ids(vocabulary.tagIDs)),
            ("main_language", vocabulary.languages),
        ]
        for (name, values) in pools {
            lines.append("  \(name):")
            lines += values.map { "    - \(quoted($0))" }
        }
        lines.append("id_values:")
        for (index, id) in vocabulary.dataCollectionIDs.enumerated() {
            lines.append("  \(id):")
            lines += DataCollectionPools.pools[index].map { "    - \(quoted($0.text))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A double-quoted YAML scalar.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text.unicodeScalars {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default: result.unicodeScalars.append(character)
            }
        }
        return result + "\""
    }
}
