/// How a run protects its set comparisons from a target that grows while it runs.
public enum WindowMode: String, Sendable, Codable, CaseIterable {
    /// Items that carry the run's start second or a later one (in the target's own time field) are ignored in comparisons.
    case now
    /// No window: the target is assumed not to change during the run.
    case off
}
