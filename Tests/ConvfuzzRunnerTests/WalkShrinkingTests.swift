import ConvfuzzContract
import ConvfuzzOracle
import ConvfuzzReferenceServer
import ConvfuzzResults
import ConvfuzzTestSupport
import Foundation
import Testing
@testable import ConvfuzzRunner

/// Walk and relation findings are shrunk like cases (``PlanShrinker``): to the fewest filters, the
/// shortest walk prefix and the smallest page size that still show them, each candidate replayed
/// through the ``Replayer`` over the (scripted) network.
@Suite("Shrinking walks and relations")
struct WalkShrinkingTests {
    // MARK: The search alone

    /// A finding of `check` shown by a candidate, for predicates that do not send anything.
    private static func finding(_ check: CheckID = .walkPageSize) -> Finding {
        Finding(check: check, parameter: "page_size", detail: "missing", message: "m", expected: "e", observed: "o", evidence: [])
    }

    /// The pairs of a walk plan's query, by name.
    private static func names(_ plan: ReplayPlan) -> [String] {
        guard case .walk(let query, _, _, _) = plan else { return [] }
        return QueryCodec.pairs(fromQuery: query).map(\.name)
    }

    @Test func theSearchKeepsOnlyWhatTheFindingNeeds() {
        let shrinker = PlanShrinker(spec: PhaseFixtures.configuration().spec)
        let plan = ReplayPlan.walk(query: "agent_id=a&rating_min=2&search=x&page_size=30", pageSize: 30,
                                   companion: "agent_id=a&rating_min=2&search=x&page_size=100")
        var tried: [ReplayPlan] = []
        // Shows when the walk keeps `rating_min` and reaches its third page of at least 2 items.
        let result = shrinker.shrink(plan, canAttempt: { true }) { candidate in
            tried.append(candidate)
            guard case .walk(let query, let pageSize, let companion, let pages) = candidate else { return nil }
            let keeps = query.contains("rating_min=2") && companion?.contains("rating_min=2") == true
            return keeps && pageSize >= 2 && (pages ?? Int.max) >= 3 ? Self.finding() : nil
        }
        #expect(result.verified)
        #expect(Self.names(result.plan) == ["rating_min", "page_size"], "\(result.plan)")
        guard case .walk(let query, let pageSize, let companion, let pages) = result.plan else {
            Issue.record("a walk plan stays a walk plan")
            return
        }
        #expect(pages == 3)
        #expect(pageSize == 2)
        #expect(query == "rating_min=2&page_size=2")
        #expect(companion == "rating_min=2&page_size=100", "the companion loses the same filters and keeps its page size")
        #expect(result.attempts == tried.count)
        #expect(Set(tried).count == tried.count - 1, "no candidate is run twice; the shrunk plan is re-run once to verify it")
        #expect(tried.last == result.plan)
    }

    @Test func aSearchOutOfBudgetKeepsTheBestPlanSoFar() {
        let shrinker = PlanShrinker(spec: PhaseFixtures.configuration().spec)
        let plan = ReplayPlan.walk(query: "agent_id=a&search=x&page_size=30", pageSize: 30, companion: nil)
        var runs = 0
        let result = shrinker.shrink(plan, canAttempt: { runs < 2 }) { _ in
            runs += 1
            return Self.finding()
        }
        #expect(runs == 2)
        #expect(!result.verified, "no attempt was left to re-verify it")
        // The first page showed it, then the walk without `search`; nothing more could be tried.
        #expect(result.plan == .walk(query: "agent_id=a&page_size=30", pageSize: 30, companion: nil, pages: 1),
                "the best plan so far is kept: \(result.plan)")

