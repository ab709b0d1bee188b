import ConvfuzzResults

// MARK: - From a plan

extension FindingOrigin {
    /// The origin of what `plan` found, for reports (`seed` is the run's, which regenerates a case).
    public init(plan: ReplayPlan, source: FindingSource, seed: UInt64) {
        if case .corpus(let file) = source {
            self = .corpus(file: file)
            return
        }
        switch plan {
        case .generatedCase(_, let index, let choices, let label):
            self = .generatedCase(seed: seed, index: index, choices: choices, label: label)
        case .request(let query):
            self = .request(query: query)
        case .walk(let query, let pageSize, _, _):
            self = .walk(query: query, pageSize: pageSize)
        case .relation(_, _, let description):
            self = .relation(description: description)
        case .metamorphic(let relation):
            self = .relation(description: relation.description)
        case .auth(_, _, let description):
            self = .auth(description: description)
        case .tenancy(_, _, _, let description):
            self = .tenancy(description: description)
        }
    }
}
