import ConvfuzzSpecFiles
import Foundation
import Testing
import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzSpec

/// The engine on a spec whose every parameter is renamed: proves no name is hard-coded.
@Suite("Renamed spec")
struct RenamedSpecTests {
    static let prefix = "zq_"

    static let renamed: Spec = {
        let original = Fixtures.spec.parameters.map(\.name)
        var text = (try? String(contentsOfFile: Fixtures.specPath, encoding: .utf8)) ?? ""
        let keys = "name|param|lower|upper|cursor_param|page_size_param|direction_param|window_param|owner_param"
        for name in original {
            let pattern = "\\b(\(keys)): \(NSRegularExpression.escapedPattern(for: name))\\b"
            let regex = try? NSRegularExpression(pattern: pattern)
            text = regex?.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                                   withTemplate: "$1: \(prefix)\(name)") ?? text
        }
        text = text.replacingOccurrences(of: "maximum: 100\n    default: 30", with: "maximum: 40\n    default: 30")
            .replacingOccurrences(of: "max_page_size: 100", with: "max_page_size: 40")
        do { return try SpecLoader.load(text: text, file: "renamed.yaml") } catch { fatalError("\(error)") }
    }()

    @Test func everyParameterIsRenamed() {
        #expect(Self.renamed.parameters.allSatisfy { $0.name.hasPrefix(Self.prefix) })
        #expect(Self.renamed.parameters.count == Fixtures.spec.parameters.count)
        #expect(Self.renamed.relations.allSatisfy { $0.lower.hasPrefix(Self.prefix) })
    }

    @Test func generatesAndClassifiesTheRenamedSpec() {
        let generator = CaseGenerator(spec: Self.renamed)
        let batch = generator.cases(seed: 5, count: 1500)
        let declared = Set(Self.renamed.parameters.map(\.name))
        for generated in batch where generated.label.kind != .shape {
            for pair in generated.pairs {
                #expect(declared.contains(pair.name.removingPercentEncoding ?? pair.name), "\(pair.name)")
            }
        }
        let pageSize = Self.prefix + "page_size"
        let values = Set(batch.flatMap { $0.pairs.filter { $0.name == pageSize }.compactMap(\.value) })
        #expect(values.isSuperset(of: ["0", "1", "40", "41"]))
        let malformed = Set(batch.filter { $0.label.kind == .grammarViolation
            && $0.label.parameter == Self.prefix + "data_collection_params" }.map(\.label.detail))
        #expect(malformed.count >= 8)
        let valid = batch.filter { $0.label.kind == .valid }
        #expect(valid.allSatisfy { $0.expectation.isSuccess })
        #expect(valid.count * 100 >= 35 * batch.count)
    }

    @Test func classifiesRenamedNames() {
        let classifier = WireClassifier(spec: Self.renamed)
        #expect(classifier.classify(wire("zq_page_size=41")).expectation == .invalid(parameters: ["zq_page_size"]))
        #expect(classifier.classify(wire("zq_page_size=40")).expectation == .success)
        #expect(classifier.classify(wire("page_size=1000")).expectation == .success)
        #expect(classifier.classify(wire("zq_rating_min=4&zq_rating_max=2")).expectation == .empty(relation: "zq_rating_min>zq_rating_max"))
        #expect(classifier.classify(wire("zq_data_collection_params=id:in:a||b")).expectation
                == .invalid(parameters: ["zq_data_collection_params"]))
        #expect(classifier.classify(wire("zq_cursor=")).expectation == .invalid(parameters: ["zq_cursor"]))
    }
}
