extension CheckID {
    /// The known id nearest to `text` by edit distance (Levenshtein over the upper-cased text, so
    /// `cf-walk-dupp` is one edit from `CF-WALK-DUP`); ties go to the id earlier in the catalogue.
    public static func closest(to text: String) -> CheckID {
        let wanted = Array(text.uppercased())
        var best = allCases[0]
        var bestDistance = Int.max
        for check in allCases {
            let distance = editDistance(wanted, Array(check.rawValue))
            if distance < bestDistance {
                best = check
                bestDistance = distance
            }
        }
        return best
    }

    /// The Levenshtein distance between two texts: insertions, deletions and substitutions, each 1.
    public static func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
        guard !lhs.isEmpty else { return rhs.count }
        guard !rhs.isEmpty else { return lhs.count }
        var previous = Array(0...rhs.count)
        var current = [Int](repeating: 0, count: rhs.count + 1)
        for (row, left) in lhs.enumerated() {
            current[0] = row + 1
            for (column, right) in rhs.enumerated() {
                let substitution = previous[column] + (left == right ? 0 : 1)
                current[column + 1] = Swift.min(substitution, previous[column + 1] + 1, current[column] + 1)
            }
            swap(&previous, &current)
        }
        return previous[rhs.count]
    }
}
