import ConvfuzzContract
import ConvfuzzJSON

/// The output of `convfuzz generate --seed N --count K`: one JSON object per line per case.
///
/// Each line holds `choices`, `classification` (`expectation`, `parameters` for invalid,
/// `relation` for empty, `problems`, `query` with sorted maps), `expectation`, `index`,
/// `label` (`kind`, `parameter`, `detail`), `pairs` (`[{"name":…,"value":…}]`, `value` null for
/// a bare name), `query` (the exact query string) and `seed`. Keys are sorted by UTF-8 bytes and
/// the writer is the harness's one ``JSONWriter``, so output is byte-identical across runs and machines.
public enum GenerateCommandOutput {
    private static let writer = JSONWriter(style: .compact, sortedKeys: true)

    /// The JSON line of a case (without the newline).
    public static func line(for generated: GeneratedCase) -> String {
        writer.string(caseJSON(generated))
    }

    /// Lines for cases `0..<count` of `seed`, each ending in a newline, handed to `emit` one by one.
    public static func write(generator: CaseGenerator, seed: UInt64, count: Int, emit: (String) -> Void) {
        for index in 0..<max(0, count) {
            emit(line(for: generator.generate(seed: seed, index: index)) + "\n")
        }
    }

    /// All lines for cases `0..<count` of `seed` as one string.
    public static func render(generator: CaseGenerator, seed: UInt64, count: Int) -> String {
        var out = ""
        write(generator: generator, seed: seed, count: count) { out += $0 }
        return out
    }

    static func caseJSON(_ generated: GeneratedCase) -> JSONValue {
        let label = generated.label
        return object([
            ("seed", number(generated.seed)),
            ("index", number(UInt64(generated.index))),
            ("query", .string(generated.queryString)),
            ("pairs", .array(generated.pairs.map { pair in
                object([("name", .string(pair.name)), ("value", pair.value.map { .string($0) } ?? .null)])
            })),
            ("label", object([("kind", .string(label.kind.rawValue)),
                               ("parameter", label.parameter.map { .string($0) } ?? .null),
                               ("detail", .string(label.detail))])),
            ("expectation", .string(generated.expectation.word)),
            ("classification", classificationJSON(generated.classification)),
            ("choices", .array(generated.choices.map(number))),
        ])
    }

    static func classificationJSON(_ classification: Classification) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("expectation", .string(classification.expectation.word)),
            ("problems", .array(classification.problems.map { .string($0) })),
            ("query", queryJSON(classification.query)),
        ]
        switch classification.expectation {
        case .success: break
        case .empty(let relation): members.append(("relation", .string(relation)))
        case .invalid(let parameters): members.append(("parameters", .array(parameters.map { .string($0) })))
        }
        return object(members)
    }

    static func queryJSON(_ query: EffectiveQuery) -> JSONValue {
        object([
            ("scalars", .object(JSONObject(query.scalars.mapValues { .string($0) }))),
            ("lists", .object(JSONObject(query.lists.mapValues { .array($0.map { .string($0) }) }))),
            ("grammar_items", .object(JSONObject(query.grammarItems.mapValues { items in
                .array(items.map { .object(JSONObject($0.fields.mapValues { .string($0) })) })
            }))),
            ("unknown", .array(query.unknown.map { .string($0) })),
        ])
    }

    // MARK: Values

    private static func number(_ value: UInt64) -> JSONValue {
        .number(JSONNumber(text: String(value))!)
    }

    private static func object(_ members: [(key: String, value: JSONValue)]) -> JSONValue {
        .object(JSONObject(members))
    }
}
