import ConvfuzzGeneration
import ConvfuzzReferenceServer
import ConvfuzzSpec
import ConvfuzzTransport
import Foundation
@testable import ConvfuzzRunner

/// A transport without sockets: each request goes to a closure (by default, the reference
/// application in process), so phases run alone, fast and deterministically.
final class ScriptedTransport: RequestTransport, @unchecked Sendable {
    /// The base URL phases are configured with.
    static let base = "http://scripted.invalid"

    // `sent` is guarded by `lock`; `answer` is immutable.
    private let lock = NSLock()
    private var sentURLs: [String] = []
    private let answer: @Sendable (HTTPRequest) -> Result<HTTPResponse, TransportError>

    /// A transport answering with a closure.
    init(_ answer: @escaping @Sendable (HTTPRequest) -> Result<HTTPResponse, TransportError>) {
        self.answer = answer
    }

    /// A transport answering as the reference application does, optionally with a fault.
    convenience init(fault: ReferenceFault? = nil) throws {
        let application = try ReferenceApplication(configuration: ReferenceServerConfiguration(fault: fault))
        self.init { request in
            let target = String(request.url.dropFirst(ScriptedTransport.base.count))
            let response = application.handle(method: request.method, target: target,
                                              headers: request.headers.map { ($0.name, $0.value) })
            if case .truncate = response.directive { return .failure(.truncated(reason: "scripted truncation")) }
            return .success(HTTPResponse(status: response.status,
                                         headers: response.headers.map { HTTPResponseHeader(name: $0.name, value: $0.value) },
                                         body: response.body, timings: HTTPTimings(connect: 0, startTransfer: 0, total: 0),
                                         effectiveURL: request.url))
        }
    }

    /// Every URL sent, in order.
    var sent: [String] { lock.withLock { sentURLs } }

    func send(_ requests: [HTTPRequest]) -> [Result<HTTPResponse, TransportError>] {
        lock.withLock { sentURLs += requests.map(\.url) }
        return requests.map(answer)
    }
}

/// Phase fixtures: a context over a scripted transport.
enum PhaseFixtures {
    static let profile: TargetProfile = { try! TargetProfile.load(path: Paths.root + "/specs/profiles/reference.yaml") }()

    static func configuration(_ configure: (inout RunConfiguration) -> Void = { _ in }) -> RunConfiguration {
        var configuration = RunConfiguration(spec: Paths.spec, profile: profile, target: ScriptedTransport.base)
        configuration.maxCases = 300
        configuration.walkSample = 3
        configuration.relationBudget = 12
        configuration.shrinkBudget = 40
        configuration.corpusDirectory = nil
        configuration.replayCorpus = false
        configure(&configuration)
        return configuration
    }

    static func context(fault: ReferenceFault? = nil, _ configure: (inout RunConfiguration) -> Void = { _ in }) throws
        -> (PhaseContext, ScriptedTransport) {
        let transport = try ScriptedTransport(fault: fault)
        return (PhaseContext(configuration: configuration(configure), transport: transport), transport)
    }

    static func discovery(_ context: PhaseContext) -> Discovery {
        DiscoveryPhase(context: context).run(pools: ValuePools(profile: context.configuration.profile)).discovery
    }
}
