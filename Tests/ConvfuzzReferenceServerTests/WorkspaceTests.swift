import Foundation
import Testing
@testable import ConvfuzzReferenceServer

@Suite("Keys and workspaces")
struct WorkspaceTests {
    static let key = "sk_first_0123456789abcdef"
    static let second = "sk_second_fedcba9876543210"

    static func app(fault: ReferenceFault? = nil, second: String? = WorkspaceTests.second) -> ReferenceApplication {
        try! ReferenceApplication(configuration: ReferenceServerConfiguration(
            seed: 7, size: 300, fault: fault, apiKey: key, secondAPIKey: second))
    }

    static func get(_ app: ReferenceApplication, _ query: String = "", key: String?, header: String = "xi-api-key")
        -> ReferenceResponse {
        TestSupport.request(app, query, headers: key.map { [(name: header, value: $0)] } ?? [])
    }

    /// Every page of a walk under a key: (ids, agent ids).
    static func walk(_ app: ReferenceApplication, key: String, query: String = "page_size=100")
        -> (ids: [String], agents: Set<String>) {
        var ids: [String] = []
        var agents = Set<String>()
        var cursor: String?
        for _ in 0..<100 {
            let full = query + (cursor.map { "&cursor=" + $0 } ?? "")
            let response = get(app, full, key: key)
            guard response.status == 200, let object = TestSupport.json(response) as? [String: Any],
                  let items = object["conversations"] as? [[String: Any]] else { break }
            ids += items.compactMap { $0["conversation_id"] as? String }
            agents.formUnion(items.compactMap { $0["agent_id"] as? String })
            guard object["has_more"] as? Bool == true, let next = object["next_cursor"] as? String else { break }
            cursor = next
        }
        return (ids, agents)
    }

    static func firstCursor(_ app: ReferenceApplication, key: String) -> String? {
        let response = get(app, "page_size=5", key: key)
        return (TestSupport.json(response) as? [String: Any])?["next_cursor"] as? String
    }

    @Test func eachKeySeesItsOwnDisjointWorkspace() {
        let app = Self.app()
        #expect(app.workspaceCount == 2)
        let first = Self.walk(app, key: Self.key)
        let second = Self.walk(app, key: Self.second)
        #expect(first.ids.count == 300 && second.ids.count == 300)
        #expect(Set(first.ids).isDisjoint(with: second.ids))
        #expect(first.agents.isSubset(of: ReferenceVocabulary.agentIDs))
        #expect(second.agents.isSubset(of: ReferenceVocabulary.secondWorkspaceAgentIDs))
        #expect(!second.agents.isEmpty)
    }

    @Test func anotherWorkspacesAgentGivesAnEmptyPage() {
        let app = Self.app()
        let foreign = ReferenceVocabulary.agentIDs[0]
        let response = Self.get(app, "agent_id=" + foreign, key: Self.second)
        #expect(response.status == 200)
        #expect(response.bodyText.contains("\"conversations\":[]"))
        #expect(response.bodyText.contains("\"has_more\":false"))
    }

    @Test func aCursorOfTheOtherKeyIsNotOneThisKeyWasIssued() throws {
        let app = Self.app()
        let cursor = try #require(Self.firstCursor(app, key: Self.key))
        #expect(Self.get(app, "page_size=5&cursor=" + cursor, key: Self.key).status == 200)
        let crossed = Self.get(app, "page_size=5&cursor=" + cursor, key: Self.second)
        #expect(crossed.status == 422)
        #expect(TestSupport.locs(crossed) == [["query", "cursor"]])
    }

    @Test func missingEmptyAndWrongKeysAreRefusedWithTheContractBody() {
        let app = Self.app()
        let wrong = String(Self.key.dropLast(4)) + "zzzz"
        for key in [nil, "", wrong, "sk_", Self.key.uppercased()] as [String?] {
            let response = Self.get(app, key: key)
            #expect(response.status == 401, "\(String(describing: key))")
            #expect(response.bodyText == #"{"detail":{"status":"invalid_api_key","message":"Invalid API key"}}"#)
        }
        #expect(Self.get(app, key: Self.key, header: "XI-API-KEY").status == 200)
        #expect(Self.get(app, key: Self.second, header: "Xi-Api-Key").status == 200)
    }

