import ConvfuzzOracle
import ConvfuzzReferenceServer
import ConvfuzzResults
import Testing
@testable import ConvfuzzRunner

/// `--checks` / `--exclude-checks` in a whole run, over the scripted reference application (no sockets).
@Suite("Check selection in a run")
struct CheckSelectionRunTests {
    static func run(_ fault: ReferenceFault, checks: String?, exclude: String? = nil) throws -> (RunResult, ScriptedTransport) {
        let transport = try ScriptedTransport(fault: fault)
        let selection = checks == nil && exclude == nil ? nil : try CheckSelection.parse(checks: checks, exclude: exclude)
        let configuration = PhaseFixtures.configuration { $0.checks = selection }
        return (try Runner(configuration: configuration, transport: transport).run(), transport)
    }

    @Test func walkChecksAloneSendNoCaseNoAuthProbeNoRelation() throws {
        let (result, transport) = try Self.run(.cursorRepeatsItem, checks: "CF-WALK-*")
        let checks = Set(result.findings.map(\.finding.check))
        #expect(!checks.isEmpty)
        #expect(checks.allSatisfy { $0.category == .walk }, "\(checks)")
        #expect(checks.contains(.walkDup))
        #expect(result.statistics.cases == 0)
        #expect(result.statistics.relations == 0)
        #expect(result.statistics.phasesSkipped == ["auth", "cases", "relations"])
        #expect(result.coverageGaps.isEmpty, "no case was sent, so no cell is a gap")
        #expect(result.settings.checks?.included == "CF-WALK-*")
        #expect(result.statistics.requests == transport.sent.count)
        #expect(result.statistics.walks > 0)

        let (whole, wholeTransport) = try Self.run(.cursorRepeatsItem, checks: nil)
        #expect(whole.statistics.phasesSkipped == nil)
        #expect(whole.settings.checks == nil)
        // At least the 240 cases, the auth probes and the relation walks are not sent.
        #expect(transport.sent.count + 240 < wholeTransport.sent.count,
                "\(transport.sent.count) requests with walk checks only, \(wholeTransport.sent.count) with every check")
        // The walks start from the same valid cases, so a walk finding of the whole run is found again.
        let walkSignatures = Set(whole.findings.filter { $0.finding.check.category == .walk }.map(\.finding.signature))
        let selectedSignatures = Set(result.findings.map(\.finding.signature))
        #expect(!walkSignatures.isEmpty)
        #expect(walkSignatures.filter { $0.hasPrefix("CF-WALK-DUP") }.isSubset(of: selectedSignatures))
    }

    @Test func anExcludedCheckIsNeverReportedAndTheRestStill() throws {
        let (result, _) = try Self.run(.cursorRepeatsItem, checks: nil, exclude: "CF-WALK-DUP")
        let checks = Set(result.findings.map(\.finding.check))
        #expect(!checks.contains(.walkDup))
        #expect(checks.contains(.walkOrder), "\(checks)")
        #expect(result.statistics.phasesSkipped == nil)
    }

    @Test func aResponseCheckAloneSkipsWalkingPhasesItCannotUse() throws {
        let (result, _) = try Self.run(.acceptPageSize101, checks: "CF-STATUS-ACCEPTED")
        #expect(result.findings.map(\.finding.check) == [.statusAccepted])
        #expect(result.statistics.cases == 240)
        #expect(result.statistics.phasesSkipped == ["auth", "relations"])
    }

    @Test func everyCheckAloneLeavesAPhaseThatCanReportIt() throws {
        let (context, _) = try PhaseFixtures.context()
        let runner = Runner(configuration: context.configuration)
        for check in CheckID.allCases where check != .retryRate {
            let selection = try CheckSelection.parse(checks: check.rawValue, exclude: nil)
            let (running, _) = Runner.split(runner.phases, under: selection)
            let reporting = running.filter { phase in
                phase.reportableChecks?.contains(check)
                    ?? (phase.name == .cases && CasePhase.sendsCases(under: selection) && CheckID.responseChecks.contains(check))
            }
            #expect(!reporting.isEmpty, "no phase runs that can report \(check.rawValue)")
        }
    }

    @Test func aRequestBudgetIsSharedAmongTheFamiliesThatRun() {
        let every = RequestPlanner(limit: 1_000, confirmShare: 0.2)
        let walksOnly = RequestPlanner(limit: 1_000, confirmShare: 0.2, running: [.corpus, .probes, .walks])
        #expect(walksOnly.running == [.corpus, .probes, .walks])
        #expect(every.share(of: .probes, remaining: 800) == 600 / 3)
        #expect(walksOnly.share(of: .probes, remaining: 800) == 600 / 2)
        #expect(walksOnly.share(of: .walks, remaining: 500) == 300)
    }
}
