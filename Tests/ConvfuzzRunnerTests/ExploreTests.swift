import ConvfuzzResults
import Testing
@testable import ConvfuzzRunner

/// `--explore` past the fixed plan: further cases, larger size ladders, walks over filter combinations
/// not walked yet and further relations, deterministic and cut only by the budget; the run's series
/// over time. Over the reference application in process (no sockets).
@Suite("Exploration: walks, relations, ladders and the series over time")
struct ExploreTests {
    /// Runs a whole run over `transport`.
    private static func run(_ transport: ScriptedTransport, _ configure: (inout RunConfiguration) -> Void) throws -> RunResult {
        try Runner(configuration: PhaseFixtures.configuration(configure), transport: transport).run()
    }

    @Test func exploringGoesOnFromTheSameRunAndIsDeterministic() throws {
        let limit = 1_000
        // Walks side by side may reach the transport in any order; which requests are sent is what is compared.
        let plain = try ScriptedTransport()
        let fixed = try Self.run(plain) { $0.maxRequests = limit; $0.concurrency = 1 }
        let exploring = try ScriptedTransport()
        let explored = try Self.run(exploring) { $0.maxRequests = limit; $0.concurrency = 1; $0.explore = true }
        // Every request of the run without --explore, up to its confirmation, is the explored run's too, in the
        // same order: the first cases, walks and relations are the same, the budget only cuts further on.
        let budget = try #require(fixed.statistics.requestBudget)
        let beforeConfirming = budget.phases.filter { $0.phase != PhaseName.confirming.rawValue }.reduce(0) { $0 + $1.sent }
        #expect(beforeConfirming > 0)
        let first = exploring.sent.prefix(beforeConfirming).sorted()
        let differing = zip(first, plain.sent.prefix(beforeConfirming).sorted()).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(differing == nil, "request \(differing?.offset ?? 0) differs")
        #expect(exploring.sent.count > beforeConfirming)
        #expect(exploring.requests.count <= limit)
        // Past the fixed plan: every kind of new ground, and nothing found against the correct target.
        let exploration = try #require(explored.statistics.exploration)
        #expect(exploration.rounds > 0 && exploration.cases > 0 && exploration.ladderSteps > 0, "\(exploration)")
        #expect(exploration.walks > 0 && exploration.relations > 0, "\(exploration)")
        #expect(explored.statistics.exploredCases == exploration.cases)
        #expect(explored.findings.filter { $0.status != .notice }.isEmpty, "\(explored.findings.map(\.finding.message))")
        // Further ladder rungs go past the fixed ladders' largest request.
        #expect((explored.sizeLadders ?? []).map(\.largestBytes).max() ?? 0 > (fixed.sizeLadders ?? []).map(\.largestBytes).max() ?? 0)
        // The series: a point per phase and per round, never going back.
        let series = try #require(explored.statistics.overTime)
        #expect(series.filter { $0.after.hasPrefix("\(PhaseName.explore.rawValue) ") }.count == exploration.rounds)
        for (earlier, later) in zip(series, series.dropFirst()) {
            #expect(earlier.requests <= later.requests && earlier.coverageCells <= later.coverageCells, "\(earlier) → \(later)")
            #expect(earlier.findings <= later.findings && earlier.findingGroups <= later.findingGroups)
        }
        #expect((series.last?.requests ?? 0) <= explored.statistics.requests)
        // The same seed and bound: the same requests again.
        let again = try ScriptedTransport()
        _ = try Self.run(again) { $0.maxRequests = limit; $0.concurrency = 1; $0.explore = true }
        #expect(again.sent.count == exploring.sent.count && again.sent.sorted() == exploring.sent.sorted(), "the same requests again")
    }

    @Test func casesCutTwiceAreNotedOnce() throws {
        let transport = try ScriptedTransport()
        let result = try Self.run(transport) { $0.maxRequests = 400; $0.maxCases = 2_000; $0.explore = true }
        let budget = try #require(result.statistics.requestBudget)
        let notes = budget.cuts.filter { $0.hasPrefix("cases ") }
        #expect(notes.count == 1, "\(budget.cuts)")
        #expect(notes.first?.contains("resumed after the other families") == true, "\(notes)")
        #expect(result.statistics.casesCut == nil, "\(result.statistics.casesCut ?? "")")
    }

    @Test func theSeriesCountsFindingsAndTheirGroups() throws {
        let transport = try ScriptedTransport(fault: .acceptPageSize101)
        let result = try Self.run(transport) { $0.maxRequests = 600 }
        let series = try #require(result.statistics.overTime)
        let last = try #require(series.last)
        let unique = result.findings.filter { $0.status != .notice }
        #expect(last.findings == unique.count)
        #expect(last.findingGroups == FindingGrouper.groups(unique).count)
        #expect(last.findingGroups > 0)
        #expect(series.map(\.after).starts(with: [PhaseName.preflight.rawValue, PhaseName.discovery.rawValue]))
    }
}
