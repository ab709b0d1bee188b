import ConvfuzzContract
import ConvfuzzOracle
import ConvfuzzResults
import ConvfuzzSpec

/// Which tenancy question a check asks.
public enum TenancyCheckKind: String, Sendable, Codable, Hashable {
    /// An unfiltered walk under one key, against the other key's items.
    case walk
    /// The owner filter with an owner value of the other key.
    case owner
    /// A cursor issued to the other key.
    case cursor
    /// An identifier filter with an id of the other key's workspace.
    case identifier
}

/// One tenancy check: what was sent, under which key, and the findings.
public struct TenancyCheckOutcome: Sendable {
    /// The question.
    public var kind: TenancyCheckKind
    /// The first request's encoded query.
    public var query: String
    /// The key it was sent with.
    public var credential: RequestCredential
    /// One line, for reports.
    public var description: String
    /// Findings (no key material: queries and bodies only).
    public var findings: [Finding]
}

/// The result of the tenancy phase.
public struct TenancyChecksResult: Sendable {
    /// The checks, in a fixed order.
    public var checks: [TenancyCheckOutcome]
    /// Requests sent (retries included).
    public var requests: Int
    /// Why the phase did not run, if it did not.
    public var skipped: String?
    /// Pages fetched by the second key's walk.
    public var pagesWalked: Int

    /// Every finding of every check.
    public var findings: [Finding] { checks.flatMap(\.findings) }
}

/// Tenant isolation between the run's key and a second key of another workspace (`--second-key-env`).
///
/// Inputs: the run configuration (both keys, spec, budgets), the base query of the discovery walk,
/// and the first key's discovery walk. It walks the same query under the second key, then asks
/// `TenancyOracle` whether either key lists the other's items, whether the owner filter
/// (`auth.tenancy.owner_param`) with the other key's owners gives `foreign_owner`, and whether a
/// cursor issued to one key yields that key's items when sent with the other.
public struct TenancyChecks: Sendable {
    /// Owner values probed per direction, at most.
    public static let ownerProbes = 8
    /// Pages followed after a foreign cursor, at most.
    public static let cursorPages = 3

    private let configuration: RunConfiguration
    private let basePairs: [WirePair]
    private let oracle: TenancyOracle
    private let parser: PageParser
    private let executor: RequestExecutor

    /// Creates the phase; `basePairs` is the discovery walk's query. Its requests go through the run's gateway.
    public init(configuration: RunConfiguration, basePairs: [WirePair], executor: RequestExecutor) {
        self.configuration = configuration
        self.executor = executor
        self.basePairs = basePairs
        oracle = TenancyOracle(spec: configuration.spec)
        parser = PageParser(spec: configuration.spec)
    }

    /// Runs every check against the first key's walk; throws when the target refuses the second key.
    public func run(firstWalk: Walk) throws(RunAbort) -> TenancyChecksResult {
        guard configuration.secondKey != nil else {
            return TenancyChecksResult(checks: [], requests: 0, skipped: "no second key (--second-key-env)", pagesWalked: 0)
        }
        let spec = configuration.spec
        let before = executor.requests
        let first = RequestCredential.firstKey
        let second = RequestCredential.secondKey
        let plan = WalkPlan(pairs: basePairs)
        let secondWalk = WalkDriver(executor: executor, spec: spec, maxPages: configuration.maxWalkPages)
            .with(credential: second).run([plan], maxPages: configuration.discoveryPages)[0]
        if let status = secondWalk.pages.first?.response.status, spec.auth.unauthorizedStatuses.contains(status) {
            throw RunAbort.secondKeyRefused(url: configuration.endpointURL, status: status)
        }
        let firstView = WorkspaceView(name: "the first key", items: firstWalk.items, spec: spec)
        let secondView = WorkspaceView(name: "the second key", items: secondWalk.items, spec: spec)
        var checks: [TenancyCheckOutcome] = [
            TenancyCheckOutcome(kind: .walk, query: plan.query, credential: .secondKey,
                                description: "walk of '\(plan.query)' under the second key",
                                findings: oracle.checkWalk(secondWalk, foreign: firstView, under: secondView.name)),
            TenancyCheckOutcome(kind: .walk, query: plan.query, credential: .firstKey,
                                description: "walk of '\(plan.query)' under the first key",
                                findings: oracle.checkWalk(firstWalk, foreign: secondView, under: firstView.name)),
        ]
        if let ownerParam = spec.auth.tenancy.ownerParam, WorkspaceView.ownerField(spec) != nil {
            checks += ownerChecks(ownerParam, foreign: firstView, under: secondView.name, as: second)
            checks += ownerChecks(ownerParam, foreign: secondView, under: firstView.name, as: first)
        }
        if let cursor = firstWalk.pages.first?.page?.nextCursor {
            checks.append(cursorCheck(cursor, foreign: firstView, under: secondView.name, as: second))
            checks += invalidCursorChecks(cursor, foreign: firstView.name, under: secondView.name, as: second)
        }
        if let cursor = secondWalk.pages.first?.page?.nextCursor {
            checks.append(cursorCheck(cursor, foreign: secondView, under: firstView.name, as: first))
            checks += invalidCursorChecks(cursor, foreign: secondView.name, under: firstView.name, as: first)
        }
        let identifiers = TenancyIdentifiers(spec: spec, first: (firstWalk.items, configuration.profile),
                                             second: (secondWalk.items, configuration.secondProfile))
        checks += identifierChecks(identifiers.foreign(toFirst: false), foreign: firstView.name,
                                   under: secondView.name, as: second)
        checks += identifierChecks(identifiers.foreign(toFirst: true), foreign: secondView.name,
                                   under: firstView.name, as: first)
        return TenancyChecksResult(checks: checks, requests: executor.requests - before, skipped: nil,
                                  pagesWalked: secondWalk.pages.count)
    }

