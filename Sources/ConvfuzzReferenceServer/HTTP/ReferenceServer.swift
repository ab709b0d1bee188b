#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An HTTP/1.1 server on POSIX sockets serving `ReferenceApplication`.
///
/// One accept thread, one detached thread per connection, keep-alive, sequential
/// requests per connection. `@unchecked Sendable`: all mutable state is guarded by `lock`.
public final class ReferenceServer: @unchecked Sendable {
    /// The application answering the requests.
    public let application: ReferenceApplication
    /// The configuration.
    public var configuration: ReferenceServerConfiguration { application.configuration }

    private let lock = PThreadMutex()
    private var listener: ListeningSocket?
    private var acceptThread: pthread_t?
    private var connections: Set<Int32> = []
    private var activeConnections = 0
    private var stopping = false

    /// Creates the server and generates its dataset (does not bind yet).
    /// - Throws: `ReferenceServerError` for an invalid configuration.
    public init(configuration: ReferenceServerConfiguration) throws {
        application = try ReferenceApplication(configuration: configuration)
    }

    deinit { stop() }

    /// Binds, listens and starts accepting connections.
    /// - Throws: `ReferenceServerError` (e.g. the port is in use).
    public func start() throws {
        signal(SIGPIPE, SIG_IGN)
        try lock.withLock {
            guard listener == nil, !stopping else { throw ReferenceServerError("server already started") }
            let socket = try ListeningSocket.open(host: configuration.host, port: configuration.port)
            listener = socket
            do {
                acceptThread = try ThreadLauncher.start(detached: false) { [self] in acceptLoop(socket.descriptor) }
            } catch {
                close(socket.descriptor)
                listener = nil
                throw error
            }
        }
    }

    /// The bound port (0 before `start()`).
    public var port: Int { lock.withLock { listener?.port ?? 0 } }

    /// `http://HOST:PORT` (127.0.0.1 when bound to all interfaces).
    public var baseURL: String {
        let host = configuration.host == "0.0.0.0" || configuration.host == "localhost" ? "127.0.0.1" : configuration.host
        return "http://\(host):\(port)"
    }

    /// The number of requests answered by the application.
    public var requestCount: Int { application.requestCount }

    /// Closes the listener and every connection and waits for all threads to end.
    public func stop() {
        let (socket, thread) = lock.withLock { () -> (ListeningSocket?, pthread_t?) in
            if stopping { return (nil, nil) }
            stopping = true
            return (listener, acceptThread)
        }
        guard let socket else { return }
        shutdown(socket.descriptor, Int32(SHUT_RDWR))
        if let thread { pthread_join(thread, nil) }
        close(socket.descriptor)
        lock.withLock {
            for descriptor in connections { shutdown(descriptor, Int32(SHUT_RDWR)) }
        }
        var waited = 0
        while lock.withLock({ activeConnections }) > 0 && waited < 10_000 {
            usleep(1000)
            waited += 1
        }
    }

    private func acceptLoop(_ descriptor: Int32) {
        while true {
            let client = accept(descriptor, nil, nil)
            if client < 0 {
                if lock.withLock({ stopping }) { return }
                switch errno {
                case EINTR, ECONNABORTED, EPROTO: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM: usleep(10_000); continue
                default: return
                }
            }
            let registered = lock.withLock { () -> Bool in
                if stopping { return false }
                connections.insert(client)
                activeConnections += 1
                return true
            }
            guard registered else {
                close(client)
                return
            }
            let application = application
            do {
                _ = try ThreadLauncher.start(detached: true) { [self] in
                    HTTPConnection(descriptor: client, application: application).run()
                    finish(client)
                }
            } catch {
                finish(client)
            }
        }
    }

    private func finish(_ client: Int32) {
        lock.withLock {
            connections.remove(client)
            close(client)
            activeConnections -= 1
        }
    }
}
