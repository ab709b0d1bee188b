import ArgumentParser

/// A command whose `--help` ends with real examples.
protocol Exemplified {
    /// Two or three command lines that work as written (an API key where the target needs one).
    static var examples: [String] { get }
}

/// Finds the command a help request is about and renders its examples.
enum HelpExamples {
    /// `EXAMPLES:` and the examples of the command named by the arguments (`run --help`, `help spec lint`).
    static func section(root: ParsableCommand.Type, arguments: [String]) -> String {
        var command = root
        for argument in arguments where !argument.hasPrefix("-") && argument != "help" {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            command = next
        }
        guard let examples = (command as? Exemplified.Type)?.examples, !examples.isEmpty else { return "" }
        return "\nEXAMPLES:\n" + examples.map { "  \($0)" }.joined(separator: "\n") + "\n"
    }
}
