/// The named random streams of a run, each derived from the run's seed in this one place.
///
/// Case `k` draws from `SplitMix64.derive(seed:index: k)` (``SplitMix64/derive(seed:index:)``); every
/// other stream draws from an index with the top bit set, which no case index reaches, so no stream
/// shares its values with a case, with another stream, or with the streams of the next seed.
public enum SeedStream: UInt64, Sendable, CaseIterable {
    /// The filter probes' choice of values held by items.
    case probes = 1
    /// Metamorphic relation plans over the unfiltered base.
    case relations
    /// Metamorphic relation plans over the filtered base.
    case filteredRelations
    /// Credential variants derived from the run's key (the random key).
    case keyVariants
    /// The keys a run generates for the embedded reference server's workspaces.
    case generatedKeys
    /// Backoff jitter of the gateway's retries.
    case jitter
    /// The sweep cases' starting offset in the case catalog.
    case sweep
    /// `--explore`'s further relation plans (one seed per round, derived from this stream's).
    case exploreRelations

    /// The index space of named streams: above every case index.
    private static let base: UInt64 = 1 << 63

    /// This stream's seed for run `seed`.
    public func seed(_ seed: UInt64) -> UInt64 {
        SplitMix64.derive(seed: seed, index: Self.base | rawValue)
    }

    /// A generator of this stream for run `seed`.
    public func generator(_ seed: UInt64) -> SplitMix64 {
        SplitMix64(seed: self.seed(seed))
    }
}
