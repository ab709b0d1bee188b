/// The output of `convfuzz generate --seed N --count K`: one JSON object per line per case.
///
/// Each line holds `choices`, `classification` (`expectation`, `parameters` for invalid,
/// `relation` for empty, `problems`, `query` with sorted maps), `expectation`, `index`,
/// `label` (`kind`, `parameter`, `detail`), `pairs` (`[{"name":…,"value":…}]`, `value` null for
/// a bare name), `query` (the exact query string) and `seed`. Keys are sorted and the writer is
/// this module's own (`JSONText`), so output is byte-identical across runs and machines.
public enum GenerateCommandOutput {
    /// The JSON line of a case (without the newline).
    public static func line(for generated: GeneratedCase) -> String {
        caseJSON(generated).text
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

    static func caseJSON(_ generated: GeneratedCase) -> JSONText {
        let label = generated.label
        return .object([
            ("seed", .uint(generated.seed)),
            ("index", .int(Int64(generated.index))),
            ("query", .string(generated.queryString)),
            ("pairs", .array(generated.pairs.map { pair in
                .object([("name", .string(pair.name)), ("value", pair.value.map { .string($0) } ?? .null)])
            })),
            ("label", .object([("kind", .string(label.kind.rawValue)),
                               ("parameter", label.parameter.map { .string($0) } ?? .null),
                               ("detail", .string(label.detail))])),
            ("expectation", .string(generated.expectation.word)),
            ("classification", classificationJSON(generated.classification)),
            ("choices", .array(generated.choices.map { .uint($0) })),
        ])
    }

    static func classificationJSON(_ classification: Classification) -> JSONText {
        var members: [(String, JSONText)] = [
            ("expectation", .string(classification.expectation.word)),
            ("problems", .array(classification.problems.map { .string($0) })),
            ("query", queryJSON(classification.query)),
        ]
        switch classification.expectation {
        case .success: break
        case .empty(let relation): members.append(("relation", .string(relation)))
        case .invalid(let parameters): members.append(("parameters", .array(parameters.map { .string($0) })))
        }
        return .object(members)
    }

    static func queryJSON(_ query: EffectiveQuery) -> JSONText {
        .object([
            ("scalars", .object(query.scalars.map { ($0.key, .string($0.value)) })),
            ("lists", .object(query.lists.map { ($0.key, .array($0.value.map { .string($0) })) })),
            ("grammar_items", .object(query.grammarItems.map { entry in
                (entry.key, .array(entry.value.map { item in
                    .object(item.fields.map { ($0.key, .string($0.value)) })
                }))
            })),
            ("unknown", .array(query.unknown.map { .string($0) })),
        ])
    }
}
