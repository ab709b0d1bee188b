import ConvfuzzTransport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Small helpers shared by the transport tests.
enum TestSupport {
    /// A short-timeout configuration so failing tests fail fast.
    static func configuration(total: Double = 3, maxBytes: Int = 16 * 1024 * 1024, concurrency: Int = 4) -> TransportConfiguration {
        TransportConfiguration(connectTimeout: 1, totalTimeout: total, maxResponseBytes: maxBytes, maxConcurrency: concurrency)
    }

    /// The body as UTF-8 text, or nil for a failure.
    static func text(_ result: Result<HTTPResponse, TransportError>) -> String? {
        guard case let .success(response) = result else { return nil }
        return String(decoding: response.body, as: UTF8.self)
    }

    /// The failure, or nil for a success.
    static func failure(_ result: Result<HTTPResponse, TransportError>) -> TransportError? {
        guard case let .failure(error) = result else { return nil }
        return error
    }

    /// A loopback port nobody listens on (bound, read, closed).
    static func unusedPort() -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                _ = bind(fd, pointer, length)
                return getsockname(fd, pointer, &length)
            }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Polls `condition` for up to `seconds`.
    static func eventually(within seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }
}
