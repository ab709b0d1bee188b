/// The full URL of an encoded query at an endpoint: the one place a query is joined to its endpoint
/// (the gateway's requests and the reports' reproduction lines alike).
public enum EndpointURL {
    /// `endpoint?query`, or the endpoint alone for an empty query.
    public static func joining(_ endpoint: String, query: String) -> String {
        query.isEmpty ? endpoint : endpoint + "?" + query
    }
}
