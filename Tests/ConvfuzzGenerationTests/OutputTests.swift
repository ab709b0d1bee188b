import Testing
import ConvfuzzGeneration
import ConvfuzzSpec

@Suite("Generate output")
struct OutputTests {
    static let goldenHash: UInt64 = 0xa045_0115_af5c_5ad2

    @Test func outputIsByteIdenticalAndPinned() {
        let generator = CaseGenerator(spec: Fixtures.spec, pools: ValuePools(profile: .empty))
        let first = GenerateCommandOutput.render(generator: generator, seed: 42, count: 200)
        let second = GenerateCommandOutput.render(generator: CaseGenerator(spec: Fixtures.spec), seed: 42, count: 200)
        #expect(first == second)
        #expect(first.split(separator: "\n").count == 200)
        let hash = Fingerprint.fnv1a64(first.utf8)
        print("golden hash: 0x\(String(hash, radix: 16))")
        #expect(hash == Self.goldenHash)
    }

    @Test func linesAreSortedKeyJSON() {
        let generated = CaseGenerator(spec: Fixtures.spec).generate(seed: 42, index: 0)
        let line = GenerateCommandOutput.line(for: generated)
        #expect(line.hasPrefix("{\"choices\":["))
        #expect(line.contains("\"seed\":42"))
        #expect(!line.contains("\n"))
    }
}
