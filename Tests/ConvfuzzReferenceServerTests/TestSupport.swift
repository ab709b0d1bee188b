import Foundation
@testable import ConvfuzzReferenceServer

enum TestSupport {
    static let path = "/v1/convai/conversations"

    static func application(
        size: Int = 400, seed: UInt64 = 7, fault: ReferenceFault? = nil, apiKey: String? = nil,
        parameterNames: [String: String] = [:], insertEvery: Int? = nil
    ) -> ReferenceApplication {
        try! ReferenceApplication(configuration: ReferenceServerConfiguration(
            seed: seed, size: size, fault: fault, apiKey: apiKey, parameterNames: parameterNames,
            insertEvery: insertEvery))
    }

    static func request(_ app: ReferenceApplication, _ query: String, method: String = "GET",
                        headers: [(name: String, value: String)] = []) -> ReferenceResponse {
        app.handle(method: method, target: query.isEmpty ? path : path + "?" + query, headers: headers)
    }

    static func json(_ response: ReferenceResponse) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])
    }

    static func page(_ app: ReferenceApplication, _ query: String) -> DecodedPage? {
        let response = request(app, query)
        guard response.status == 200, let object = json(response) as? [String: Any],
              let items = object["conversations"] as? [[String: Any]], let hasMore = object["has_more"] as? Bool
        else { return nil }
        return DecodedPage(items: items, hasMore: hasMore, nextCursor: object["next_cursor"] as? String)
    }

    /// The 422 locs of a response (nil when not a 422 list body).
    static func locs(_ response: ReferenceResponse) -> [[String]]? {
        guard response.status == 422, let object = json(response) as? [String: Any],
              let detail = object["detail"] as? [[String: Any]] else { return nil }
        return detail.map { item in (item["loc"] as! [Any]).map { "\($0)" } }
    }

    /// Follows `next_cursor` to the end; returns every id in order (nil on a broken walk).
    static func walk(_ app: ReferenceApplication, _ query: String, pageLimit: Int = 10_000) -> [String]? {
        var ids: [String] = []
        var cursor: String?
        for _ in 0..<pageLimit {
            var full = query
            if let cursor { full += (full.isEmpty ? "" : "&") + "cursor=" + cursor }
            guard let page = page(app, full) else { return nil }
            ids += page.ids
            guard page.hasMore, let next = page.nextCursor else { return ids }
            cursor = next
        }
        return nil
    }

    /// Records in descending order (ties by id descending).
    static func records(size: Int = 400, seed: UInt64 = 7) -> [ReferenceConversationRecord] {
        ReferenceDataset.generate(seed: seed, size: size).records
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed)!
    }
}
