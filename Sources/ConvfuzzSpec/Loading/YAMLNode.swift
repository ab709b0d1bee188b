/// A YAML document as a `Sendable` tree that remembers the line of every node.
///
/// Yams' own `Node` is not `Sendable`, and the spec loader needs line numbers for
/// every message, so the composed document is copied into this tree once
/// (`YAMLNode.parse` in `ConvfuzzSpecFiles`, the one module that imports Yams; the model and
/// the loader's checks here do not wait for it to build).
public indirect enum YAMLNode: Sendable {
    /// A scalar with its text, its line and whether it was quoted in the source.
    case scalar(String, line: Int, quoted: Bool)
    /// A mapping with its keys in source order.
    case mapping([(key: String, keyLine: Int, value: YAMLNode)], line: Int)
    /// A sequence.
    case sequence([YAMLNode], line: Int)

    /// The 1-based line where the node starts.
    public var line: Int {
        switch self {
        case .scalar(_, let line, _), .mapping(_, let line), .sequence(_, let line): return line
        }
    }

    /// A short name of the node's kind, for messages.
    public var kindName: String {
        switch self {
        case .scalar: return "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}
