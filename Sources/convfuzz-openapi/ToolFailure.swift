/// Ends `convfuzz-openapi` with one of its documented exit codes and a one-line message on stderr.
struct ToolFailure: Error {
    /// Drift between the spec and the document (`diff`).
    static let drift: Int32 = 1
    /// A usage, spec or document error.
    static let usage: Int32 = 2

    let status: Int32
    let message: String

    /// A usage, spec or document error naming what was wrong.
    init(usage message: String) {
        status = Self.usage
        self.message = message
    }

    /// Drift was found; the report is already on stdout.
    static let driftFound = ToolFailure(status: drift, message: "")

    private init(status: Int32, message: String) {
        self.status = status
        self.message = message
    }
}
