/// Hands a value to a signal handler's queue; the caller guarantees the value is used safely there.
struct UncheckedSendable<Value>: @unchecked Sendable {
    /// The value.
    let value: Value

    /// Wraps a value.
    init(_ value: Value) { self.value = value }
}
