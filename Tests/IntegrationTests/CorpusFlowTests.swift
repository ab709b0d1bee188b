import ConvfuzzReferenceServer
import ConvfuzzResults
import ConvfuzzRunner
import Foundation
import Testing

@Suite("Corpus, replay and the gate")
struct CorpusFlowTests {
    /// Runs a replay of corpus files against a server.
    func replay(_ files: [String], fault: ReferenceFault?) throws -> [CorpusReplayOutcome] {
        let server = try ReferenceServer(configuration: ReferenceServerConfiguration(fault: fault))
        try server.start()
        defer { server.stop() }
        var configuration = RunConfiguration(spec: Harness.spec, profile: Harness.profile, target: server.baseURL)
        configuration.corpusDirectory = nil
        return try Runner(configuration: configuration).replayFiles(files)
    }

    @Test func aFailureIsStoredReplayedAndNeverDeletedByARun() async throws {
        let corpus = Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: corpus) }
        let first = try await Harness.run(fault: .acceptPageSize101) { $0.corpusDirectory = corpus; $0.replayCorpus = true }
        let stored = first.findings.compactMap(\.corpusFile)
        #expect(!stored.isEmpty)
        let files = CorpusStore(directory: corpus).files()
        #expect(Set(files) == Set(stored))
        let entry = try CorpusStore.load(path: files[0])
        #expect(entry.check == "CF-STATUS-ACCEPTED")
        if case .generatedCase(let query, _, let choices, _) = entry.replay {
            #expect(query.contains("page_size=101"), "shrunk to the failing pair: \(query)")
            #expect(!choices.isEmpty)
        } else {
            Issue.record("a generated case is stored with its choices")
        }
        #expect(entry.specFingerprint == Harness.spec.fingerprint)
        #expect(!entry.replay.queries.isEmpty)

        let stillThere = try replay(files, fault: .acceptPageSize101)
        #expect(stillThere.allSatisfy { $0.stillFails }, "\(stillThere)")
        #expect(stillThere.contains { $0.regenerationAgrees == true })
        let fixed = try replay(files, fault: nil)
        #expect(fixed.allSatisfy { !$0.stillFails }, "\(fixed)")

        let second = try await Harness.run(fault: nil) { $0.corpusDirectory = corpus; $0.replayCorpus = true }
        #expect(second.corpusReplay.count == files.count, "the second run replays the corpus first")
        #expect(second.corpusReplay.allSatisfy { !$0.stillFails })
        #expect(Set(CorpusStore(directory: corpus).files()) == Set(files), "a run never deletes an entry")

        let regression = try await Harness.run(fault: .acceptPageSize101, seed: 99) { $0.corpusDirectory = corpus; $0.replayCorpus = true; $0.maxCases = 20 }
        #expect(regression.corpusReplay.contains { $0.stillFails })
        #expect(regression.exitCode == 1)
    }

    @Test func aBaselineAcceptsKnownFindings() async throws {
        let found = try await Harness.run(fault: .schemaRatingString)
        #expect(found.exitCode == 1)
        let baseline = Baseline(signatures: Set(found.findings.map(\.finding.signature)))
        let server = try ReferenceServer(configuration: ReferenceServerConfiguration(fault: .schemaRatingString))
        try server.start()
        defer { server.stop() }
        var configuration = RunConfiguration(spec: Harness.spec, profile: Harness.profile, target: server.baseURL)
        configuration.corpusDirectory = nil
        let accepted = try Runner(configuration: configuration, baseline: baseline).run()
        #expect(!accepted.findings.isEmpty)
        #expect(accepted.findings.allSatisfy { $0.status == .baseline })
        #expect(accepted.exitCode == 0)
    }

    @Test func unreachableAndUnauthorisedTargetsAbort() throws {
        var configuration = RunConfiguration(spec: Harness.spec, target: "http://127.0.0.1:1")
        configuration.transport.connectTimeout = 1
        configuration.retries = 0
        #expect {
            _ = try Runner(configuration: configuration).run()
        } throws: { error in
            guard let abort = error as? RunAbort, case .unreachable(let url, let reason) = abort else { return false }
            return url.hasPrefix("http://127.0.0.1:1/") && !reason.isEmpty && abort.exitCode == 3
        }
        let server = try ReferenceServer(configuration: ReferenceServerConfiguration(apiKey: "right-key-0123456789"))
        try server.start()
        defer { server.stop() }
        for key in [nil, "wrong-key"] as [String?] {
            let refused = RunConfiguration(spec: Harness.spec, target: server.baseURL, apiKey: key)
            #expect {
                _ = try Runner(configuration: refused).run()
            } throws: { error in
                guard let abort = error as? RunAbort, case .unauthorized(_, let status, let keySent) = abort else { return false }
                return status == 401 && keySent == (key != nil) && abort.exitCode == 3
            }
        }
    }
}
