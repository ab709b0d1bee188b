import ConvfuzzOracle
import ConvfuzzTransport

// MARK: - From the transport to the oracle's values

extension ObservedResponse {
    /// Records the transport's result for a request, as the oracle's value.
    public init(query: String, result: Result<HTTPResponse, TransportError>) {
        switch result {
        case .success(let response):
            var headers: [String: String] = [:]
            for header in response.headers { headers[header.name.lowercased()] = header.value }
            self.init(query: query, status: response.status, headers: headers, body: response.body)
        case .failure(let error):
            self.init(query: query, status: nil, transportError: error.description, transportFailure: TransportFailure(error))
        }
    }
}

extension TransportFailure {
    /// The oracle's kind of a transport error.
    public init(_ error: TransportError) {
        switch error {
        case .couldNotConnect: self = .connect
        case .timedOut: self = .timeout
        case .stalled: self = .stall
        case .responseTooLarge, .batchTooLarge: self = .tooLarge
        case .truncated: self = .truncated
        case .invalidURL, .other: self = .other
        }
    }
}
