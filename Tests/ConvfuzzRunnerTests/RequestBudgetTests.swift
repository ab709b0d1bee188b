import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzReferenceServer
import ConvfuzzResults
import ConvfuzzTestSupport
import ConvfuzzTransport
import Foundation
import Testing
@testable import ConvfuzzRunner

/// Request budgets (`--max-requests`), budgets held under every flag, and `--explore`, over a
/// scripted transport (the reference application in process, no sockets).
@Suite("Request budgets and exploration", .ownThreads)
struct RequestBudgetTests {
    /// Runs a whole run over `transport`; a run the budget leaves untestable is fine here.
    private static func run(_ transport: ScriptedTransport, _ configure: (inout RunConfiguration) -> Void) -> RunResult? {
        try? Runner(configuration: PhaseFixtures.configuration(configure), transport: transport).run()
    }

    // MARK: The hard bound

    @Test(arguments: [1, 2, 9, 40, 150, 400])
    func maxRequestsIsNeverExceeded(limit: Int) throws {
        // Plain, with a fault (findings to confirm and shrink), with retries on a flaky target, and exploring.
        let flaky: ScriptedTransport.Answer = {
            let application = try! ReferenceApplication(configuration: ReferenceServerConfiguration(
                size: PhaseFixtures.serverSize, apiKey: PhaseFixtures.key))
            let counter = TestCounter()
            let answer = ScriptedTransport.answering(with: application)
            return { request in counter.next() % 5 == 3 ? ScriptedTransport.response(503, to: request) : answer(request) }
        }()
        let runs: [(ScriptedTransport, (inout RunConfiguration) -> Void)] = [
            (try ScriptedTransport(), { $0.maxRequests = limit }),
            (try ScriptedTransport(fault: .acceptPageSize101), { $0.maxRequests = limit; $0.shrinkBudget = 60 }),
            (ScriptedTransport(flaky), { $0.maxRequests = limit; $0.retries = 2; $0.maxRetryAfter = 0 }),
            (try ScriptedTransport(), { $0.maxRequests = limit; $0.explore = true; $0.walkSample = 99; $0.relationBudget = 500 }),
            (try ScriptedTransport(fault: .userIDIgnored), { $0.maxRequests = limit; $0.concurrency = 16; $0.maxFailures = 2 }),
            (try ScriptedTransport(fault: .cursorSkipsItem), { $0.maxRequests = limit; $0.walkSample = 0; $0.relationBudget = 300; $0.concurrency = 1 }),
        ]
        for (transport, configure) in runs {
            let result = Self.run(transport, configure)
            #expect(transport.requests.count <= limit, "sent \(transport.requests.count) of \(limit)")
            if let result {
                let budget = try #require(result.statistics.requestBudget)
                #expect(budget.sent == transport.requests.count)
                #expect(budget.phases.reduce(0) { $0 + $1.sent } == budget.sent)
                #expect(result.statistics.requests <= limit)
            }
        }
    }

    @Test func aBudgetGivesEveryFamilyAShareAndStillConfirms() throws {
        let transport = try ScriptedTransport(fault: .acceptPageSize101)
        let result = try #require(Self.run(transport) { $0.maxRequests = 300; $0.maxCases = 2_000 })
        let budget = try #require(result.statistics.requestBudget)
        let sent = Dictionary(uniqueKeysWithValues: budget.phases.map { ($0.phase, $0.sent) })
        for family in [PhaseName.cases, .probes, .walks] {
            #expect((sent[family.rawValue] ?? 0) > 0, "\(family) sent nothing: \(budget.summary)")
        }
        #expect(result.statistics.stoppedEarly == nil, "\(result.statistics.stoppedEarly ?? "")")
        #expect(budget.cuts.contains { $0.hasPrefix("cases cut at") })
        #expect(result.findings.contains { ReferenceFault.acceptPageSize101.checkIDs.contains($0.finding.check.rawValue) && $0.status == .new })
        #expect(result.statistics.unconfirmed == nil)
    }

    @Test func rateLimitWithTimeBudgetImpliesARequestBudget() {
        var settings = RunSettings()
        #expect(settings.requestLimit == nil)
        settings.rateLimit = 5
        settings.timeBudget = 60
        #expect(settings.requestLimit == 300)
        #expect(settings.requestLimitIsImplied)
        settings.maxRequests = 120
        #expect(settings.requestLimit == 120)
        #expect(!settings.requestLimitIsImplied)
    }

    // MARK: Budgets held under every flag

    @Test func aTimeBudgetHoldsWithAHugeMaxCases() throws {
        let transport = try ScriptedTransport()
        let started = Clock.monotonic()
        let result = Self.run(transport) { $0.maxCases = 999_999_999_999; $0.timeBudget = 2 }
        // The documented bound: the budget plus 5 s.
        #expect(Clock.monotonic() - started < 2 + 5)
        #expect(result?.statistics.stoppedEarly != nil)
        let cut = try #require(result?.statistics.casesCut)
        #expect(cut.hasPrefix("cases cut at") && cut.contains("of 999999999999"), "\(cut)")
    }

    @Test func aTimeoutTheDeadlineCutIsNotJudged() {
        let transport = ScriptedTransport { request in .failure(.timedOut(url: request.url, after: 0.05)) }
        let deadline = RunDeadline(seconds: 0.05)
        let executor = RequestExecutor(configuration: PhaseFixtures.configuration(), deadline: deadline, transport: SleepingTransport(transport))
        let response = executor.execute("")
        #expect(response.wasSkipped, "\(response.transportError ?? "")")
        #expect(ResponseOracle(spec: Paths.spec).check(classification: WireClassifier(spec: Paths.spec).classify([]), response: response).isEmpty)
    }

