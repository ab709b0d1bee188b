import ConvfuzzTestSupport
import Foundation
import Testing
@testable import ConvfuzzReferenceServer

@Suite("Growth at an insert rate", .ownThreads)
struct InsertRateTests {
    @Test func conversationsFallDueAtTheRateStampedWithTheCurrentSecond() throws {
        let app = try ReferenceApplication(configuration: ReferenceServerConfiguration(seed: 7, size: 50, insertRate: 2_000))
        #expect(app.conversationCount == 50)
        Thread.sleep(forTimeInterval: 0.05)
        let before = Int64(Date().timeIntervalSince1970)
        let page = try #require(TestSupport.page(app, "page_size=100"))
        let after = Int64(Date().timeIntervalSince1970)
        let grown = app.conversationCount - 50
        #expect(grown >= 50, "\(grown) inserted after 50 ms at 2,000/s")
        // The newest items carry the current second, several of them the same one, and the order holds.
        let starts = page.items.compactMap { ($0["start_time_unix_secs"] as? NSNumber)?.int64Value }
        #expect(starts.prefix(grown).allSatisfy { (before...after).contains($0) })
        #expect(Set(starts.prefix(grown)).count < grown)
        #expect(starts == starts.sorted(by: >))
        let ids = page.items.compactMap { $0["conversation_id"] as? String }
        #expect(Set(ids).count == ids.count)
    }

    @Test func aBadRateIsAConfigurationError() {
        #expect(throws: ReferenceServerError.self) {
            _ = try ReferenceApplication(configuration: ReferenceServerConfiguration(insertRate: 0))
        }
        #expect(throws: ReferenceServerError.self) {
            _ = try ReferenceApplication(configuration: ReferenceServerConfiguration(insertRate: -3))
        }
    }
}
