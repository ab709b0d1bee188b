/// What an auth probe expects of the target, and a description of the credential it sent.
///
/// The description never holds key material: it says how the credential differs
/// from the run's key (for example `wrong key (last 4 characters changed)`).
public struct AuthExpectation: Sendable, Hashable {
    /// The outcome the spec requires.
    public enum Outcome: Sendable, Hashable {
        /// One of the spec's refusal statuses (the key is missing, empty or wrong).
        case refused
        /// The success status (the valid key, sent differently but equivalently).
        case accepted
    }

    /// The required outcome.
    public var outcome: Outcome
    /// A stable short name of the credential variant, used in signatures (e.g. `missing`, `wrong-suffix`).
    public var kind: String
    /// How the credential differs from the run's key, for humans.
    public var description: String

    /// Creates an expectation.
    public init(outcome: Outcome, kind: String, description: String) {
        self.outcome = outcome
        self.kind = kind
        self.description = description
    }
}
