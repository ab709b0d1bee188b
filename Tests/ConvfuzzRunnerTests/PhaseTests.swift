import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzReferenceServer
import ConvfuzzSpec
import ConvfuzzTestSupport
import ConvfuzzTransport
import Foundation
import Testing
@testable import ConvfuzzRunner

/// Each phase alone, over a scripted transport (the reference application in process, no sockets).
@Suite("Phases, one at a time")
struct PhaseTests {
    /// The check ids of a log's findings, in the order first seen.
    static func checks(_ log: FindingLog) -> [String] { log.ordered.map(\.finding.check.rawValue) }

    /// True when the log holds a finding with one of the fault's check ids.
    static func catches(_ log: FindingLog, _ fault: ReferenceFault) -> Bool {
        log.ordered.contains { fault.checkIDs.contains($0.finding.check.rawValue) }
    }

    /// The case index a finding was first seen at (nil for other plans).
    static func caseIndex(_ entry: FindingLog.Entry) -> Int? {
        if case .generatedCase(_, let index, _, _) = entry.plan { return index }
        return nil
    }

    // MARK: Gateway

    @Test func theGatewayRetriesCountsAndKeepsOrder() {
        let calls = TestCounter()
        let transport = ScriptedTransport { request in
            ScriptedTransport.response(calls.next() == 0 ? 503 : 200, to: request,
                                       headers: [HTTPResponseHeader(name: "Retry-After", value: "0")])
        }
        let executor = RequestExecutor(configuration: PhaseFixtures.configuration { $0.retries = 2 }, transport: transport)
        let responses = executor.execute(["a=1", "b=2"])
        #expect(responses.map(\.query) == ["a=1", "b=2"])
        #expect(responses.map(\.status) == [200, 200])
        #expect(executor.requests == 3)
        #expect(executor.retried == 1)
        let endpoint = ScriptedTransport.base + Paths.spec.endpoint.path
        #expect(transport.sent == [endpoint + "?a=1", endpoint + "?b=2", endpoint + "?a=1"])
    }

    // MARK: PreflightPhase

