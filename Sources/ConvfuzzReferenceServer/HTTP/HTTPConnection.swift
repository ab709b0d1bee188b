#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serves sequential requests on one accepted connection until it closes.
struct HTTPConnection {
    /// Idle/read timeout in seconds.
    static let readTimeoutSeconds = 30
    private static let maximumBody = 1 << 20

    let descriptor: Int32
    let application: ReferenceApplication

    /// Runs the request loop; returns when the connection should be closed.
    func run() {
        configureSocket()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16 * 1024)
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        var scanned = 0
        while true {
            guard let end = Self.headEnd(in: buffer, from: &scanned) else {
                if let status = Self.oversize(buffer) {
                    transmit(ResponseSerializer.serialize(ResponseSerializer.error(status), close: true, headOnly: false))
                    return
                }
                guard receive(into: &buffer, chunk: &chunk) else { return }
                continue
            }
            let outcome = HTTPHeadParser.parse(buffer[0..<end])
            let consumed = end + 4
            guard case .head(let head) = outcome else {
                if case .failure(let status) = outcome {
                    transmit(ResponseSerializer.serialize(ResponseSerializer.error(status), close: true, headOnly: false))
                }
                return
            }
            if head.contentLength > Self.maximumBody {
                transmit(ResponseSerializer.serialize(ResponseSerializer.error(400), close: true, headOnly: false))
                return
            }
            while buffer.count < consumed + head.contentLength {
                guard receive(into: &buffer, chunk: &chunk) else { return }
            }
            buffer.removeSubrange(0..<(consumed + head.contentLength))
            scanned = 0
            guard respond(to: head) else { return }
        }
    }

    /// Handles one request; returns whether the connection stays open.
    private func respond(to head: HTTPRequestHead) -> Bool {
        let response = application.handle(method: head.method, target: head.target, apiKey: head.apiKey,
                                          apiKeyHeaderName: head.apiKeyHeaderName)
        let headOnly = head.method == "HEAD"
        switch response.directive {
        case .normal:
            break
        case .delay(let milliseconds):
            usleep(UInt32(milliseconds * 1000))
        case .truncate(let extra):
            _ = transmit(ResponseSerializer.serialize(response, close: true, headOnly: headOnly, declaredExtra: extra))
            return false
        case .stall:
            waitForPeerToClose()
            return false
        case .trickle:
            let bytes = ResponseSerializer.serialize(response, close: true, headOnly: headOnly)
            for byte in bytes {
                guard transmit([byte]) else { return false }
                sleep(1)
            }
            return false
        case .reset:
            var linger = linger(l_onoff: 1, l_linger: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
            return false
        }
        // Head and body go out separately, so a large body is never copied into a second buffer.
        guard transmit(ResponseSerializer.serialize(response, close: !head.keepAlive, headOnly: true)),
              headOnly || transmit(response.body) else {
            return false
        }
        return head.keepAlive
    }

    /// The index of CR LF CR LF ending the head, scanning from `scanned`.
    private static func headEnd(in buffer: [UInt8], from scanned: inout Int) -> Int? {
        guard buffer.count >= 4 else { return nil }
        var index = max(0, scanned - 3)
        let last = buffer.count - 4
        while index <= last {
            if buffer[index] == 0x0D && buffer[index + 1] == 0x0A && buffer[index + 2] == 0x0D && buffer[index + 3] == 0x0A {
                return index
            }
            index += 1
        }
        scanned = buffer.count
        return nil
    }

    /// 414 or 431 when an incomplete head is already too long.
    private static func oversize(_ buffer: [UInt8]) -> Int? {
        let lineLimit = HTTPHeadParser.requestLineLimit
        if buffer.count > lineLimit + 2 {
            var hasLineEnd = false
            for index in 0..<(lineLimit + 1) where buffer[index] == 0x0D && buffer[index + 1] == 0x0A {
                hasLineEnd = true
                break
            }
            if !hasLineEnd { return 414 }
        }
        return buffer.count > HTTPHeadParser.headLimit ? 431 : nil
    }

    private func configureSocket() {
        var timeout = timeval(tv_sec: Self.readTimeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        #if canImport(Darwin)
        setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    /// Reads more bytes; false on EOF, error or timeout.
    private func receive(into buffer: inout [UInt8], chunk: inout [UInt8]) -> Bool {
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return true
            }
            if count < 0 && errno == EINTR { continue }
            return false
        }
    }

    /// Reads and discards until the peer closes the connection (or the server shuts it down).
    private func waitForPeerToClose() {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 { continue }
            if count < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) { continue }
            return
        }
    }

    /// Writes all bytes; false when the peer is gone.
    @discardableResult
    private func transmit(_ bytes: [UInt8]) -> Bool {
        #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL)
        #else
        let flags: Int32 = 0
        #endif
        var offset = 0
        return bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = send(descriptor, raw.baseAddress! + offset, raw.count - offset, flags)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }
}
