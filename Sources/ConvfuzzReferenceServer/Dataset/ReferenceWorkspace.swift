/// One of the reference server's workspaces: each key sees exactly one.
public enum ReferenceWorkspace: Int, Sendable, CaseIterable {
    /// The workspace of `apiKey` (the only one without a second key).
    case first = 0
    /// The workspace of `secondAPIKey`.
    case second = 1

    /// The other workspace.
    public var other: ReferenceWorkspace { self == .first ? .second : .first }

    /// The range of `ReferenceVocabulary.allAgentIDs` its conversations use.
    var agents: Range<Int> {
        let firstCount = ReferenceVocabulary.agentIDs.count
        switch self {
        case .first: return 0..<firstCount
        case .second: return firstCount..<(firstCount + ReferenceVocabulary.secondWorkspaceAgentIDs.count)
        }
    }

    /// The dataset seed of this workspace for a server seed (the first keeps the server seed).
    func datasetSeed(_ seed: UInt64) -> UInt64 {
        self == .first ? seed : seed ^ 0x5EC0_4D00_0000_0002
    }
}
