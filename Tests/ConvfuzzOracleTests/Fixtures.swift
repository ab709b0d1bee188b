import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzJSON
import ConvfuzzSpec
import ConvfuzzTestSupport
@testable import ConvfuzzOracle

/// Paths into the repository and shared fixtures for the oracle tests.
enum Fixtures {
    static var root: String { TestPaths.root }

    static var specPath: String { TestPaths.specPath }

    /// The real spec.
    static var spec: Spec { TestPaths.spec }

    /// A valid conversation summary with optional overrides (nil removes a key).
    static func item(_ id: String, start: Int64, _ overrides: [String: JSONValue?] = [:]) -> JSONValue {
        var object = JSONObject([
            (key: "agent_id", value: "agent_1"),
            (key: "conversation_id", value: .string(id)),
            (key: "start_time_unix_secs", value: .number(JSONNumber(start))),
            (key: "call_duration_secs", value: 60),
            (key: "message_count", value: 4),
            (key: "status", value: "done"),
            (key: "call_successful", value: "success"),
            (key: "rating", value: 3),
            (key: "main_language", value: "en"),
            (key: "branch_id", value: nil),
            (key: "tag_ids", value: ["t1", "t2"]),
        ])
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
            object[key] = value
        }
        return .object(object)
    }

    /// A success body.
    static func body(_ items: [JSONValue], hasMore: Bool = false, cursor: String? = nil) -> JSONValue {
        .object(JSONObject([
            (key: "conversations", value: .array(items)),
            (key: "has_more", value: .bool(hasMore)),
            (key: "next_cursor", value: cursor.map { .string($0) } ?? .null),
        ]))
    }

    /// An observed 200 response.
    static func response(_ body: JSONValue, query: String = "q", status: Int = 200) -> ObservedResponse {
        ObservedResponse(query: query, status: status, body: Array(JSONWriter.compact.bytes(body)))
    }

    /// A success classification.
    static func success(_ query: EffectiveQuery = EffectiveQuery()) -> Classification {
        Classification(expectation: .success, query: query)
    }

    /// A validation error body naming one parameter.
    static func validationBody(_ param: String) -> String {
        #"{"detail":[{"loc":["query","\#(param)"],"msg":"bad","type":"value_error"}]}"#
    }

    /// A query with grammar items split by the real grammar.
    static func query(scalars: [String: String] = [:], lists: [String: [String]] = [:]) -> EffectiveQuery {
        var grammarItems: [String: [GrammarItem]] = [:]
        for (name, values) in lists {
            if let grammarName = spec.parameter(named: name)?.grammarName, let grammar = spec.grammars[grammarName] {
                grammarItems[name] = values.map { GrammarSplitter.item($0, grammar: grammar) }
            }
        }
        return EffectiveQuery(scalars: scalars, lists: lists, grammarItems: grammarItems)
    }

    /// The checks among findings.
    static func checks(_ findings: [Finding]) -> [CheckID] { findings.map(\.check) }
}
