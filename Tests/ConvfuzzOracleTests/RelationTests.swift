import ConvfuzzContract
import ConvfuzzSpec
import Testing
@testable import ConvfuzzOracle

@Suite("Metamorphic relations")
struct RelationTests {
    let planner = MetamorphicPlanner(spec: Fixtures.spec)
    let candidates: [String: [String]] = [
        "agent_id": ["ag1", "ag2"], "user_id": ["u1", "u2"], "tag_ids": ["t1", "t2"], "topic_ids": ["x", "y"],
        "main_languages": ["en", "de"], "call_start_after_unix": ["100", "200"], "search": ["hello"],
        "data_collection_params": ["k:eq:v1", "k:neq:v2", "k2:gt:5"], "evaluation_params": ["c1:success"],
        "data_collection_ids": ["k"], "branch_id": ["b1", "b2"],
    ]

    func plan(_ relation: SetRelation, _ queries: Int = 3) -> RelationPlan {
        RelationPlan(check: .metaSubset, parameter: "p", detail: "d", description: "test",
                     queries: Array(repeating: [QueryItem("p", "v")], count: queries), relation: relation)
    }

    @Test func evaluationOfEveryRelationKind() {
        #expect(plan(.subset(sub: 1, of: 0), 2).evaluate(sets: [["a", "b"], ["a"]]).isEmpty)
        #expect(plan(.subset(sub: 1, of: 0), 2).evaluate(sets: [["a"], ["a", "z"]]).map(\.signature) == ["CF-META-SUBSET|p|d:extra"])
        #expect(plan(.equal(0, 1), 2).evaluate(sets: [["a"], ["a"]]).isEmpty)
        #expect(plan(.equal(0, 1), 2).evaluate(sets: [["a", "b"], ["a"]]).map(\.signature) == ["CF-META-SUBSET|p|d:missing"])
        #expect(plan(.intersection(result: 2, of: [0, 1])).evaluate(sets: [["a", "b"], ["b", "c"], ["b"]]).isEmpty)
        #expect(plan(.intersection(result: 2, of: [0, 1])).evaluate(sets: [["a", "b"], ["b", "c"], ["a", "b"]]).count == 1)
        #expect(plan(.union(result: 2, of: [0, 1])).evaluate(sets: [["a"], ["b"], ["a", "b"]]).isEmpty)
        #expect(plan(.union(result: 2, of: [0, 1])).evaluate(sets: [["a"], ["b"], ["a"]]).map(\.signature) == ["CF-META-SUBSET|p|d:missing"])
        #expect(plan(.disjoint(0, 1), 2).evaluate(sets: [["a"], ["b"]]).isEmpty)
        #expect(plan(.disjoint(0, 1), 2).evaluate(sets: [["a"], ["a"]]).map(\.signature) == ["CF-META-SUBSET|p|d:overlap"])
        #expect(plan(.partition(whole: 0, parts: [1, 2])).evaluate(sets: [["a", "b"], ["a"], ["b"]]).isEmpty)
        #expect(plan(.partition(whole: 0, parts: [1, 2])).evaluate(sets: [["a", "b", "c"], ["a", "b"], ["b"]]).map(\.signature)
                == ["CF-META-SUBSET|p|d:overlap", "CF-META-SUBSET|p|d:missing"])
        #expect(plan(.equal(0, 1), 2).evaluate(sets: [["a"]]).isEmpty)
    }

    @Test func anEmptyTextMeansWhatTheSpecDeclares() throws {
        let base = [QueryItem("page_size", "100")]
        let plan = try #require(planner.allPlans(base: base, candidates: candidates).first { $0.check == .metaEmpty })
        #expect(plan.parameter == "search" && plan.detail == "no_filter")
        #expect(plan.queries == [base, base + [QueryItem("search", "")]])
        #expect(plan.queryStrings[1].hasSuffix("search="))
        #expect(plan.evaluate(sets: [["a", "b"], ["a", "b"]]).isEmpty)
        #expect(plan.evaluate(sets: [["a", "b"], []]).map(\.signature) == ["CF-META-EMPTY|search|no_filter:missing"])
        // Chosen within a small budget: it is a kind of its own.
        #expect(planner.plans(base: base, candidates: candidates, seed: 3, budget: 12).contains { $0.check == .metaEmpty })
        var spec = Fixtures.spec
        for index in spec.filters.indices where spec.filters[index].param == "search" { spec.filters[index].emptyMeans = .nothing }
        let nothing = try #require(MetamorphicPlanner(spec: spec).allPlans(base: base, candidates: candidates).first { $0.check == .metaEmpty })
        #expect(nothing.relation == .empty(0))
        #expect(nothing.evaluate(sets: [[]]).isEmpty)
        #expect(nothing.evaluate(sets: [["a"]]).map(\.signature) == ["CF-META-EMPTY|search|nothing:extra"])
    }

    @Test func ignoredIdsAreLeftOut() {
        #expect(plan(.subset(sub: 1, of: 0), 2).evaluate(sets: [["a"], ["a", "late"]], ignoring: ["late"]).isEmpty)
    }

    @Test func plansAreDerivedFromTheSpec() {
        let plans = planner.allPlans(base: [QueryItem("page_size", "100")], candidates: candidates)
        let byCheck = Dictionary(grouping: plans, by: \.check)
        #expect(Set(byCheck.keys) == [.metaSubset, .metaAnd, .metaUnion, .metaDisjoint, .metaPartition, .metaMonotone, .metaProjection,
                                      .metaCase, .metaEmpty, .metaLiteral])
        let subsetParams = Set(byCheck[.metaSubset]?.map(\.parameter) ?? [])
        #expect(subsetParams.isSuperset(of: ["user_id", "topic_ids", "search", "agent_id", "rating_min", "call_successful"]))
        let unions = Dictionary(uniqueKeysWithValues: (byCheck[.metaUnion] ?? []).map { ($0.parameter, $0.relation) })
        #expect(unions["tag_ids"] == .union(result: 2, of: [0, 1]))
        #expect(unions["exclude_statuses"] == .intersection(result: 2, of: [0, 1]))
        #expect(unions["data_collection_params"] == .intersection(result: 2, of: [0, 1]))
        let disjoint = Set(byCheck[.metaDisjoint]?.map(\.parameter) ?? [])
        #expect(disjoint.isSuperset(of: ["agent_id", "user_id", "call_successful", "branch_id", "evaluation_params", "data_collection_params"]))
        #expect(!disjoint.contains("search"))
        let partitions = (byCheck[.metaPartition] ?? []).map(\.queryStrings)
        #expect(partitions.contains { $0[1].hasSuffix("k%3Aexists") && $0[2].hasSuffix("k%3Amissing") })
        #expect(partitions.contains { $0[1].hasSuffix("k%3Aeq%3Av1") && $0[2].hasSuffix("k%3Aneq%3Av1") })
        #expect(partitions.contains { $0[1].hasSuffix("k%3Aeq%3A") && $0[2].hasSuffix("k%3Aneq%3A") })
        let monotone = (byCheck[.metaMonotone] ?? []).first { $0.parameter == "rating_min" }
        #expect(monotone?.queries.map { $0.last?.value } == ["1", "5"])
        let maxBound = (byCheck[.metaMonotone] ?? []).first { $0.parameter == "rating_max" }
        #expect(maxBound?.queries.map { $0.last?.value } == ["5", "1"])
        #expect(Set(byCheck[.metaProjection]?.map(\.detail) ?? []) == ["exclude", "include", "ids"])
        #expect(plans.allSatisfy { $0.queries.allSatisfy { $0.first == QueryItem("page_size", "100") } })
    }

    @Test func caseInsensitiveFiltersGetACaseVariantRelation() throws {
        let plans = planner.allPlans(base: [], candidates: ["search": ["Refund"]])
        let plan = try #require(plans.first { $0.check == .metaCase })
        #expect(plan.parameter == "search")
        #expect(plan.queries.map { $0.last?.value } == ["Refund", "REFUND"])
        #expect(plan.evaluate(sets: [["a", "b"], ["a", "b"]]).isEmpty)
        #expect(plan.evaluate(sets: [["a", "b"], ["a"]]).first?.check == .metaCase)
    }

    @Test func hiddenFiltersAreServedFirstAfterOnePlanPerKind() {
        let all = planner.allPlans(base: [], candidates: candidates)
        let variants = Set(all.map { "\($0.check.rawValue)|\($0.detail)" }).count
        let plans = planner.plans(base: [], candidates: candidates, seed: 3, budget: variants + 6)
        let kinds = Set(plans.prefix(8).map(\.check))
        #expect(kinds.count == 8, "the first plans cover every kind")
        #expect(Set(plans.prefix(variants).map { "\($0.check.rawValue)|\($0.detail)" }).count == variants,
                "then every variant of every kind")
        let hidden = ["user_id", "topic_ids", "search"]
        let next = plans.dropFirst(variants).prefix(hidden.count).map { $0.parameter.split(separator: "+").map(String.init) }
        #expect(next.allSatisfy { names in names.contains { hidden.contains($0) } }, "\(next)")
    }

    @Test func parametersInTheBaseAreNotVaried() {
        let plans = planner.allPlans(base: [QueryItem("agent_id", "ag1")], candidates: candidates)
        #expect(!plans.contains { $0.parameter.split(separator: "+").contains("agent_id") })
    }

    @Test func seededSelectionIsDeterministicAndCoversKinds() {
        let a = planner.plans(base: [], candidates: candidates, seed: 42, budget: 12)
        let b = planner.plans(base: [], candidates: candidates, seed: 42, budget: 12)
        let c = planner.plans(base: [], candidates: candidates, seed: 7, budget: 12)
        #expect(a == b)
        #expect(a != c)
        #expect(a.count == 12)
        #expect(Set(a.map(\.check)).count == 10)
    }

    @Test func aRenamedSpecGivesTheSameRelationsUnderNewNames() {
        let spec = SpecIndependenceTests.renamed
        #expect(spec.parameter(named: "zz_agent_id") != nil)
        let renamedCandidates = Dictionary(uniqueKeysWithValues: candidates.map { ("zz_" + $0.key, $0.value) })
        let original = planner.allPlans(base: [], candidates: candidates)
        let derived = MetamorphicPlanner(spec: spec).allPlans(base: [], candidates: renamedCandidates)
        #expect(derived.count == original.count)
        #expect(derived.map(\.check) == original.map(\.check))
        #expect(derived.allSatisfy { plan in plan.queries.allSatisfy { $0.allSatisfy { $0.name.hasPrefix("zz_") } } })
    }
}
