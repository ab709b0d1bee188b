import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny, deliberately misbehaving HTTP/1.1 server on 127.0.0.1 for transport
/// tests: thread per connection, keep-alive, and one route per misbehaviour.
///
/// Routes (path only; query parameters noted):
/// - `/echo` — 200, body = the raw request line (without CRLF).
/// - `/head` — 200, body = the raw request head.
/// - `/slow?ms=N` — waits N ms, then like `/echo`.
/// - `/hang` — reads the request, never answers (until the client closes).
/// - `/truncate` — `Content-Length: 100`, sends 10 bytes, closes.
/// - `/nothing` — closes without answering.
/// - `/big?n=N` — 200 with `Content-Length: N` and N bytes.
/// - `/stream?n=N` — 200 without length, streams N bytes then closes; records send failures.
/// - `/notjson` — 200 `text/html` that is not JSON.
/// - `/401` — 401 with `WWW-Authenticate`; `/429` — 429 with `Retry-After: 7`.
///
/// `@unchecked Sendable`: all mutable state is guarded by `lock`.
final class TestServer: @unchecked Sendable {
    let port: UInt16
    private let listenFD: Int32
    private let lock = NSLock()
    private var connections = 0
    private var lines: [[UInt8]] = []
    private var openFDs: Set<Int32> = []
    private var streamFailures = 0
    private var stopped = false
    private var listenerClosed = false

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listenFD = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// `http://127.0.0.1:PORT` + `path`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Connections accepted so far.
    var acceptedConnections: Int { lock.withLock { connections } }
    /// Raw request lines received so far, in arrival order.
    var requestLines: [[UInt8]] { lock.withLock { lines } }
    /// How many `/stream` responses failed to send (the client aborted).
    var abortedStreams: Int { lock.withLock { streamFailures } }

    /// Closes the listener and every open connection.
    /// Descriptors are only shut down here, under the lock, never closed: the
    /// owning thread closes them, so a number is never touched after reuse.
    func stop() {
        lock.withLock {
            stopped = true
            if !listenerClosed { shutdown(listenFD, Int32(SHUT_RDWR)) }
            for fd in openFDs { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listenFD, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                closeListener()
                return
            }
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let accepted: Bool = lock.withLock {
                if stopped { return false }
                connections += 1
                openFDs.insert(fd)
                return true
            }
            if !accepted {
                close(fd)
                closeListener()
                return
            }
            let thread = Thread { [self] in
                serve(fd)
                lock.withLock {
                    openFDs.remove(fd)
                    close(fd)
                }
            }
            thread.start()
        }
    }

    private func closeListener() {
        lock.withLock {
            listenerClosed = true
            close(listenFD)
        }
    }

    private func serve(_ fd: Int32) {
        var pending: [UInt8] = []
        while let head = readHead(fd, &pending) {
            let line = Array(head.prefix { $0 != 0x0D })
            lock.withLock { lines.append(line) }
            if !respond(fd, line: line, head: head) { return }
        }
    }

    /// Reads up to and including the blank line; nil on EOF or error.
    private func readHead(_ fd: Int32, _ pending: inout [UInt8]) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let end = Self.headEnd(pending) {
                let head = Array(pending[..<end])
                pending.removeFirst(end)
                return head
            }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return nil }
            pending.append(contentsOf: chunk[..<count])
        }
    }

    private static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where bytes[index] == 0x0D && bytes[index + 1] == 0x0A && bytes[index + 2] == 0x0D && bytes[index + 3] == 0x0A {
            return index + 4
        }
        return nil
    }

    /// Answers one request; false when the connection must close.
    private func respond(_ fd: Int32, line: [UInt8], head: [UInt8]) -> Bool {
        let target = Self.target(of: line)
        let path = String(decoding: target.prefix { $0 != UInt8(ascii: "?") }, as: UTF8.self)
        let number = { (key: String) -> Int in Self.parameter(key, in: target) ?? 0 }
        switch path {
        case "/echo":
            return sendResponse(fd, status: "200 OK", headers: [], body: line)
        case "/head":
            return sendResponse(fd, status: "200 OK", headers: [], body: head)
        case "/slow":
            usleep(UInt32(number("ms") * 1000))
            return sendResponse(fd, status: "200 OK", headers: [], body: line)
        case "/hang":
            var byte: UInt8 = 0
            while recv(fd, &byte, 1, 0) > 0 {}
            return false
        case "/truncate":
            _ = write(fd, Array("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789".utf8))
            return false
        case "/nothing":
            return false
        case "/big":
            return sendResponse(fd, status: "200 OK", headers: [], body: [UInt8](repeating: 0x61, count: number("n")))
        case "/stream":
            streamBody(fd, total: number("n"))
            return false
        case "/notjson":
            return sendResponse(fd, status: "200 OK", headers: ["Content-Type: text/html"], body: Array("<html>not json".utf8))
        case "/401":
            return sendResponse(fd, status: "401 Unauthorized", headers: ["WWW-Authenticate: xi-api-key"], body: Array("{\"detail\":\"unauthorized\"}".utf8))
        case "/429":
            return sendResponse(fd, status: "429 Too Many Requests", headers: ["Retry-After: 7", "X-Multi: a", "x-multi: b"], body: [])
        default:
            return sendResponse(fd, status: "404 Not Found", headers: [], body: [])
        }
    }

    private func streamBody(_ fd: Int32, total: Int) {
        guard write(fd, Array("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".utf8)) else { return }
        let chunk = [UInt8](repeating: 0x62, count: 65536)
        var sent = 0
        while sent < total {
            if !write(fd, Array(chunk.prefix(total - sent))) {
                lock.withLock { streamFailures += 1 }
                return
            }
            sent += min(chunk.count, total - sent)
        }
    }

    private func sendResponse(_ fd: Int32, status: String, headers: [String], body: [UInt8]) -> Bool {
        var text = "HTTP/1.1 \(status)\r\nContent-Length: \(body.count)\r\n"
        for header in headers { text += header + "\r\n" }
        return write(fd, Array((text + "\r\n").utf8) + body)
    }

    private func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { return false }
            offset += count
        }
        return true
    }

    private static func target(of line: [UInt8]) -> ArraySlice<UInt8> {
        guard let first = line.firstIndex(of: 0x20), let last = line.lastIndex(of: 0x20), first < last else { return [] }
        return line[(first + 1)..<last]
    }

    private static func parameter(_ key: String, in target: ArraySlice<UInt8>) -> Int? {
        let text = String(decoding: target, as: UTF8.self)
        guard let query = text.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
        for pair in query.split(separator: "&") where pair.hasPrefix(key + "=") {
            return Int(pair.dropFirst(key.count + 1))
        }
        return nil
    }
}
