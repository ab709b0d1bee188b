import ConvfuzzRunner
import Foundation

/// Writing to the terminal: stdout for results, stderr for diagnostics.
enum Terminal {
    /// Writes a line to stderr with the program name.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("convfuzz: \(message)\n".utf8))
    }

    /// Writes text to stderr as is.
    static func diagnostic(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether stderr is a terminal.
    static var stderrIsTTY: Bool { isatty(STDERR_FILENO) == 1 }

    /// Whether stdout is a terminal.
    static var stdoutIsTTY: Bool { isatty(STDOUT_FILENO) == 1 }

    /// How progress is shown on stderr: live only on a terminal, with `TERM` not `dumb` and no `NO_COLOR`.
    static var progressStyle: ProgressStyle {
        ProgressStyle.choose(isTTY: stderrIsTTY, environment: ProcessInfo.processInfo.environment)
    }

    /// Whether colour may be used on stdout (`NO_COLOR` unset and a terminal).
    static var colorAllowed: Bool {
        let environment = ProcessInfo.processInfo.environment
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"].map { $0.isEmpty || $0 == "dumb" } ?? true
        return !noColor && !dumb && stdoutIsTTY
    }
}