        let nothing = shrinker.shrink(plan, canAttempt: { true }) { _ in nil }
        #expect(nothing.plan == plan, "a plan nothing smaller reproduces stays as it was")
        #expect(nothing.finding == nil)
    }

    @Test func hintsFromEarlierFindingsAreTriedFirst() {
        let shrinker = PlanShrinker(spec: PhaseFixtures.configuration().spec)
        let plan = ReplayPlan.walk(query: "agent_id=a&page_size=30", pageSize: 30, companion: "agent_id=a&page_size=100")
        let hint = ReplayPlan.walk(query: "page_size=1", pageSize: 1, companion: "page_size=100", pages: 2)
        var tried: [ReplayPlan] = []
        let result = shrinker.shrink(plan, hints: [hint], canAttempt: { true }) { candidate in
            tried.append(candidate)
            return candidate == hint ? Self.finding() : nil
        }
        #expect(tried.first == hint)
        #expect(result.plan == hint)
        #expect(result.verified)
    }

    @Test func aWalkPlanStoredBeforePrefixesExistedStillReads() throws {
        let decoder = JSONDecoder()
        let old = try decoder.decode(ReplayPlan.self, from: Data(#"{"walk":{"query":"a=1","pageSize":30,"companion":"a=1&page_size=100"}}"#.utf8))
        #expect(old == .walk(query: "a=1", pageSize: 30, companion: "a=1&page_size=100", pages: nil))
        let alone = try decoder.decode(ReplayPlan.self, from: Data(#"{"walk":{"query":"a=1","pageSize":30}}"#.utf8))
        #expect(alone == .walk(query: "a=1", pageSize: 30, companion: nil))
        let prefix = ReplayPlan.walk(query: "page_size=1", pageSize: 1, companion: "page_size=100", pages: 2)
        #expect(try decoder.decode(ReplayPlan.self, from: JSONEncoder().encode(prefix)) == prefix)
    }

    // MARK: Over the network

    /// A whole run over the scripted reference application with `fault`.
    private static func run(_ fault: ReferenceFault, concurrency: Int = 8, corpus: String? = nil) throws -> RunResult {
        let configuration = PhaseFixtures.configuration {
            $0.concurrency = concurrency
            $0.checks = try? CheckSelection.parse(checks: "CF-WALK-*", exclude: nil)
            $0.corpusDirectory = corpus
        }
        return try Runner(configuration: configuration, transport: try ScriptedTransport(fault: fault)).run()
    }

    @Test func aSkippedItemShrinksToAtMostThreePagesAtTheSmallestPageSize() throws {
        let corpus = TestPaths.temporaryFile("walk-shrink")
        defer { try? FileManager.default.removeItem(atPath: corpus) }
        let result = try Self.run(.cursorSkipsItem, corpus: corpus)
        let groups = FindingGrouper.groups(result.findings)
        let walkGroup = try #require(groups.first { $0.key == "walk:set" }, "\(groups.map(\.key))")
        let representative = walkGroup.members[walkGroup.representative]
        let shrink = try #require(representative.shrink, "the representative was shrunk")
        #expect(shrink.verified)
        #expect(shrink.pageSize == 1, "page size 1 is the smallest there is, and it shows a skipped item")
        let pages = try #require(shrink.pages)
        #expect(pages <= 3, "\(shrink)")
        #expect(shrink.pairsAfter == 0, "no filter is needed to show a skipped item")
        #expect(representative.origin == .walk(query: "page_size=1", pageSize: 1))
        #expect(representative.reproduction.first == "page_size=1")

        // The shrunk walk shows it, and one page fewer does not: the prefix is as short as it gets.
        let (context, _) = try PhaseFixtures.context(fault: .cursorSkipsItem)
        let replayer = Replayer(context: context, discovery: PhaseFixtures.discovery(context))
        let plan = ReplayPlan.walk(query: representative.reproduction[0], pageSize: 1,
                                   companion: representative.reproduction.count > 1 ? representative.reproduction[1] : nil, pages: pages)
        var tally = WalkTally()
        let signature = representative.finding.signature
        #expect(replayer.run(plan, tally: &tally).contains { plan.shows(signature, in: $0) })
        let shorter = ReplayPlan.walk(query: representative.reproduction[0], pageSize: 1,
                                      companion: representative.reproduction.count > 1 ? representative.reproduction[1] : nil,
                                      pages: pages - 1)
        #expect(!replayer.run(shorter, tally: &tally).contains { $0.check == .walkPageSize || $0.check == .walkCompleteness })
        // Against the correct server, the shrunk walk shows nothing.
        let (clean, _) = try PhaseFixtures.context()
        #expect(Replayer(context: clean, discovery: PhaseFixtures.discovery(clean)).run(plan, tally: &tally).isEmpty)

        // The corpus stores the shrunk plan under the original signature, and replaying it still fails.
        let file = try #require(representative.corpusFile)
        let stored = try CorpusStore.load(path: file)
        #expect(stored.replay == plan)
        #expect(stored.signature == signature)
        let (faulty, transport) = try PhaseFixtures.context(fault: .cursorSkipsItem)
        let outcomes = try Runner(configuration: faulty.configuration, transport: transport).replayFiles([file])
        #expect(outcomes.map(\.stillFails) == [true], "\(outcomes.map(\.detail))")
    }

    @Test func theSameSeedShrinksToTheSamePlansAtAnyConcurrency() throws {
        func shrunk(_ result: RunResult) -> [String] {
            result.findings.map { "\($0.finding.signature) \($0.reproduction) \($0.shrink.map(\.summary) ?? "-")" }
        }
        let one = shrunk(try Self.run(.cursorSkipsItem, concurrency: 1))
        let sixteen = shrunk(try Self.run(.cursorSkipsItem, concurrency: 16))
        #expect(one == sixteen)
        #expect(one.contains { $0.contains("the first 2 pages at page size 1") }, "\(one)")
    }

    @Test func shrinkingDrawsOnTheRequestBudgetAndStopsWithinIt() throws {
        func run(limit: Int?) throws -> (RunResult, Int) {
            let transport = try ScriptedTransport(fault: .cursorSkipsItem)
            let configuration = PhaseFixtures.configuration {
                $0.checks = try? CheckSelection.parse(checks: "CF-WALK-*", exclude: nil)
                $0.maxRequests = limit
            }
            return (try Runner(configuration: configuration, transport: transport).run(), transport.sent.count)
        }
        let (free, freeSent) = try run(limit: nil)
        let spentShrinking = free.findings.compactMap(\.shrink?.attempts).reduce(0, +)
        #expect(spentShrinking > 0)
        // A bound that binds: half of what the free run sent. The planner then gives every phase a
        // smaller share, and confirmation and shrinking their reserve of it, less than shrinking took.
        let limit = freeSent / 2
        #expect(limit / 5 < spentShrinking, "the reserve of \(limit) is below what shrinking took (\(spentShrinking))")
        let (bounded, boundedSent) = try run(limit: limit)
        #expect(boundedSent <= limit, "\(boundedSent) requests sent under --max-requests \(limit)")
        #expect(bounded.statistics.requests <= limit)
        #expect(!bounded.findings.isEmpty && bounded.findings.allSatisfy { $0.status == .new },
                "a shrink cut by the budget keeps what it found; nothing turns flaky: \(bounded.findings.map(\.status))")
        let boundedShrinking = bounded.findings.compactMap(\.shrink?.attempts).reduce(0, +)
        #expect(boundedShrinking < spentShrinking, "\(boundedShrinking) requests shrinking under the bound, \(spentShrinking) without")
    }

    @Test func aRelationFindingShrinksToFewerFilters() throws {
        let (context, _) = try PhaseFixtures.context(fault: .userIDIgnored) { $0.relationBudget = 24 }
        let discovery = PhaseFixtures.discovery(context)
        let valid = PhaseFixtures.cases(context, discovery).summary.validCases
        let entries = RelationPhase(context: context).run(PhaseInput(discovery: discovery, validCases: valid)).findings.ordered
        let entry = try #require(entries.first { $0.plan.kind == .metamorphic }, "\(entries.map(\.finding.signature))")
        guard case .metamorphic(var relation) = entry.plan else { return }
        // The same relation over a base with two filters that leave the fault visible.
        let extra = [QueryItem("call_duration_min_secs", "0"), QueryItem("summary_mode", "exclude")]
        relation.queries = relation.queries.map { $0 + extra }
        let widened = ReplayPlan.metamorphic(relation)
        var tally = WalkTally()
        let replayer = Replayer(context: context, discovery: discovery)
        #expect(replayer.run(widened, tally: &tally).contains { $0.signature == entry.finding.signature },
                "the widened relation still fails")

        let step = ShrinkingStep(context: context, discovery: discovery)
        let outcome = step.shrink(plan: widened, finding: entry.finding, hints: [], requests: 400, reserve: 0, tally: &tally)
        guard case .metamorphic(let shrunk) = outcome.plan else {
            Issue.record("a relation plan stays a relation plan: \(outcome.plan)")
            return
        }
        #expect(outcome.summary.pairsAfter < outcome.summary.pairsBefore, "\(outcome.summary)")
        #expect(shrunk.queries.allSatisfy { Set($0).isDisjoint(with: extra) }, "both added filters are gone: \(shrunk.queries)")
        #expect(outcome.summary.verified)
        #expect(outcome.finding.signature == entry.finding.signature, "the finding keeps its signature")
        #expect(replayer.run(outcome.plan, tally: &tally).contains { outcome.plan.shows(entry.finding.signature, in: $0) })
    }
}
