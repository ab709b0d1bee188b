import ConvfuzzSpecFiles
import Testing
@testable import ConvfuzzSpec
import ConvfuzzTestSupport

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

    static let spec: Spec = { try! SpecLoader.load(path: TestPaths.specPath) }()

    /// Validated against the spec like a spec: unknown pools with the closest name, lists only, values
    /// that fit the parameters a pool feeds; each error names the line.
    @Test func profilesAreCheckedAgainstTheSpec() {
        let cases: [(String, Int, String)] = [
            ("pools:\n  agent_id: 42\n", 3, "profile.pools.agent_id must be a list, found the single value 42"),
            ("pools:\n  agent_id: [42]\n", 3, "profile.pools.agent_id holds text, but 42 is a YAML number"),
            ("pools:\n  topic_id: [t1]\n", 3, "unknown pool 'topic_id' in profile.pools (did you mean 'topic_ids'?)"),
            ("pools:\n  user_ids:\n    - u1\n", 3, "unknown pool 'user_ids' in profile.pools (did you mean 'user_id'?)"),
            ("pools:\n  duration:\n    - 12\n    - abc\n", 5, "profile.pools.duration feeds integer parameters, so 'abc' does not fit"),
            ("pools:\n  duration: [\"abc\"]\n", 3, "so 'abc' does not fit"),
            ("pools:\n  tag_ids: {a: b}\n", 3, "profile.pools.tag_ids must be a list of values, found a mapping"),
            ("pool:\n  agent_id: [a]\n", 2, "unknown key 'pool' in profile (did you mean 'pools'?"),
        ]
        for (body, line, message) in cases {
            do {
                _ = try TargetProfile.load(text: "convfuzz_profile: 1\n" + body, file: "p.yaml", spec: Self.spec)
                Issue.record("accepted: \(body)")
            } catch {
                #expect(error.line == line, "\(body): \(error)")
                #expect(error.message.contains(message), "\(error.message)")
            }
        }
        let good = "convfuzz_profile: 1\npools:\n  agent_id: [\"agent_1\"]\n  duration: [12, 300]\n  user_id: [\"42\"]\nid_values:\n  tier: [gold]\n"
        #expect(throws: Never.self) { try TargetProfile.load(text: good, file: "p.yaml", spec: Self.spec) }
        #expect(throws: Never.self) { try TargetProfile.load(path: TestPaths.root + "/specs/profiles/reference.yaml", spec: Self.spec) }
        #expect(throws: Never.self) { try TargetProfile.load(path: TestPaths.root + "/specs/profiles/staging.example.yaml", spec: Self.spec) }
    }

    /// A spec's `health.max_retry_share` and `secrets.parameters` are read and checked.
    @Test func specSetsTheHealthLimitAndSecretParameters() throws {
        let text = try String(contentsOfFile: TestPaths.specPath, encoding: .utf8)
        let spec = try SpecLoader.load(text: text + "\nhealth:\n  max_retry_share: 10%\nsecrets:\n  parameters: [search]\n", file: "s.yaml")
        #expect(spec.harness.maxRetryShare == 0.1 && spec.harness.secretParameters == ["search"])
        #expect(throws: SpecError.self) { try SpecLoader.load(text: text + "\nsecrets:\n  parameters: [serach]\n", file: "s.yaml") }
        #expect(throws: SpecError.self) { try SpecLoader.load(text: text + "\nhealth:\n  max_retry_share: lots\n", file: "s.yaml") }
    }

    /// `spec lint` names every TODO a draft holds, not only the first.
    @Test func aDraftNamesEachTodo() {
        let draft = "convfuzz_spec: 1\nname: TODO\nendpoint:\n  path: TODO\nrevision: TODO\n"
        do {
            _ = try SpecLoader.load(text: draft, file: "d.yaml")
            Issue.record("a draft must be refused")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.hasPrefix("3 TODOs left by `convfuzz spec import`"), "\(error.message)")
            #expect(error.message.contains("line 2 spec.name") && error.message.contains("line 4 spec.endpoint.path")
                    && error.message.contains("line 5 spec.revision"), "\(error.message)")
        }
    }
}