    @Test func aSecondKeyNeedsADifferentFirstKey() {
        #expect(throws: ReferenceServerError.self) {
            try ReferenceApplication(configuration: ReferenceServerConfiguration(secondAPIKey: "x"))
        }
        #expect(throws: ReferenceServerError.self) {
            try ReferenceApplication(configuration: ReferenceServerConfiguration(apiKey: "x", secondAPIKey: "x"))
        }
    }

    // MARK: Faults

    @Test func missingKeyAccepted() {
        let app = Self.app(fault: .missingKeyAccepted, second: nil)
        #expect(Self.get(app, key: nil).status == 200)
        #expect(Self.get(app, key: "").status == 401)
        #expect(Self.get(app, key: "wrong").status == 401)
    }

    @Test func wrongKey500() {
        let app = Self.app(fault: .wrongKey500, second: nil)
        #expect(Self.get(app, key: "wrong").status == 500)
        #expect(Self.get(app, key: nil).status == 401)
        #expect(Self.get(app, key: Self.key).status == 200)
    }

    @Test func headerCaseRefused() {
        let app = Self.app(fault: .headerCaseRefused, second: nil)
        #expect(Self.get(app, key: Self.key, header: "XI-API-KEY").status == 401)
        #expect(Self.get(app, key: Self.key).status == 200)
    }

    @Test func refusalBodyPlain() {
        let app = Self.app(fault: .refusalBodyPlain, second: nil)
        let response = Self.get(app, key: "wrong")
        #expect(response.status == 401)
        #expect(response.bodyText == "Unauthorized")
        #expect(response.contentType == "text/plain")
    }

    @Test func crossWorkspaceListLeak() {
        let app = Self.app(fault: .crossWorkspaceListLeak)
        let first = Self.walk(app, key: Self.key)
        let second = Self.walk(app, key: Self.second)
        #expect(Set(first.ids).isSubset(of: second.ids))
        #expect(first.ids.count == 300)
    }

    @Test func crossWorkspaceAgentLeak() {
        let app = Self.app(fault: .crossWorkspaceAgentLeak)
        let foreign = ReferenceVocabulary.agentIDs[0]
        let leaked = Self.walk(app, key: Self.second, query: "page_size=100&agent_id=" + foreign)
        #expect(!leaked.ids.isEmpty)
        #expect(leaked.agents == [foreign])
        #expect(Set(Self.walk(app, key: Self.second).ids).isDisjoint(with: Self.walk(app, key: Self.key).ids))
    }

    /// CONTRACT.md, Workspaces: an id of the other workspace matches nothing, byte for byte like an id of none.
    @Test func idsOfTheOtherWorkspaceMatchNothing() {
        let app = Self.app()
        let nowhere = Self.get(app, "user_id=nobody", key: Self.second)
        for query in ["user_id=user_0001", "branch_id=agtbrch_main", "tag_ids=tag_billing", "topic_ids=topic_billing"] {
            let foreign = Self.get(app, query, key: Self.second)
            #expect(foreign.status == 200 && foreign.body == nowhere.body, "\(query) under the second key")
            let own = Self.get(app, query.replacingOccurrences(of: "=", with: "=") + WorkspaceIDs.suffix, key: Self.second)
            #expect(own.body != nowhere.body, "\(query)\(WorkspaceIDs.suffix) is the second workspace's own id")
            #expect(Self.get(app, query + WorkspaceIDs.suffix, key: Self.key).body == Self.get(app, "user_id=nobody", key: Self.key).body)
        }
        let leaking = Self.app(fault: .crossWorkspaceIDResolves)
        #expect(Self.get(leaking, "user_id=user_0001", key: Self.second).body != nowhere.body)
    }

    @Test func crossWorkspaceCursorLeak() throws {
        let app = Self.app(fault: .crossWorkspaceCursorLeak)
        let cursor = try #require(Self.firstCursor(app, key: Self.key))
        let crossed = Self.get(app, "page_size=5&cursor=" + cursor, key: Self.second)
        #expect(crossed.status == 200)
        let firstIDs = Set(Self.walk(app, key: Self.key).ids)
        let items = (TestSupport.json(crossed) as? [String: Any])?["conversations"] as? [[String: Any]] ?? []
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { firstIDs.contains($0["conversation_id"] as? String ?? "") })
        #expect(Self.get(app, "cursor=garbage", key: Self.second).status == 422)
    }

    @Test func workspaceFaultsDeclareTheirNeeds() {
        let auth: [ReferenceFault] = [.missingKeyAccepted, .wrongKey500, .headerCaseRefused, .refusalBodyPlain]
        let tenancy: [ReferenceFault] = [.crossWorkspaceListLeak, .crossWorkspaceAgentLeak, .crossWorkspaceCursorLeak,
                                         .crossWorkspaceIDResolves]
        #expect(auth.allSatisfy { $0.needsKey && !$0.needsSecondKey })
        #expect(tenancy.allSatisfy { $0.needsKey && $0.needsSecondKey })
        #expect(ReferenceFault.allCases.filter(\.needsKey).count == 8)
    }
}
