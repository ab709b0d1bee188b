import ConvfuzzSpec
import ConvfuzzTestSupport
import ConvfuzzTransport
import Foundation
import Glibc
import Testing
@testable import ConvfuzzRunner

/// A loopback server that answers 429 (with Retry-After) or 503 a set number of times, then 200.
final class FlakyServer: @unchecked Sendable {
    let port: Int
    private let socket: Int32
    private let lock = NSLock()
    private var failuresLeft: Int
    private let failure: String
    private(set) var hits = 0

    init(failures: Int, failure: String) throws {
        failuresLeft = failures
        self.failure = failure
        let listener = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        listen(listener, 16)
        var bound = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &bound) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        socket = listener
        port = Int(UInt16(bigEndian: bound.sin_port))
        Thread.detachNewThread { [self] in serve() }
    }

    private func serve() {
        while true {
            let client = accept(socket, nil, nil)
            if client < 0 {
                // Closed here, once no accept can follow: a descriptor closed by `stop` while this loop
                // was between two accepts could be reused by the next test's server, whose connections
                // this loop would then answer (a serial run of the suite caught it).
                close(socket)
                return
            }
            var buffer = [UInt8](repeating: 0, count: 8192)
            var request: [UInt8] = []
            while !request.suffix(4).elementsEqual(Array("\r\n\r\n".utf8)) {
                let count = recv(client, &buffer, buffer.count, 0)
                if count <= 0 { break }
                request += buffer[0..<count]
            }
            let reply: String = lock.withLock {
                hits += 1
                if failuresLeft > 0 {
                    failuresLeft -= 1
                    return failure
                }
                let body = "{\"conversations\":[],\"has_more\":false,\"next_cursor\":null}"
                return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
            }
            _ = reply.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            close(client)
        }
    }

    /// Stops accepting: the serving loop ends at its next accept and closes the socket itself.
    func stop() { shutdown(socket, Int32(SHUT_RDWR)) }
}

@Suite("Retries", .serialized, .ownThreads)
struct RetryTests {
    func executor(port: Int, retries: Int) -> RequestExecutor {
        var configuration = RunConfiguration(spec: Paths.spec, target: "http://127.0.0.1:\(port)")
        configuration.retries = retries
        configuration.maxRetryAfter = 2
        return RequestExecutor(configuration: configuration)
    }

