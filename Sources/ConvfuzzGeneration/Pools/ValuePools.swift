import ConvfuzzContract
import ConvfuzzSpec

/// Realistic values for generation: pool name → ordered unique values, grammar id → sample
/// values, and cursors the target issued.
///
/// Built from a `TargetProfile` plus values harvested from responses. Every list is sorted by
/// UTF-8 bytes, de-duplicated and capped (evenly spaced), so the same inputs always give the
/// same pools regardless of dictionary order.
public struct ValuePools: Sendable, Hashable {
    /// The largest number of values kept per pool.
    public var cap: Int
    /// Pool name → values.
    public private(set) var pools: [String: [String]]
    /// Grammar id → sample values it takes.
    public private(set) var idValues: [String: [String]]
    /// Cursors the target issued (valid cursor values).
    public private(set) var cursors: [String]

    /// Empty pools.
    public init(cap: Int = 64) {
        self.cap = cap
        pools = [:]
        idValues = [:]
        cursors = []
    }

    /// Pools from a profile.
    public init(profile: TargetProfile, cap: Int = 64) {
        self.init(cap: cap)
        merge(harvested: profile.pools)
        for key in profile.idValues.keys.sorted() {
            idValues[key] = ByteOrder.capped(ByteOrder.sortedUnique(profile.idValues[key] ?? []), cap: cap)
        }
    }

    /// Values of a pool (empty when unknown).
    public func values(_ pool: String?) -> [String] {
        guard let pool else { return [] }
        return pools[pool] ?? []
    }

    /// Sample values of a grammar id.
    public func samples(forID id: String) -> [String] { idValues[id] ?? [] }

    /// Adds harvested values: each pool becomes the sorted, de-duplicated union, capped.
    public mutating func merge(harvested: [String: [String]]) {
        for name in harvested.keys.sorted() {
            let union = (pools[name] ?? []) + (harvested[name] ?? [])
            pools[name] = ByteOrder.capped(ByteOrder.sortedUnique(union), cap: cap)
        }
    }

    /// Adds sample values of grammar ids.
    public mutating func merge(idValues extra: [String: [String]]) {
        for id in extra.keys.sorted() {
            let union = (idValues[id] ?? []) + (extra[id] ?? [])
            idValues[id] = ByteOrder.capped(ByteOrder.sortedUnique(union), cap: cap)
        }
    }

    /// Adds cursors the target issued.
    public mutating func merge(cursors extra: [String]) {
        cursors = ByteOrder.capped(ByteOrder.sortedUnique(cursors + extra), cap: cap)
    }
}
