import ArgumentParser
import ConvfuzzReferenceServer

/// `convfuzz faults`: lists the reference server's deliberate contract violations.
struct FaultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faults",
        abstract: "List the faults the reference server can inject with --fault."
    )

    func run() throws {
        let width = ReferenceFault.allCases.map(\.rawValue.count).max() ?? 0
        for fault in ReferenceFault.allCases {
            print(fault.rawValue.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + fault.summary)
        }
    }
}

extension FaultsCommand: Exemplified {
    static let examples = [
        "convfuzz faults",
        "convfuzz run --fault page-size-plus-one",
    ]
}
