/// Which credential a reproduction request carries.
public enum RequestCredential: Sendable, Codable, Hashable {
    /// The run's key under the spec's header (the default).
    case firstKey
    /// The second key (`--second-key-env`).
    case secondKey
    /// A variant derived from the run's key.
    case variant(KeyVariant)
}
