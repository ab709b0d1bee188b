import ArgumentParser

/// Range checks for numeric options, with one message shape: `--name must be at least N, got V`.
enum Bounds {
    /// Throws unless `value >= minimum`.
    static func atLeast<T: Comparable>(_ option: String, _ value: T, _ minimum: T) throws {
        guard value >= minimum else { throw ValidationError("\(option) must be at least \(minimum), got \(value)") }
    }

    /// Throws unless `minimum <= value <= maximum`.
    static func within<T: Comparable>(_ option: String, _ value: T, _ minimum: T, _ maximum: T) throws {
        try atLeast(option, value, minimum)
        guard value <= maximum else { throw ValidationError("\(option) must be at most \(maximum), got \(value)") }
    }

    /// Throws unless `value > 0` (and finite).
    static func positive(_ option: String, _ value: Double) throws {
        guard value > 0, value.isFinite else {
            throw ValidationError("\(option) must be more than 0 seconds, got \(value.isFinite ? String(value) : "\(value)")")
        }
    }
}
