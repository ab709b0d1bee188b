/// Ends a command with a documented exit code and an optional one-line message on stderr.
struct CommandExit: Error {
    let code: Int32
    let message: String

    static func usage(_ message: String) -> CommandExit { CommandExit(code: ExitStatus.usage, message: message) }
}
