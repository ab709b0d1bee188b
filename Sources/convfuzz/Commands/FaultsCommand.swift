import ArgumentParser
import ConvfuzzReferenceServer
import Foundation

/// `convfuzz faults`: lists the reference server's deliberate contract violations.
struct FaultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faults",
        abstract: "List the faults (--fault) and transport chaos modes (--chaos) of the reference server."
    )

    @Flag(help: "List the transport chaos modes (`--chaos MODE[,MODE…] [--chaos-rate R]`) instead.")
    var chaos = false

    func run() throws {
        if chaos {
            let width = ChaosMode.allCases.map(\.rawValue.count).max() ?? 0
            for mode in ChaosMode.allCases {
                print(mode.rawValue.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + mode.summary)
            }
            return
        }
        let width = ReferenceFault.allCases.map(\.rawValue.count).max() ?? 0
        for fault in ReferenceFault.allCases {
            print(fault.rawValue.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + fault.summary)
        }

    }
}
