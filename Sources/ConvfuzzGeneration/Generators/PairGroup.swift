import ConvfuzzContract
import ConvfuzzSpec

/// The wire pairs of one parameter, with the parameter's position in the spec for ordering.
struct PairGroup: Sendable {
    /// The spec position (undeclared names sort last).
    var order: Int
    /// The pairs, in order.
    var pairs: [WirePair]

    /// Groups in spec order (ties keep their order), flattened.
    static func flatten(_ groups: [PairGroup]) -> [WirePair] {
        groups.enumerated()
            .sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }
            .flatMap(\.element.pairs)
    }
}
