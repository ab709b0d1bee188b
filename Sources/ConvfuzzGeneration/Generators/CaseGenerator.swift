import ConvfuzzContract
import ConvfuzzSpec

/// Generates cases from a spec and pools: deterministic, replayable, byte-identical everywhere.
///
/// Case `index` of run `seed` draws from its own `Xoshiro256StarStar` stream seeded by
/// SplitMix64 over `(seed, index)`, so it replays alone. Every decision goes through a
/// `ChoiceSource`: first the class (weighted, see `CaseMix`), then a target and a detail from
/// the `CaseCatalog`, then the target's values, then a geometric number of valid background
/// parameters. Pairs are emitted in spec order; the expected outcome comes from the
/// `WireClassifier` on the exact pairs, never from the intent.
public struct CaseGenerator: Sendable {
    /// The spec.
    public let spec: Spec
    /// The pools.
    public let pools: ValuePools
    /// The classes, targets and details.
    public let catalog: CaseCatalog
    /// The classifier used for every case.
    public let classifier: WireClassifier
    /// Cursors counted as issued (the pools' cursors).
    public let cursorBook: CursorBook
    let valid: ValidValues
    let cells: [CatalogCell]
    let order: [String: Int]

    /// A generator for a spec and pools.
    public init(spec: Spec, pools: ValuePools = ValuePools()) {
        self.spec = spec
        self.pools = pools
        catalog = CaseCatalog(spec: spec)
        classifier = WireClassifier(spec: spec)
        cursorBook = CursorBook(pools.cursors)
        valid = ValidValues(spec: spec, pools: pools, checker: classifier.checker)
        cells = catalog.cells
        var order: [String: Int] = [:]
        for (index, parameter) in spec.parameters.enumerated() where order[parameter.name] == nil {
            order[parameter.name] = index
        }
        self.order = order
    }

    /// Case `index` of run `seed`.
    public func generate(seed: UInt64, index: Int) -> GeneratedCase {
        let source = ChoiceSource(random: Xoshiro256StarStar(seed: seed, index: index), forced: sweepPrefix(seed: seed, index: index))
        return run(seed: seed, index: index, source: source)
    }

    /// The case a choice sequence produces (any sequence is accepted).
    public func replay(seed: UInt64, index: Int, choices: [UInt64]) -> GeneratedCase {
        run(seed: seed, index: index, source: ChoiceSource(replaying: choices))
    }

    /// The case a choice sequence produces, with the spans of its choices.
    func replayWithSpans(seed: UInt64, index: Int, choices: [UInt64]) -> (GeneratedCase, [ChoiceSpan]) {
        let source = ChoiceSource(replaying: choices)
        let generated = run(seed: seed, index: index, source: source)
        return (generated, source.spans)
    }

    /// Cases `0..<count` of run `seed`.
    public func cases(seed: UInt64, count: Int) -> [GeneratedCase] {
        (0..<max(0, count)).map { generate(seed: seed, index: $0) }
    }

    /// The forced prefix of a sweep case (see `CaseMix`), empty for other cases.
    func sweepPrefix(seed: UInt64, index: Int) -> [UInt64] {
        guard !cells.isEmpty, index % CaseMix.sweepPeriod == CaseMix.sweepPeriod - 1 else { return [] }
        return cells[(index / CaseMix.sweepPeriod + sweepOffset(seed: seed)) % cells.count].prefix
    }

    /// The catalog cell the first sweep case of run `seed` is forced to (sweep case `k` takes the next ones).
    func sweepOffset(seed: UInt64) -> Int {
        var sweep = SeedStream.sweep.generator(seed)
        return sweep.next(below: cells.count)
    }

    /// Runs the generator program on a source.
    func run(seed: UInt64, index: Int, source: ChoiceSource) -> GeneratedCase {
        let kindIndex = source.weighted(catalog.weights)
        let kind = catalog.kinds[kindIndex]
        let targets = catalog.targets[kindIndex]
        let target = targets[source.draw(below: targets.count)]
        let detail = target.details[source.draw(below: target.details.count)]
        var label = CaseLabel(kind: kind, parameter: target.parameter, detail: detail)
        source.beginSpan("target")
        var groups = targetGroups(kind: kind, target: target, label: &label, source)
        source.endSpan()
        // Parameters the target groups send (an adversarial case may add a helper or a second parameter).
        let excluded = Set([target.parameter, target.partner].compactMap { $0 } + groups.flatMap { $0.pairs.map(\.name) })
        groups += background(excluding: excluded, kind: kind, source)
        let pairs = PairGroup.flatten(groups)
        let classification = classifier.classify(pairs, issuedCursors: cursorBook)
        return GeneratedCase(seed: seed, index: index, pairs: pairs, label: label,
                             classification: classification, choices: source.normalized)
    }

    /// The spec position of a parameter.
    func position(_ name: String?) -> Int {
        name.flatMap { order[$0] } ?? Int.max
    }

    /// A group of politely encoded values of one parameter.
    func group(_ name: String, _ values: [String]) -> PairGroup {
        PairGroup(order: position(name), pairs: values.map { WirePair.encoding(name, $0) })
    }
}
