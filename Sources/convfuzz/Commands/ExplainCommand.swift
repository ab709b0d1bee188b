import ArgumentParser
import ConvfuzzOracle

/// `convfuzz explain ID`: what a check id means.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a check id (e.g. CF-WALK-DUP), or list them all with --list."
    )

    @Argument(help: "A check id such as CF-WALK-DUP.")
    var id: String?

    @Flag(help: "List every check id.")
    var list = false

    func validate() throws {
        if id == nil && !list { throw ValidationError("give a check id, or --list") }
        if let id, CheckID(text: id) == nil {
            throw ValidationError("unknown check id '\(id)'; `convfuzz explain --list` lists them")
        }
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
        print("\(check.rawValue) (\(check.category.rawValue)): \(check.title)")
        print(check.explanation)
    }
}

extension ExplainCommand: Exemplified {
    static let examples = [
        "convfuzz explain CF-WALK-DUP",
        "convfuzz explain --list",
    ]
}
