import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzReferenceServer
import ConvfuzzResults
import ConvfuzzTestSupport
import Foundation
import Testing
@testable import ConvfuzzRunner

/// `convfuzz replay` of a stored finding of every plan kind exits 1 against the faulty server and 0
/// against the correct one. The CLI's exit status is ``ReplayVerdict/exitCode`` of what
/// ``Runner/replayFiles(_:)`` returns, so both are exercised here, over the scripted reference application.
@Suite("Replay exit status for every kind of finding")
struct ReplayExitTests {
    /// Where a stored finding comes from: a fault and the phase that finds it.
    struct Source: Sendable, CustomStringConvertible {
        var fault: ReferenceFault
        var kind: ReplayPlan.Kind
        var secondKey = false
        var relationBudget: Int?
        var find: @Sendable (PhaseContext, Discovery, [GeneratedCase]) throws -> [FindingLog.Entry]

        var description: String { fault.rawValue }
    }

    private static func phase(_ make: @escaping @Sendable (PhaseContext) -> any Phase) -> @Sendable (PhaseContext, Discovery, [GeneratedCase]) throws -> [FindingLog.Entry] {
        { context, discovery, valid in try make(context).run(PhaseInput(discovery: discovery, validCases: valid)).findings.ordered }
    }

    static let sources: [Source] = [
        Source(fault: .acceptPageSize101, kind: .generatedCase, find: phase { CasePhase(context: $0) }),
        Source(fault: .schemaRatingString, kind: .request, find: phase { PreflightPhase(context: $0) }),
        Source(fault: .cursorRepeatsItem, kind: .walk, find: { context, _, _ in PhaseFixtures.discovered(context).findings.ordered }),
        Source(fault: .cursorSkipsItem, kind: .walk, find: phase { WalkPhase(context: $0) }),
        // A shrunk walk: the first two pages at page size 1 against the first page at page size 100.
        Source(fault: .cursorSkipsItem, kind: .walk, find: { context, discovery, _ in
            let plan = ReplayPlan.walk(query: "page_size=1", pageSize: 1, companion: "page_size=100", pages: 2)
            var tally = WalkTally()
            let findings = Replayer(context: context, discovery: discovery).run(plan, tally: &tally)
            return findings.filter { $0.check == .walkPageSize }.map {
                FindingLog.Entry(finding: $0, plan: plan, source: .run, occurrences: 1)
            }
        }),
        Source(fault: .ascIgnored, kind: .relation, find: phase { WalkPhase(context: $0) }),
        Source(fault: .cursorReuseRejected, kind: .relation, find: phase { WalkPhase(context: $0) }),
        Source(fault: .userIDIgnored, kind: .metamorphic, relationBudget: 24, find: phase { RelationPhase(context: $0) }),
        Source(fault: .missingKeyAccepted, kind: .auth, find: phase { AccessPhase(context: $0) }),
        Source(fault: .crossWorkspaceListLeak, kind: .tenancy, secondKey: true, find: phase { AccessPhase(context: $0) }),
    ]

    /// The exit status of replaying `file` against the scripted server with `fault` (nil: the correct one).
    private static func replayStatus(_ file: String, fault: ReferenceFault?, secondKey: Bool) throws -> (Int32, [CorpusReplayOutcome]) {
        let (context, transport) = try PhaseFixtures.context(fault: fault, secondKey: secondKey)
        let outcomes = try Runner(configuration: context.configuration, transport: transport).replayFiles([file])
        return (ReplayVerdict(outcomes).exitCode, outcomes)
    }

    @Test(arguments: sources)
    func aStoredFindingExitsOneOnTheFaultAndZeroWhenFixed(_ source: Source) throws {
        let (context, _) = try PhaseFixtures.context(fault: source.fault, secondKey: source.secondKey) { configuration in
            if let budget = source.relationBudget { configuration.relationBudget = budget }
        }
        let discovery = PhaseFixtures.discovery(context)
        let valid = PhaseFixtures.cases(context, discovery).summary.validCases
        let entries = try source.find(context, discovery, valid)
        let entry = try #require(entries.first { source.fault.checkIDs.contains($0.finding.check.rawValue) && $0.plan.kind == source.kind },
                                 "\(source.fault.rawValue) finds one of \(source.fault.checkIDs) in a \(source.kind) plan: \(entries.map(\.finding.signature))")
        let directory = TestPaths.temporaryFile("replay-exit")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = try #require(CorpusRecording(context: context, directory: directory, startedAt: "2026-12-07T00:00:00Z")
            .store(entry.finding, replay: entry.plan))

        let (faulty, faultyOutcomes) = try Self.replayStatus(file, fault: source.fault, secondKey: source.secondKey)
        #expect(faulty == 1, "\(entry.plan.kind) against \(source.fault.rawValue): \(faultyOutcomes.map(\.detail))")
        let (fixed, fixedOutcomes) = try Self.replayStatus(file, fault: nil, secondKey: source.secondKey)
        #expect(fixed == 0, "\(entry.plan.kind) against the correct server: \(fixedOutcomes.map(\.detail))")
    }

    @Test func everyKindOfPlanIsCovered() {
        #expect(Set(Self.sources.map(\.kind)) == Set(ReplayPlan.Kind.allCases), "a new kind of plan needs a source here")
    }

    @Test func theVerdictOfOutcomes() {
        func outcome(fails: Bool, unjudged: String? = nil) -> CorpusReplayOutcome {
            var outcome = CorpusReplayOutcome(file: "f", check: "CF-X", stillFails: fails, regenerationAgrees: nil, detail: "d")
            outcome.unjudged = unjudged
            return outcome
        }
        #expect(ReplayVerdict([]) == .passed)
        #expect(ReplayVerdict([outcome(fails: false)]).exitCode == 0)
        #expect(ReplayVerdict([outcome(fails: false), outcome(fails: true)]) == .stillFailing(1))
        #expect(ReplayVerdict([outcome(fails: true), outcome(fails: false, unjudged: "no answer")]).exitCode == 1,
                "a failure wins over an entry that could not be judged")
        #expect(ReplayVerdict([outcome(fails: false, unjudged: "no answer")]) == .unjudged(1))
        #expect(ReplayVerdict([outcome(fails: false, unjudged: "no answer")]).exitCode == 3)
    }
}
