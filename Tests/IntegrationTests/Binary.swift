import Foundation
import Testing

/// Runs the built `convfuzz` binary as a user would, from any folder.
enum Binary {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary built with the tests: `CONVFUZZ_BIN` when set, else the `convfuzz` beside the test bundle
    /// (the same build folder, debug or release, whatever the scratch path), else `.build/debug/convfuzz`.
    static let path: String = {
        if let explicit = ProcessInfo.processInfo.environment["CONVFUZZ_BIN"], !explicit.isEmpty { return explicit }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let beside = bundle.appendingPathComponent("convfuzz").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return Harness.root + "/.build/debug/convfuzz"
    }()

    /// The environment a test runs the binary in: no key, no colour, plus `extra`.
    static func environment(_ extra: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "ELEVENLABS_API_KEY")
        for (key, value) in extra { env[key] = value }
        return env
    }

    /// Runs to the end in `directory` (default: a folder outside the checkout).
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: String? = nil) throws -> Outcome {
        let process = try start(arguments, environment: environment, in: directory)
        return process.finish()
    }

    /// A running binary with its output collected in the background.
    final class Running: @unchecked Sendable {
        let process: Process
        private let lock = NSLock()
        private var out = Data()
        private var err = Data()
        private let group = DispatchGroup()

        init(process: Process, out: Pipe, err: Pipe) {
            self.process = process
            for (pipe, isOut) in [(out, true), (err, false)] {
                group.enter()
                let handle = pipe.fileHandleForReading
                Thread { [self] in
                    while true {
                        let chunk = handle.availableData
                        if chunk.isEmpty { break }
                        lock.withLock { if isOut { self.out.append(chunk) } else { self.err.append(chunk) } }
                    }
                    group.leave()
                }.start()
            }
        }

        /// Stderr so far.
        var stderrSoFar: String { lock.withLock { String(decoding: err, as: UTF8.self) } }

        /// Stdout so far.
        var stdoutSoFar: String { lock.withLock { String(decoding: out, as: UTF8.self) } }

        /// Waits until stdout holds a line break (a first whole line) or `timeout` passes; the line, if any.
        func firstStdoutLine(timeout: Double) -> String? {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                let text = stdoutSoFar
                if let end = text.firstIndex(of: "\n") { return String(text[..<end]) }
                if !process.isRunning { return nil }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return nil
        }

        /// Waits until stderr contains `text` or `timeout` passes; true when it appeared.
        func waitForStderr(_ text: String, timeout: Double) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if stderrSoFar.contains(text) { return true }
                if !process.isRunning { return stderrSoFar.contains(text) }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return false
        }

        /// Sends a signal.
        func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

        /// Waits for exit and returns what it printed.
        func finish() -> Outcome {
            process.waitUntilExit()
            group.wait()
            return lock.withLock {
                Outcome(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                        stderr: String(decoding: err, as: UTF8.self))
            }
        }
    }

    /// Starts the binary without waiting.
    static func start(_ arguments: [String], environment: [String: String] = [:], in directory: String? = nil,
                      executable: String = Binary.path) throws -> Running {
        try #require(FileManager.default.isExecutableFile(atPath: path), "build the binary first (make test does)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? Harness.temporaryDirectory())
        process.environment = Binary.environment(environment)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, out: out, err: err)
    }

    /// Fast run options: a small run that still walks and checks relations.
    static let small = ["--max-cases", "60", "--walks", "2", "--relations", "4"]

    /// Text that must never reach a user: Foundation's or Swift's own error descriptions.
    static let foreignErrorText = ["NSCocoaErrorDomain", "DecodingError", "Error Domain=", "Swift.", "Dictionary<", "typeMismatch",
                                   "keyNotFound", "Fatal error", "Illegal instruction"]
}
