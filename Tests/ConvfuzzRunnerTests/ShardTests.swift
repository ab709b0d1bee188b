@testable import ConvfuzzResults
import Foundation
import Testing
@testable import ConvfuzzRunner

@Suite("Shards")
struct ShardTests {
    @Test func parsesIOfN() {
        #expect(Shard(parsing: "2/4") == Shard(index: 2, count: 4))
        #expect(Shard(parsing: "1/1")?.isWhole == true)
        for bad in ["0/4", "5/4", "2", "2/", "/4", "a/b", "-1/4", "2/4/1", " 2/4", "2/0", "+2/4", "٢/٤"] {
            #expect(Shard(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func shardsPartitionEveryPhase() throws {
        for count in 1...6 {
            for total in [0, 1, 2, 5, 17, 100] {
                var seen: [Int] = []
                for index in 1...count {
                    let shard = try #require(Shard(index: index, count: count))
                    let owned = shard.owned(of: total)
                    #expect(owned.allSatisfy(shard.owns))
                    #expect((0..<total).filter(shard.owns) == owned)
                    seen += owned
                }
                #expect(seen.sorted() == Array(0..<total), "\(count) shards of \(total)")
            }
        }
    }

    @Test func workLogsRoundTripCompactly() throws {
        var log = WorkLog()
        log.plan(.cases, total: 2_000)
        for unit in Shard(index: 2, count: 4)!.owned(of: 2_000) { log.did(.cases, unit) }
        log.plan(.walks, total: 5)
        for unit in [0, 3, 4] { log.did(.walks, unit) }
        let data = try JSONEncoder().encode(log)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("1-1997\\/4") || text.contains("1-1997/4"), "\(text)")
        #expect(text.count < 200)
        #expect(try JSONDecoder().decode(WorkLog.self, from: data) == log)
        for sample in [[], [7], [1, 2], [0, 2, 4, 5, 9, 13, 17], [3, 4, 5, 6, 10]] {
            #expect(IndexRuns.parse(IndexRuns.format(sample)) == sample)
        }
        for bad in ["x", "1-", "5-1/1", "1-9/0", "1,,2"] { #expect(IndexRuns.parse(bad) == nil, "\(bad)") }
    }
}
