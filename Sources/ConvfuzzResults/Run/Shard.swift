/// One part of a run split across machines: `--shard I/N` (1-based `I`).
///
/// Every phase numbers its units of work the same way in every shard (case indices, probe plans,
/// walk samples, relation plans, corpus entries), because they are planned from the seed, the spec
/// and the read-only discovery walk alone. Shard `I` of `N` does the units whose number is
/// `I - 1` modulo `N`, so the `N` shards together do each unit exactly once.
public struct Shard: Sendable, Codable, Hashable, CustomStringConvertible {
    /// This shard's number, 1...count.
    public let index: Int
    /// How many shards the run is split into.
    public let count: Int

    /// The whole run (shard 1 of 1).
    public static let whole = Shard(uncheckedIndex: 1, count: 1)

    // MARK: Creating

    /// A shard, or nil unless `1 <= index <= count`.
    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    private init(uncheckedIndex: Int, count: Int) {
        index = uncheckedIndex
        self.count = count
    }

    /// Parses `I/N`, e.g. `2/4`; nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    // MARK: Ownership

    /// Whether this shard does unit number `unit` (0-based) of a phase.
    public func owns(_ unit: Int) -> Bool {
        unit % count == index - 1
    }

    /// The units of `0..<total` this shard does, in order.
    public func owned(of total: Int) -> [Int] {
        guard total > index - 1 else { return [] }
        return Array(stride(from: index - 1, to: total, by: count))
    }

    /// How many units of `0..<total` this shard does (counted, not listed: `total` may be huge).
    public func ownedCount(of total: Int) -> Int {
        guard total > index - 1 else { return 0 }
        return (total - index) / count + 1
    }

    /// True for the whole run.
    public var isWhole: Bool { count == 1 }

    /// `I/N`.
    public var description: String { "\(index)/\(count)" }
}