    @Test func preflightPassesACleanTargetCatchesAFaultAndStopsOnARefusal() throws {
        let (context, transport) = try PhaseFixtures.context()
        #expect(try PreflightPhase(context: context).run(PhaseFixtures.firstInput(context)).findings.count == 0)
        #expect(transport.sent == [context.configuration.endpointURL])
        #expect(transport.requests.first?.headers.contains { $0.name == Paths.spec.auth.header && $0.value == PhaseFixtures.key } == true)

        let (faulty, _) = try PhaseFixtures.context(fault: .schemaRatingString)
        let found = try PreflightPhase(context: faulty).run(PhaseFixtures.firstInput(faulty)).findings
        #expect(Self.catches(found, .schemaRatingString), "\(Self.checks(found))")
        #expect(found.ordered.allSatisfy { $0.plan == .request(query: "") })

        let wrongKey = try ScriptedTransport(apiKey: "another-key-0123456789")
        let refusing = PhaseFixtures.context(over: wrongKey)
        #expect(throws: RunAbort.unauthorized(url: refusing.configuration.endpointURL, status: 401, keySent: true)) {
            try PreflightPhase(context: refusing).run(PhaseFixtures.firstInput(refusing))
        }
        let unreachable = PhaseFixtures.context(over: ScriptedTransport { request in
            .failure(.couldNotConnect(url: request.url, reason: "connection refused"))
        })
        #expect { try PreflightPhase(context: unreachable).run(PhaseFixtures.firstInput(unreachable)) } throws: { ($0 as? RunAbort)?.exitCode == 3 }
    }

    // MARK: Discovery

    @Test func discoveryHarvestsPoolsCursorsAndTheBaseWalkAndRefreshesIt() throws {
        let (context, transport) = try PhaseFixtures.context { $0.window = .now }
        let initial = ValuePools(profile: context.configuration.profile)
        let result = PhaseFixtures.discovered(context)
        let discovered = try #require(result.discovery)
        let base = try #require(discovered.base)
        #expect(base.isComplete)
        #expect(base.items.count == PhaseFixtures.serverSize)
        #expect(base.pages.count == 3)
        #expect(transport.sent.count == 3)
        #expect(discovered.issued.count == base.pages.count - 1)
        #expect(discovered.pools != initial)
        #expect(discovered.windowStart != nil)
        #expect(discovered.basePairs == DiscoveryPhase.discoveryPairs(spec: context.spec, pools: initial))
        #expect(result.findings.count == 0, "\(Self.checks(result.findings))")
        #expect(result.tally == { var tally = WalkTally(); tally.walks = 1; tally.pages = 3; return tally }())

        var refreshed = discovered
        let refreshTally = DiscoveryPhase(context: context).refresh(&refreshed)
        #expect(refreshTally.walks == 1)
        #expect(transport.sent.count == 6)
        #expect(Array(transport.sent[3...]) == Array(transport.sent[..<3]), "the refresh walks the same query")
        #expect(refreshed.base?.ids == base.ids)
        #expect(refreshed.pools == discovered.pools)
        var nothing = Discovery(pools: initial)
        #expect(DiscoveryPhase(context: context).refresh(&nothing).walks == 0)
        #expect(nothing.base == nil)
        #expect(transport.sent.count == 6)

        let (faulty, _) = try PhaseFixtures.context(fault: .cursorRepeatsItem)
        let repeated = PhaseFixtures.discovered(faulty)
        #expect(Self.catches(repeated.findings, .cursorRepeatsItem), "\(Self.checks(repeated.findings))")
    }

    // MARK: Corpus replay

    @Test func aRecordedCaseIsReplayedAndRegeneratedFromTheCorpus() throws {
        let directory = Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (context, _) = try PhaseFixtures.context(fault: .acceptPageSize101)
        let discovery = PhaseFixtures.discovery(context)
        let cases = PhaseFixtures.cases(context, discovery)
        let entry = try #require(cases.output.findings.ordered.first { $0.finding.check.rawValue == "CF-STATUS-ACCEPTED" })
        let recording = CorpusRecording(context: context, directory: directory, startedAt: "2026-12-01T10:00:00Z")
        let path = try #require(recording.store(entry.finding, replay: entry.plan))
        #expect(CorpusStore(directory: directory).files() == [path])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains(PhaseFixtures.key), "the key never reaches a corpus file")
        #expect(text.contains("2026-12-01"))

        let replayed = try CorpusReplayPhase(context: context).run(files: [path], input: PhaseInput(discovery: discovery))
        #expect(replayed.corpusOutcomes.count == 1)
        #expect(replayed.corpusOutcomes.first?.stillFails == true)
        #expect(replayed.corpusOutcomes.first?.regenerationAgrees == true)
        #expect(replayed.findings.ordered.map(\.finding.signature) == [entry.finding.signature])
        #expect(replayed.findings.ordered.allSatisfy { $0.isCorpusRegression })

        let (fixed, _) = try PhaseFixtures.context()
        let passing = try CorpusReplayPhase(context: fixed).run(files: [path], input: PhaseInput(discovery: PhaseFixtures.discovery(fixed)))
        #expect(passing.corpusOutcomes.map(\.stillFails) == [false])
        #expect(passing.findings.count == 0)
        #expect(throws: RunAbort.self) {
            try CorpusReplayPhase(context: fixed).run(files: [directory + "/none.json"], input: PhaseInput(discovery: discovery))
        }
    }

    // MARK: Access

    @Test func accessSendsEveryKeyVariantAndCatchesABypass() throws {
        let (context, transport) = try PhaseFixtures.context()
        let discovery = PhaseFixtures.discovery(context)
        let before = transport.requests.count
        let clean = try AccessPhase(context: context).run(PhaseInput(discovery: discovery))
        let variants = AuthProbes(configuration: context.configuration, executor: context.executor).variants
        #expect(!variants.isEmpty)
        #expect(transport.requests.count - before == variants.count)
        let probes = transport.requests[before...]
        #expect(probes.contains { request in !request.headers.contains { $0.name.lowercased() == "xi-api-key" } },
                "one probe sends no key at all")
        #expect(clean.findings.count == 0, "\(Self.checks(clean.findings))")
        #expect(clean.notes == ["auth: \(variants.count) credential variants sent"])

        let (bypassed, _) = try PhaseFixtures.context(fault: .missingKeyAccepted)
        let found = try AccessPhase(context: bypassed).run(PhaseInput(discovery: PhaseFixtures.discovery(bypassed)))
        #expect(Self.catches(found.findings, .missingKeyAccepted), "\(Self.checks(found.findings))")
        #expect(found.findings.ordered.allSatisfy { $0.plan.kind == .auth })

        let (leaking, _) = try PhaseFixtures.context(fault: .crossWorkspaceListLeak, secondKey: true)
        let tenancy = try AccessPhase(context: leaking).run(PhaseInput(discovery: PhaseFixtures.discovery(leaking)))
        #expect(Self.catches(tenancy.findings, .crossWorkspaceListLeak), "\(Self.checks(tenancy.findings))")
        #expect(tenancy.tally.walks == 1)
        #expect(tenancy.notes.count == 2)
    }

    // MARK: Cases

    @Test func casesAreDeterministicCatchAFaultAndKeepCaseOrder() throws {
        func run(concurrency: Int) throws -> ((output: PhaseOutput, summary: CaseSummary), [String]) {
            let (context, transport) = try PhaseFixtures.context(fault: .acceptPageSize101) { $0.concurrency = concurrency }
            let result = PhaseFixtures.cases(context, PhaseFixtures.discovery(context))
            return (result, transport.sent)
        }
        let (first, sent) = try run(concurrency: 8)
        #expect(first.summary.cases == 240)
        #expect(first.summary.casesByExpectation.values.reduce(0, +) == 240)
        #expect(first.summary.stoppedEarly == nil)
        #expect(!first.summary.validCases.isEmpty)
        #expect(Self.catches(first.output.findings, .acceptPageSize101), "\(Self.checks(first.output.findings))")
        let indices = first.output.findings.ordered.compactMap(Self.caseIndex)
        #expect(indices.count == first.output.findings.count)
        #expect(indices == indices.sorted(), "findings are recorded in case order")
        let (again, sentAgain) = try run(concurrency: 8)
        #expect(again.output.findings.ordered.map(\.finding.signature) == first.output.findings.ordered.map(\.finding.signature))
        #expect(again.output.findings.ordered.map(\.occurrences) == first.output.findings.ordered.map(\.occurrences))
        #expect(sentAgain == sent, "the same seed sends the same requests in the same order")
        let (one, _) = try run(concurrency: 1)
        #expect(one.output.findings.ordered.map(\.finding.signature) == first.output.findings.ordered.map(\.finding.signature))
        #expect(one.summary.validCases.map(\.queryString) == first.summary.validCases.map(\.queryString))

        let (limited, _) = try PhaseFixtures.context(fault: .acceptPageSize101) { $0.maxFailures = 1 }
        let stopped = PhaseFixtures.cases(limited, PhaseFixtures.discovery(limited))
        #expect(stopped.summary.stoppedEarly == "reached --max-failures 1")
        #expect(stopped.summary.cases < 240)
    }

    // MARK: Filter probes

    @Test func filterProbesWalkEachFilterAndCatchAnExclusiveBound() throws {
        let (clean, transport) = try PhaseFixtures.context()
        let discovery = PhaseFixtures.discovery(clean)
        let probes = ProbePhase(context: clean)
        let plans = probes.plans(discovery)
        #expect(!plans.isEmpty)
        let cleanResult = probes.run(PhaseInput(discovery: discovery))
        #expect(cleanResult.findings.count == 0, "\(Self.checks(cleanResult.findings))")
        #expect(cleanResult.tally.walks == plans.count)
        let sent = Set(transport.sent)
        #expect(plans.allSatisfy { sent.contains(clean.executor.url(for: $0.queries[0])) }, "every probe is walked")

        let (faulty, _) = try PhaseFixtures.context(fault: .afterExclusive)
        let faultyDiscovery = PhaseFixtures.discovery(faulty)
        let faultyProbes = ProbePhase(context: faulty)
        #expect(faultyProbes.plans(faultyDiscovery) == plans, "probes follow from the seed and the data")
        let result = faultyProbes.run(PhaseInput(discovery: faultyDiscovery))
        #expect(Self.catches(result.findings, .afterExclusive), "\(Self.checks(result.findings))")
    }

    // MARK: Walks

    @Test func walksCompareTheReverseOrderAndCatchAnIgnoredDirection() throws {
        let (clean, _) = try PhaseFixtures.context()
        let cleanDiscovery = PhaseFixtures.discovery(clean)
        let cleanCases = PhaseFixtures.cases(clean, cleanDiscovery)
        let sample = WalkPhase.sample(3, of: cleanCases.summary.validCases)
        #expect(sample.count == 3)
        #expect(sample.map(\.index) == sample.map(\.index).sorted())
        let cleanResult = WalkPhase(context: clean).run(PhaseInput(discovery: cleanDiscovery, validCases: cleanCases.summary.validCases))
        #expect(cleanResult.findings.count == 0, "\(Self.checks(cleanResult.findings))")
        #expect(cleanResult.tally.walks >= 6, "three samples, each at two page sizes")
        #expect(!cleanResult.coveredPageSizes.isEmpty)

        let (context, _) = try PhaseFixtures.context(fault: .ascIgnored)
        let discovery = PhaseFixtures.discovery(context)
        let cases = PhaseFixtures.cases(context, discovery)
        let result = WalkPhase(context: context).run(PhaseInput(discovery: discovery, validCases: cases.summary.validCases))
        #expect(Self.checks(result.findings).contains("CF-SORT-REVERSE"), "\(Self.checks(result.findings))")
    }

    // MARK: Relations

    @Test func relationsArePlannedHoldOnACleanTargetAndCatchAFault() throws {
        let (context, _) = try PhaseFixtures.context()
        let discovery = PhaseFixtures.discovery(context)
        let phase = RelationPhase(context: context)
        #expect(phase.plans(PhaseInput(discovery: discovery)).count == context.configuration.relationBudget)
        let result = phase.run(PhaseInput(discovery: discovery))
        #expect(result.evaluated == context.configuration.relationBudget)
        #expect(result.findings.count == 0, "\(Self.checks(result.findings))")

        let (faulty, _) = try PhaseFixtures.context(fault: .userIDIgnored) { $0.relationBudget = 24 }
        let faultyDiscovery = PhaseFixtures.discovery(faulty)
        let cases = PhaseFixtures.cases(faulty, faultyDiscovery)
        let found = RelationPhase(context: faulty).run(PhaseInput(discovery: faultyDiscovery, validCases: cases.summary.validCases))
        #expect(Self.catches(found.findings, .userIDIgnored), "\(Self.checks(found.findings))")
        #expect(found.findings.ordered.contains { $0.plan.kind == .metamorphic })
    }

    // MARK: Confirmation

    @Test func confirmationTellsAReproducedFindingFromAFlakyAnswer() throws {
        // The reference application with a fault, except that the first request of one query gets a 500.
        let application = try ReferenceApplication(configuration: ReferenceServerConfiguration(
            size: PhaseFixtures.serverSize, fault: .acceptPageSize101, apiKey: PhaseFixtures.key))
        let reference = ScriptedTransport.answering(with: application)
        let flakyQuery = "page_size=7"
        let flakyURL = ScriptedTransport.base + Paths.spec.endpoint.path + "?" + flakyQuery
        let flaked = TestCounter()
        let transport = ScriptedTransport { request in
            if request.url == flakyURL, flaked.next() == 0 {
                return ScriptedTransport.response(500, body: #"{"detail":"Internal Server Error"}"#, to: request)
            }
            return reference(request)
        }
        let context = PhaseFixtures.context(over: transport)
        let discovery = PhaseFixtures.discovery(context)
        var log = PhaseFixtures.cases(context, discovery).output.findings
        let real = try #require(log.ordered.first { $0.finding.check.rawValue == "CF-STATUS-ACCEPTED" })
        let flaky = context.check(query: flakyQuery, issued: discovery.issued)
        #expect(flaky.map(\.check.rawValue) == ["CF-STATUS-5XX"])
        log.record(flaky, plan: .request(query: flakyQuery))
        let flakyEntry = try #require(log.ordered.last)
        #expect(flakyEntry.finding.check.rawValue == "CF-STATUS-5XX")

        let phase = Confirmation(context: context, discovery: discovery)
        var tally = WalkTally()
        #expect(phase.confirm(real, tally: &tally) == .reproduced)
        #expect(phase.confirm(flakyEntry, tally: &tally) == .flaky)
        #expect(transport.sent.filter { $0 == flakyURL }.count == 2, "the flaky query was sent again")
        #expect(!Confirmation.needsFreshBase([real, flakyEntry], context: context))

        let (walking, _) = try PhaseFixtures.context(fault: .cursorRepeatsItem)
        let walked = PhaseFixtures.discovered(walking)
        let walkEntry = try #require(walked.findings.ordered.first)
        #expect(Confirmation.needsFreshBase([walkEntry], context: walking))
        var fresh = try #require(walked.discovery)
        _ = DiscoveryPhase(context: walking).refresh(&fresh)
        var walkTally = WalkTally()
        #expect(Confirmation(context: walking, discovery: fresh).confirm(walkEntry, tally: &walkTally) == .reproduced)
        #expect(walkTally.walks >= 1)
    }

    // MARK: Shrinking

    @Test func aVerifiedShrinkKeepsTheSignatureWithFewerPairs() throws {
        let (context, _) = try PhaseFixtures.context(fault: .acceptPageSize101)
        let discovery = PhaseFixtures.discovery(context)
        let cases = PhaseFixtures.cases(context, discovery)
        let confirmation = Confirmation(context: context, discovery: discovery)
        let entry = try #require(cases.output.findings.ordered.first { entry in
            entry.finding.check.rawValue == "CF-STATUS-ACCEPTED" && (confirmation.generatedCase(entry.plan)?.pairs.count ?? 0) > 1
        })
        let generated = try #require(confirmation.generatedCase(entry.plan), "a generated case is regenerated from its plan")
        let outcome = ShrinkingStep(context: context, discovery: discovery).shrink(generated, finding: entry.finding, plan: entry.plan)
        #expect(outcome.summary.verified)
        #expect(outcome.finding.signature == entry.finding.signature)
        #expect(outcome.summary.pairsBefore == generated.pairs.count)
        #expect(outcome.summary.pairsAfter < outcome.summary.pairsBefore)
        #expect(outcome.summary.attempts > 0 && outcome.summary.attempts <= context.configuration.shrinkBudget)
        guard case .generatedCase(let query, _, _, _) = outcome.plan else {
            Issue.record("a shrunk case is replayed as a generated case")
            return
        }
        #expect(query.count < generated.queryString.count)
        #expect(query.contains("page_size=101"), "the failing pair survives: \(query)")
    }

    // MARK: Memory bound

    @Test func aWalkCutByTheMemoryBoundIsCountedNotSilent() throws {
        let (context, _) = try PhaseFixtures.context()
        let spec = context.spec
        let plan = WalkPlan(pairs: [WirePair.encoding(spec.pagination.pageSizeParam, "10")])
        let small = WalkDriver(executor: context.executor, spec: spec, maxPages: 100, maxHeldBytes: 20_000)
        let walk = small.run([plan])[0]
        guard case .memoryBound(let bound) = walk.end else {
            Issue.record("expected the walk to stop at the memory bound, got \(walk.end)")
            return
        }
        #expect(bound == 20_000)
        #expect(!walk.isComplete)
        #expect(!walk.pages.isEmpty)
        var tally = WalkTally()
        tally.count(walk, context.walker.run([plan])[0])
        #expect(tally.walks == 2)
        #expect(tally.cutByMemory == 1, "only the walk held under 20 kB is cut; the default bound holds 300 items")
        var total = WalkTally()
        total.add(tally)
        total.add(tally)
        #expect(total.cutByMemory == 2)
    }

    // MARK: Streaming walk

    @Test func aStreamingWalkChecksEveryPageAndCatchesARepeatedItem() throws {
        let pairs = [WirePair.encoding(Paths.spec.pagination.pageSizeParam, "40")]
        let (context, transport) = try PhaseFixtures.context()
        var seen: [Int] = []
        let clean = StreamingWalk(context: context).run(pairs: pairs, maxPages: 100) { pages, _ in seen.append(pages) }
        #expect(clean.end == .completed)
        #expect(clean.items == PhaseFixtures.serverSize)
        #expect(clean.pages == 8)
        #expect(seen == Array(1...8))
        #expect(transport.sent.count == 8)
        #expect(transport.sent.first == context.executor.url(for: "page_size=40"))
        #expect(clean.findings.isEmpty, "\(clean.findings.map(\.signature))")

        let limited = StreamingWalk(context: context).run(pairs: pairs, maxPages: 3)
        #expect(limited.end == .pageLimit(3))
        #expect(limited.pages == 3)

        let (faulty, _) = try PhaseFixtures.context(fault: .cursorRepeatsItem)
        let repeated = StreamingWalk(context: faulty).run(pairs: pairs, maxPages: 100)
        #expect(repeated.findings.contains { ReferenceFault.cursorRepeatsItem.checkIDs.contains($0.check.rawValue) },
                "\(repeated.findings.map(\.signature))")
    }

    // MARK: The runner composes

    @Test func theRunnerComposesThePhasesWithoutSockets() throws {
        let directory = Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let transport = try ScriptedTransport(fault: .acceptPageSize101)
        let configuration = PhaseFixtures.configuration { $0.corpusDirectory = directory }
        let result = try Runner(configuration: configuration, transport: transport).run()
        #expect(result.exitCode == 1)
        #expect(result.statistics.requests == transport.sent.count)
        #expect(result.statistics.cases == 240)
        #expect(result.statistics.walks > 0)
        #expect(result.statistics.relations == 12)
        #expect(transport.sent.allSatisfy { $0.hasPrefix(configuration.endpointURL) })
        #expect(transport.sent.first == configuration.endpointURL, "the preflight comes first")
        let accepted = try #require(result.findings.first { $0.finding.check.rawValue == "CF-STATUS-ACCEPTED" })
        #expect(accepted.status == .new)
        #expect(accepted.shrink?.verified == true)
        let stored = result.findings.compactMap(\.corpusFile)
        #expect(Set(CorpusStore(directory: directory).files()) == Set(stored))
        #expect(stored.contains { $0 == accepted.corpusFile })

        let again = try Runner(configuration: PhaseFixtures.configuration(), transport: try ScriptedTransport(fault: .acceptPageSize101)).run()
        #expect(again.findings.map(\.finding.signature) == result.findings.map(\.finding.signature))
        #expect(again.statistics.requests == result.statistics.requests)
    }
}
