import ConvfuzzJSON
import ConvfuzzSpec
import Testing
@testable import ConvfuzzOracle

@Suite("Tenancy oracle")
struct TenancyOracleTests {
    let oracle = TenancyOracle(spec: Fixtures.spec)

    static func item(_ id: String, agent: String) -> JSONValue {
        Fixtures.item(id, start: 100, ["agent_id": .string(agent)])
    }

    static let first = WorkspaceView(name: "the first key", items: [item("c1", agent: "agent_a"), item("c2", agent: "agent_b")],
                                     spec: Fixtures.spec)

    static func walk(_ items: [JSONValue]) -> Walk {
        let response = Fixtures.response(Fixtures.body(items), query: "")
        let page = try? PageParser(spec: Fixtures.spec).parse(response.body).get()
        return Walk(spec: Fixtures.spec, baseQuery: "", classification: Fixtures.success(),
                    pages: [WalkPage(response: response, page: page, cursorSent: nil)], end: .completed)
    }

    @Test func aViewReadsIdsAndOwnersThroughTheSpec() {
        #expect(Self.first.ids == ["c1", "c2"])
        #expect(Self.first.owners == ["agent_a", "agent_b"])
        #expect(WorkspaceView.ownerField(Fixtures.spec) == "agent_id")
        var spec = Fixtures.spec
        spec.auth.tenancy.ownerParam = nil
        #expect(WorkspaceView(name: "x", items: [Self.item("c1", agent: "agent_a")], spec: spec).owners.isEmpty)
    }

    @Test func disjointWalksAreClean() {
        let second = Self.walk([Self.item("d1", agent: "agent_z"), Self.item("d2", agent: "agent_y")])
        #expect(oracle.checkWalk(second, foreign: Self.first, under: "the second key").isEmpty)
    }

    @Test func aSharedIdOrOwnerIsALeak() throws {
        let byID = Self.walk([Self.item("d1", agent: "agent_z"), Self.item("c2", agent: "agent_z")])
        let finding = try #require(oracle.checkWalk(byID, foreign: Self.first, under: "the second key").first)
        #expect(finding.check == .tenantLeak)
        #expect(finding.message.contains("conversation_id c2"))
        let byOwner = Self.walk([Self.item("d1", agent: "agent_a")])
        let owner = try #require(oracle.checkWalk(byOwner, foreign: Self.first, under: "the second key").first)
        #expect(owner.message.contains("agent_id agent_a belongs to the first key"))
        #expect(owner.signature == finding.signature)
    }

    @Test func theForeignOwnerGivesAnEmptyPageByDefault() throws {
        let empty = Fixtures.response(Fixtures.body([]))
        #expect(oracle.checkOwnerProbe(empty, owner: "agent_a", foreign: Self.first, under: "the second key").isEmpty)
        let leak = Fixtures.response(Fixtures.body([Self.item("c1", agent: "agent_a")]))
        let finding = try #require(oracle.checkOwnerProbe(leak, owner: "agent_a", foreign: Self.first, under: "the second key").first)
        #expect(finding.check == .tenantOwner)
        #expect(finding.signature == "CF-TENANT-OWNER|agent_id|leak")
        let own = Fixtures.response(Fixtures.body([Self.item("d1", agent: "agent_z")]))
        #expect(oracle.checkOwnerProbe(own, owner: "agent_a", foreign: Self.first, under: "the second key").map(\.signature)
                == ["CF-TENANT-OWNER|agent_id|not-empty"])
        let refused = ObservedResponse(query: "", status: 403, body: "{}")
        #expect(oracle.checkOwnerProbe(refused, owner: "agent_a", foreign: Self.first, under: "the second key").map(\.signature)
                == ["CF-TENANT-OWNER|agent_id|status"])
    }

    @Test func aRefusedRuleWantsOneOfItsStatuses() {
        var spec = Fixtures.spec
        spec.auth.tenancy.foreignOwner = .refused(statuses: [404])
        let oracle = TenancyOracle(spec: spec)
        let notFound = ObservedResponse(query: "", status: 404, body: "{}")
        #expect(oracle.checkOwnerProbe(notFound, owner: "agent_a", foreign: Self.first, under: "the second key").isEmpty)
        let empty = Fixtures.response(Fixtures.body([]))
        #expect(Fixtures.checks(oracle.checkOwnerProbe(empty, owner: "agent_a", foreign: Self.first, under: "the second key"))
                == [.tenantOwner])
    }

    @Test func aForeignCursorMayBeRefusedOrContinueInTheCallersWorkspace() throws {
        let rejected = ObservedResponse(query: "cursor=x", status: 422, body: Fixtures.validationBody("cursor"))
        let own = Fixtures.response(Fixtures.body([Self.item("d1", agent: "agent_z")]), query: "cursor=x")
        #expect(oracle.checkForeignCursor([rejected], foreign: Self.first, under: "the second key").isEmpty)
        #expect(oracle.checkForeignCursor([own], foreign: Self.first, under: "the second key").isEmpty)
        let leak = Fixtures.response(Fixtures.body([Self.item("c2", agent: "agent_b")]), query: "cursor=x")
        let finding = try #require(oracle.checkForeignCursor([own, leak], foreign: Self.first, under: "the second key").first)
        #expect(finding.check == .tenantCursor)
        #expect(finding.evidence.first?.query == "cursor=x")
        let crash = ObservedResponse(query: "cursor=x", status: 500, body: "")
        #expect(Fixtures.checks(oracle.checkForeignCursor([crash], foreign: Self.first, under: "the second key")) == [.tenantCursor])
    }
}
