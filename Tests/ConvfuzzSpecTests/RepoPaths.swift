/// Paths into the repository for tests.
enum RepoPaths {
    static var root: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }

    static var spec: String { root + "/specs/list-conversations.yaml" }
}
