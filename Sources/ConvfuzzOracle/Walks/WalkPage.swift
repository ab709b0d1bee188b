import ConvfuzzJSON
import ConvfuzzSpec

/// One request of a cursor walk.
public struct WalkPage: Sendable, Hashable {
    /// The response.
    public var response: ObservedResponse
    /// The parsed page, when the response was a readable success.
    public var page: Page?
    /// The cursor sent for this page (nil for the first page).
    public var cursorSent: String?
    /// The page's response findings, when it was checked as it arrived and then kept slim (its items
    /// reduced to the fields walk checks read, its body to what evidence shows): ``WalkOracle`` uses
    /// these instead of checking the page again.
    public var checked: [Finding]?

    /// Creates a walk page.
    public init(response: ObservedResponse, page: Page?, cursorSent: String?, checked: [Finding]? = nil) {
        self.response = response
        self.page = page
        self.cursorSent = cursorSent
        self.checked = checked
    }

    // MARK: Slim pages

    /// The fields walk-level checks and comparisons read from an item: the id, the time field (growth
    /// window) and the order key and tie-break.
    public static func walkFields(_ spec: Spec) -> [String] {
        let pagination = spec.pagination
        var fields = [pagination.idField, pagination.order.key]
        if let tie = pagination.order.tieBreak { fields.append(tie) }
        if let time = pagination.timeField { fields.append(time) }
        return fields
    }

    /// This page, already checked (`findings`), with items cut to `fields` and the body to the bytes an
    /// evidence excerpt shows (the excerpt of the slim page equals the full page's).
    public func slimmed(findings: [Finding], fields: [String]) -> WalkPage {
        var copy = self
        copy.checked = findings
        if let page {
            let items = page.items.map { item -> JSONValue in
                guard let object = item.objectValue else { return item }
                return .object(JSONObject(fields.compactMap { field in object[field].map { (key: field, value: $0) } }))
            }
            copy.page = Page(items: items, ids: page.ids, hasMore: page.hasMore, nextCursor: page.nextCursor,
                             nextCursorValue: page.nextCursorValue, json: .null)
        }
        let keep = 4 * Excerpt.limit + 1
        if copy.response.body.count > keep { copy.response.body = Array(copy.response.body.prefix(keep)) }
        return copy
    }
}
