import ArgumentParser
import ConvfuzzResults
import ConvfuzzRunner

/// `convfuzz replay PATH…`: re-send stored failures and re-check them.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-send stored failures exactly and re-check them; also regenerate each from its seed.",
        discussion: """
            Each entry is replayed on the target it was found on (recorded in the entry; the embedded server for entries \
            without one) unless --target (or --fault/--chaos) names another. Exit 0 when every failure is gone, 1 when any \
            is still there, 2 on a bad file, 3 when the target is unreachable or a replay could not be judged.
            """
    )

    @Argument(help: "Corpus files or folders.")
    var paths: [String]

    @Flag(help: "Print every request as it is answered (its query, cursor included, and the page's status, item ids, has-more flag and next cursor), one request at a time, before each entry's verdict.")
    var trace = false

    @OptionGroup var specOptions: SpecOptions
    @OptionGroup var targetOptions: TargetOptions

    func run() throws {
        let files = try RunSetup.corpusFiles(paths)
        guard !files.isEmpty else { throw CommandExit.usage("no corpus entries in \(paths.joined(separator: ", "))") }
        let spec = try specOptions.loadSpec()
        let plan = CorpusTargeting(entries: try RunSetup.entries(files),
                                   named: targetOptions.namedOrigin(specFingerprint: spec.fingerprint), deleting: false, force: false)
        let outcomes = try RunSetup.replay(plan, files: files, specOptions: specOptions, targetOptions: targetOptions, trace: trace)
        for outcome in outcomes {
            let regeneration = outcome.regenerationAgrees.map { $0 ? "; regenerates identically" : "; regeneration differs (pools or generator changed)" } ?? ""
            let mark = outcome.stillFails ? "FAIL" : outcome.passed ? "ok  " : "??? "
            print("\(mark) \(outcome.file) [\(outcome.check)]: \(outcome.detail)\(regeneration)")
        }
        let failing = outcomes.filter(\.stillFails).count
        let unjudged = outcomes.filter { $0.unjudged != nil }.count
        print("\(outcomes.count - failing - unjudged) passed, \(failing) failed" + (unjudged > 0 ? ", \(unjudged) not judged" : ""))
        // The exit status is the library's verdict (`ReplayVerdict`): 1 still failing, 3 not judged, 0 passed.
        let verdict = ReplayVerdict(outcomes)
        switch verdict {
        case .passed: break
        case .stillFailing: throw CommandExit(code: verdict.exitCode, message: "")
        case .unjudged(let count):
            throw CommandExit(code: verdict.exitCode, message: "\(count) \(count == 1 ? "entry" : "entries") could not be judged (see above)")
        }
    }
}

extension ReplayCommand: Exemplified {
    static let examples = [
        "convfuzz replay corpus/",
        "convfuzz replay corpus/cf-walk-hasmore-….json --trace",
        "ELEVENLABS_API_KEY=… convfuzz replay corpus/ --target https://api.elevenlabs.io",
    ]
}
