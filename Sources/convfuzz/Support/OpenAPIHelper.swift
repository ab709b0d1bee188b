import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `convfuzz-openapi`, the program that holds `spec import` and `spec diff`.
///
/// It is found beside the running `convfuzz` (symlinks resolved), else on `PATH`, and replaces this
/// process (`execv`): its output, exit code and signals are the command's own.
enum OpenAPIHelper {
    /// The helper program's file name.
    static let name = "convfuzz-openapi"

    /// Execs `convfuzz-openapi SUBCOMMAND ARGUMENTS…`; returns only by throwing.
    static func run(_ subcommand: String, arguments: [String]) throws -> Never {
        guard let path = locate() else {
            throw CommandExit.usage("`convfuzz spec \(subcommand)` runs \(name), which is neither beside \(ownFolder() ?? "convfuzz") "
                + "nor on PATH: build it with `make build` (or `swift build --product \(name)`)")
        }
        fflush(nil)
        let argv = ([path, subcommand] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        let reason = String(cString: strerror(errno))
        argv.forEach { free($0) }
        throw CommandExit.usage("cannot run \(path): \(reason)")
    }

    // MARK: - Finding the program

    private static func locate() -> String? {
        if let folder = ownFolder() {
            let beside = folder + "/" + name
            if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The folder of the running executable, symlinks resolved.
    private static func ownFolder() -> String? {
        guard let executable = Bundle.main.executablePath ?? CommandLine.arguments.first else { return nil }
        return URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent().path
    }
}
