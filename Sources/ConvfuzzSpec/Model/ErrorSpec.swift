/// How the target reports an invalid request.
public struct ErrorSpec: Sendable, Equatable {
    /// The status of a validation error.
    public var validationStatus: Int
    /// The first element of each `loc`.
    public var locPrefix: String
    /// Statuses from here up are server errors.
    public var serverErrorFloor: Int
    /// Statuses a server may give a request that exceeds its size limits (413, 414, 431).
    public var requestLimitStatuses: [Int]
    /// The request-target length (bytes) every server must accept; above it the limit statuses are allowed.
    public var requestLimitFloor: Int
    /// The media type of a validation error body (`errors.media_type`, default `application/json`), lower case.
    public var mediaType: String

    /// Creates an error spec.
    public init(validationStatus: Int = 422, locPrefix: String = "query", serverErrorFloor: Int = 500,
                requestLimitStatuses: [Int] = [413, 414, 431], requestLimitFloor: Int = 8192,
                mediaType: String = "application/json") {
        self.mediaType = mediaType
        self.validationStatus = validationStatus
        self.locPrefix = locPrefix
        self.serverErrorFloor = serverErrorFloor
        self.requestLimitStatuses = requestLimitStatuses
        self.requestLimitFloor = requestLimitFloor
    }
}
