/// The relation a plan's result sets must satisfy; indices refer to the plan's queries.
public enum SetRelation: Sendable, Hashable, Codable {
    /// `sets[sub] ⊆ sets[of]`.
    case subset(sub: Int, of: Int)
    /// `sets[a] == sets[b]`.
    case equal(Int, Int)
    /// `sets[result]` is the intersection of `sets[of]`.
    case intersection(result: Int, of: [Int])
    /// `sets[result]` is the union of `sets[of]`.
    case union(result: Int, of: [Int])
    /// `sets[a] ∩ sets[b] == ∅`.
    case disjoint(Int, Int)
    /// `sets[parts]` are pairwise disjoint and their union is `sets[whole]`.
    case partition(whole: Int, parts: [Int])
    /// `sets[a] == ∅`.
    case empty(Int)
    /// `sets[literal]` does not hold every id of a non-empty `sets[word]`: a value read literally
    /// (a metacharacter put into a word, a separator inside a list value) cannot match all the word matches.
    case literal(literal: Int, word: Int)

    /// Every query index the relation uses.
    public var indices: [Int] {
        switch self {
        case .subset(let sub, let of): return [sub, of]
        case .equal(let a, let b), .disjoint(let a, let b): return [a, b]
        case .intersection(let result, let of), .union(let result, let of): return [result] + of
        case .partition(let whole, let parts): return [whole] + parts
        case .empty(let a): return [a]
        case .literal(let literal, let word): return [literal, word]
        }
    }
}
