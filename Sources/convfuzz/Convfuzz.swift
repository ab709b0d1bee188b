import ArgumentParser
import Foundation

/// The `convfuzz` command: a thin shell over the libraries.
///
/// Exit codes: 0 no finding, 1 findings, 2 usage or spec error, 3 target unreachable or unauthorised.
@main
struct Convfuzz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convfuzz",
        abstract: "Contract tests and fuzzes a cursor-paginated list endpoint from a machine-readable spec.",
        discussion: """
            Exit codes: 0 no finding, 1 findings, 2 usage or spec error, 3 target unreachable or unauthorised.
            Without --target, `run` fuzzes the bundled reference server in-process.
            """,
        subcommands: [RunCommand.self, ReplayCommand.self, WalkCommand.self, GenerateCommand.self, ServeCommand.self,
                      SpecCommand.self, MergeCommand.self, ExplainCommand.self, CorpusCommand.self, FaultsCommand.self],
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
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { Terminal.error(message) }
            Foundation.exit(ExitStatus.usage)
        }
    }
}
