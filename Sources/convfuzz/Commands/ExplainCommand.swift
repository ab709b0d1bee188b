import ArgumentParser
import ConvfuzzOracle
import ConvfuzzReferenceServer

/// `convfuzz explain ID`: what a check id means, and which reference fault shows a finding of it.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a check id (e.g. CF-WALK-DUP) with an example, or list them all with --list.",
        discussion: """
            The example names the reference fault (or chaos mode) whose declaration says a default run reports \
            the check, and the command that shows such a finding live. With --run, that command runs against the \
            embedded server, judging that check alone, and exits as `convfuzz run` does (1 when the finding shows).
            """
    )

    @Argument(help: "A check id such as CF-WALK-DUP.")
    var id: String?

    @Flag(help: "List every check id.")
    var list = false

    @Flag(name: .customLong("run"), help: "Run the example against the embedded reference server and print its finding.")
    var runExample = false

    func validate() throws {
        if id == nil && !list { throw ValidationError("give a check id, or --list") }
        if let id, CheckID(text: id) == nil {
            throw ValidationError("unknown check id \(id); did you mean \(CheckID.closest(to: id).rawValue)? "
                                  + "(`convfuzz explain --list` lists them)")
        }
        if runExample && (list || id == nil) { throw ValidationError("--run needs a check id") }
    }

    func run() throws {
        if list {
            let width = CheckID.allCases.map(\.rawValue.count).max() ?? 0
            for check in CheckID.allCases {
                print(check.rawValue.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + check.title)
            }
            return
        }
        guard let id, let check = CheckID(text: id) else { return }
        if runExample {
            guard let example = CheckDemonstration.first(for: check.rawValue) else {
                throw CommandExit.usage("no reference fault demonstrates \(check.rawValue)")
            }
            Terminal.diagnostic("convfuzz: convfuzz " + example.runArguments.joined(separator: " ") + "\n")
            let command = try RunCommand.parse(Array(example.runArguments.dropFirst()))
            try command.run()
            return
        }
        print("\(check.rawValue) (\(check.category.rawValue)): \(check.title)")
        print(check.explanation)
        let example = CheckDemonstration.exampleSection(for: check.rawValue)
        if !example.isEmpty {
            print("")
            for line in example { print(line) }
        }
    }
}

extension ExplainCommand: Exemplified {
    static let examples = [
        "convfuzz explain CF-WALK-DUP",
        "convfuzz explain --list",
    ]
}