    @Test func retryAfterIsHonouredOn429() throws {
        let server = try FlakyServer(failures: 1, failure: "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        defer { server.stop() }
        let executor = executor(port: server.port, retries: 2)
        let start = Clock.monotonic()
        let response = executor.execute("page_size=1")
        #expect(response.status == 200)
        #expect(Clock.monotonic() - start >= 0.9, "waited for Retry-After")
        #expect(executor.retried == 1)
        #expect(executor.requests == 2)
    }

    @Test func persistent503IsReturnedAsObservedAfterTheRetries() throws {
        let server = try FlakyServer(failures: 10, failure: "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 0\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        defer { server.stop() }
        let executor = executor(port: server.port, retries: 2)
        let response = executor.execute("")
        #expect(response.status == 503)
        #expect(executor.requests == 3)
    }

    @Test func aRetryAfterOverTheMaximumIsNotSleptThroughAndHaltsTheExecutor() throws {
        let server = try FlakyServer(failures: 10, failure: "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 86400\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        defer { server.stop() }
        let executor = executor(port: server.port, retries: 3)
        let start = Clock.monotonic()
        let response = executor.execute("")
        #expect(Clock.monotonic() - start < 5)
        #expect(response.status == 429)
        #expect(executor.requests == 1)
        #expect(executor.stopReason?.contains("asked to wait 86400 s") == true)
        #expect(executor.retryStatistics.conditions.count == 1)
        #expect(executor.execute("page_size=1").wasSkipped, "a halted executor sends nothing more")
    }

    @Test func noWaitPassesTheDeadlineAndRetriesAreCountedByReason() throws {
        let server = try FlakyServer(failures: 10, failure: "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 2\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        defer { server.stop() }
        var configuration = RunConfiguration(spec: Paths.spec, target: "http://127.0.0.1:\(server.port)")
        configuration.retries = 5
        configuration.maxRetryAfter = 10
        let deadline = RunDeadline(seconds: 3)
        let executor = RequestExecutor(configuration: configuration, deadline: deadline)
        let start = Clock.monotonic()
        let response = executor.execute("")
        #expect(Clock.monotonic() - start < 3.5)
        #expect(response.status == 503)
        #expect(executor.retryStatistics.byReason["503"] == 1)
        #expect(executor.deadlineStop?.contains("target asked to wait 2 s (Retry-After); the budget has") == true)
    }
}

@Suite("Retry decisions and deadlines")
struct RetryDecisionTests {
    func response(_ status: Int, retryAfter: String? = nil) -> Result<HTTPResponse, TransportError> {
        let headers = retryAfter.map { [HTTPResponseHeader(name: "retry-after", value: $0)] } ?? []
        return .success(HTTPResponse(status: status, headers: headers, body: [], timings: HTTPTimings(connect: 0, startTransfer: 0, total: 0),
                                     effectiveURL: "http://x"))
    }

    @Test func decisions() {
        #expect(RetryDecision.decide(response(200), backoff: 0.2, maxRetryAfter: 60) == .final)
        #expect(RetryDecision.decide(response(429, retryAfter: "3"), backoff: 0.2, maxRetryAfter: 60)
            == .retry(delay: 3, reason: .status429, askedByTarget: true))
        #expect(RetryDecision.decide(response(503), backoff: 0.2, maxRetryAfter: 60)
            == .retry(delay: 0.2, reason: .status503, askedByTarget: false))
        #expect(RetryDecision.decide(response(429, retryAfter: "86400"), backoff: 0.2, maxRetryAfter: 60)
            == .refusedWait(seconds: 86400, status: 429))
        let stalled: Result<HTTPResponse, TransportError> = .failure(.stalled(url: "u", after: 5, received: 3, minimumRate: 16, window: 5))
        #expect(RetryDecision.decide(stalled, backoff: 0.2, maxRetryAfter: 60) == .retry(delay: 0.2, reason: .stall, askedByTarget: false))
        let reset: Result<HTTPResponse, TransportError> = .failure(.truncated(reason: "Recv failure: Connection reset by peer"))
        #expect(RetryDecision.decide(reset, backoff: 0.2, maxRetryAfter: 60) == .retry(delay: 0.2, reason: .reset, askedByTarget: false))
        let cut: Result<HTTPResponse, TransportError> = .failure(.truncated(reason: "transfer closed with 64 bytes remaining"))
        #expect(RetryDecision.decide(cut, backoff: 0.2, maxRetryAfter: 60) == .final)
    }

    @Test func deadlines() {
        let none = RunDeadline()
        #expect(none.remaining == nil && !none.hasPassed)
        let past = RunDeadline(seconds: 0)
        #expect(past.hasPassed && past.remaining == 0)
        past.reset(seconds: 100)
        #expect(!past.hasPassed && (past.remaining ?? 0) > 99)
    }

    @Test func corpusTemporariesOfDeadProcessesAreSwept() throws {
        let folder = TestPaths.temporaryFile("convfuzz-sweep")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var dead: pid_t = 4_000_000
        while kill(dead, 0) == 0 || errno != ESRCH { dead += 1 }
        let stale = folder + "/.cf-x.json.tmp-\(dead)-3"
        let live = folder + "/.cf-y.json.tmp-\(getpid())-1"
        let nosync = folder + "/.dat.nosync12.ab"
        let entry = folder + "/cf-z.json"
        for path in [stale, live, nosync, entry] { #expect(FileManager.default.createFile(atPath: path, contents: Data("{".utf8))) }
        let removed = CorpusStore(directory: folder).sweepTemporaries()
        #expect(Set(removed) == [stale, nosync])
        #expect(FileManager.default.fileExists(atPath: live) && FileManager.default.fileExists(atPath: entry))
        #expect(CorpusStore.isTemporary(".cf-y.json.tmp-12-1") && !CorpusStore.isTemporary("cf-z.json"))
    }
}
