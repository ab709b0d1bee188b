import ConvfuzzSpec

/// Case folding as a `contains_ci` filter declares it (`case_folding`), scalar by scalar.
///
/// `simple` is Unicode simple case folding (CaseFolding.txt, statuses C and S): a scalar folds to
/// its single-scalar lower-case mapping, except the few scalars whose folding differs from their
/// lower case (final sigma, Greek symbol forms, `ẞ`, the long s …), listed in `exceptions`.
/// A scalar whose lower case is more than one scalar (`İ`) folds to itself. `ascii` folds `A`–`Z` only.
public enum CaseFolder {
    /// Scalars whose simple case folding is not their simple lower-case mapping (CaseFolding.txt).
    static let exceptions: [UInt32: UInt32] = [
        0x00B5: 0x03BC, // µ → μ
        0x017F: 0x0073, // ſ → s
        0x0345: 0x03B9, // combining ypogegrammeni → ι
        0x03C2: 0x03C3, // ς → σ
        0x03D0: 0x03B2, 0x03D1: 0x03B8, 0x03D5: 0x03C6, 0x03D6: 0x03C0, // ϐ ϑ ϕ ϖ
        0x03F0: 0x03BA, 0x03F1: 0x03C1, 0x03F5: 0x03B5, // ϰ ϱ ϵ
        0x1E9B: 0x1E61, // ẛ → ṡ
        0x1E9E: 0x00DF, // ẞ → ß
        0x1FBE: 0x03B9, // ι → ι
    ]

    /// The folded scalar of one scalar.
    public static func fold(_ scalar: Unicode.Scalar, _ folding: CaseFolding) -> Unicode.Scalar {
        switch folding {
        case .ascii:
            return (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x20)! : scalar
        case .simple:
            if let mapped = exceptions[scalar.value] { return Unicode.Scalar(mapped)! }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            guard lower.count == 1, let only = lower.first else { return scalar }
            return only
        }
    }

    /// The folded scalars of a text.
    public static func fold(_ text: String, _ folding: CaseFolding) -> [Unicode.Scalar] {
        text.unicodeScalars.map { fold($0, folding) }
    }

    /// True when two texts fold to the same scalars.
    public static func equivalent(_ lhs: String, _ rhs: String, _ folding: CaseFolding) -> Bool {
        fold(lhs, folding) == fold(rhs, folding)
    }

    /// `text` with every scalar that has a single-scalar upper case (or, lacking one, a capital that folds
    /// to it, like `ß` → `ẞ`) replaced by it when the replacement folds to the same scalar; nil when
    /// nothing changes. So the result is equivalent to `text` under `folding`, and differs in bytes.
    public static func upperVariant(_ text: String, _ folding: CaseFolding) -> String? {
        var out = String.UnicodeScalarView()
        var changed = false
        for scalar in text.unicodeScalars {
            var candidates: [Unicode.Scalar] = []
            let upper = scalar.properties.uppercaseMapping.unicodeScalars
            if upper.count == 1, let only = upper.first { candidates.append(only) }
            for (from, to) in exceptions where to == scalar.value { candidates.append(Unicode.Scalar(from)!) }
            let target = fold(scalar, folding)
            if let pick = candidates.sorted(by: { $0.value < $1.value }).first(where: { $0 != scalar && fold($0, folding) == target }) {
                out.append(pick)
                changed = true
            } else {
                out.append(scalar)
            }
        }
        return changed ? String(out) : nil
    }

    /// True when the text holds a non-ASCII scalar that another scalar folds together with.
    public static func hasNonASCIICase(_ text: String, _ folding: CaseFolding) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar.value >= 0x80 && upperVariant(String(scalar), folding) != nil
        }
    }
}
