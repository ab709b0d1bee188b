/// What a request source hands ``HTTPBatchClient/stream(next:deliver:)`` when a slot is free.
public enum StreamPull: Sendable {
    /// The next request, with the caller's tag (handed back with its result) and its total timeout
    /// (nil: the configured one).
    case request(tag: Int, HTTPRequest, timeout: Double?)
    /// Nothing is ready yet: ask again within this many seconds (or sooner, after ``HTTPBatchClient/wakeUp()``).
    case wait(Double)
    /// Nothing more will come: the stream ends once the transfers in flight have ended.
    case end
}
