import ConvfuzzReferenceServer
import ConvfuzzRunner
import Testing

@Suite("The correct reference server")
struct CleanServerTests {
    @Test(arguments: UInt64(1)...10)
    func hasNoFindings(seed: UInt64) async throws {
        let result = try await Harness.run(seed: seed)
        #expect(result.findings.isEmpty, "\(Harness.describe(result))")
        #expect(result.exitCode == 0)
        #expect(result.statistics.cases == 2_000)
        #expect(result.coverageGaps.isEmpty, "\(result.coverageGaps)")
        #expect(result.statistics.walks > 10)
        #expect(result.statistics.relations > 10)
        #expect((result.statistics.casesByExpectation["invalid"] ?? 0) > 200)
        #expect((result.statistics.casesByExpectation["valid"] ?? 0) > 800)
    }

    @Test(arguments: [UInt64(1), 2])
    func twoWorkspacesAreCleanWithASecondKey(seed: UInt64) async throws {
        let result = try await Harness.run(seed: seed, secondKey: true)
        #expect(result.findings.isEmpty, "\(Harness.describe(result))")
        #expect(result.authNotes.contains { $0.hasPrefix("auth: ") }, "\(result.authNotes)")
        #expect(result.authNotes.contains { $0.hasPrefix("tenancy: ") }, "\(result.authNotes)")
        #expect(result.secondKeyEnv == "SECOND_API_KEY")
    }

    @Test func aRunWithoutAKeySaysTheAuthChecksWereSkipped() async throws {
        let result = try await Harness.run(requireKey: false) { configuration in
            configuration.maxCases = 20
        }
        #expect(result.findings.isEmpty, "\(Harness.describe(result))")
        #expect(result.authNotes.contains { $0.contains("auth checks skipped") }, "\(result.authNotes)")
    }

    @Test func anotherDatasetIsCleanToo() async throws {
        let result = try await Harness.run(seed: 9, server: ReferenceServerConfiguration(seed: 77, size: 2_500))
        #expect(result.findings.isEmpty, "\(Harness.describe(result))")
    }

    @Test func growthDuringTheRunIsToleratedWithTheWindow() async throws {
        let result = try await Harness.run(server: ReferenceServerConfiguration(insertEvery: 7)) { configuration in
            configuration.window = .now
        }
        #expect(result.findings.isEmpty, "\(Harness.describe(result))")
    }

    /// Conversations created during the run, several in one second (the window's start second among them),
    /// never give a finding, flaky ones included.
    @Test(arguments: [20.0, 50.0])
    func growthAtAnInsertRateGivesNoFindingAtAll(rate: Double) async throws {
        let result = try await Harness.run(server: ReferenceServerConfiguration(insertRate: rate)) { configuration in
            configuration.window = .now
        }
        #expect(result.findings.isEmpty, "\(Harness.describe(result))")
        #expect(result.statistics.cases == 2_000)
        #expect(result.coverageGaps.isEmpty, "\(result.coverageGaps)")
    }

    @Test func sameSeedSameFindingsWhateverTheConcurrency() async throws {
        let serial = try await Harness.run(fault: .cursorForgetsFilters, seed: 5) { $0.concurrency = 1; $0.transport.maxConcurrency = 1 }
        let parallel = try await Harness.run(fault: .cursorForgetsFilters, seed: 5) { $0.concurrency = 8 }
        #expect(!serial.findings.isEmpty)
        #expect(serial.findings.map(\.finding.signature) == parallel.findings.map(\.finding.signature))
        #expect(serial.findings.map(\.reproduction) == parallel.findings.map(\.reproduction))
        #expect(serial.statistics.cases == parallel.statistics.cases)
    }
}
