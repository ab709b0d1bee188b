import ConvfuzzReferenceServer
import Foundation
import Testing

/// Every chaos mode of the reference server, run through the binary: the run ends with exit 0–3
/// within `--time-budget` plus the documented bound, under the memory goal, with the expected
/// finding or condition. Runs in parallel (each run starts its own embedded server).
@Suite("Chaos modes end in bounded time and memory")
struct ChaosTests {
    /// The documented bound past `--time-budget` (README: "Deadline").
    static let deadlineBound = 5.0
    /// The memory goal, in MiB.
    static let peakRSSGoal = 150.0
    static let budget = 10.0

    /// One scenario: the arguments after `run`/`walk` and what the output must show (any of).
    struct Scenario: CustomStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var exitCodes: ClosedRange<Int32>
        var expected: [String]
        var environment: [String: String] = [:]
        var description: String { name }
    }

    static let runArguments = ["--time-budget", String(Int(budget)), "--max-cases", "120", "--no-corpus", "--walks", "4",
                               "--relations", "8"]

    static let scenarios: [Scenario] = [
        Scenario(name: "stall", arguments: ["run", "--chaos", "stall"] + runArguments, exitCodes: 3...3, expected: ["stall"]),
        Scenario(name: "trickle", arguments: ["run", "--chaos", "trickle"] + runArguments, exitCodes: 3...3, expected: ["stall"]),
        // Within a short budget an endless, consistent cursor cannot be told from a large dataset: the
        // run must end on time and say why it stopped; `walk` (next) reports CF-WALK-LOOP at its bound.
        Scenario(name: "endless-cursor", arguments: ["run", "--chaos", "endless-cursor"] + runArguments, exitCodes: 0...1,
                 expected: ["stopped early: time budget", "[CF-WALK-LOOP]", "[CF-WALK-HASMORE]", "[CF-RELATION-EMPTY]"]),
        Scenario(name: "endless-cursor (walk)", arguments: ["walk", "--chaos", "endless-cursor", "--max-walk-pages", "150"],
                 exitCodes: 1...1, expected: ["[CF-WALK-LOOP]"]),
        Scenario(name: "cursor-cycle", arguments: ["run", "--chaos", "cursor-cycle"] + runArguments, exitCodes: 1...1,
                 expected: ["[CF-WALK-LOOP]"]),
        Scenario(name: "huge-page", arguments: ["run", "--chaos", "huge-page"] + runArguments, exitCodes: 1...1,
                 expected: ["[CF-PAGE-SIZE]"]),
        Scenario(name: "retry-after-day", arguments: ["run", "--chaos", "retry-after-day"] + runArguments, exitCodes: 3...3,
                 expected: ["asked to wait 86400 s"]),
        Scenario(name: "retry-after-day at 5%", arguments: ["run", "--chaos", "retry-after-day", "--chaos-rate", "0.05"] + runArguments,
                 exitCodes: 0...3, expected: ["asked to wait 86400 s"]),
        Scenario(name: "throttle at 20%", arguments: ["run", "--chaos", "throttle", "--chaos-rate", "0.2"] + runArguments,
                 exitCodes: 0...1, expected: ["[CF-RETRY-RATE]"]),
        Scenario(name: "reset", arguments: ["run", "--chaos", "reset"] + runArguments, exitCodes: 3...3, expected: ["reset"]),
        // A target that resets or flaps on a third of its requests fails the transport health gate.
        Scenario(name: "reset at 30%", arguments: ["run", "--chaos", "reset", "--chaos-rate", "0.3"] + runArguments, exitCodes: 3...3,
                 expected: ["transport health gate failed"]),
        Scenario(name: "unavailable at 30%", arguments: ["run", "--chaos", "unavailable", "--chaos-rate", "0.3"] + runArguments,
                 exitCodes: 3...3, expected: ["transport health gate failed"]),
        Scenario(name: "truncate at 30%", arguments: ["run", "--chaos", "truncate", "--chaos-rate", "0.3"] + runArguments,
                 exitCodes: 1...3, expected: ["[CF-BODY-JSON]", "truncated"]),
        Scenario(name: "wrong-content-type", arguments: ["run", "--chaos", "wrong-content-type"] + runArguments, exitCodes: 1...1,
                 expected: ["[CF-CONTENT-TYPE]"]),
        Scenario(name: "no-content-type", arguments: ["run", "--chaos", "no-content-type"] + runArguments, exitCodes: 1...1,
                 expected: ["[CF-CONTENT-TYPE]"]),
        Scenario(name: "invalid-encoding", arguments: ["run", "--chaos", "invalid-encoding"] + runArguments, exitCodes: 1...1,
                 expected: ["[CF-BODY-JSON]"]),
        Scenario(name: "revoke-key", arguments: ["run", "--chaos", "revoke-key"] + runArguments, exitCodes: 3...3,
                 expected: ["refused the key (HTTP 401) after"], environment: ["ELEVENLABS_API_KEY": "chaos-key"]),
        Scenario(name: "1% stall or trickle", arguments: ["run", "--chaos", "stall,trickle", "--chaos-rate", "0.01"] + runArguments,
                 exitCodes: 0...3, expected: ["stall"]),
    ]

    @Test func everyModeHasAScenario() {
        let covered = Set(Self.scenarios.flatMap { scenario in
            scenario.arguments.drop { $0 != "--chaos" }.dropFirst().first.map { $0.split(separator: ",").map(String.init) } ?? []
        })
        #expect(covered == Set(ChaosMode.allCases.map(\.rawValue)))
    }

    // Three groups run side by side, each one scenario at a time: enough parallelism for a 2-core box
    // without starving the runs whose wall time is being measured. A run mostly waits (stalls, resets,
    // Retry-After), so the wait is async: it holds none of the test runner's shared threads.
    static func group(_ number: Int) -> [Scenario] {
        scenarios.enumerated().filter { $0.offset % 3 == number }.map(\.element)
    }

    @Test(.serialized, arguments: group(0))
    func groupA(_ scenario: Scenario) async throws { try await check(scenario) }

    @Test(.serialized, arguments: group(1))
    func groupB(_ scenario: Scenario) async throws { try await check(scenario) }

    @Test(.serialized, arguments: group(2))
    func groupC(_ scenario: Scenario) async throws { try await check(scenario) }

    private func check(_ scenario: Scenario) async throws {
        let outcome = try await ChildProcess.run(scenario.arguments, environment: scenario.environment)
        let output = outcome.stdout + outcome.stderr
        #expect(!outcome.signaled, "\(scenario.name) crashed:\n\(outcome.stderr)")
        #expect(scenario.exitCodes.contains(outcome.status), "\(scenario.name): exit \(outcome.status)\n\(output.suffix(2000))")
        if scenario.arguments.first == "run" {
            #expect(outcome.seconds <= Self.budget + Self.deadlineBound, "\(scenario.name) took \(outcome.seconds) s")
        }
        #expect(outcome.peakRSSMegabytes < Self.peakRSSGoal, "\(scenario.name): peak RSS \(outcome.peakRSSMegabytes) MiB")
        #expect(scenario.expected.contains { output.contains($0) }, "\(scenario.name): none of \(scenario.expected) in\n\(output.suffix(3000))")
        #expect(!output.contains("Fatal error"), "\(scenario.name)")
        for secret in scenario.environment.values { #expect(!output.contains(secret), "\(scenario.name) leaked the key") }
    }
}
