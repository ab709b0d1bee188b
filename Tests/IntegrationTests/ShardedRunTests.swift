import ConvfuzzReferenceServer
import ConvfuzzReport
import ConvfuzzResults
import ConvfuzzRunner
import Foundation
import Testing

@Suite("Sharded runs")
struct ShardedRunTests {
    /// Small budgets that still reach every phase.
    static func budgets(_ configuration: inout RunConfiguration) {
        configuration.maxCases = 240
        configuration.walkSample = 6
        configuration.relationBudget = 18
    }

    @Test(arguments: [ReferenceFault.cursorSkipsItem, .afterExclusive])
    func fourShardsMergedEqualOneUnshardedRun(_ fault: ReferenceFault) async throws {
        let server = ReferenceServerConfiguration(size: 300, fault: fault)
        let whole = try await Harness.run(seed: 7, server: server, configure: Self.budgets)
        var shards: [RunResult] = []
        for index in 1...4 {
            shards.append(try await Harness.run(seed: 7, server: server) { configuration in
                Self.budgets(&configuration)
                configuration.shard = Shard(index: index, count: 4)!
                configuration.targetIdentity = "reference server, fault \(fault.rawValue)"
            })
        }
        // Nothing twice, nothing missing: per phase, the shards' units are disjoint and add up to the whole run's.
        for phase in PhaseName.sharded {
            let units = shards.flatMap { $0.work.done(phase) }
            #expect(Set(units).count == units.count, "\(phase) done twice")
            #expect(units.sorted() == whole.work.done(phase), "\(phase)")
            for shard in shards { #expect(shard.work.phases[phase]?.planned == whole.work.phases[phase]?.planned) }
        }
        #expect(whole.work.done(.cases) == Array(0..<240))
        #expect(!whole.work.done(.walks).isEmpty && !whole.work.done(.relations).isEmpty && !whole.work.done(.probes).isEmpty)
        #expect(shards.map(\.statistics.cases).reduce(0, +) == whole.statistics.cases)
        #expect(shards.map(\.statistics.relations).reduce(0, +) == whole.statistics.relations)

        // Merged through the JSON reports, as `convfuzz merge` does.
        let inputs = try shards.enumerated().map { offset, result in
            let text = try JSONReport.render(ReportContext(result: result, redactor: Redactor(secrets: [])))
            return ReportMerger.Input(file: "shard-\(offset + 1).json",
                                      result: try JSONReportReader.read(data: Data(text.utf8), file: "shard-\(offset + 1).json"))
        }
        let merged = try ReportMerger.merge(inputs.reversed())
        let mergedSignatures = merged.findings.map(\.finding.signature)
        #expect(Set(mergedSignatures).count == mergedSignatures.count)
        #expect(Set(mergedSignatures) == Set(whole.findings.map(\.finding.signature)),
                "merged:\n\(Harness.describe(merged))\nwhole:\n\(Harness.describe(whole))")
        #expect(Set(merged.gatingFindings.map(\.finding.signature)) == Set(whole.gatingFindings.map(\.finding.signature)))
        #expect(merged.exitCode == whole.exitCode && whole.exitCode == 1)
        for check in fault.checkIDs { #expect(merged.findings.contains { $0.finding.check.rawValue == check }) }
        #expect(merged.statistics.cases == whole.statistics.cases)
        #expect(merged.work.done(.cases) == whole.work.done(.cases))
        #expect(merged.shard.isWhole)
    }
}
