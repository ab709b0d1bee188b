import ConvfuzzRunner
import Foundation

/// SIGINT and SIGTERM during a run: the first asks the run to stop (in-flight requests finish, then the
/// summary, reports and corpus are written, exit 130 or 143); a second aborts at once.
///
/// If the run has not wound down within `grace` seconds of the first signal, `onGraceExpired` is called
/// on the handler's queue: it writes what was found so far and exits.
final class InterruptHandler: @unchecked Sendable {
    // `signals`, `claimed` and `sources` are guarded by `lock`.
    private let lock = NSLock()
    private let queue = DispatchQueue(label: "convfuzz.signals")
    private let stop: StopRequest
    private let grace: Double
    private var signals = 0
    private var claimed = false
    private var sources: [DispatchSourceSignal] = []

    /// The exit code of a signal: 128 + its number.
    static func exitCode(for signal: String) -> Int32 { signal == "SIGTERM" ? ExitStatus.terminated : ExitStatus.interrupted }

    /// Installs the handlers.
    init(stop: StopRequest, grace: Double = 1.0, onFirst: @escaping @Sendable (String) -> Void,
         onGraceExpired: @escaping @Sendable (String) -> Void) {
        self.stop = stop
        self.grace = grace
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            // Signals that arrive together are coalesced into one event; `data` says how many.
            source.setEventHandler { [weak self] in
                self?.received(name, times: max(1, Int(source.data)), onFirst: onFirst, onGraceExpired: onGraceExpired)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Claims the right to write the results; only the first caller (the run or the grace timer) gets it.
    func claim() -> Bool {
        lock.withLock {
            if claimed { return false }
            claimed = true
            return true
        }
    }

    private func received(_ name: String, times: Int, onFirst: @escaping @Sendable (String) -> Void,
                          onGraceExpired: @escaping @Sendable (String) -> Void) {
        let count = lock.withLock {
            signals += times
            return signals
        }
        if count > 1 {
            Terminal.error("second \(name): aborting without writing results")
            _exit(InterruptHandler.exitCode(for: stop.signal ?? name))
        }
        stop.request(signal: name)
        onFirst(name)
        queue.asyncAfter(deadline: .now() + grace) { [weak self] in
            guard let self, self.claim() else { return }
            onGraceExpired(name)
        }
    }
}
