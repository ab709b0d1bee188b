/// The documented exit codes.
enum ExitStatus {
    /// No finding.
    static let clean: Int32 = 0
    /// Findings.
    static let findings: Int32 = 1
    /// Usage or spec error.
    static let usage: Int32 = 2
    /// Target unreachable, unauthorised, or not the endpoint.
    static let target: Int32 = 3
    /// Interrupted by SIGINT (128 + 2): results so far were written.
    static let interrupted: Int32 = 130
    /// Interrupted by SIGTERM (128 + 15): results so far were written.
    static let terminated: Int32 = 143
}
