/// A JSON value as it appeared on the wire.
///
/// Numbers keep their raw text (see ``JSONNumber``), so `1`, `1.0` and `1e0`
/// stay distinguishable, while equality is by content: numbers compare by
/// numeric value and objects ignore key order (see ``JSONObject``).
public enum JSONValue: Sendable, Hashable {
    /// The literal `null`.
    case null
    /// The literals `true` and `false`.
    case bool(Bool)
    /// A number, with its raw text preserved.
    case number(JSONNumber)
    /// A string, with escapes decoded.
    case string(String)
    /// An array, in source order.
    case array([JSONValue])
    /// An object, with keys in source order.
    case object(JSONObject)
}

// MARK: - Description

extension JSONValue: CustomStringConvertible {
    /// The compact JSON text of this value (source key order).
    public var description: String {
        JSONWriter.compact.string(self)
    }
}
