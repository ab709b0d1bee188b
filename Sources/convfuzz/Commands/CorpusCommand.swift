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

/// `convfuzz corpus prune`: deletes entries that replay clean, and only those.
struct CorpusPruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Replay every corpus entry and delete the ones that no longer fail."
    )

    @Option(help: "The corpus folder.")
    var corpus: String = "corpus"

    @Flag(help: "Show what would be deleted without deleting.")
    var dryRun = false

    @OptionGroup var specOptions: SpecOptions
    @OptionGroup var targetOptions: TargetOptions

    func run() throws {
        let store = CorpusStore(directory: corpus)
        let files = store.files()
        guard !files.isEmpty else {
            print("corpus \(corpus) is empty")
            return
        }
        let outcomes = try RunSetup.replay(files, specOptions: specOptions, targetOptions: targetOptions)
        var removed = 0
        for outcome in outcomes {
            if outcome.stillFails {
                print("keep   \(outcome.file): \(outcome.detail)")
            } else {
                if !dryRun {
                    do { try store.remove(path: outcome.file) } catch { throw CommandExit.usage("cannot delete \(outcome.file)") }
                }
                removed += 1
                print("\(dryRun ? "would delete" : "delete") \(outcome.file): \(outcome.detail)")
            }
        }
        print("\(removed) of \(outcomes.count) entries \(dryRun ? "would be " : "")pruned")
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
        "ELEVENLABS_API_KEY=… convfuzz corpus prune --target https://api.elevenlabs.io",
    ]
}
