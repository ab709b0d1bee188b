import ConvfuzzSpec
import Yams

extension YAMLNode {
    /// Parses YAML text into a tree; syntax errors carry the file and line.
    public static func parse(_ text: String, file: String) throws(SpecError) -> YAMLNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw SpecError(file: file, line: Self.line(of: error), message: Self.message(of: error))
        } catch {
            throw SpecError(file: file, line: 1, message: "unreadable YAML: \(error)")
        }
        guard let root else { throw SpecError(file: file, line: 1, message: "the file is empty") }
        return try convert(root, file: file)
    }

    private static func convert(_ node: Node, file: String) throws(SpecError) -> YAMLNode {
        let line = node.mark?.line ?? 1
        switch node {
        case .scalar(let scalar):
            return .scalar(scalar.string, line: line, quoted: scalar.style != .plain)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for element in sequence { items.append(try convert(element, file: file)) }
            return .sequence(items, line: line)
        case .mapping(let mapping):
            var pairs: [(key: String, keyLine: Int, value: YAMLNode)] = []
            var seen = Set<String>()
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw SpecError(file: file, line: key.mark?.line ?? line, message: "a mapping key must be a plain string")
                }
                let keyLine = key.mark?.line ?? line
                if !seen.insert(keyScalar.string).inserted {
                    throw SpecError(file: file, line: keyLine, message: "duplicate key '\(keyScalar.string)'")
                }
                pairs.append((keyScalar.string, keyLine, try convert(value, file: file)))
            }
            return .mapping(pairs, line: line)
        case .alias:
            throw SpecError(file: file, line: line, message: "YAML aliases are not supported in specs")
        }
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(let context, _, let mark, _), .parser(let context, _, let mark, _), .composer(let context, _, let mark, _):
            // An unclosed construct (a quoted scalar, a flow list or mapping, a key) is detected where the
            // scanner gives up, often lines later; the line to fix is where the construct starts.
            if let context, startsConstruct(context.text), context.mark.line <= mark.line { return context.mark.line }
            return mark.line
        case .duplicatedKeysInMapping(_, let context):
            return context.mark.line
        default:
            return 1
        }
    }

    /// Whether a Yams context names a construct whose start is the line to fix.
    private static func startsConstruct(_ text: String) -> Bool {
        ["quoted scalar", "flow", "simple key", "block scalar", "tag", "anchor", "alias", "directive"].contains { text.contains($0) }
    }

    private static func message(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            guard let context else { return "YAML syntax: \(problem)" }
            if startsConstruct(context.text), context.mark.line < mark.line {
                return "YAML syntax: \(problem) (\(context.text) that starts on this line; detected at line \(mark.line))"
            }
            return "YAML syntax: \(problem) (\(context.text))"
        case .reader(let problem, _, _, _):
            return "unreadable YAML: \(problem)"
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicate keys: \(duplicates.joined(separator: ", "))"
        default:
            return "unreadable YAML: \(error)"
        }
    }
}
