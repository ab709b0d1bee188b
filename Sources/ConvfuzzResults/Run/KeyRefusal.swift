/// The key was refused after the target had answered with it.
public struct KeyRefusal: Sendable, Codable, Hashable {
    /// The refusing status.
    public var status: Int
    /// Requests sent before the refusal.
    public var afterRequests: Int
    /// Good answers before the refusal.
    public var afterAnswers: Int

    /// Creates a refusal record.
    public init(status: Int, afterRequests: Int, afterAnswers: Int) {
        self.status = status
        self.afterRequests = afterRequests
        self.afterAnswers = afterAnswers
    }
}
