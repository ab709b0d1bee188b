import ConvfuzzGeneration
import ConvfuzzReferenceServer
import ConvfuzzSpec
import ConvfuzzSpecFiles
import ConvfuzzTransport
import Foundation
import Testing
@testable import ConvfuzzRunner

/// A transport without sockets: each request goes to a closure (by default, the reference
/// application in process), so that phases run alone, fast and deterministically.
final class ScriptedTransport: RequestTransport, @unchecked Sendable {
    /// The base URL phases are configured with (never resolved: nothing leaves the process).
    static let base = "http://scripted.invalid"

    /// One answer of a scripted transport.
    typealias Answer = @Sendable (HTTPRequest) -> Result<HTTPResponse, TransportError>

    // `sentRequests` is guarded by `lock`; `answer` is immutable.
    private let lock = NSLock()
    private var sentRequests: [HTTPRequest] = []
    private let answer: Answer

    /// A transport answering with a closure.
    init(_ answer: @escaping Answer) {
        self.answer = answer
    }

    /// A transport answering as the reference application does, optionally with a fault; the
    /// application requires `apiKey` (and serves a second workspace to `secondKey`) when given.
    convenience init(fault: ReferenceFault? = nil, apiKey: String? = PhaseFixtures.key, secondKey: String? = nil,
                     size: Int = PhaseFixtures.serverSize) throws {
        let configuration = ReferenceServerConfiguration(size: size, fault: fault, apiKey: apiKey, secondAPIKey: secondKey)
        self.init(Self.answering(with: try ReferenceApplication(configuration: configuration)))
    }

    /// Answers as `application` does, turning its transport directives into what curl would report.
    static func answering(with application: ReferenceApplication) -> Answer {
        { request in
            let target = String(request.url.dropFirst(ScriptedTransport.base.count))
            let response = application.handle(method: request.method, target: target,
                                              headers: request.headers.map { ($0.name, $0.value) })
            switch response.directive {
            case .truncate:
                return .failure(.truncated(reason: "transfer closed with outstanding read data remaining"))
            case .reset:
                return .failure(.truncated(reason: "Recv failure: Connection reset by peer"))
            case .stall:
                return .failure(.timedOut(url: request.url, after: 30))
            case .normal, .delay, .trickle:
                return .success(HTTPResponse(status: response.status,
                                             headers: response.headers.map { HTTPResponseHeader(name: $0.name, value: $0.value) },
                                             body: response.body, timings: HTTPTimings(connect: 0, startTransfer: 0, total: 0),
                                             effectiveURL: request.url))
            }
        }
    }

    /// A bare response (no headers but `Content-Type: application/json`).
    static func response(_ status: Int, body: String = "{}", to request: HTTPRequest,
                         headers: [HTTPResponseHeader] = []) -> Result<HTTPResponse, TransportError> {
        .success(HTTPResponse(status: status, headers: [HTTPResponseHeader(name: "Content-Type", value: "application/json")] + headers,
                              body: Array(body.utf8), timings: HTTPTimings(connect: 0, startTransfer: 0, total: 0),
                              effectiveURL: request.url))
    }

    /// Every request sent, in order.
    var requests: [HTTPRequest] { lock.withLock { sentRequests } }

    /// Every URL sent, in order.
    var sent: [String] { requests.map(\.url) }

    func send(_ requests: [HTTPRequest], timeout: Double?) -> [Result<HTTPResponse, TransportError>] {
        lock.withLock { sentRequests += requests }
        return requests.map(answer)
    }
}

/// Phase fixtures: a context over a scripted transport, with small budgets.
enum PhaseFixtures {
    /// The key the scripted reference application requires and the run sends.
    static let key = GeneratedKey.make(seed: 1, workspace: 0)
    /// The second workspace's key, for tenancy.
    static let secondKey = GeneratedKey.make(seed: 1, workspace: 1)
    /// Conversations the scripted application holds (three discovery pages of 100).
    static let serverSize = 300

    static let profile: TargetProfile = { try! TargetProfile.load(path: Paths.root + "/specs/profiles/reference.yaml") }()

    /// A configuration against the scripted base URL, sending `key`, with small budgets.
    static func configuration(_ configure: (inout RunConfiguration) -> Void = { _ in }) -> RunConfiguration {
        var configuration = RunConfiguration(spec: Paths.spec, profile: profile, target: ScriptedTransport.base, apiKey: key)
        configuration.maxCases = 240
        configuration.walkSample = 3
        configuration.relationBudget = 12
        configuration.shrinkBudget = 40
        configuration.retries = 0
        configuration.corpusDirectory = nil
        configuration.replayCorpus = false
        configure(&configuration)
        return configuration
    }

    /// A context over the reference application (with `fault`), and its transport.
    static func context(fault: ReferenceFault? = nil, secondKey: Bool = false,
                        _ configure: (inout RunConfiguration) -> Void = { _ in }) throws -> (PhaseContext, ScriptedTransport) {
        let transport = try ScriptedTransport(fault: fault, secondKey: secondKey ? Self.secondKey : nil)
        let context = context(over: transport) { configuration in
            if secondKey {
                configuration.secondKey = Self.secondKey
                configuration.secondKeyEnv = "SECOND_API_KEY"
            }
            configure(&configuration)
        }
        return (context, transport)
    }

    /// A context over any transport.
    static func context(over transport: any RequestTransport, _ configure: (inout RunConfiguration) -> Void = { _ in })
        -> PhaseContext {
        PhaseContext(configuration: configuration(configure), transport: transport)
    }

    /// The input of the first phase: the profile's pools, nothing learnt yet.
    static func firstInput(_ context: PhaseContext) -> PhaseInput {
        PhaseInput(discovery: Discovery(pools: ValuePools(profile: context.configuration.profile)))
    }

    /// The discovery phase's output for a context, starting from the profile's pools.
    static func discovered(_ context: PhaseContext) -> PhaseOutput {
        DiscoveryPhase(context: context).run(firstInput(context))
    }

    /// The discovery of a context, starting from the profile's pools.
    static func discovery(_ context: PhaseContext) -> Discovery {
        discovered(context).discovery ?? Discovery(pools: ValuePools(profile: context.configuration.profile))
    }

    /// The cases of a context after its discovery: the phase's output and what it sent.
    static func cases(_ context: PhaseContext, _ discovery: Discovery) -> (output: PhaseOutput, summary: CaseSummary) {
        let output = CasePhase(context: context).run(PhaseInput(discovery: discovery))
        guard let summary = output.cases else {
            Issue.record("the case phase returns a case summary")
            return (output, CaseSummary(validCases: [], coverage: CoverageTable(spec: context.spec), cases: 0, casesByExpectation: [:]))
        }
        return (output, summary)
    }
}
