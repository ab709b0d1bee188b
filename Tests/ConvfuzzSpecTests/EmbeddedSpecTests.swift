import ConvfuzzEmbedded
import ConvfuzzSpec
import ConvfuzzSpecFiles
import ConvfuzzTestSupport
import Foundation
import Testing

/// The spec compiled into the binary, the profile `profile init` writes, and YAML error lines.
@Suite("Embedded spec and profiles")
struct EmbeddedSpecTests {
    @Test func theEmbeddedSpecIsTheFileByteForByte() throws {
        let file = try String(contentsOfFile: TestPaths.root + "/" + EmbeddedSpec.sourcePath, encoding: .utf8)
        #expect(EmbeddedSpec.text == file, "run `make embed` after editing \(EmbeddedSpec.sourcePath)")
        let spec = try SpecLoader.load(text: EmbeddedSpec.text, file: EmbeddedSpec.displayName)
        #expect(spec.revision == EmbeddedSpec.revision)
        #expect(spec.name == EmbeddedSpec.name)
        #expect(spec.fingerprint == (try SpecLoader.load(path: TestPaths.specPath)).fingerprint)
    }

    @Test func hiddenPoolsAreLoadedAndLinted() throws {
        let spec = try SpecLoader.load(path: TestPaths.specPath)
        #expect(!spec.hiddenPools.isEmpty)
        var used = Set(spec.parameters.compactMap(\.valuePool))
        for grammar in spec.grammars.values { used.formUnion(grammar.fields.compactMap(\.pool)) }
        #expect(spec.hiddenPools.allSatisfy { used.contains($0.pool) })
        #expect(Set(spec.hiddenPools.map(\.pool)).isDisjoint(with: spec.discoveryPools.map(\.pool)))
        let text = try String(contentsOfFile: TestPaths.specPath, encoding: .utf8)
        let unknown = text.replacingOccurrences(of: "  hidden:\n", with: "  hidden:\n    no_such_pool: \"anywhere\"\n")
        let lines = unknown.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (lines.firstIndex { $0.contains("no_such_pool") } ?? 0) + 1
        #expect {
            try SpecLoader.load(text: unknown, file: "s.yaml")
        } throws: { error in
            "\(error)" == "s.yaml:\(line): discovery.hidden.no_such_pool is not a pool any parameter or grammar field uses"
        }
        let harvested = text.replacingOccurrences(of: "  hidden:\n", with: "  hidden:\n    agent_id: \"the dashboard\"\n")
        #expect {
            try SpecLoader.load(text: harvested, file: "s.yaml")
        } throws: { error in
            "\(error)".contains("discovery.hidden.agent_id is also in discovery.pools")
        }
    }

    @Test func aDraftProfileLoadsAndCommentsWhatItCannotSee() throws {
        let draft = ProfileDraft(target: "staging.example", source: "https://staging.example/v1/x",
                                 harvested: [("agent_id", ["agent_1", "a \"quoted\" one"]), ("branch_id", [])],
                                 hidden: [("user_id", "your own user records")], items: 12, complete: true)
        let text = draft.render()
        let profile = try TargetProfile.load(text: text, file: "draft.yaml")
        #expect(profile.pools["agent_id"] == ["agent_1", "a \"quoted\" one"])
        #expect(profile.pools["user_id"] == nil, "placeholders are comments")
        #expect(text.contains("# user_id: not visible in responses. Where to find it: your own user records."))
        let filled = text.replacingOccurrences(of: "  # user_id:\n  #   - \"…\"", with: "  user_id:\n    - \"u1\"")
        #expect(try TargetProfile.load(text: filled, file: "filled.yaml").pools["user_id"] == ["u1"])
        let empty = ProfileDraft(target: "t", source: "s", harvested: [], hidden: [], items: 0, complete: false)
        #expect(try TargetProfile.load(text: empty.render(), file: "empty.yaml").pools.isEmpty)
    }

    @Test func theShippedStagingExampleLoads() throws {
        let profile = try TargetProfile.load(path: TestPaths.root + "/specs/profiles/staging.example.yaml")
        #expect(profile.pools["agent_id"]?.isEmpty == false)
        let spec = try SpecLoader.load(path: TestPaths.specPath)
        let text = try String(contentsOfFile: TestPaths.root + "/specs/profiles/staging.example.yaml", encoding: .utf8)
        for hidden in spec.hiddenPools { #expect(text.contains("# \(hidden.pool):"), "placeholder for \(hidden.pool)") }
    }

    @Test(arguments: [
        ("a: 1\nb: [x, y\nc: 2\nd: 3\n", 2),
        ("a: 1\nb: \"unterminated\nc: 2\nd: 3\ne: 4\n", 2),
        ("a: 1\nb: {x: 1\nc: 2\n", 2),
        ("a: 1\nb:\n  - x\n - y\nc: 2\n", 4),
    ])
    func yamlSyntaxErrorsPointAtTheLineToFix(text: String, line: Int) {
        #expect {
            try SpecLoader.load(text: text, file: "y.yaml")
        } throws: { error in
            "\(error)".hasPrefix("y.yaml:\(line): YAML syntax")
        }
    }
}
