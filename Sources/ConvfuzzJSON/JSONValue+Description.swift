extension JSONValue: CustomStringConvertible {
    /// The compact JSON text of this value (source key order).
    public var description: String {
        JSONWriter.compact.string(self)
    }
}
