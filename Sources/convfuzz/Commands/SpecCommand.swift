import ArgumentParser
import ConvfuzzEmbedded
import ConvfuzzSpec
import ConvfuzzSpecFiles

/// `convfuzz spec`: work with spec files.
struct SpecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spec",
        abstract: "Show the embedded spec, check spec files, draft one from OpenAPI, and compare a spec with OpenAPI.",
        subcommands: [SpecShowCommand.self, SpecLintCommand.self, SpecImportCommand.self, SpecDiffCommand.self]
    )
}

/// `convfuzz spec show`: prints the embedded spec.
struct SpecShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the spec compiled into convfuzz (the default for --spec), to copy and edit."
    )

    func run() throws {
        print(EmbeddedSpec.text, terminator: "")
    }
}

/// `convfuzz spec lint FILE…`: loads and cross-checks specs.
struct SpecLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a spec; print `file:line: what is wrong` and exit 2 on the first problem."
    )

    @Argument(help: "Spec files.")
    var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            do {
                let spec = try SpecLoader.load(path: file)
                print("\(file): ok (\(spec.name) \(spec.revision), \(spec.parameters.count) parameters, \(spec.filters.count) filters, fingerprint \(spec.fingerprint))")
            } catch {
                Terminal.diagnostic("\(error.description)\n")
                failed = true
            }
        }
        if failed { throw CommandExit(code: ExitStatus.usage, message: "") }
    }
}

extension SpecCommand: Exemplified {
    static let examples = [
        "convfuzz spec show",
        "convfuzz spec lint my-spec.yaml",
    ]
}

extension SpecShowCommand: Exemplified {
    static let examples = [
        "convfuzz spec show",
        "convfuzz spec show > my-spec.yaml && convfuzz run --spec my-spec.yaml",
    ]
}

extension SpecLintCommand: Exemplified {
    static let examples = [
        "convfuzz spec lint my-spec.yaml",
        "convfuzz spec show > copy.yaml && convfuzz spec lint copy.yaml",
    ]
}
