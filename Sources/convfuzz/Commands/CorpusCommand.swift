import ArgumentParser
import ConvfuzzRunner

/// `convfuzz corpus`: manage stored failures.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Manage the corpus of stored failures.",
        subcommands: [CorpusPruneCommand.self, CorpusListCommand.self]
    )
}

/// `convfuzz corpus list`: one line per entry.
struct CorpusListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List corpus entries."
    )

    @Option(help: "The corpus folder.")
    var corpus: String = "corpus"

    func run() throws {
        let store = CorpusStore(directory: corpus)
        for file in store.files() {
            do {
                let entry = try CorpusStore.load(path: file)
                print("\(file)  [\(entry.check)] \(entry.parameter.map { "\($0): " } ?? "")\(entry.message)  (first seen \(entry.firstSeen))")
            } catch let abort as RunAbort {
                throw CommandExit.usage(abort.description)
            } catch {
                throw CommandExit.usage("\(file): not a convfuzz corpus entry")
            }
        }
    }
}

/// `convfuzz corpus prune`: deletes entries that pass on the target they were found on, and only those.
struct CorpusPruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Replay every corpus entry on the target it was found on and delete the ones that no longer fail.",
        discussion: """
            Each entry records the target it was found on (its base URL without credentials, or the embedded server's \
            settings) and is replayed there; it is deleted only when it passed there. With --target (or --fault/--chaos), \
            entries found on another target are refused (exit 2, nothing deleted) unless --force. Entries written by an \
            older convfuzz record no origin: they are kept unless a target is named with --force. An entry whose replay \
            could not be judged (the target stopped answering) is kept.
            """
    )

    @Option(help: "The corpus folder.")
    var corpus: String = "corpus"

    @Flag(help: "Show what would be deleted without deleting.")
    var dryRun = false

    @Flag(help: "Prune against the named target even entries found on another target (or on an unknown one).")
    var force = false

    @OptionGroup var specOptions: SpecOptions
    @OptionGroup var targetOptions: TargetOptions

    func validate() throws {
        if force && targetOptions.target == nil && targetOptions.fault == nil && targetOptions.chaos == nil {
            throw ValidationError("--force needs the target to prune against (--target URL, or --fault/--chaos for the embedded server)")
        }
    }

    func run() throws {
        let store = CorpusStore(directory: corpus)
        let files = store.files()
        guard !files.isEmpty else {
            print("corpus \(corpus) is empty")
            return
        }
        let spec = try specOptions.loadSpec()
        let plan = CorpusTargeting(entries: try RunSetup.entries(files),
                                   named: targetOptions.namedOrigin(specFingerprint: spec.fingerprint), deleting: true, force: force)
        if plan.refusedNamedTarget {
            for refusal in plan.refused { print("refuse \(refusal.file): \(refusal.reason)") }
            throw CommandExit.usage("corpus prune refused \(plan.refused.count) of \(files.count) entries (listed above) and "
                                    + "deleted nothing: an entry is deleted only after it passed on the target it was found on")
        }
        let outcomes = try RunSetup.replay(plan, files: files, specOptions: specOptions, targetOptions: targetOptions)
        var removed = 0
        for refusal in plan.refused { print("keep   \(refusal.file): \(refusal.reason)") }
        for outcome in outcomes {
            guard outcome.passed else {
                print("keep   \(outcome.file): \(outcome.detail)")
                continue
            }
            if !dryRun {
                do { try store.remove(path: outcome.file) } catch { throw CommandExit.usage("cannot delete \(outcome.file)") }
            }
            removed += 1
            print("\(dryRun ? "would delete" : "delete") \(outcome.file): \(outcome.detail)")
        }
        print("\(removed) of \(files.count) entries \(dryRun ? "would be " : "")pruned")
    }
}

extension CorpusCommand: Exemplified {
    static let examples = [
        "convfuzz corpus list",
        "convfuzz corpus prune --dry-run",
    ]
}

extension CorpusListCommand: Exemplified {
    static let examples = [
        "convfuzz corpus list",
        "convfuzz corpus list --corpus ci/corpus",
    ]
}

extension CorpusPruneCommand: Exemplified {
    static let examples = [
        "convfuzz corpus prune --dry-run",
        "convfuzz corpus prune",
        "ELEVENLABS_API_KEY=… convfuzz corpus prune --target https://api.elevenlabs.io --force",
    ]
}
