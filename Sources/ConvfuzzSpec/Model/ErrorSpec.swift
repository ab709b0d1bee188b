/// How the target reports an invalid request.
public struct ErrorSpec: Sendable, Equatable {
    /// The status of a validation error.
    public var validationStatus: Int
    /// The first element of each `loc`.
    public var locPrefix: String
    /// Statuses from here up are server errors.
    public var serverErrorFloor: Int

    /// Creates an error spec.
    public init(validationStatus: Int = 422, locPrefix: String = "query", serverErrorFloor: Int = 500) {
        self.validationStatus = validationStatus
        self.locPrefix = locPrefix
        self.serverErrorFloor = serverErrorFloor
    }
}
