/// The known name closest to a misspelled one, for "did you mean" hints.
public enum ClosestName {
    /// The name in `known` nearest to `name` by edit distance, when it is near enough to be a typo
    /// (at most a third of the name's length, and at least one edit allowed); nil otherwise.
    public static func to(_ name: String, in known: some Sequence<String>) -> String? {
        let limit = max(1, name.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in known.sorted() {
            let distance = editDistance(name.lowercased(), candidate.lowercased())
            guard distance <= limit, distance < (best?.distance ?? .max) else { continue }
            best = (candidate, distance)
        }
        return best?.name
    }

    /// ` (did you mean 'x'?)` or an empty string.
    public static func hint(_ name: String, in known: some Sequence<String>) -> String {
        to(name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs), b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
