import ConvfuzzReferenceServer
import ConvfuzzOracle
import ConvfuzzResults
import ConvfuzzRunner
import Testing

@Suite("Each reference fault is caught")
struct FaultDetectionTests {
    /// Faults only semantic neighbours and walks at fixed page sizes reach (their own test, so they run alone).
    static let neighbourOnlyFaults: [ReferenceFault] = [.unitConfusion, .wholeEnumListIgnored, .pageSizeOneStalls,
                                                    .emptyTextMeansNothing, .agentIDPrefixMatch]
    static let defaultRunFaults = ReferenceFault.allCases.filter { $0 != .slowResponses && !neighbourOnlyFaults.contains($0) }

    @Test(arguments: defaultRunFaults)
    func aDefaultRunCatchesIt(_ fault: ReferenceFault) async throws {
        try await Self.expectCaught(fault)
    }

    @Test(arguments: neighbourOnlyFaults)
    func neighbourFaults(_ fault: ReferenceFault) async throws {
        try await Self.expectCaught(fault)
    }

    /// A default run reports every check id the fault declares, as new findings, and exits 1.
    static func expectCaught(_ fault: ReferenceFault) async throws {
        let result = try await Harness.run(fault: fault, secondKey: fault.needsSecondKey)
        for check in fault.checkIDs {
            let caught = result.findings.filter { $0.finding.check.rawValue == check && $0.status == .new }
            #expect(!caught.isEmpty, "\(fault.rawValue) should trip \(check); got:\n\(Harness.describe(result))")
        }
        #expect(result.exitCode == 1)
        // One fault, at most three root-cause groups (the noisiest were cursor-forgets-filters and
        // search-drops-filters, 18 groups each before grouping read the shrunk examples).
        let groups = FindingGrouper.groups(result.findings)
        #expect(groups.count <= 3, "\(fault.rawValue): \(groups.count) groups: \(groups.map(\.key))")
    }

    /// Auth and tenancy faults, alone: `--filter FaultDetectionTests/authAndTenancyFaults`.
    @Test(arguments: ReferenceFault.allCases.filter(\.needsKey))
    func authAndTenancyFaults(_ fault: ReferenceFault) async throws {
        let result = try await Harness.run(fault: fault, secondKey: fault.needsSecondKey) { configuration in
            configuration.maxCases = 50
            configuration.walkSample = 0
            configuration.relationBudget = 0
        }
        for check in fault.checkIDs {
            let caught = result.findings.filter { $0.finding.check.rawValue == check && $0.status == .new }
            #expect(!caught.isEmpty, "\(fault.rawValue) should trip \(check); got:\n\(Harness.describe(result))")
        }
        for reported in result.findings {
            let text = "\(reported.finding) \(reported.reproduction)"
            for secret in [Harness.key, Harness.secondKey] + KeyVariant.plan(key: Harness.key, header: "xi-api-key", seed: 1)
                .compactMap({ $0.credential(key: Harness.key, header: "xi-api-key")?.value }).filter({ $0.count >= 8 }) {
                #expect(!text.contains(secret), "a key or a variant of it leaked into a finding")
            }
        }
    }

    @Test func everyCheckIsProvenByAFaultOrAChaosMode() {
        let proven = Set(ReferenceFault.allCases.flatMap(\.checkIDs) + ChaosMode.allCases.flatMap(\.checkIDs))
        let missing = CheckID.allCases.map(\.rawValue).filter { !proven.contains($0) }
        #expect(missing.isEmpty, "check ids without a fault: \(missing)")
    }

    @Test func aSlowTargetIsATransportFindingWithATightTimeout() async throws {
        let result = try await Harness.run(fault: .slowResponses) { configuration in
            configuration.transport.totalTimeout = 1
            configuration.retries = 1
            configuration.maxCases = 200
            configuration.walkSample = 2
            configuration.relationBudget = 4
        }
        #expect(result.findings.contains { $0.finding.check.rawValue == "CF-TRANSPORT" }, "\(Harness.describe(result))")
    }

    @Test func renamedSpecAgainstARenamedServerIsCleanAndStillCatchesFaults() async throws {
        let clean = try await Harness.run(spec: Harness.renamedSpec,
                                    server: ReferenceServerConfiguration(parameterNames: Harness.renamedParameterNames))
        #expect(clean.findings.isEmpty, "\(Harness.describe(clean))")
        #expect((clean.statistics.casesByExpectation["invalid"] ?? 0) > 50)
        let faulty = try await Harness.run(spec: Harness.renamedSpec,
                                     server: ReferenceServerConfiguration(fault: .pageSizePlusOne,
                                                                          parameterNames: Harness.renamedParameterNames))
        #expect(faulty.findings.contains { $0.finding.check.rawValue == "CF-PAGE-SIZE" }, "\(Harness.describe(faulty))")
    }
}
