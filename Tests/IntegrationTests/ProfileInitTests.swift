import ConvfuzzReferenceServer
import ConvfuzzSpec
import ConvfuzzSpecFiles
import ConvfuzzTestSupport
import Foundation
import Testing

/// `convfuzz profile init`: a discovery walk written as a profile that loads, with placeholders for hidden values.
@Suite("Profile init", .serialized, .ownThreads)
struct ProfileInitTests {
    @Test func writesHarvestedPoolsAndPlaceholdersThatLoad() throws {
        let server = try ReferenceServer(configuration: ReferenceServerConfiguration(apiKey: "k-profile-init"))
        try server.start()
        defer { server.stop() }
        let directory = Harness.temporaryDirectory()
        let outcome = try Binary.run(["profile", "init", "--target", server.baseURL, "--out", "profiles/staging.yaml"],
                                     environment: ["ELEVENLABS_API_KEY": "k-profile-init"], in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let path = directory + "/profiles/staging.yaml"
        let profile = try TargetProfile.load(path: path)
        for pool in Harness.spec.discoveryPools.map(\.pool) {
            #expect(profile.pools[pool]?.isEmpty == false, "harvested \(pool)")
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for hidden in Harness.spec.hiddenPools {
            #expect(profile.pools[hidden.pool] == nil)
            #expect(text.contains("# \(hidden.pool): not visible in responses. Where to find it: \(hidden.hint)."))
        }
        #expect(!text.contains("k-profile-init"))
        let again = try Binary.run(["profile", "init", "--target", server.baseURL, "--out", "profiles/staging.yaml"],
                                   environment: ["ELEVENLABS_API_KEY": "k-profile-init"], in: directory)
        #expect(again.status == 2, "an existing profile is not overwritten")
        #expect(again.stderr.contains("--force"))
    }

    @Test func aWrongBaseURLExits3AndWritesNothing() throws {
        let server = try ReferenceServer(configuration: ReferenceServerConfiguration())
        try server.start()
        defer { server.stop() }
        let directory = Harness.temporaryDirectory()
        let outcome = try Binary.run(["profile", "init", "--target", server.baseURL + "/v1", "--out", "p.yaml"], in: directory)
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("must not include the path"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/p.yaml"))
    }
}
