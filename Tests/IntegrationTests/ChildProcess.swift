import ConvfuzzTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `convfuzz` binary run as a child with `posix_spawn`, with its wall time and peak RSS.
///
/// The peak RSS comes from `/usr/bin/time -f %M`, i.e. `wait4` in a small parent: a child spawned
/// straight from the test process would report the test process's own peak, because glibc's
/// `posix_spawn` runs the child in the parent's address space until `exec` and Linux keeps that
/// high-water mark in `ru_maxrss`. Output goes to files, so a chatty child never blocks on a full pipe.
struct ChildProcess {
    /// What a finished child did.
    struct Outcome {
        var status: Int32
        var signaled: Bool
        var seconds: Double
        var peakRSSMegabytes: Double
        var stdout: String
        var stderr: String
    }

    let pid: pid_t
    private let started: Double
    private let outPath: String
    private let errPath: String
    private let rssPath: String?

    static let binary = Binary.path

    /// Starts `convfuzz arguments…` in the repository root, without the API key variable. With
    /// `measure`, the peak RSS is measured (then `pid` is `/usr/bin/time`'s, not to be killed).
    static func start(_ arguments: [String], environment: [String: String] = [:], measure: Bool = false) throws -> ChildProcess {
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw ChildError("build the binary first (swift build)") }
        let folder = Harness.temporaryDirectory()
        let outPath = folder + "/stdout"
        let errPath = folder + "/stderr"
        let rssPath = measure ? folder + "/rss" : nil
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "ELEVENLABS_API_KEY")
        for (key, value) in environment { env[key] = value }
        // `sh` changes to the repository root and execs the binary, so the pid (and its rusage) is the binary's.
        let script = rssPath == nil ? "cd \"$0\" && exec \"$@\""
            : "cd \"$0\" && out=\"$1\" && shift && exec /usr/bin/time -f %M -o \"$out\" \"$@\""
        let prefix = rssPath.map { ["/bin/sh", "-c", script, Harness.root, $0] } ?? ["/bin/sh", "-c", script, Harness.root]
        let argv = (prefix + [binary] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let started = ProcessInfo.processInfo.systemUptime
        let code = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
        guard code == 0 else { throw ChildError("posix_spawn failed: \(code)") }
        return ChildProcess(pid: pid, started: started, outPath: outPath, errPath: errPath, rssPath: rssPath)
    }

    /// Runs to the end, measuring the peak RSS.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        try startMeasured(arguments, environment: environment).wait()
    }

    /// Runs to the end like ``run(_:environment:)``, waiting on a thread of its own
    /// (``BlockingLane/onOwnThread(_:)``): the test holds none of the test pool's threads meanwhile.
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Outcome {
        let child = try startMeasured(arguments, environment: environment)
        return try await BlockingLane.onOwnThread { child.wait() }
    }

    /// Starts with the peak RSS measured.
    private static func startMeasured(_ arguments: [String], environment: [String: String]) throws -> ChildProcess {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { throw ChildError("/usr/bin/time is needed to measure peak RSS") }
        return try start(arguments, environment: environment, measure: true)
    }

    /// Sends SIGKILL.
    func kill() {
        _ = Glibc.kill(pid, SIGKILL)
    }

    /// The outcome if the child has exited, without blocking (nil while it runs).
    func poll() -> Outcome? {
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, WNOHANG, &usage) == pid else { return nil }
        return outcome(status: status, usage: usage)
    }

    /// Waits for the child and measures it.
    func wait() -> Outcome {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        return outcome(status: status, usage: usage)
    }

    private func outcome(status: Int32, usage: rusage) -> Outcome {
        let seconds = ProcessInfo.processInfo.systemUptime - started
        let signaled = (status & 0x7F) != 0 && (status & 0x7F) != 0x7F
        let exit = signaled ? -(status & 0x7F) : (status >> 8) & 0xFF
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        // `time` writes "Command exited with non-zero status N" first when the status is not 0; %M is the last line.
        let kilobytes = rssPath.flatMap { read($0).split(separator: "\n").last.flatMap { Double($0) } } ?? Double(usage.ru_maxrss)
        return Outcome(status: exit, signaled: signaled, seconds: seconds,
                       peakRSSMegabytes: kilobytes / 1024, stdout: read(outPath), stderr: read(errPath))
    }
}

/// A failure to start the child.
struct ChildError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
