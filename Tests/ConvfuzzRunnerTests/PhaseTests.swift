import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzReferenceServer
import ConvfuzzSpec
import ConvfuzzTransport
import Foundation
import Testing
@testable import ConvfuzzRunner

/// Each phase alone, over a scripted transport (no sockets).
@Suite("Phases, one at a time")
struct PhaseTests {
    // MARK: Gateway

    @Test func theGatewayRetriesCountsAndKeepsOrder() {
        let calls = Counter()
        let transport = ScriptedTransport { request in
            let status = calls.next() == 0 ? 503 : 200
            return .success(HTTPResponse(status: status, headers: [HTTPResponseHeader(name: "Retry-After", value: "0")],
                                         body: Array("{}".utf8), timings: HTTPTimings(connect: 0, startTransfer: 0, total: 0),
                                         effectiveURL: request.url))
        }
        let executor = RequestExecutor(configuration: PhaseFixtures.configuration(), transport: transport)
        let responses = executor.execute(["a=1", "b=2"])
        #expect(responses.map(\.query) == ["a=1", "b=2"])
        #expect(responses.map(\.status) == [200, 200])
        #expect(executor.requests == 3)
        #expect(executor.retried == 1)
    }

    @Test func transportErrorsReachTheOracleAsItsOwnValue() {
        let truncated = ObservedResponse(query: "", result: .failure(.truncated(reason: "transfer closed")))
        #expect(truncated.transportFailure == .truncated)
        let oracle = ResponseOracle(spec: Paths.spec)
        let classification = WireClassifier(spec: Paths.spec).classify([])
        #expect(oracle.check(classification: classification, response: truncated).map(\.signature) == ["CF-BODY-JSON|-|truncated"])
        let big = ObservedResponse(query: "", result: .failure(.responseTooLarge(limit: 10)))
        #expect(oracle.check(classification: classification, response: big).map(\.signature) == ["CF-BODY-JSON|-|too-large"])
        let timeout = ObservedResponse(query: "", result: .failure(.timedOut(url: "http://x", after: 5)))
        let findings = oracle.check(classification: classification, response: timeout)
        #expect(findings.map(\.signature) == ["CF-TRANSPORT|-|timeout"])
        #expect(findings.first?.evidence.first?.excerpt.contains("timed out") == true)
    }

    // MARK: Preflight

