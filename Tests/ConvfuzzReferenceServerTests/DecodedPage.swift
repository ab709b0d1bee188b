import Foundation

/// A decoded 200 page.
struct DecodedPage {
    let items: [[String: Any]]
    let hasMore: Bool
    let nextCursor: String?

    var ids: [String] { items.map { $0["conversation_id"] as! String } }
}
