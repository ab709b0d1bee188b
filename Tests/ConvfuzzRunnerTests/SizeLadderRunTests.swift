import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzReferenceServer
import ConvfuzzResults
import ConvfuzzSpec
import ConvfuzzTransport
import Foundation
import Testing
@testable import ConvfuzzRunner

/// The case phase's size ladders over a scripted transport: order, the stop rule, and how steps are judged.
@Suite("Size ladders, run")
struct SizeLadderRunTests {
    /// A valid, empty page.
    static let emptyPage = #"{"conversations":[],"has_more":false,"next_cursor":null}"#

    /// Runs the ladders of a context with the profile's pools (no discovery sent).
    static func ladders(_ context: PhaseContext) -> (outcomes: [SizeLadderOutcome], log: FindingLog, coverage: CoverageTable) {
        var log = context.findingLog(known: [])
        var coverage = CoverageTable(spec: context.spec, walks: true)
        let discovery = Discovery(pools: ValuePools(profile: context.configuration.profile))
        let outcomes = CasePhase(context: context).runLadders(discovery, findings: &log, coverage: &coverage)
        return (outcomes, log, coverage)
    }

    /// The request bytes the floor counts for a URL the scripted transport saw.
    static func requestBytes(_ url: String) -> Int { url.utf8.count - ScriptedTransport.base.utf8.count }

    @Test func stepsGoUpInOrderAndStopAtTheFirstSizeStatusAboveTheFloor() {
        // A target behind a front that refuses requests over 4,000 bytes with 431: legal above the
        // 8,192-byte floor, a finding below it.
        let transport = ScriptedTransport { request in
            Self.requestBytes(request.url) > 4_000 ? ScriptedTransport.response(431, to: request)
                                                   : ScriptedTransport.response(200, body: Self.emptyPage, to: request)
        }
        let context = PhaseFixtures.context(over: transport) { $0.concurrency = 3 }
        let (outcomes, log, coverage) = Self.ladders(context)
        #expect(log.ordered.map(\.finding.check) == [.statusRejected], "\(log.ordered.map(\.finding.message))")
        #expect(log.ordered.first?.occurrences == SizeLadder.parameters(context.spec).count, "the 4 KB step of each ladder")
        let parameters = SizeLadder.parameters(context.spec).map(\.name)
        #expect(outcomes.map(\.parameter) == parameters)
        for outcome in outcomes {
            // 512 … 2,048 bytes of value accepted, 4,096 refused (below the floor: on), 8,192 refused
            // above the floor: stop; the 16,384-byte step is never sent.
            #expect(outcome.steps == 5, "\(outcome.parameter)")
            #expect(outcome.stopped)
            #expect(outcome.spans.map(\.answer) == ["200", "431"])
            #expect(outcome.spans[1].toBytes > context.spec.errors.requestLimitFloor)
            #expect(coverage.count(parameter: outcome.parameter, cellClass: "size-ladder") == 5)
        }
        #expect(!coverage.gaps.contains { $0.cellClass == "size-ladder" })
        // Per parameter, steps in ascending order.
        for parameter in parameters {
            let sizes = transport.sent.filter { QueryCodec.pairs(fromQuery: String($0.split(separator: "?", maxSplits: 1).last ?? ""))
                .allSatisfy { $0.name == parameter } }.map(Self.requestBytes)
            #expect(sizes.count == 5 && sizes == sizes.sorted(), "\(parameter): \(sizes)")
        }
        #expect(transport.sent.count == 5 * parameters.count)
        let line = SizeLadderOutcome.summaryLine(outcomes) ?? ""
        // One part for the twelve ladders that changed alike.
        #expect(line.hasPrefix("size ladder (request bytes): " + parameters.joined(separator: ", ") + " 200 up to 2,"), "\(line)")
        #expect(line.contains(", 431 from 4,") && line.hasSuffix("(stopped)") && !line.contains(";"), "\(line)")
    }