    @Test func preflightPassesACleanTargetAndStopsOnARefusal() throws {
        let (context, transport) = try PhaseFixtures.context()
        #expect(try Preflight(context: context).run().findings.count == 0)
        #expect(transport.sent == [context.configuration.endpointURL])
        let refusing = PhaseContext(configuration: PhaseFixtures.configuration(), transport: ScriptedTransport { request in
            .success(HTTPResponse(status: 401, headers: [], body: [], timings: HTTPTimings(connect: 0, startTransfer: 0, total: 0),
                                  effectiveURL: request.url))
        })
        #expect(throws: RunAbort.unauthorized(url: refusing.configuration.endpointURL, status: 401, keySent: false)) {
            try Preflight(context: refusing).run()
        }
        let unreachable = PhaseContext(configuration: PhaseFixtures.configuration(), transport: ScriptedTransport { _ in
            .failure(.couldNotConnect(url: "http://scripted.invalid", reason: "connection refused"))
        })
        #expect { try Preflight(context: unreachable).run() } throws: { ($0 as? RunAbort)?.exitCode == 3 }
    }

    // MARK: Discovery

    @Test func discoveryHarvestsPoolsCursorsAndTheBaseWalk() throws {
        let (context, _) = try PhaseFixtures.context { $0.window = .now }
        let initial = ValuePools(profile: context.configuration.profile)
        let result = DiscoveryPhase(context: context).run(pools: initial)
        let base = try #require(result.discovery.base)
        #expect(base.isComplete)
        #expect(!base.items.isEmpty)
        #expect(result.discovery.issued.count == base.pages.count - 1)
        #expect(result.discovery.pools != initial)
        #expect(result.discovery.windowStart != nil)
        #expect(result.findings.count == 0)
        #expect(context.executor.walked.walks == 1)
    }

    // MARK: Corpus replay

    @Test func corpusReplayRegeneratesWithHarvestedPools() throws {
        let (context, _) = try PhaseFixtures.context()
        let discovery = PhaseFixtures.discovery(context)
        let spec = context.spec
        let seed = context.configuration.seed
        let before = CaseGenerator(spec: spec, pools: ValuePools(profile: context.configuration.profile))
        let after = CaseGenerator(spec: spec, pools: discovery.pools)
        // A case whose bytes depend on a value only discovery harvests.
        let index = try #require((0..<500).first { before.generate(seed: seed, index: $0).queryString
                                                   != after.generate(seed: seed, index: $0).queryString })
        let generated = after.generate(seed: seed, index: index)
        let entry = CorpusEntry(check: "CF-STATUS", signature: "CF-STATUS|-|never", parameter: nil, firstSeen: "2026-01-01",
                                specName: spec.name, specFingerprint: spec.fingerprint, seed: seed,
                                replay: .generatedCase(query: generated.queryString, index: index, choices: generated.choices,
                                                       label: generated.label),
                                message: "m", expected: "e", observed: "o", evidence: [])
        let outcome = CorpusReplay(context: context, discovery: discovery).replay(entry, file: "stored.json").outcome
        #expect(outcome.regenerationAgrees == true)
        #expect(outcome.stillFails == false)
    }

    // MARK: Cases

    @Test func casesAreCheckedAndTheSameSeedGivesTheSameFindings() throws {
        func run() throws -> CasePhase.Result {
            let (context, _) = try PhaseFixtures.context(fault: .acceptPageSize101)
            let discovery = PhaseFixtures.discovery(context)
            return CasePhase(context: context, discovery: discovery, budget: RunBudget(timeBudget: nil, maxFailures: nil)).run()
        }
        let first = try run()
        #expect(first.cases == 300)
        #expect(!first.validCases.isEmpty)
        #expect(first.findings.ordered.contains { $0.finding.check.rawValue == "CF-STATUS-ACCEPTED" })
        #expect(try run().findings.ordered.map(\.finding.signature) == first.findings.ordered.map(\.finding.signature))
    }

    @Test func casesStopAtTheFailureBudget() throws {
        let (context, _) = try PhaseFixtures.context(fault: .acceptPageSize101)
        let discovery = PhaseFixtures.discovery(context)
        let result = CasePhase(context: context, discovery: discovery, budget: RunBudget(timeBudget: nil, maxFailures: 1)).run()
        #expect(result.stoppedEarly == "reached --max-failures 1")
        #expect(result.cases < 300)
    }

    // MARK: Probes

    @Test func filterProbesWalkEachFilterAndCatchAnExclusiveBound() throws {
        let (clean, _) = try PhaseFixtures.context()
        let cleanResult = FilterProbes(context: clean, discovery: PhaseFixtures.discovery(clean)).run()
        #expect(!cleanResult.plans.isEmpty)
        #expect(cleanResult.findings.count == 0)
        let (faulty, _) = try PhaseFixtures.context(fault: .afterExclusive)
        let result = FilterProbes(context: faulty, discovery: PhaseFixtures.discovery(faulty)).run()
        #expect(result.plans.map(\.query) == cleanResult.plans.map(\.query))
        #expect(result.findings.ordered.contains { ReferenceFault.afterExclusive.checkIDs.contains($0.finding.check.rawValue) })
    }

    // MARK: Walks

    @Test func walksCompareTheReverseOrderAndCatchAnIgnoredDirection() throws {
        let (context, _) = try PhaseFixtures.context(fault: .ascIgnored) { $0.maxCases = 400 }
        let discovery = PhaseFixtures.discovery(context)
        let cases = CasePhase(context: context, discovery: discovery, budget: RunBudget(timeBudget: nil, maxFailures: nil)).run()
        // Valid cases without filters, so every walk holds items and a reversed order shows.
        let pagination = context.spec.pagination
        let unfiltered = cases.validCases.filter { generated in
            generated.classification.query.parameterNames.allSatisfy { [pagination.pageSizeParam, pagination.order.directionParam].contains($0) }
        }
        try #require(!unfiltered.isEmpty)
        let phase = WalkPhase(context: context, discovery: discovery, validCases: unfiltered,
                              budget: RunBudget(timeBudget: nil, maxFailures: nil))
        #expect(phase.sample(3).count == min(3, unfiltered.count))
        let plan = context.plan([WirePair.encoding(pagination.pageSizeParam, "7")])
        #expect(plan.pageSize == 7)
        #expect(phase.companion(plan).pageSize == pagination.maxPageSize)
        let result = phase.run()
        #expect(result.findings.ordered.contains { $0.finding.check.rawValue == "CF-SORT-REVERSE" },
                "\(result.findings.ordered.map(\.finding.signature)) \(phase.sample(3).map(\.queryString))")
    }

    // MARK: Relations

    @Test func relationsArePlannedAndHoldOnACleanTarget() throws {
        let (context, _) = try PhaseFixtures.context()
        let discovery = PhaseFixtures.discovery(context)
        let result = RelationPhase(context: context, discovery: discovery, validCases: []).run()
        #expect(result.plans.count == context.configuration.relationBudget)
        #expect(result.findings.count == 0, "\(result.findings.ordered.map(\.finding.signature))")
    }

    // MARK: Confirmation, shrinking, baseline, corpus

    @Test func confirmationTellsReproducedFromFlaky() throws {
        let (context, _) = try PhaseFixtures.context()
        let discovery = PhaseFixtures.discovery(context)
        let finding = Finding(check: .statusUnexpected, detail: "phantom", message: "m", expected: "e", observed: "o",
                              evidence: [])
        let stored = Finding(check: .statusUnexpected, detail: "stored", message: "m", expected: "e", observed: "o",
                             evidence: [])
        var log = FindingLog()
        log.record([finding], origin: .walk(query: "", pageSize: 30), replay: .walk(query: "", pageSize: 30, companion: nil),
                   confirm: .response(query: ""))
        log.record([stored], origin: .corpus(file: "f.json"),
                   replay: .walk(query: "", pageSize: 30, companion: nil), confirm: .none)
        let confirmed = ConfirmationPhase(context: context, discovery: discovery).run(log.ordered)
        #expect(confirmed.map(\.reproduced) == [false, true])
        let baseline = Baseline(signatures: [stored.signature])
        #expect(baseline.status(of: finding.signature, reproduced: false) == .flaky)
        #expect(baseline.status(of: stored.signature, reproduced: true) == .baseline)
        #expect(baseline.status(of: "other", reproduced: true) == .new)
    }

    @Test func shrinkingKeepsTheSignatureWithFewerPairs() throws {
        let (context, _) = try PhaseFixtures.context(fault: .acceptPageSize101)
        let discovery = PhaseFixtures.discovery(context)
        let cases = CasePhase(context: context, discovery: discovery, budget: RunBudget(timeBudget: nil, maxFailures: nil)).run()
        let entry = try #require(cases.findings.ordered.first { entry in
            if case .generatedCase(let generated) = entry.confirm { return generated.pairs.count > 1 }
            return false
        })
        guard case .generatedCase(let generated) = entry.confirm else { return }
        let outcome = ShrinkingStep(context: context, discovery: discovery).shrink(generated, finding: entry.finding, replay: entry.replay)
        #expect(outcome.finding.signature == entry.finding.signature)
        #expect(outcome.summary.pairsAfter <= outcome.summary.pairsBefore)
        #expect(outcome.summary.attempts > 0)
    }

    @Test func corpusRecordingRedactsTheKey() throws {
        let directory = Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (context, _) = try PhaseFixtures.context { $0.apiKey = "s3cret-key" }
        let finding = Finding(check: .statusUnexpected, detail: "x", message: "sent s3cret-key", expected: "e",
                              observed: "o s3cret-key", evidence: [])
        let recording = CorpusRecording(context: context, directory: directory, startedAt: "2026-12-01T10:00:00Z")
        let path = try #require(recording.store(finding, replay: .walk(query: "", pageSize: 30, companion: nil)))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("s3cret-key"))
        #expect(text.contains("2026-12-01"))
    }

    // MARK: The runner composes

    @Test func theRunnerComposesThePhasesWithoutSockets() throws {
        let transport = try ScriptedTransport(fault: .acceptPageSize101)
        let result = try Runner(configuration: PhaseFixtures.configuration(), transport: transport).run()
        #expect(result.exitCode == 1)
        #expect(result.statistics.requests == transport.sent.count)
        #expect(result.statistics.walks > 0)
        #expect(result.findings.contains { $0.finding.check.rawValue == "CF-STATUS-ACCEPTED" && $0.status == .new })
    }
}

/// A thread-safe counter for scripted answers.
final class Counter: @unchecked Sendable {
    // `value` is guarded by `lock`.
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
}
