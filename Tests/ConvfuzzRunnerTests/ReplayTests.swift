import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzReferenceServer
import ConvfuzzSpec
import Foundation
import Testing
@testable import ConvfuzzRunner

/// A plan is judged by one replayer live and on re-run: every kind of stored plan, re-run against the
/// fault that produced it (after a round trip through its stored JSON form), finds the identical signature.
@Suite("Replay plans re-run to the same signature")
struct ReplayTests {
    /// The entries a phase found against `fault`, with the context that found them.
    private static func found(_ fault: ReferenceFault, secondKey: Bool = false, configure: (inout RunConfiguration) -> Void = { _ in },
                              phase: (PhaseContext, Discovery, [GeneratedCase]) throws -> PhaseOutput)
        throws -> (context: PhaseContext, entries: [FindingLog.Entry]) {
        let (context, _) = try PhaseFixtures.context(fault: fault, secondKey: secondKey, configure)
        let discovery = PhaseFixtures.discovery(context)
        let validCases = PhaseFixtures.cases(context, discovery).summary.validCases
        return (context, try phase(context, discovery, validCases).findings.ordered)
    }

    /// Stores the plan as a corpus entry does, reads it back, re-runs it against a fresh discovery and
    /// returns the signatures the re-run finds.
    private static func rerun(_ plan: ReplayPlan, context: PhaseContext) throws -> Set<String> {
        let stored = try JSONDecoder().decode(ReplayPlan.self, from: JSONEncoder().encode(plan))
        #expect(stored == plan, "a plan survives its stored form")
        var tally = WalkTally()
        return Set(Replayer(context: context, discovery: PhaseFixtures.discovery(context)).run(stored, tally: &tally).map(\.signature))
    }

    @Test func everyKindOfPlanReRunsToTheIdenticalSignature() throws {
        typealias Source = (fault: ReferenceFault, secondKey: Bool, configure: (inout RunConfiguration) -> Void,
                            phase: (PhaseContext, Discovery, [GeneratedCase]) throws -> PhaseOutput)
        let sources: [Source] = [
            (.acceptPageSize101, false, { _ in }, { context, discovery, _ in
                CasePhase(context: context).run(PhaseInput(discovery: discovery)) }),
            (.schemaRatingString, false, { _ in }, { context, discovery, _ in
                try PreflightPhase(context: context).run(PhaseInput(discovery: discovery)) }),
            (.cursorRepeatsItem, false, { _ in }, { context, _, _ in PhaseFixtures.discovered(context) }),
            (.cursorSkipsItem, false, { _ in }, { context, discovery, valid in
                WalkPhase(context: context).run(PhaseInput(discovery: discovery, validCases: valid)) }),
            (.ascIgnored, false, { _ in }, { context, discovery, valid in
                WalkPhase(context: context).run(PhaseInput(discovery: discovery, validCases: valid)) }),
            (.cursorReuseRejected, false, { _ in }, { context, discovery, valid in
                WalkPhase(context: context).run(PhaseInput(discovery: discovery, validCases: valid)) }),
            (.userIDIgnored, false, { $0.relationBudget = 24 }, { context, discovery, valid in
                RelationPhase(context: context).run(PhaseInput(discovery: discovery, validCases: valid)) }),
            (.missingKeyAccepted, false, { _ in }, { context, discovery, _ in
                try AccessPhase(context: context).run(PhaseInput(discovery: discovery)) }),
            (.crossWorkspaceListLeak, true, { _ in }, { context, discovery, _ in
                try AccessPhase(context: context).run(PhaseInput(discovery: discovery)) }),
        ]
        var kinds = Set<ReplayPlan.Kind>()
        var pageSizeCompanions = 0
        for source in sources {
            let (context, entries) = try Self.found(source.fault, secondKey: source.secondKey, configure: source.configure,
                                                     phase: source.phase)
            let caught = entries.filter { source.fault.checkIDs.contains($0.finding.check.rawValue) }
            #expect(!caught.isEmpty, "\(source.fault.rawValue): \(entries.map(\.finding.check.rawValue))")
            for entry in caught {
                kinds.insert(entry.plan.kind)
                if case .walk(_, _, let companion?, _) = entry.plan, entry.finding.check.rawValue == "CF-WALK-PAGESIZE",
                   !companion.isEmpty { pageSizeCompanions += 1 }
                let again = try Self.rerun(entry.plan, context: context)
                #expect(again.contains(entry.finding.signature),
                        "\(source.fault.rawValue): \(entry.plan.kind) re-run lost \(entry.finding.signature); found \(again.sorted())")
            }
        }
        #expect(kinds == Set(ReplayPlan.Kind.allCases), "every kind of plan was re-run: \(kinds)")
        #expect(pageSizeCompanions > 0, "a walk compared with its companion at another page size was re-run")
    }
}
