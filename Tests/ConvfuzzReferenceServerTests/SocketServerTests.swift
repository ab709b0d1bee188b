import ConvfuzzTestSupport
import Foundation
import Glibc
import Testing
@testable import ConvfuzzReferenceServer

@Suite(.serialized, .ownThreads) struct SocketServerTests {
    private func server(_ configuration: ReferenceServerConfiguration = .init(size: 200)) throws -> ReferenceServer {
        let server = try ReferenceServer(configuration: configuration)
        try server.start()
        return server
    }

    @Test func keepAliveSequentialRequests() throws {
        let server = try server()
        defer { server.stop() }
        #expect(server.port > 0)
        #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
        let client = RawClient(port: server.port)
        for size in [1, 2, 3] {
            client.send("GET /v1/convai/conversations?page_size=\(size) HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try #require(client.readResponse())
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "application/json")
            let object = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as! [String: Any]
            #expect((object["conversations"] as! [Any]).count == size)
        }
        client.send("GET /v1/convai/conversations HTTP/1.1\r\nConnection: close\r\n\r\n")
        #expect(client.readResponse()?.status == 200)
        #expect(client.isClosed())
        #expect(server.requestCount == 4)
    }

    @Test func pipelinedRequests() throws {
        let server = try server()
        defer { server.stop() }
        let client = RawClient(port: server.port)
        client.send("GET /nope HTTP/1.1\r\n\r\nPOST /v1/convai/conversations HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"
            + "HEAD /v1/convai/conversations HTTP/1.1\r\n\r\n")
        let notFound = try #require(client.readResponse())
        #expect(notFound.status == 404)
        #expect(notFound.body == "{\"detail\":\"Not Found\"}")
        #expect(client.readResponse()?.status == 405)
        client.send("GET /v1/convai/conversations?page_size=1 HTTP/1.1\r\n\r\n")
        // HEAD: headers only; the next response follows directly.
        let head = try #require(client.readHeadOnly())
        #expect(head.status == 200)
        #expect(Int(head.headers["content-length"]!)! > 0)
        #expect(client.readResponse()?.status == 200)
    }

    @Test func malformedAndOversized() throws {
        let server = try server()
        defer { server.stop() }
        let bad = RawClient(port: server.port)
        bad.send("NONSENSE\r\n\r\n")
        #expect(bad.readResponse()?.status == 400)
        let big = RawClient(port: server.port)
        big.send("GET /v1/convai/conversations HTTP/1.1\r\n" + String(repeating: "X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n", count: 1500) + "\r\n")
        #expect(big.readResponse()?.status == 431)
        let long = RawClient(port: server.port)
        long.send("GET /v1/convai/conversations?q=" + String(repeating: "a", count: 40_000) + " HTTP/1.1\r\n\r\n")
        #expect(long.readResponse()?.status == 414)
    }

    @Test func abruptDisconnectsAndConcurrency() throws {
        let server = try server()
        defer { server.stop() }
        for _ in 0..<10 {
            let client = RawClient(port: server.port)
            client.send("GET /v1/convai/conversations?page_size=100 HTTP/1.1\r\n\r\n")
        }
        let port = server.port
        let failures = TestCounter()
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            let client = RawClient(port: port)
            for _ in 0..<5 {
                client.send("GET /v1/convai/conversations?page_size=\(1 + index % 50) HTTP/1.1\r\n\r\n")
                if client.readResponse()?.status != 200 { failures.increment() }
            }
        }
        #expect(failures.value == 0)
    }

    @Test func portInUseAndStop() throws {
        let first = try server()
        let second = try ReferenceServer(configuration: .init(port: first.port, size: 10))
        #expect(throws: ReferenceServerError.self) { try second.start() }
        let idle = RawClient(port: first.port)
        idle.send("GET /v1/convai/conversations?page_size=1 HTTP/1.1\r\n\r\n")
        #expect(idle.readResponse()?.status == 200)
        first.stop()
        #expect(idle.isClosed())
        first.stop()
    }

    @Test func truncatedBodyFault() throws {
        let server = try server(.init(size: 50, fault: .truncatedBody))
        defer { server.stop() }
        let client = RawClient(port: server.port)
        for _ in 0..<3 {
            client.send("GET /v1/convai/conversations?page_size=1 HTTP/1.1\r\n\r\n")
            #expect(client.readResponse()?.status == 200)
        }
        client.send("GET /v1/convai/conversations?page_size=1&sort_direction=desc HTTP/1.1\r\n\r\n")
        #expect(client.readResponse() == nil)
    }
}
