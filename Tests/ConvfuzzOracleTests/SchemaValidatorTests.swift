import ConvfuzzJSON
import ConvfuzzSpec
import Testing
@testable import ConvfuzzOracle

@Suite("Schema validator")
struct SchemaValidatorTests {
    let validator = SchemaValidator(spec: Fixtures.spec)

    func violations(_ items: [JSONValue]) -> [SchemaViolation] {
        validator.validateSuccess(Fixtures.body(items))
    }

    @Test func aValidPageHasNoViolations() {
        let item = Fixtures.item("c1", start: 100, [
            "rating": 4.5, "sentiment_analysis": nil, "call_success_score": 1,
            "data_collection_results": ["x": ["data_collection_id": "x", "value": true]],
        ])
        #expect(violations([item]).isEmpty)
    }

    @Test func reportsRequiredTypeNullEnumWithPaths() {
        let items = [
            Fixtures.item("c0", start: 100),
            Fixtures.item("c1", start: 100, ["status": "weird", "message_count": 4.0, "agent_id": nil, "rating": "5"]),
        ]
        let found = violations(items)
        let lines = Set(found.map { "\($0.path):\($0.kind.rawValue)" })
        #expect(lines.contains("conversations[1].status:enum"))
        #expect(lines.contains("conversations[1].message_count:type"))
        #expect(lines.contains("conversations[1].agent_id:required"))
        #expect(lines.contains("conversations[1].rating:type"))
        #expect(found.first { $0.kind == .enum }?.signatureDetail == "conversations[].status:enum")
    }

    /// Keys are matched to their declared properties in any order: reversed keys give the same
    /// violations, required ones reported in the declared order of `required`.
    @Test func keysInAnyOrderValidateAlike() throws {
        let item = Fixtures.item("c1", start: 100, ["status": "weird", "agent_id": nil, "message_count": nil, "rating": "5"])
        guard case .object(let object) = item else { Issue.record("an item is an object"); return }
        let reversed = JSONValue.object(JSONObject(object.entries.reversed()))
        let inOrder = violations([item]).map { "\($0.path):\($0.kind.rawValue)" }
        let backwards = violations([reversed]).map { "\($0.path):\($0.kind.rawValue)" }
        #expect(Set(inOrder) == Set(backwards))
        #expect(inOrder.filter { $0.hasSuffix(":required") }
            == ["conversations[0].agent_id:required", "conversations[0].message_count:required"])
        #expect(backwards.filter { $0.hasSuffix(":required") } == inOrder.filter { $0.hasSuffix(":required") })
        #expect(inOrder.contains("conversations[0].status:enum") && inOrder.contains("conversations[0].rating:type"))
    }

    @Test func nullOnlyWhereNullable() {
        let found = violations([Fixtures.item("c", start: 1, ["call_duration_secs": .null, "rating": .null])])
        #expect(found.map(\.kind) == [.null])
        #expect(found.first?.path.description == "conversations[0].call_duration_secs")
    }

    @Test func refsKeepTheReferringNodesNullability() {
        #expect(violations([Fixtures.item("c", start: 1, ["sentiment_analysis": .null])]).isEmpty)
        let sentiment: JSONValue = ["overall_label": "positive", "overall_sentiment_score": 2, "overall_frustration_score": 0,
                                    "min_user_sentiment_score": -1, "max_user_frustration_score": 1, "num_scored_user_turns": 3]
        let found = violations([Fixtures.item("c", start: 1, ["sentiment_analysis": sentiment])])
        #expect(found.map(\.kind) == [.maximum])
        #expect(found.first?.path.description == "conversations[0].sentiment_analysis.overall_sentiment_score")
    }

    @Test func mapValuesFollowAdditionalAndNormaliseKeys() {
        let results: JSONValue = ["k1": ["data_collection_id": "k1", "value": ["nested"]], "k2": ["value": 1]]
        let found = violations([Fixtures.item("c", start: 1, ["data_collection_results": results])])
        #expect(Set(found.map(\.signatureDetail)) == [
            "conversations[].data_collection_results.*.value:type",
            "conversations[].data_collection_results.*.data_collection_id:required",
        ])
    }

    @Test func integerVersusNumber() {
        #expect(SchemaValidator.matches(.number(JSONNumber(text: "1")!), .integer))
        #expect(!SchemaValidator.matches(.number(JSONNumber(text: "1.0")!), .integer))
        #expect(!SchemaValidator.matches(.number(JSONNumber(text: "1e2")!), .integer))
        #expect(SchemaValidator.matches(.number(JSONNumber(text: "1")!), .number))
    }

    @Test func errorSchemaMinItemsAndClosedObjects() {
        let errorBody: JSONValue = ["detail": []]
        #expect(validator.validateError(errorBody).map(\.kind) == [.minItems])
        let closed = SchemaNode(types: [.object], properties: [("a", SchemaNode(types: [.integer]))], closed: true)
        let response = ResponseSpec(status: 200, schema: closed, definitions: [:], errorSchema: closed)
        let found = SchemaValidator(response: response).validate(["a": 1, "b": 2], against: closed)
        #expect(found.map(\.kind) == [.undeclared])
        #expect(found.first?.path.description == "b")
    }

    @Test func duplicateKeysAreReported() throws {
        let json = try JSONParser.parse(#"{"conversations":[],"has_more":false,"has_more":true}"#)
        #expect(validator.validateSuccess(json).map(\.kind) == [.duplicateKey])
    }
}
