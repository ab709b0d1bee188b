/// The documented exit codes.
enum ExitStatus {
    /// No finding.
    static let clean: Int32 = 0
    /// Findings.
    static let findings: Int32 = 1
    /// Usage or spec error.
    static let usage: Int32 = 2
    /// Target unreachable or unauthorised.
    static let target: Int32 = 3
}
