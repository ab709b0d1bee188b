import Testing
@testable import ConvfuzzSpec

@Suite("Target profile")
struct ProfileTests {
    @Test func parsesPoolsAndIdValues() throws {
        let profile = try TargetProfile.load(text: """
            convfuzz_profile: 1
            target: staging
            pools:
              user_id: [u1, u2]
              topic_ids: [t1]
            id_values:
              tier: [gold, silver]
            """, file: "p.yaml")
        #expect(profile.target == "staging")
        #expect(profile.pools["user_id"] == ["u1", "u2"])
        #expect(profile.idValues["tier"] == ["gold", "silver"])
    }

    @Test func rejectsUnknownKeysWithALine() {
        do {
            _ = try TargetProfile.load(text: "target: x\npoolz: {}\n", file: "p.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
        }
    }
}
