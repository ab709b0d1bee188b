import ConvfuzzOracle
import ConvfuzzReferenceServer
import ConvfuzzTestSupport
import Foundation
import Testing

/// `--checks` / `--exclude-checks` and `explain ID`'s example, as a user meets them.
@Suite("Check selection and examples on the command line", .ownThreads)
struct CheckSelectionCommandLineTests {
    /// The fault or chaos mode an example section names, with the ids it declares.
    static func declared(byExampleNaming line: Substring) -> (name: String, checkIDs: [String])? {
        let words = line.split(separator: " ")
        guard words.count > 4, words[0] == "Example:" else { return nil }
        let name = String(words[4])
        if words[2] == "reference", words[3] == "fault", let fault = ReferenceFault(rawValue: name) { return (name, fault.checkIDs) }
        if words[2] == "chaos", words[3] == "mode", let mode = ChaosMode(rawValue: name) { return (name, mode.checkIDs) }
        return nil
    }

    // MARK: explain ID

    @Test func everyCheckIdHasAnExampleOfAFaultThatExistsAndDeclaresIt() throws {
        for check in CheckID.allCases {
            let section = CheckDemonstration.exampleSection(for: check.rawValue)
            let first = try #require(section.first, "no example for \(check.rawValue)")
            let named = try #require(Self.declared(byExampleNaming: Substring(first)), "\(first)")
            #expect(named.checkIDs.contains(check.rawValue), "\(named.name) does not declare \(check.rawValue)")
            let demonstration = try #require(CheckDemonstration.first(for: check.rawValue))
            #expect(demonstration.name == named.name)
            #expect(Array(demonstration.runArguments.suffix(3)) == ["--checks", check.rawValue, "--no-corpus"])
            #expect(section.contains("  see it live:   convfuzz " + demonstration.runArguments.joined(separator: " ")))
        }
    }

    @Test func explainPrintsTheExampleOfEveryCheckId() throws {
        for check in CheckID.allCases {
            let outcome = try Binary.run(["explain", check.rawValue.lowercased()])
            #expect(outcome.status == 0)
            let lines = outcome.stdout.split(separator: "\n")
            #expect(lines.first?.hasPrefix(check.rawValue) == true)
            let example = try #require(lines.first { $0.hasPrefix("Example: ") }, "explain \(check.rawValue) has no example")
            let named = try #require(Self.declared(byExampleNaming: example), "\(example)")
            #expect(named.checkIDs.contains(check.rawValue))
            #expect(lines.contains { $0.hasPrefix("  see it live:   convfuzz run ") && $0.contains("--checks \(check.rawValue)") })
        }
    }

    @Test func explainRunShowsALiveFindingOfThatCheckAlone() throws {
        let outcome = try Binary.run(["explain", "CF-WALK-DUP", "--run"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("convfuzz run --fault cursor-repeats-item --checks CF-WALK-DUP --no-corpus"))
        #expect(outcome.stdout.contains("\n1. [CF-WALK-DUP] "))
        #expect(outcome.stdout.contains("   repro:    curl "))
        #expect(outcome.stdout.contains("checks: CF-WALK-DUP (1 of \(CheckID.allCases.count) checks; --checks CF-WALK-DUP)"))
        let findingLines = outcome.stdout.split(separator: "\n").filter { $0.first?.isNumber == true && $0.contains(". [CF-") }
        #expect(!findingLines.isEmpty && findingLines.allSatisfy { $0.contains("[CF-WALK-DUP]") }, "\(findingLines)")
    }

    // MARK: --checks, --exclude-checks

    @Test func anUnknownCheckIdIsAUsageErrorNamingTheClosest() throws {
        let run = try Binary.run(["run", "--checks", "CF-ORDER,CF-WALK-DUPP", "--no-corpus"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown check id CF-WALK-DUPP; did you mean CF-WALK-DUP?"))
        #expect(run.stdout.isEmpty)
        let walk = try Binary.run(["walk", "--target", "http://127.0.0.1:9", "--exclude-checks", "CF-SCHEMMA"])
        #expect(walk.status == 2)
        #expect(walk.stderr.contains("--exclude-checks: unknown check id CF-SCHEMMA; did you mean CF-SCHEMA?"))
        let explain = try Binary.run(["explain", "CF-WALK-DUPP"])
        #expect(explain.status == 2)
        #expect(explain.stderr.contains("did you mean CF-WALK-DUP?"))
    }

    @Test func anExclusionThatLeavesNoCheckIsRefused() throws {
        let outcome = try Binary.run(["run", "--checks", "CF-WALK-DUP", "--exclude-checks", "CF-WALK-*", "--no-corpus"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("leave no check to run (an exclusion wins over an inclusion)"))
    }
}
