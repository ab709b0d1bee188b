import ConvfuzzTestSupport
import Foundation
import Glibc

/// Runs Debian's `chromium` headless for the browser test, each time with a fresh profile
/// directory, output captured in files (helper processes cannot hold a pipe open) and a deadline.
struct HeadlessChromium {
    /// The executable.
    let path: String

    /// What one run printed.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String

        /// Console messages the page produced (Chromium logs every one as `…:CONSOLE…] "text", source: …`).
        var consoleLines: [String] {
            stderr.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") }
        }
    }

    /// A run that failed to finish or to start.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `chromium` (or `chromium-browser`) on the PATH, if installed.
    static func locate() -> HeadlessChromium? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser"] {
            for directory in directories {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return HeadlessChromium(path: candidate) }
            }
        }
        return nil
    }

    /// Runs chromium on `url` with the extra arguments; kills it after `timeout` seconds.
    func run(_ arguments: [String], url: URL, timeout: Double = 90) throws -> Output {
        let work = URL(fileURLWithPath: TestPaths.temporaryFile("convfuzz-chromium"))
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let stdoutFile = work.appendingPathComponent("stdout")
        let stderrFile = work.appendingPathComponent("stderr")
        guard FileManager.default.createFile(atPath: stdoutFile.path, contents: nil),
              FileManager.default.createFile(atPath: stderrFile.path, contents: nil) else {
            throw Failure(description: "cannot create output files in \(work.path)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        var common = ["--headless", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                      "--disable-extensions", "--disable-background-networking", "--hide-scrollbars",
                      "--force-device-scale-factor=1", "--enable-logging=stderr", "--v=0",
                      "--user-data-dir=\(work.appendingPathComponent("profile").path)"]
        if getuid() == 0 { common.append("--no-sandbox") }
        process.arguments = common + arguments + [url.absoluteString]
        let stdoutHandle = try FileHandle(forWritingTo: stdoutFile)
        let stderrHandle = try FileHandle(forWritingTo: stderrFile)
        defer {
            try? stdoutHandle.close()
            try? stderrHandle.close()
        }
        process.standardOutput = stdoutHandle
        process.standardError = stderrHandle
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            _ = finished.wait(timeout: .now() + 5)
            throw Failure(description: "chromium did not finish within \(Int(timeout)) s and was killed")
        }
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: (try? Data(contentsOf: stdoutFile)) ?? Data(), as: UTF8.self),
                      stderr: String(decoding: (try? Data(contentsOf: stderrFile)) ?? Data(), as: UTF8.self))
    }

    /// Screenshots `url` at the given window size and decodes the PNG.
    func screenshot(_ url: URL, width: Int, height: Int) throws -> (image: PNGImage, output: Output) {
        let file = URL(fileURLWithPath: TestPaths.temporaryFile("convfuzz-shot", suffix: ".png"))
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try run(["--screenshot=\(file.path)", "--window-size=\(width),\(height)"], url: url)
        guard let bytes = try? Data(contentsOf: file) else {
            throw Failure(description: "chromium wrote no screenshot (exit \(output.status)): \(output.stderr.suffix(600))")
        }
        return (try PNGImage(bytes: Array(bytes)), output)
    }

    /// The DOM after the page's scripts ran (and `virtualTime` ms of virtual time passed).
    func dumpDOM(_ url: URL, virtualTime: Int = 2_000, windowSize: (width: Int, height: Int)? = nil) throws -> Output {
        try run(["--dump-dom", "--virtual-time-budget=\(virtualTime)"] + (windowSize.map { ["--window-size=\($0.width),\($0.height)"] } ?? []),
                url: url)
    }
}
