import Testing
@testable import ConvfuzzGeneration
import ConvfuzzSpec

@Suite("Semantic neighbours")
struct NeighbourTests {
    static let generator = CaseGenerator(spec: Fixtures.spec, pools: Fixtures.pools)

    /// Every neighbour cell of the catalog, generated through its sweep prefix.
    static func cases(_ parameter: String, _ detail: String, count: Int = 20) -> [GeneratedCase] {
        guard let cell = generator.catalog.cells.first(where: { $0.kind == .neighbour && $0.parameter == parameter && $0.detail == detail })
        else { return [] }
        return (0..<count).map { index in
            // The sweep prefix, then varied choices for the values.
            generator.replay(seed: 7, index: index, choices: cell.prefix + [UInt64(index), UInt64(index * 7 + 3), UInt64(index % 3), 0])
        }
    }

    static func values(_ generated: GeneratedCase, _ name: String) -> [String] {
        generated.classification.query.lists[name] ?? generated.classification.query.scalars[name].map { [$0] } ?? []
    }

    @Test func theCatalogDerivesNeighboursFromTheSpecDeclarations() {
        let cells = Self.generator.catalog.cells.filter { $0.kind == .neighbour }.map { "\($0.parameter ?? "-")/\($0.detail)" }
        #expect(cells == [
            "agent_id/id-prefix", "agent_id/id-case-flip",
            "call_start_before_unix/unit-milliseconds", "call_start_before_unix/unit-minutes",
            "call_start_after_unix/unit-milliseconds", "call_start_after_unix/unit-minutes",
            "call_duration_min_secs/unit-milliseconds", "call_duration_min_secs/unit-minutes",
            "call_duration_max_secs/unit-milliseconds", "call_duration_max_secs/unit-minutes",
            "user_id/id-prefix", "user_id/id-case-flip",
            "search/empty-text",
            "branch_id/id-prefix", "branch_id/id-case-flip",
            "topic_ids/id-prefix", "topic_ids/id-case-flip",
            "exclude_statuses/all-values", "exclude_statuses/all-but-one",
            "tag_ids/id-prefix", "tag_ids/id-case-flip",
        ])
        // Nothing without a declaration: a spec without units, identifiers or empty meanings has only enum-list neighbours.
        var bare = Fixtures.spec
        for index in bare.parameters.indices { bare.parameters[index].unit = nil; bare.parameters[index].identifier = false }
        for index in bare.filters.indices { bare.filters[index].emptyMeans = nil }
        #expect(Set(CaseCatalog(spec: bare).cells.filter { $0.kind == .neighbour }.map(\.detail)) == ["all-values", "all-but-one"])
    }

    @Test func unitNeighboursAreARealValueInTheNeighbouringUnitAndValid() throws {
        let starts = Set(Fixtures.pools.values("start_time").compactMap { Int64($0) })
        for generated in Self.cases("call_start_after_unix", "unit-milliseconds") {
            #expect(generated.label == CaseLabel(kind: .neighbour, parameter: "call_start_after_unix", detail: "unit-milliseconds"))
            #expect(generated.expectation.isSuccess, "\(generated.queryString)")
            let value = try #require(Self.values(generated, "call_start_after_unix").first.flatMap { Int64($0) })
            #expect(value % 1_000 == 0 && starts.contains(value / 1_000), "\(value)")
        }
        let durations = Set(Fixtures.pools.values("duration").compactMap { Int64($0) })
        for generated in Self.cases("call_duration_max_secs", "unit-minutes") {
            let value = try #require(Self.values(generated, "call_duration_max_secs").first.flatMap { Int64($0) })
            #expect(durations.contains { $0 / 60 == value }, "\(value)")
            #expect(generated.expectation.isSuccess)
        }
    }

    @Test func enumListsNameEveryValueOrAllButOne() {
        let statuses = Fixtures.spec.parameter(named: "exclude_statuses")?.valueEnum ?? []
        for generated in Self.cases("exclude_statuses", "all-values") {
            #expect(Self.values(generated, "exclude_statuses") == statuses)
            #expect(generated.expectation.isSuccess)
        }
        var left = Set<String>()
        for generated in Self.cases("exclude_statuses", "all-but-one") {
            let sent = Self.values(generated, "exclude_statuses")
            #expect(sent.count == statuses.count - 1)
            left.formUnion(Set(statuses).subtracting(sent))
            #expect(generated.expectation.isSuccess)
        }
        #expect(left.count > 1)
    }

    @Test func emptyTextAndIdNeighbours() throws {
        for generated in Self.cases("search", "empty-text") {
            #expect(Self.values(generated, "search") == [""])
            #expect(generated.queryString.contains("search=") && generated.expectation.isSuccess)
        }
        let agents = Fixtures.pools.values("agent_id")
        for generated in Self.cases("agent_id", "id-prefix") {
            let value = try #require(Self.values(generated, "agent_id").first)
            #expect(!value.isEmpty && !agents.contains(value) && agents.contains { $0.hasPrefix(value) }, "\(value)")
        }
        for generated in Self.cases("tag_ids", "id-case-flip") {
            let value = try #require(Self.values(generated, "tag_ids").first)
            #expect(!Fixtures.pools.values("tag_ids").contains(value))
            #expect(Fixtures.pools.values("tag_ids").contains(SemanticNeighbours.caseFlipped(value)))
        }
        #expect(SemanticNeighbours.caseFlipped("agent_x") == "Agent_x")
        #expect(SemanticNeighbours.caseFlipped("_1") == "_1")
    }

    @Test func neighboursAreCountedInTheCoverageTable() {
        var table = CoverageTable(spec: Fixtures.spec)
        #expect(table.allowed.contains(CoverageCell(parameter: "search", cellClass: "neighbour:empty-text")))
        for generated in Self.cases("search", "empty-text", count: 2) { table.record(generated) }
        #expect(table.count(parameter: "search", cellClass: "neighbour:empty-text") == 2)
        #expect(table.gaps.contains(CoverageCell(parameter: "exclude_statuses", cellClass: "neighbour:all-values")))
        var walks = CoverageTable(spec: Fixtures.spec, walks: true)
        #expect(CoverageTable.walkPageSizes(Fixtures.spec).map(\.size) == [1, 2, 30, 100])
        walks.recordWalk(pageSize: 1)
        walks.recordWalk(pageSize: 30)
        #expect(walks.count(parameter: "page_size", cellClass: "walk:1") == 1)
        #expect(walks.gaps.contains(CoverageCell(parameter: "page_size", cellClass: "walk:2")))
        #expect(!walks.gaps.contains(CoverageCell(parameter: "page_size", cellClass: "walk:default")))
        #expect(!CoverageTable(spec: Fixtures.spec).allowed.contains { $0.cellClass.hasPrefix("walk:") })
    }
}
