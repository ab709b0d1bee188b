import ArgumentParser
import ConvfuzzGeneration
import ConvfuzzSpec
import Foundation

/// `convfuzz generate`: prints generated cases as JSON lines, byte-identical across runs and machines.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Print generated cases as JSON lines: query pairs, classification, expected outcome, choices."
    )

    @OptionGroup var specOptions: SpecOptions

    @Option(parsing: .unconditional, help: "Run seed.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "How many cases.")
    var count: Int = 20

    @Option(parsing: .unconditional, help: "First case index.")
    var start: Int = 0

    @Flag(help: "Generate and classify without printing the cases; print the rate instead (for benchmarks).")
    var discard = false

    func validate() throws {
        try Bounds.atLeast("--count", count, 0)
        try Bounds.atLeast("--start", start, 0)
    }

    func run() throws {
        let spec = try specOptions.loadSpec()
        let profile = try specOptions.loadProfile(embeddedFallback: false, spec: spec)
        let generator = CaseGenerator(spec: spec, pools: ValuePools(profile: profile))
        if discard {
            let started = Date()
            var pairs = 0
            for index in start..<(start + count) { pairs += generator.generate(seed: seed, index: index).pairs.count }
            let seconds = Date().timeIntervalSince(started)
            print(String(format: "generated and classified %d cases (%d query pairs) in %.3f s: %.0f cases/s",
                         count, pairs, seconds, seconds > 0 ? Double(count) / seconds : 0))
            return
        }
        var buffer = ""
        buffer.reserveCapacity(1 << 16)
        for index in start..<(start + count) {
            buffer += GenerateCommandOutput.line(for: generator.generate(seed: seed, index: index))
            buffer += "\n"
            if buffer.utf8.count >= 1 << 16 {
                FileHandle.standardOutput.write(Data(buffer.utf8))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(Data(buffer.utf8))
    }
}

extension GenerateCommand: Exemplified {
    static let examples = [
        "convfuzz generate --seed 7 --count 5",
        "convfuzz generate --seed 7 --start 1000 --count 1",
        "convfuzz generate --count 2000 --discard",
    ]
}
