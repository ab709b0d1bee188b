/// Unicode simple case folding (CaseFolding.txt, statuses C and S), which CONTRACT.md's
/// "case-insensitively" means for `search`: a scalar folds to its single-scalar lower case, except the
/// scalars whose folding differs from it (final sigma, Greek symbol forms, capital sharp s …).
/// A scalar whose lower case is several scalars (`İ`) folds to itself; `ß` never becomes `ss`.
enum SimpleCaseFolding {
    private static let exceptions: [UInt32: UInt32] = [
        0x00B5: 0x03BC, 0x017F: 0x0073, 0x0345: 0x03B9, 0x03C2: 0x03C3, 0x03D0: 0x03B2, 0x03D1: 0x03B8,
        0x03D5: 0x03C6, 0x03D6: 0x03C0, 0x03F0: 0x03BA, 0x03F1: 0x03C1, 0x03F5: 0x03B5, 0x1E9B: 0x1E61,
        0x1E9E: 0x00DF, 0x1FBE: 0x03B9,
    ]

    /// The folded scalar values of a text.
    static func fold(_ text: String) -> [UInt32] {
        text.unicodeScalars.map { scalar in
            if let mapped = exceptions[scalar.value] { return mapped }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first!.value : scalar.value
        }
    }

    /// The scalar values with only `A`–`Z` folded.
    static func foldASCII(_ text: String) -> [UInt32] {
        text.unicodeScalars.map { (0x41...0x5A).contains($0.value) ? $0.value + 0x20 : $0.value }
    }
}
