/// The contract of CONTRACT.md as a pure request → response function over a seeded dataset.
///
/// Thread-safe: the dataset is guarded by a reader-writer lock inside `ConversationStore`
/// and the counters by `counterLock`, hence `@unchecked Sendable`.
public final class ReferenceApplication: @unchecked Sendable {
    /// The configuration the application was created with.
    public let configuration: ReferenceServerConfiguration
    /// The store and cursor codec of each workspace, indexed by `ReferenceWorkspace.rawValue`.
    private let stores: [ConversationStore]
    private let codecs: [CursorCodec]
    private let naming: ParameterNaming
    private let schedule: InsertSchedule?
    private let chaos: ChaosEngine
    private let counterLock = PThreadMutex()
    private var totalRequests = 0
    private var listRequests = 0

    /// `search-pattern-limit`: the longest search text (UTF-8 bytes) its database accepts.
    static let searchPatternLimit = 2_048
    /// `search-pattern-limit`: the longest target (path and query) its front proxy accepts: the contract's
    /// request-size floor, so its 414s are legal.
    static let frontURILimit = 8_192

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
        if configuration.secondAPIKey != nil {
            guard let first = configuration.apiKey else { throw ReferenceServerError("a second key needs a first key (apiKey)") }
            guard configuration.secondAPIKey != first else { throw ReferenceServerError("the second key must differ from the first") }
        }
        self.configuration = configuration
        self.naming = naming
        guard configuration.chaosRate > 0, configuration.chaosRate <= 1 else {
            throw ReferenceServerError("chaos rate must be in (0, 1], got \(configuration.chaosRate)")
        }
        schedule = configuration.insertRate.map(InsertSchedule.init(rate:))
        chaos = ChaosEngine(modes: configuration.chaos, rate: configuration.chaosRate, seed: configuration.seed)
        let first = ReferenceDataset.generate(seed: configuration.seed, size: configuration.size)
        var stores = [ConversationStore(dataset: first)]
        var codecs = [CursorCodec(seed: configuration.seed)]
        if configuration.secondAPIKey != nil {
            let workspace = ReferenceWorkspace.second
            var second = ReferenceDataset.generate(seed: configuration.seed, size: configuration.size, workspace: workspace)
            if configuration.fault == .crossWorkspaceListLeak { second = second.merging(first) }
            stores.append(ConversationStore(dataset: second))
            codecs.append(CursorCodec(seed: workspace.datasetSeed(configuration.seed)))
        }
        self.stores = stores
        self.codecs = codecs
    }

    /// The number of workspaces served (2 with a second key).
    public var workspaceCount: Int { stores.count }

    /// The number of requests handled so far.
    public var requestCount: Int { counterLock.withLock { totalRequests } }

    /// The current number of conversations of the first workspace (grows with `insertEvery` and `insertRate`).
    public var conversationCount: Int { stores[0].count }

    /// Handles one request. `target` is the request target (`/path?query`); header
    /// names are compared case-insensitively.
    public func handle(method: String, target: String, headers: [(name: String, value: String)]) -> ReferenceResponse {
        let header = headers.last { $0.name.lowercased() == "xi-api-key" }
        return handle(method: method, target: Array(target.utf8), apiKey: header?.value, apiKeyHeaderName: header?.name)
    }

    /// Handles one request with the raw target bytes and the `xi-api-key` value and name as sent.
    func handle(method: String, target: [UInt8], apiKey: String?, apiKeyHeaderName: String? = nil) -> ReferenceResponse {
        route(method: method, target: target, apiKey: apiKey, headerName: apiKeyHeaderName ?? "xi-api-key")
    }

    /// What a request's key gives access to.
    private enum Access {
        case workspace(ReferenceWorkspace)
        case refused(ReferenceResponse)
    }

    /// The workspace a key opens, or the refusal (CONTRACT.md: missing or wrong key → 401).
    private func authenticate(_ apiKey: String?, headerName: String) -> Access {
        guard let required = configuration.apiKey else { return .workspace(.first) }
        let fault = configuration.fault
        let sent = fault == .headerCaseRefused && headerName != "xi-api-key" ? nil : apiKey
        if sent == required { return .workspace(.first) }
        if let second = configuration.secondAPIKey, sent == second { return .workspace(.second) }
        if sent == nil && fault == .missingKeyAccepted { return .workspace(.first) }
        if let sent, !sent.isEmpty, fault == .wrongKey500 {
            return .refused(ReferenceResponse(status: 500, body: ResponseBodies.detail("Internal Server Error")))
        }
        if fault == .refusalBodyPlain {
            return .refused(ReferenceResponse(status: 401, body: Array("Unauthorized".utf8), contentType: "text/plain"))
        }
        return .refused(ReferenceResponse(status: 401, body: ResponseBodies.invalidAPIKey))
    }

    private func route(method: String, target: [UInt8], apiKey: String?, headerName: String) -> ReferenceResponse {
        counterLock.withLock { totalRequests += 1 }
        if configuration.fault == .searchPatternLimit, target.count > Self.frontURILimit {
            // The fault's front: a proxy refusing a target longer than the contract's request-size floor (legal).
            return ReferenceResponse(status: 414, body: ResponseBodies.detail("URI Too Long"))
        }
        let question = target.firstIndex(of: 0x3F) ?? target.endIndex
        guard target[..<question].elementsEqual(configuration.basePath.utf8) else {
            return ReferenceResponse(status: 404, body: ResponseBodies.detail("Not Found"))
        }
        guard method == "GET" || method == "HEAD" else {
            return ReferenceResponse(status: 405, body: ResponseBodies.detail("Method Not Allowed"),
                                     extraHeaders: [("Allow", "GET, HEAD")])
        }
        let workspace: ReferenceWorkspace
        switch authenticate(apiKey, headerName: headerName) {
        case .workspace(let opened): workspace = opened
        case .refused(let refusal): return refusal
        }
        let number = counterLock.withLock {
            listRequests += 1
            return listRequests
        }
        if let schedule { stores[0].insert(count: schedule.claimDue(), at: InsertSchedule.unixSecond()) }
        let queryBytes = question < target.endIndex ? target[(question + 1)...] : []
        var pairs = QueryDecoder.decode(queryBytes)
        let chaosCursor = chaos.extractCursor(from: &pairs, cursorName: naming.wireName(.cursor))
        let chaosMode = chaos.mode(forRequest: number, cursor: chaosCursor)
        var response = list(pairs, workspace: workspace) { page, cursor, descending in
            if let chaosMode { chaos.reshape(&page, cursor: &cursor, mode: chaosMode, chaosCursor: chaosCursor, descending: descending) }
        }
        if let every = configuration.insertEvery, number % every == 0 { stores[0].insertNewest() }
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

    /// Answers a list request in a workspace; `reshape` may rewrite the page and its cursor (chaos modes) before encoding.
    private func list(_ pairs: [(name: String, value: String)], workspace: ReferenceWorkspace,
                      reshape: (inout PageResult, inout String?, Bool) -> Void) -> ReferenceResponse {
        let fault = configuration.fault
        var validator = QueryValidator(naming: naming, codec: codecs[workspace.rawValue], fault: fault)
        let collected = naming.collect(pairs)
        var query: ListQuery
        switch validator.validate(collected) {
        case .invalid(let issues):
            if fault == .crossWorkspaceCursorLeak, stores.count > 1, issues.contains(where: { $0.parameter == naming.wireName(.cursor) }) {
                // The fault: a cursor the other workspace issued is trusted and continues over there.
                var other = QueryValidator(naming: naming, codec: codecs[workspace.other.rawValue], fault: fault)
                if case .valid = other.validate(collected) { return list(pairs, workspace: workspace.other, reshape: reshape) }
            }
            let status = fault == .validation400 ? 400 : 422
            return ReferenceResponse(status: status, body: ResponseBodies.validation(issues, fault: fault),
                                     contentType: fault == .validationPlainText ? "text/plain" : "application/json")
        case .valid(let valid):
            query = valid
        }
        var served = workspace
        if fault == .crossWorkspaceAgentLeak, stores.count > 1, let agent = query.agentID,
           let index = ReferenceVocabulary.allAgentIDs.firstIndex(of: agent), workspace.other.agents.contains(index) {
            // The fault: the agent is resolved across workspaces, and its workspace answers.
            served = workspace.other
        }
        query = WorkspaceIDs.localize(query, in: served, fault: fault)
        let store = stores[served.rawValue]
        let codec = codecs[served.rawValue]
        if fault == .serverErrorOnInOp, query.dataCollection.contains(where: { $0.op == .in && $0.values.count > 1 }) {
            return ReferenceResponse(status: 500, body: ResponseBodies.detail("Internal Server Error"))
        }
        if fault == .searchPatternLimit, let search = query.search, search.utf8.count > Self.searchPatternLimit {
            // The fault: the database refuses a pattern over its complexity limit, and the error escapes as a 500.
            return ReferenceResponse(status: 500, body: ResponseBodies.detail("Internal Server Error"))
        }
        let filter = ConversationFilter(query, fault: fault)
        var page = store.read { items in PageSelector.select(items: items, filter: filter, query: query, fault: fault) }
        var cursor = page.next.map(codec.encode)
        reshape(&page, &cursor, !query.ascending)
        var projection = ItemProjection(query: query, fault: fault)
        projection.secondWorkspace = served == .second
        let body = ResponseBodies.page(page, projection: projection, cursor: cursor)
        return ReferenceResponse(status: 200, body: body)
    }
}
