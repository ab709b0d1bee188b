/// The contract of CONTRACT.md as a pure request → response function over a seeded dataset.
///
/// Thread-safe: the dataset is guarded by a reader-writer lock inside `ConversationStore`
/// and the counters by `counterLock`, hence `@unchecked Sendable`.
public final class ReferenceApplication: @unchecked Sendable {
    /// The configuration the application was created with.
    public let configuration: ReferenceServerConfiguration
    private let store: ConversationStore
    private let naming: ParameterNaming
    private let codec: CursorCodec
    private let schedule: InsertSchedule?
    private let chaos: ChaosEngine
    private let counterLock = PThreadMutex()
    private var totalRequests = 0
    private var listRequests = 0

    /// Generates the dataset and prepares the contract.
    /// - Throws: `ReferenceServerError` for an invalid configuration.
    public init(configuration: ReferenceServerConfiguration) throws {
        guard configuration.size >= 0 else { throw ReferenceServerError("size must be >= 0, got \(configuration.size)") }
        if let every = configuration.insertEvery, every < 1 {
            throw ReferenceServerError("insertEvery must be >= 1, got \(every)")
        }
        if let rate = configuration.insertRate, !(rate > 0 && rate <= 100_000) {
            throw ReferenceServerError("insertRate must be above 0 and at most 100000 per second, got \(rate)")
        }
        let canonical = Set(ReferenceParameter.allCases.map(\.rawValue))
        for (name, wire) in configuration.parameterNames {
            guard canonical.contains(name) else { throw ReferenceServerError("unknown parameter to rename: \(name)") }
            guard !wire.isEmpty else { throw ReferenceServerError("empty wire name for parameter \(name)") }
        }
        let naming = ParameterNaming(renaming: configuration.parameterNames)
        guard Set(naming.wireNames).count == naming.wireNames.count else {
            throw ReferenceServerError("parameter renaming maps two parameters to the same wire name")
        }
        guard configuration.basePath.hasPrefix("/") else {
            throw ReferenceServerError("basePath must start with '/', got \(configuration.basePath)")
        }
        self.configuration = configuration
        self.naming = naming
        guard configuration.chaosRate > 0, configuration.chaosRate <= 1 else {
            throw ReferenceServerError("chaos rate must be in (0, 1], got \(configuration.chaosRate)")
        }
        codec = CursorCodec(seed: configuration.seed)
        schedule = configuration.insertRate.map(InsertSchedule.init(rate:))
        chaos = ChaosEngine(modes: configuration.chaos, rate: configuration.chaosRate, seed: configuration.seed)
        store = ConversationStore(dataset: ReferenceDataset.generate(seed: configuration.seed, size: configuration.size))
    }

    /// The number of requests handled so far.
    public var requestCount: Int { counterLock.withLock { totalRequests } }

    /// The current number of conversations (grows with `insertEvery` and `insertRate`).
    public var conversationCount: Int { store.count }

    /// Handles one request. `target` is the request target (`/path?query`); header
    /// names are compared case-insensitively.
    public func handle(method: String, target: String, headers: [(name: String, value: String)]) -> ReferenceResponse {
        let apiKey = headers.last { $0.name.lowercased() == "xi-api-key" }?.value
        return handle(method: method, target: Array(target.utf8), apiKey: apiKey)
    }

    /// Handles one request with the raw target bytes and the `xi-api-key` value.
    func handle(method: String, target: [UInt8], apiKey: String?) -> ReferenceResponse {
        route(method: method, target: target, apiKey: apiKey)
    }

    private func route(method: String, target: [UInt8], apiKey: String?) -> ReferenceResponse {
        counterLock.withLock { totalRequests += 1 }
        let question = target.firstIndex(of: 0x3F) ?? target.endIndex
        guard target[..<question].elementsEqual(configuration.basePath.utf8) else {
            return ReferenceResponse(status: 404, body: ResponseBodies.detail("Not Found"))
        }
        guard method == "GET" || method == "HEAD" else {
            return ReferenceResponse(status: 405, body: ResponseBodies.detail("Method Not Allowed"),
                                     extraHeaders: [("Allow", "GET, HEAD")])
        }
        if let required = configuration.apiKey, apiKey != required {
            return ReferenceResponse(status: 401, body: ResponseBodies.invalidAPIKey)
        }
        let number = counterLock.withLock {
            listRequests += 1
            return listRequests
        }
        if let schedule { store.insert(count: schedule.claimDue(), at: InsertSchedule.unixSecond()) }
        let queryBytes = question < target.endIndex ? target[(question + 1)...] : []
        var pairs = QueryDecoder.decode(queryBytes)
        let chaosCursor = chaos.extractCursor(from: &pairs, cursorName: naming.wireName(.cursor))
        let chaosMode = chaos.mode(forRequest: number, cursor: chaosCursor)
        var response = list(pairs) { page, cursor, descending in
            if let chaosMode { chaos.reshape(&page, cursor: &cursor, mode: chaosMode, chaosCursor: chaosCursor, descending: descending) }
        }
        if let every = configuration.insertEvery, number % every == 0 { store.insertNewest() }
        // Transport-level faults trigger on request content, so a re-run of the same request fails the same way.
        let sent = Set(pairs.map(\.name))
        switch configuration.fault {
        case .nonJSONBody where sent.contains(naming.wireName(.summaryMode)) && response.status == 200:
            response = ReferenceResponse(status: 200, body: ResponseBodies.htmlErrorPage, contentType: "text/html")
        case .truncatedBody where sent.contains(naming.wireName(.sortDirection)) && response.status == 200:
            response.directive = .truncate(extraBytes: 64)
        case .slowResponses where sent.contains(naming.wireName(.search)):
            response.directive = .delay(milliseconds: 3_000)
        default:
            break
        }
        if let chaosMode { chaos.apply(chaosMode, to: &response) }
        return response
    }

    /// Answers a list request; `reshape` may rewrite the page and its cursor (chaos modes) before encoding.
    private func list(_ pairs: [(name: String, value: String)],
                      reshape: (inout PageResult, inout String?, Bool) -> Void) -> ReferenceResponse {
        let fault = configuration.fault
        var validator = QueryValidator(naming: naming, codec: codec, fault: fault)
        let query: ListQuery
        switch validator.validate(naming.collect(pairs)) {
        case .invalid(let issues):
            let status = fault == .validation400 ? 400 : 422
            return ReferenceResponse(status: status, body: ResponseBodies.validation(issues, fault: fault),
                                     contentType: fault == .validationPlainText ? "text/plain" : "application/json")
        case .valid(let valid):
            query = valid
        }
        if fault == .serverErrorOnInOp, query.dataCollection.contains(where: { $0.op == .in && $0.values.count > 1 }) {
            return ReferenceResponse(status: 500, body: ResponseBodies.detail("Internal Server Error"))
        }
        let filter = ConversationFilter(query, fault: fault)
        var page = store.read { items in PageSelector.select(items: items, filter: filter, query: query, fault: fault) }
        var cursor = page.next.map(codec.encode)
        reshape(&page, &cursor, !query.ascending)
        let body = ResponseBodies.page(page, projection: ItemProjection(query: query, fault: fault), cursor: cursor)
        return ReferenceResponse(status: 200, body: body)
    }
}