    // MARK: Exploration

    @Test func exploringKeepsTheSameFirstCasesAndIsDeterministic() throws {
        var ladderSteps = 0
        func sent(explore: Bool) throws -> [String] {
            let (context, transport) = try PhaseFixtures.context { $0.maxCases = 40; $0.maxRequests = 120; $0.explore = explore }
            let discovery = PhaseFixtures.discovery(context)
            ladderSteps = SizeLadder.ladders(spec: context.spec, pools: discovery.pools).reduce(0) { $0 + $1.steps.count }
            let before = transport.sent.count
            let cases = CasePhase(context: context).run(PhaseInput(discovery: discovery))
            if explore {
                var input = PhaseInput(discovery: discovery)
                input.coverage = cases.cases?.coverage
                let explored = CasePhase(context: context, exploring: true).run(input)
                #expect((explored.cases?.cases ?? 0) == 0, "explored cases come back as their own payload")
                if case .explored(let summary) = explored.payload { #expect(summary.cases > 0) } else { Issue.record("no explored payload") }
            }
            return Array(transport.sent.dropFirst(before))
        }
        let fixed = try sent(explore: false)
        let explored = try sent(explore: true)
        // The fixed phase: its 40 cases, then every step of its size ladders (the clean target refuses none).
        #expect(ladderSteps == 72)
        #expect(fixed.count == 40 + ladderSteps)
        #expect(explored.count > fixed.count)
        #expect(Array(explored.prefix(fixed.count)) == fixed)
        #expect(try sent(explore: true) == explored)
    }
}

// MARK: - Granting walks and ordering cases under a budget

@Suite("Walk grants and the coverage-first case order")
struct BudgetOrderTests {
    @Test func walksAreGrantedInPlanOrderAndGetWhatEndedWalksLeft() {
        var grants = WalkGrants(count: 3, pool: 10, estimates: [3, 4, 5])
        grants.allot(unfinished: [0, 1, 2])
        // 3 + 4 + the 3 pages left: plan order, whatever answers arrive first.
        for (walk, pages) in [(0, 3), (1, 4), (2, 3)] {
            for _ in 0..<pages {
                #expect(grants.mayUse(walk))
                grants.use(walk)
            }
            #expect(!grants.mayUse(walk), "walk \(walk) is within its grant")
        }
        // Walk 1 ended after 2 of its 4 pages: its 2 pages go to the first unfinished walk in plan order
        // (walk 0, past its estimate), not to whichever walk's answer came first.
        var early = WalkGrants(count: 3, pool: 10, estimates: [3, 4, 5])
        early.allot(unfinished: [0, 1, 2])
        for _ in 0..<2 { early.use(1) }
        early.finish(1)
        for _ in 0..<3 { early.use(0) }
        for _ in 0..<3 { early.use(2) }
        early.allot(unfinished: [0, 2])
        #expect(early.mayUse(0))
        #expect(!early.mayUse(2), "nothing is left for walk 2 once walk 0 had the pages walk 1 left")
        for _ in 0..<2 { early.use(0) }
        #expect(!early.mayUse(0))
        // Without a budget every walk may always send.
        let free = WalkGrants(count: 1, pool: nil, estimates: nil)
        #expect(free.mayUse(0))
    }

    @Test(arguments: [0, 5, 40, 2_000, 999_999_999_999])
    func theCaseOrderIsACoverageFirstPermutation(total: Int) {
        let generator = CaseGenerator(spec: Paths.spec)
        let order = CaseOrder(generator: generator, seed: 1, total: total)
        let checked = min(total, 3_000)
        let indices = (0..<checked).map(order.index(at:))
        #expect(Set(indices).count == indices.count, "no case twice")
        #expect(indices.allSatisfy { (0..<total).contains($0) })
        if total <= 3_000 { #expect(Set(indices) == Set(0..<total), "every case once") }
        // The front holds one case of every class and detail whose sweep case falls below `total` (a shape
        // case names its detail after what it built, so shape cases are compared by class).
        func key(_ label: CaseLabel) -> String { label.kind == .shape ? label.kind.rawValue : "\(label.kind.rawValue)|\(label.detail)" }
        let labels = Set(order.front.map { key(generator.generate(seed: 1, index: $0).label) })
        let reachable = Set((0..<min(total, 2_000)).filter { $0 % CaseMix.sweepPeriod == CaseMix.sweepPeriod - 1 }
            .map { key(generator.generate(seed: 1, index: $0).label) })
        #expect(reachable.isSubset(of: labels), "missing: \(reachable.subtracting(labels).sorted())")
        if total >= 2_000 { #expect(labels.contains("neighbour|unit-milliseconds") && labels.contains("type-violation|leading-zeros")) }
        #expect(CaseOrder(generator: generator, seed: 1, total: total).front == order.front)
    }
}

/// A transport that waits out the timeout it is given before answering, as a stalled target would.
private struct SleepingTransport: RequestTransport {
    let inner: ScriptedTransport
    init(_ inner: ScriptedTransport) { self.inner = inner }
    func send(_ requests: [HTTPRequest], timeout: Double?) -> [Result<HTTPResponse, TransportError>] {
        if let timeout { Thread.sleep(forTimeInterval: timeout) }
        return inner.send(requests, timeout: timeout)
    }
}
