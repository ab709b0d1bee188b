/// Paths into the repository and the shared reference material, for tests.
enum RepoPaths {
    static var root: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }

    static var spec: String { root + "/specs/list-conversations.yaml" }

    /// The endpoint's published OpenAPI extract, vendored in `specs/openapi/` (a copy of
    /// `../shared/api/`, so the tests need nothing outside the checkout).
    static var openAPI: String { root + "/specs/openapi/elevenlabs-list-conversations.openapi.json" }

    static let endpoint = "/v1/convai/conversations"
}