    // MARK: Checks

    private func ownerChecks(_ param: String, foreign: WorkspaceView, under name: String,
                             as credential: RequestCredential) -> [TenancyCheckOutcome] {
        let owners = Array(foreign.owners.sorted().prefix(Self.ownerProbes))
        let queries = owners.map { QueryCodec.queryString([WirePair.encoding(param, $0)]) }
        let responses = executor.execute(queries, credential: credential)
        return zip(owners, zip(queries, responses)).map { owner, sent in
            TenancyCheckOutcome(kind: .owner, query: sent.0, credential: credential,
                                description: "\(param) of \(foreign.name) under \(name)",
                                findings: oracle.checkOwnerProbe(sent.1, owner: owner, foreign: foreign, under: name))
        }
    }

    /// Each identifier filter with ids of the other workspace, against the answer to an id that exists nowhere.
    private func identifierChecks(_ probes: [(param: String, values: [String])], foreign: String,
                                  under name: String, as credential: RequestCredential) -> [TenancyCheckOutcome] {
        var queries: [String] = []
        for probe in probes {
            queries.append(QueryCodec.queryString([WirePair.encoding(probe.param, TenancyIdentifiers.unknownID(probe.param))]))
            queries += probe.values.map { QueryCodec.queryString([WirePair.encoding(probe.param, $0)]) }
        }
        guard !queries.isEmpty else { return [] }
        let responses = executor.execute(queries, credential: credential)
        var outcomes: [TenancyCheckOutcome] = []
        var index = 0
        for probe in probes {
            let unknown = responses[index]
            index += 1
            for _ in probe.values {
                let response = responses[index]
                outcomes.append(TenancyCheckOutcome(kind: .identifier, query: queries[index], credential: credential,
                                                    description: "\(probe.param) of \(foreign) under \(name)",
                                                    findings: oracle.checkForeignID(response, unknown: unknown, param: probe.param,
                                                                                    foreign: foreign, under: name)))
                index += 1
            }
        }
        return outcomes
    }

    /// A foreign cursor alone and beside an invalid parameter, when the spec says it is an invalid cursor.
    private func invalidCursorChecks(_ cursor: String, foreign: String, under name: String,
                                     as credential: RequestCredential) -> [TenancyCheckOutcome] {
        let spec = configuration.spec
        guard spec.auth.tenancy.foreignCursor == .invalid else { return [] }
        let cursorPair = WirePair.encoding(spec.pagination.cursorParam, cursor)
        var sends: [(query: String, other: String?)] = [(QueryCodec.queryString([cursorPair]), nil)]
        if let invalid = TenancyIdentifiers.invalidPair(spec) {
            sends.append((QueryCodec.queryString([cursorPair, invalid]), invalid.name))
        }
        let responses = executor.execute(sends.map(\.query), credential: credential)
        return zip(sends, responses).map { sent, response in
            TenancyCheckOutcome(kind: .cursor, query: sent.query, credential: credential,
                                description: "a cursor of \(foreign) sent under \(name)\(sent.other.map { " with an invalid \($0)" } ?? "")",
                                findings: oracle.checkForeignCursorInvalid(response, alongside: sent.other, foreign: foreign, under: name))
        }
    }

    private func cursorCheck(_ cursor: String, foreign: WorkspaceView, under name: String,
                             as credential: RequestCredential) -> TenancyCheckOutcome {
        let cursorName = configuration.spec.pagination.cursorParam
        var responses: [ObservedResponse] = []
        var next: String? = cursor
        var firstQuery = ""
        while let current = next, responses.count < Self.cursorPages {
            let query = QueryCodec.queryString(basePairs + [WirePair.encoding(cursorName, current)])
            if responses.isEmpty { firstQuery = query }
            let response = executor.execute(query, credential: credential)
            responses.append(response)
            next = nil
            if response.status == configuration.spec.response.status, case .success(let page) = parser.parse(response.body),
               page.hasMore == true {
                next = page.nextCursor
            }
        }
        return TenancyCheckOutcome(kind: .cursor, query: firstQuery, credential: credential,
                                   description: "a cursor of \(foreign.name) sent under \(name)",
                                   findings: oracle.checkForeignCursor(responses, foreign: foreign, under: name))
    }
}
