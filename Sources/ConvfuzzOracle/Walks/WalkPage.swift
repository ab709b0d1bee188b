/// One request of a cursor walk.
public struct WalkPage: Sendable, Hashable {
    /// The response.
    public var response: ObservedResponse
    /// The parsed page, when the response was a readable success.
    public var page: Page?
    /// The cursor sent for this page (nil for the first page).
    public var cursorSent: String?

    /// Creates a walk page.
    public init(response: ObservedResponse, page: Page?, cursorSent: String?) {
        self.response = response
        self.page = page
        self.cursorSent = cursorSent
    }
}
