import ConvfuzzSpec
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
            if client < 0 { return }
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

    func stop() { shutdown(socket, Int32(SHUT_RDWR)); close(socket) }
}

@Suite("Retries", .serialized)
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
}
