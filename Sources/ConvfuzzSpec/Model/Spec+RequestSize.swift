extension Spec {
    /// The bytes of a request that the spec's request-size floor counts: the path, `?` and the query.
    public func requestBytes(query: String) -> Int {
        endpoint.path.utf8.count + 1 + query.utf8.count
    }

    /// True when `status` is a size-limit status the spec allows for this request: one of
    /// `errors.request_limit_statuses` on a request longer than `errors.request_limit_floor`.
    public func allowsSizeRefusal(status: Int, requestBytes: Int) -> Bool {
        errors.requestLimitStatuses.contains(status) && requestBytes > errors.requestLimitFloor
    }
}
