import ArgumentParser
import Foundation

/// The `convfuzz` command: a thin shell over the libraries.
///
/// Exit codes: 0 no finding, 1 findings, 2 usage, spec or file error, 3 target unreachable, refused or not the
/// endpoint, 130 after SIGINT, 143 after SIGTERM.
@main
struct Convfuzz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convfuzz",
        abstract: "Contract tests and fuzzes a cursor-paginated list endpoint from a machine-readable spec.",
        discussion: """
            Exit codes: 0 no finding, 1 findings, 2 usage, spec or file error, 3 target unreachable, refused or \
            not the endpoint, 130 interrupted by SIGINT, 143 interrupted by SIGTERM.
            Without --target, `run` fuzzes the bundled reference server in-process. The default spec is \
            embedded (`convfuzz spec show`), so convfuzz runs from any folder.
            """,
        version: Version.line,
        subcommands: [RunCommand.self, ReplayCommand.self, WalkCommand.self, GenerateCommand.self, ServeCommand.self,
                      SpecCommand.self, ProfileCommand.self, MergeCommand.self, ExplainCommand.self, CorpusCommand.self,
                      FaultsCommand.self],
        defaultSubcommand: nil
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as CommandExit {
            if !exit.message.isEmpty { Terminal.error(exit.message) }
            Foundation.exit(exit.code)
        } catch {
            let code = exitCode(for: error)
            var message = fullMessage(for: error)
            if code == .success {
                if message.contains("USAGE:") {
                    message = message.trimmingCharacters(in: .newlines) + "\n"
                        + HelpExamples.section(root: Convfuzz.self, arguments: Array(CommandLine.arguments.dropFirst()))
                    print(message, terminator: "")
                    Foundation.exit(0)
                }
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { Terminal.error(message) }
            Foundation.exit(ExitStatus.usage)
        }
    }
}

extension Convfuzz: Exemplified {
    static let examples = [
        "convfuzz run",
        "ELEVENLABS_API_KEY=… convfuzz run --target https://api.elevenlabs.io --profile staging.yaml",
        "convfuzz explain --list",
    ]
}
