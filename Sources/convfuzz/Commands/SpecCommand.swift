import ArgumentParser
import ConvfuzzSpec

/// `convfuzz spec`: work with spec files.
struct SpecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spec",
        abstract: "Check spec files, draft one from OpenAPI, and compare a spec with OpenAPI.",
        subcommands: [SpecLintCommand.self, SpecImportCommand.self, SpecDiffCommand.self]
    )
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
