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
        // A target behind a front that refuses requests over 9,000 bytes with 431 (legal above the 8,192-byte floor).
        let transport = ScriptedTransport { request in
            Self.requestBytes(request.url) > 9_000 ? ScriptedTransport.response(431, to: request)
                                                   : ScriptedTransport.response(200, body: Self.emptyPage, to: request)
        }
        let context = PhaseFixtures.context(over: transport) { $0.concurrency = 3 }
        let (outcomes, log, coverage) = Self.ladders(context)
        #expect(log.ordered.isEmpty, "\(log.ordered.map(\.finding.message))")
        let parameters = SizeLadder.parameters(context.spec).map(\.name)
        #expect(outcomes.map(\.parameter) == parameters)
        for outcome in outcomes {
            // 512 … 8,192 bytes of value accepted, 16,384 refused: the 32,768-byte step is never sent.
            #expect(outcome.steps == 6, "\(outcome.parameter)")
            #expect(outcome.stopped)
            #expect(outcome.spans.map(\.answer) == ["200", "431"])
            #expect(outcome.spans[0].toBytes > context.spec.errors.requestLimitFloor)
            #expect(coverage.count(parameter: outcome.parameter, cellClass: "size-ladder") == 6)
        }
        #expect(!coverage.gaps.contains { $0.cellClass == "size-ladder" })
        // Per parameter, steps in ascending order.
        for parameter in parameters {
            let sizes = transport.sent.filter { QueryCodec.pairs(fromQuery: String($0.split(separator: "?", maxSplits: 1).last ?? ""))
                .allSatisfy { $0.name == parameter } }.map(Self.requestBytes)
            #expect(sizes.count == 6 && sizes == sizes.sorted(), "\(parameter): \(sizes)")
        }
        #expect(transport.sent.count == 6 * parameters.count)
        let line = SizeLadderOutcome.summaryLine(outcomes) ?? ""
        // One part for the twelve ladders that changed alike.
        #expect(line.hasPrefix("size ladder (request bytes): " + parameters.joined(separator: ", ") + " 200 up to 8,"), "\(line)")
        #expect(line.contains(", 431 from 16,") && line.hasSuffix("(stopped)") && !line.contains(";"), "\(line)")
    }

    @Test func aSizeStatusOrA5xxBelowTheFloorIsAFindingAndTheLadderGoesOn() {
        // 414 from 3,000 bytes (below the floor: not allowed), 503 for a search over 6,000 bytes.
        let transport = ScriptedTransport { request in
            let bytes = Self.requestBytes(request.url)
            if request.url.contains("?search="), bytes > 6_000, bytes < 9_000 { return ScriptedTransport.response(503, to: request) }
            return bytes > 3_000 ? ScriptedTransport.response(414, to: request)
                                 : ScriptedTransport.response(200, body: Self.emptyPage, to: request)
        }
        let context = PhaseFixtures.context(over: transport)
        let (outcomes, log, _) = Self.ladders(context)
        let search = outcomes.first { $0.parameter == "search" }
        // 512 … 2,048: 200; 4,096: 414 (a finding, goes on); 8,192: 503; 16,384: 414 above the floor, stop.
        #expect(search?.spans.map(\.answer) == ["200", "414", "503", "414"])
        #expect(search?.steps == 6)
        #expect(search?.stopped == true)
        let checks = Set(log.ordered.map(\.finding.check))
        #expect(checks.contains(.statusRejected), "\(checks)")
        #expect(checks.contains(.status5xx), "\(checks)")
        // Every finding re-sends its exact query.
        for entry in log.ordered {
            guard case .request(let query) = entry.plan else { Issue.record("a ladder finding has a request plan"); continue }
            #expect(SizeLadder.requestBytes(context.spec, query: query) <= 9_000)
        }
        let line = SizeLadderOutcome.summaryLine(outcomes) ?? ""
        #expect(line.contains("search 200 up to 2,"), "\(line)")
        #expect(line.contains("503 from 8,"), "\(line)")
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
        #expect(summary.sizeLadders.allSatisfy { $0.steps == 7 && !$0.stopped })
        #expect(!summary.coverage.gaps.contains { $0.cellClass == CoverageTable.sizeLadderClass })
        #expect(output.findings.ordered.isEmpty, "\(output.findings.ordered.map(\.finding.message))")
        // The correct server accepts every step below its own 32 KB request-line limit.
        let (clean, _) = try PhaseFixtures.context()
        let (cleanOutcomes, cleanLog, _) = Self.ladders(clean)
        #expect(cleanLog.ordered.isEmpty, "\(cleanLog.ordered.map(\.finding.message))")
        #expect(cleanOutcomes.allSatisfy { $0.spans.first?.answer == "200" })
    }
}
