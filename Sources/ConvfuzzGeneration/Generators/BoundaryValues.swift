import ConvfuzzSpec

/// Boundary values of an integer parameter, derived from its declared bounds and the spec's
/// integer range. Values past the 64-bit range are exact decimal text.
enum BoundaryValues {
    /// Details on a bound (`boundary-at`).
    static func atDetails(_ parameter: ParameterSpec) -> [String] {
        (parameter.minimum == nil ? [] : ["min"]) + (parameter.maximum == nil ? [] : ["max"]) + ["int64-min", "int64-max"]
    }

    /// Details one inside a bound, and the small integers 0 and -1 (`boundary-inside`).
    static func insideDetails(_ parameter: ParameterSpec) -> [String] {
        (parameter.minimum == nil ? [] : ["min+1"]) + (parameter.maximum == nil ? [] : ["max-1"]) + ["zero", "minus-one"]
    }

    /// Details one past a bound, and just past the 64-bit range (`boundary-outside`).
    static func outsideDetails(_ parameter: ParameterSpec) -> [String] {
        (parameter.minimum == nil ? [] : ["min-1"]) + (parameter.maximum == nil ? [] : ["max+1"])
            + ["int64-max+1", "int64-min-1"]
    }

    /// The decimal text of a boundary detail.
    static func text(_ detail: String, parameter: ParameterSpec, integer: IntegerSpec) -> String {
        let minimum = parameter.minimum ?? integer.minimum
        let maximum = parameter.maximum ?? integer.maximum
        switch detail {
        case "min": return String(minimum)
        case "max": return String(maximum)
        case "min+1": return IntegerText.offset(minimum, by: 1)
        case "max-1": return IntegerText.offset(maximum, by: -1)
        case "min-1": return IntegerText.offset(minimum, by: -1)
        case "max+1": return IntegerText.offset(maximum, by: 1)
        case "zero": return "0"
        case "minus-one": return "-1"
        case "int64-min": return String(integer.minimum)
        case "int64-max": return String(integer.maximum)
        case "int64-max+1": return IntegerText.offset(integer.maximum, by: 1)
        default: return IntegerText.offset(integer.minimum, by: -1)
        }
    }
}
