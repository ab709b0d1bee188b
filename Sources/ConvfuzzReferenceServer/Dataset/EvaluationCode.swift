/// Packs an evaluation criterion result (result, score, max_score) into one byte (1...36).
enum EvaluationCode {
    /// Score variants: 0 = score and max_score null, 1...11 = score 0...10 out of 10.
    static let scoreVariants = 12

    /// Encodes a result index (0...2) and a score variant.
    static func encode(result: Int, scoreVariant: Int) -> UInt8 {
        UInt8(1 + result * scoreVariants + scoreVariant)
    }

    /// The result index (0...2) of a non-zero code.
    @inline(__always)
    static func result(_ code: Int) -> Int { (code - 1) / scoreVariants }

    /// The score (nil = null) of a non-zero code.
    @inline(__always)
    static func score(_ code: Int) -> Int? {
        let variant = (code - 1) % scoreVariants
        return variant == 0 ? nil : variant - 1
    }

    /// The maximum score (nil = null) of a non-zero code.
    static let maxScore = 10
}
