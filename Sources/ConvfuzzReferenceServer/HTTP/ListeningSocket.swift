#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bound, listening IPv4 TCP socket.
struct ListeningSocket: Sendable {
    /// The file descriptor.
    let descriptor: Int32
    /// The bound port (resolved when 0 was requested).
    let port: Int

    /// Binds `host:port` and listens.
    /// - Throws: `ReferenceServerError` naming the address and the system error.
    static func open(host: String, port: Int) throws -> ListeningSocket {
        guard (0...65535).contains(port) else { throw ReferenceServerError("invalid port \(port): must be 0...65535") }
        let literal = host == "localhost" ? "127.0.0.1" : host
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, literal, &address.sin_addr) == 1 else {
            throw ReferenceServerError("invalid host '\(host)': expected an IPv4 address or 'localhost'")
        }
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw ReferenceServerError("cannot create socket: \(Self.lastError())") }
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let message = Self.lastError()
            close(descriptor)
            throw ReferenceServerError("cannot bind \(host):\(port): \(message)")
        }
        guard listen(descriptor, 512) == 0 else {
            let message = Self.lastError()
            close(descriptor)
            throw ReferenceServerError("cannot listen on \(host):\(port): \(message)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return ListeningSocket(descriptor: descriptor, port: Int(UInt16(bigEndian: actual.sin_port)))
    }

    /// The text of `errno`.
    static func lastError() -> String { String(cString: strerror(errno)) }
}
