import Foundation
import Testing
@testable import ConvfuzzOracle

@Suite("Check catalogue and signatures")
struct CheckCatalogueTests {
    @Test func everyCheckHasAnExplanationTitleAndPrefix() {
        #expect(CheckID.allCases.count == 46)
        for check in CheckID.allCases {
            #expect(check.rawValue.hasPrefix("CF-"))
            #expect(check.explanation.count > 40, "\(check)")
            #expect(!check.explanation.contains("\n"))
            #expect(!check.title.isEmpty)
            #expect(CheckID(text: check.rawValue.lowercased()) == check)
        }
    }

    @Test func idsMatchTheArchitectureTable() throws {
        let doc = try String(contentsOfFile: Fixtures.root + "/docs/architecture.md", encoding: .utf8)
        let ids = doc.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `CF-") else { return nil }
            return String(line.dropFirst(3).prefix { $0 != "`" })
        }
        #expect(Set(ids) == Set(CheckID.allCases.map(\.rawValue)))
    }

    @Test func categoriesCoverEveryKind() {
        #expect(Set(CheckID.allCases.map(\.category)) == Set(CheckCategory.allCases))
        #expect(CheckID.metaUnion.category == .relation)
        #expect(CheckID.cursorReuse.category == .cursor)
    }

    @Test func signaturesDropIndicesAndLongNumbers() {
        let signature = FindingSignature.make(check: .schema, parameter: nil, detail: "conversations[17].rating:type")
        #expect(signature == "CF-SCHEMA|-|conversations[].rating:type")
        #expect(FindingSignature.normalise("start 1700000000 at [x]") == "start # at [x]")
        #expect(FindingSignature.normalise("422") == "422")
        #expect(FindingSignature.make(check: .filter, parameter: "a|b", detail: "x\ny") == "CF-FILTER|a b|x y")
    }

    @Test func excerptsAreBoundedAndNeverTrap() {
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 5000) + [0xFF, 0xFE]
        #expect(Excerpt.of(big).count <= Excerpt.limit + 2)
        #expect(Excerpt.of(big, around: 4990).hasPrefix("…"))
        #expect(Excerpt.of([], around: 10) == "")
        #expect(Excerpt.of([0xC3], around: 99).count == 1)
    }
}
