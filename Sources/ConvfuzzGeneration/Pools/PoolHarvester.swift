import ConvfuzzContract
import ConvfuzzSpec

/// Collects pool values from responses during discovery.
///
/// The runner walks the target and hands over already-extracted scalar text (this module has
/// no JSON dependency): for each item, `add(field:value:)` with every field it read, or
/// `add(pool:value:)` directly. `spec.discoveryPools` says which item field feeds which pool.
public struct PoolHarvester: Sendable {
    /// Item field → pools it feeds, from `spec.discoveryPools`.
    public let poolsByField: [String: [String]]
    private var values: [String: [String]] = [:]
    private var cursors: [String] = []

    /// A harvester for the spec's discovery pools.
    public init(spec: Spec) {
        var map: [String: [String]] = [:]
        for entry in spec.discoveryPools { map[entry.field, default: []].append(entry.pool) }
        poolsByField = map
    }

    /// The item fields the runner should read (sorted).
    public var fields: [String] { poolsByField.keys.sorted() }

    /// Records one value of an item field (ignored when no pool reads that field).
    public mutating func add(field: String, value: String) {
        for pool in poolsByField[field] ?? [] { add(pool: pool, value: value) }
    }

    /// Records one value of a pool.
    public mutating func add(pool: String, value: String) {
        values[pool, default: []].append(value)
    }

    /// Records a cursor the target issued.
    public mutating func add(cursor: String) {
        cursors.append(cursor)
    }

    /// Harvested values: pool → sorted unique values.
    public var harvested: [String: [String]] {
        var out: [String: [String]] = [:]
        for key in values.keys.sorted() { out[key] = ByteOrder.sortedUnique(values[key] ?? []) }
        return out
    }

    /// `base` merged with everything harvested.
    public func pools(mergingInto base: ValuePools) -> ValuePools {
        var pools = base
        pools.merge(harvested: harvested)
        pools.merge(cursors: cursors)
        return pools
    }
}
