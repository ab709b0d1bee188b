import CCurl

/// `curl_global_init` exactly once, lazily and thread-safely (a Swift static
/// `let` is initialised under `swift_once`).
enum CurlGlobal {
    /// Touch this before creating any curl handle.
    static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

    /// Runs the one-time initialisation; traps if libcurl cannot initialise.
    static func ensure() {
        precondition(initialized, "curl_global_init failed")
    }
}
