import Foundation

/// Progress on stderr: a live line on a terminal, or a plain line every few seconds otherwise.
///
/// The ETA comes from the current phase's own measured rate (units done since the phase started),
/// and is left out until the phase has done something. In plain style a timer prints the latest state
/// every interval even when the phase stands still, with the request rate over that interval.
public final class TerminalProgress: ProgressSink, @unchecked Sendable {
    // Every stored var is guarded by `lock`.
    private let lock = NSLock()
    private let style: ProgressStyle
    private var latest: ProgressSnapshot?
    private var phaseStart: Double = 0
    private var lastPrint: Double = 0
    private var lastRequests = 0
    private var lastRateTime = Clock.monotonic()
    private var live = false
    private var finished = false
    private var timer: DispatchSourceTimer?
    private var requestCounter: (@Sendable () -> Int)?

    /// Creates a sink with a style (see `ProgressStyle.choose`).
    public init(style: ProgressStyle) {
        self.style = style
        if case .plain(let interval) = style, interval > 0 {
            let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "convfuzz.progress"))
            timer.schedule(deadline: .now() + interval, repeating: interval)
            timer.setEventHandler { [weak self] in self?.tick() }
            timer.resume()
            self.timer = timer
        }
    }

    /// Creates a sink: a live line when `isTTY`, plain lines otherwise.
    public convenience init(isTTY: Bool, color: Bool, plainInterval: Double = 10) {
        self.init(style: isTTY ? .live(color: color) : .plain(interval: plainInterval))
    }

    /// Reads the live request count, so that a still phase's line shows traffic as it happens.
    public func countRequests(with counter: @escaping @Sendable () -> Int) {
        lock.withLock { requestCounter = counter }
    }

    /// Takes a snapshot; the live line is redrawn at most ten times a second.
    public func update(_ snapshot: ProgressSnapshot) {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        let now = Clock.monotonic()
        if latest?.phase != snapshot.phase { phaseStart = now }
        latest = snapshot
        guard case .live = style, now - lastPrint >= 0.1 else { return }
        lastPrint = now
        write("\r\u{1B}[K" + decorated(snapshot, now: now).line)
        live = true
    }

    /// Shows a line once.
    public func note(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        if case .live(let color) = style {
            let text = color ? "\u{1B}[2m\(line)\u{1B}[0m" : line
            write((live ? "\r\u{1B}[K" : "") + text + "\n")
            live = false
        } else {
            write(line + "\n")
        }
    }

    /// Clears the live line and stops the timer.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if live { write("\r\u{1B}[K") }
        live = false
        finished = true
        timer?.cancel()
        timer = nil
    }

    // MARK: Lines

    /// The plain line for the current state (what the timer prints).
    func plainLine(now: Double) -> String? {
        guard let latest else { return nil }
        return decorated(latest, now: now).line
    }

    private func tick() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished, let line = plainLine(now: Clock.monotonic()) else { return }
        write(line + "\n")
    }

    /// The snapshot with the live request count, the recent request rate and the phase's own ETA.
    private func decorated(_ snapshot: ProgressSnapshot, now: Double) -> ProgressSnapshot {
        var shown = snapshot
        if let requestCounter { shown.requests = max(snapshot.requests, requestCounter()) }
        let span = now - lastRateTime
        if span >= 1 {
            shown.requestsPerSecond = Double(shown.requests - lastRequests) / span
            lastRequests = shown.requests
            lastRateTime = now
        }
        let elapsed = now - phaseStart
        if shown.done > 0, shown.total > shown.done, elapsed > 0 {
            shown.eta = Self.eta(done: shown.done, total: shown.total, elapsed: elapsed, now: now, endsBy: shown.endsBy)
        } else {
            shown.eta = nil
        }
        return shown
    }

    /// The phase's ETA from its own rate, never past the time budget's end for the phase (`endsBy`).
    static func eta(done: Int, total: Int, elapsed: Double, now: Double, endsBy: Double?) -> Double {
        let byRate = Double(total - done) / (Double(done) / elapsed)
        guard let endsBy else { return byRate }
        return max(0, min(byRate, endsBy - now))
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
