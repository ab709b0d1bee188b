import Foundation

/// Progress on stderr: a live line on a terminal, sparse plain lines otherwise.
public final class TerminalProgress: ProgressSink, @unchecked Sendable {
    // `lastPrint` and `live` are guarded by `lock`.
    private let lock = NSLock()
    private let isTTY: Bool
    private let color: Bool
    private let interval: Double
    private var lastPrint: Double = 0
    private var live = false

    /// Creates a sink; `isTTY` selects the live line, `color` allows ANSI colour (respect `NO_COLOR`).
    public init(isTTY: Bool, color: Bool, plainInterval: Double = 10) {
        self.isTTY = isTTY
        self.color = color
        interval = plainInterval
    }

    /// Shows a snapshot (throttled).
    public func update(_ snapshot: ProgressSnapshot) {
        lock.lock()
        defer { lock.unlock() }
        let now = Clock.monotonic()
        if isTTY {
            guard now - lastPrint >= 0.1 else { return }
            lastPrint = now
            write("\r\u{1B}[K" + snapshot.line)
            live = true
        } else {
            guard now - lastPrint >= interval else { return }
            lastPrint = now
            write(snapshot.line + "\n")
        }
    }

    /// Shows a line once.
    public func note(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        let text = color ? "\u{1B}[2m\(line)\u{1B}[0m" : line
        write((live ? "\r\u{1B}[K" : "") + text + "\n")
        live = false
    }

    /// Clears the live line.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if live { write("\r\u{1B}[K") }
        live = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
