/// Where a finding stands relative to what the team already knows.
public enum FindingStatus: String, Sendable, Codable, CaseIterable {
    /// Reproduced on a re-run and not in the baseline: fails the gate.
    case new
    /// Listed in the baseline file: reported, does not fail the gate.
    case baseline
    /// Did not reproduce on a re-run: reported, does not fail the gate.
    case flaky
    /// A property of the target worth knowing that is not a contract violation (e.g. many requests
    /// needed a retry): reported, does not fail the gate.
    case notice
    /// Found before the run was interrupted and not re-run yet: reported and stored, not confirmed.
    case unconfirmed
}