    @Test func aSizeStatusOrA5xxBelowTheFloorIsAFindingAndTheLadderGoesOn() {
        // 414 from 3,000 bytes (below the floor: not allowed), but 503 for a search of 3,000 to 6,000 bytes.
        let transport = ScriptedTransport { request in
            let bytes = Self.requestBytes(request.url)
            if request.url.contains("?search="), bytes > 3_000, bytes < 6_000 { return ScriptedTransport.response(503, to: request) }
            return bytes > 3_000 ? ScriptedTransport.response(414, to: request)
                                 : ScriptedTransport.response(200, body: Self.emptyPage, to: request)
        }
        let context = PhaseFixtures.context(over: transport)
        let (outcomes, log, _) = Self.ladders(context)
        let search = outcomes.first { $0.parameter == "search" }
        // 512 … 2,048: 200; 4,096: 503 (a finding, goes on); 8,192: 414 above the floor, stop.
        #expect(search?.spans.map(\.answer) == ["200", "503", "414"])
        #expect(search?.steps == 5)
        #expect(search?.stopped == true)
        // Every other ladder: a 414 below the floor (a finding, goes on), then above it (stop).
        #expect(outcomes.filter { $0.parameter != "search" }.allSatisfy { $0.spans.map(\.answer) == ["200", "414"] && $0.steps == 5 && $0.stopped })
        let checks = Set(log.ordered.map(\.finding.check))
        #expect(checks.contains(.statusRejected), "\(checks)")
        #expect(checks.contains(.status5xx), "\(checks)")
        // Every finding re-sends its exact query.
        for entry in log.ordered {
            guard case .request(let query) = entry.plan else { Issue.record("a ladder finding has a request plan"); continue }
            #expect(context.spec.requestBytes(query: query) <= 9_000)
        }
        let line = SizeLadderOutcome.summaryLine(outcomes) ?? ""
        #expect(line.contains("search 200 up to 2,"), "\(line)")
        #expect(line.contains("search 200 up to 2,") && line.contains(" bytes, 503 from 4,") && line.contains(", 414 from 8,"), "\(line)")
        #expect(line.contains("(stopped)"), "\(line)")
    }

    @Test func theReferenceFaultsPatternLimitIsCaughtBelowTheFloor() throws {
        let (context, _) = try PhaseFixtures.context(fault: .searchPatternLimit)
        let (outcomes, log, _) = Self.ladders(context)
        let server5xx = log.ordered.filter { $0.finding.check == .status5xx }
        #expect(!server5xx.isEmpty)
        #expect(server5xx.allSatisfy { entry in
            if case .request(let query) = entry.plan { return query.hasPrefix("search=") }
            return false
        })
        let search = outcomes.first { $0.parameter == "search" }
        #expect(search?.spans.map(\.answer) == ["200", "500", "414"])
        #expect(search?.stopped == true)
        // The re-run of the finding's plan reproduces it.
        if let entry = server5xx.first {
            var tally = WalkTally()
            let again = Replayer(context: context, discovery: Discovery(pools: ValuePools(profile: context.configuration.profile)))
                .run(entry.plan, tally: &tally)
            #expect(again.map(\.signature).contains(entry.finding.signature))
        }
        // Through the whole case phase (after its stream of cases): every ladder sent, no gap.
        let (phaseContext, _) = try PhaseFixtures.context { $0.maxCases = 40 }
        let (output, summary) = PhaseFixtures.cases(phaseContext, Discovery(pools: ValuePools(profile: phaseContext.configuration.profile)))
        #expect(summary.sizeLadders.map(\.parameter) == SizeLadder.parameters(phaseContext.spec).map(\.name))
        #expect(summary.sizeLadders.allSatisfy { $0.steps == 6 && !$0.stopped })
        #expect(!summary.coverage.gaps.contains { $0.cellClass == CoverageTable.sizeLadderClass })
        #expect(output.findings.ordered.isEmpty, "\(output.findings.ordered.map(\.finding.message))")
        // The correct server accepts every step (its own request-line limit is 32 KB).
        let (clean, _) = try PhaseFixtures.context()
        let (cleanOutcomes, cleanLog, _) = Self.ladders(clean)
        #expect(cleanLog.ordered.isEmpty, "\(cleanLog.ordered.map(\.finding.message))")
        #expect(cleanOutcomes.allSatisfy { $0.spans.first?.answer == "200" })
    }
}
