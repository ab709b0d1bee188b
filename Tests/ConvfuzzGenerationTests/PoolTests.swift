import Testing
import ConvfuzzGeneration
import ConvfuzzSpec

@Suite("Pools")
struct PoolTests {
    @Test func mergeSortsDeduplicatesAndCaps() {
        var pools = ValuePools(cap: 3)
        pools.merge(harvested: ["p": ["b", "a", "b"]])
        #expect(pools.values("p") == ["a", "b"])
        pools.merge(harvested: ["p": ["e", "d", "c", "a"]])
        #expect(pools.values("p") == ["a", "c", "e"])
        #expect(pools.values("missing").isEmpty)
        var other = ValuePools(cap: 3)
        other.merge(harvested: ["p": ["c", "a", "e", "d", "b"]])
        #expect(other == pools)
    }

    @Test func comparesBytesNotCanonicalEquivalence() {
        var pools = ValuePools()
        pools.merge(harvested: ["p": ["\u{00E9}", "e\u{0301}"]])
        #expect(pools.values("p").count == 2)
    }

    @Test func harvesterMapsItemFieldsToPools() {
        var harvester = PoolHarvester(spec: Fixtures.spec)
        #expect(harvester.fields.contains("start_time_unix_secs"))
        harvester.add(field: "start_time_unix_secs", value: "1700000000")
        harvester.add(field: "agent_id", value: "agent_z")
        harvester.add(field: "agent_id", value: "agent_a")
        harvester.add(field: "not_a_pool_field", value: "x")
        harvester.add(pool: "tag_ids", value: "t1")
        harvester.add(cursor: "c1")
        #expect(harvester.harvested == ["start_time": ["1700000000"], "agent_id": ["agent_a", "agent_z"], "tag_ids": ["t1"]])
        let pools = harvester.pools(mergingInto: ValuePools(profile: TargetProfile(pools: ["agent_id": ["agent_b"]])))
        #expect(pools.values("agent_id") == ["agent_a", "agent_b", "agent_z"])
        #expect(pools.cursors == ["c1"])
    }

    @Test func cursorMutationsDifferFromTheCursorAndReplay() {
        let mutator = CursorMutator()
        for detail in CursorMutator.details {
            let source = ChoiceSource(random: Xoshiro256StarStar(seed: 8))
            let mutated = mutator.mutate("eyJwb3MiOjEyfQ", detail: detail, using: source)
            #expect(mutated != "eyJwb3MiOjEyfQ")
            let again = mutator.mutate("eyJwb3MiOjEyfQ", detail: detail, using: ChoiceSource(replaying: source.recorded))
            #expect(again == mutated)
        }
    }
}
