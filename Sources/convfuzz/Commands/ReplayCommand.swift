import ArgumentParser
import ConvfuzzRunner

/// `convfuzz replay PATH…`: re-send stored failures and re-check them.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-send stored failures exactly and re-check them; also regenerate each from its seed.",
        discussion: """
            Exit 0 when every failure is gone, 1 when any is still there, 2 on a bad file, 3 when the target is unreachable.
            """
    )

    @Argument(help: "Corpus files or folders.")
    var paths: [String]

    @OptionGroup var specOptions: SpecOptions
    @OptionGroup var targetOptions: TargetOptions

    func run() throws {
        let files = try RunSetup.corpusFiles(paths)
        guard !files.isEmpty else { throw CommandExit.usage("no corpus entries in \(paths.joined(separator: ", "))") }
        let outcomes = try RunSetup.replay(files, specOptions: specOptions, targetOptions: targetOptions)
        for outcome in outcomes {
            let regeneration = outcome.regenerationAgrees.map { $0 ? "; regenerates identically" : "; regeneration differs (pools or generator changed)" } ?? ""
            print("\(outcome.stillFails ? "FAIL" : "ok  ") \(outcome.file) [\(outcome.check)]: \(outcome.detail)\(regeneration)")
        }
        let failing = outcomes.filter(\.stillFails).count
        print("\(outcomes.count - failing) passed, \(failing) failed")
        if failing > 0 { throw CommandExit(code: ExitStatus.findings, message: "") }
    }
}

extension ReplayCommand: Exemplified {
    static let examples = [
        "convfuzz replay corpus/",
        "convfuzz replay corpus/cf-page-size-….json --fault page-size-plus-one",
        "ELEVENLABS_API_KEY=… convfuzz replay corpus/ --target https://api.elevenlabs.io",
    ]
}
