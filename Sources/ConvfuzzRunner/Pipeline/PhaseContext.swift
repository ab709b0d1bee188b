import ConvfuzzContract
import ConvfuzzOracle
import ConvfuzzSpec

/// The read-only services every phase uses: the configuration, the execution gateway and the
/// spec-derived readers and oracles. Phases share nothing mutable through it.
public struct PhaseContext: Sendable {
    /// The run configuration.
    public let configuration: RunConfiguration
    /// The spec.
    public let spec: Spec
    /// The one execution gateway.
    public let executor: RequestExecutor
    /// Runs cursor walks through the gateway.
    public let walker: WalkDriver
    /// Classifies exactly what is sent.
    public let classifier: WireClassifier
    /// Reads page size and direction.
    public let reading: QueryReading
    /// Rewrites queries for walks and relations.
    public let shaper: QueryShaper
    /// Per-response checks.
    public let responseOracle: ResponseOracle
    /// Per-walk checks.
    public let walkOracle: WalkOracle
    /// Walk-to-walk comparisons.
    public let comparator: WalkComparator
    /// Filter semantics on items.
    public let evaluator: FilterEvaluator
    /// Reads pages.
    public let parser: PageParser
    /// Progress lines and finding notes.
    public let progress: PhaseProgress

    /// Creates the services for a run; `transport` replaces libcurl (tests use a scripted one).
    public init(configuration: RunConfiguration, transport: (any RequestTransport)? = nil,
                progress: any ProgressSink = SilentProgress()) {
        self.configuration = configuration
        spec = configuration.spec
        executor = RequestExecutor(configuration: configuration, transport: transport)
        walker = WalkDriver(executor: executor, spec: spec, maxPages: configuration.maxWalkPages)
        classifier = WireClassifier(spec: spec)
        reading = QueryReading(checker: classifier.checker)
        shaper = QueryShaper(spec: spec)
        responseOracle = ResponseOracle(spec: spec)
        walkOracle = WalkOracle(spec: spec)
        comparator = WalkComparator(spec: spec)
        evaluator = FilterEvaluator(spec: spec)
        parser = PageParser(spec: spec)
        self.progress = PhaseProgress(sink: progress, executor: executor)
    }

    /// A walk plan for pairs, classified once.
    public func plan(_ pairs: [WirePair]) -> WalkPlan {
        WalkPlan(pairs: pairs, classifier: classifier, reading: reading)
    }

    /// A walk plan for an encoded query string.
    public func plan(query: String) -> WalkPlan {
        plan(QueryCodec.pairs(fromQuery: query))
    }

    /// Sends one query and checks the response against what the pairs mean.
    public func check(query: String, issued: CursorBook = CursorBook()) -> [Finding] {
        let classification = classifier.classify(QueryCodec.pairs(fromQuery: query), issuedCursors: issued)
        return responseOracle.check(classification: classification, response: executor.execute(query))
    }
}
