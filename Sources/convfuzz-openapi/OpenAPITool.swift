import ArgumentParser
import Foundation

/// `convfuzz-openapi`: the OpenAPI half of convfuzz, a program of its own.
///
/// `convfuzz spec import` and `convfuzz spec diff` hand their arguments to it. It is a separate
/// executable so that building `convfuzz` (and so `make run`) never compiles OpenAPIKit, which is
/// most of a first build's time; `make build` and `make install` build both.
///
/// Exit codes: 0 done (`diff`: no drift), 1 drift (`diff`), 2 usage, spec or document error.
@main
struct OpenAPITool: ParsableCommand {
    static let configuration = CommandConfiguration(
        // Users reach it as `convfuzz spec import|diff`, so its usage lines say so.
        commandName: "convfuzz spec",
        abstract: "Draft a convfuzz spec from OpenAPI, and compare a spec with OpenAPI.",
        discussion: """
            convfuzz runs this program for `convfuzz spec import` and `convfuzz spec diff`; it can be run \
            directly with the same arguments. Exit codes: 0 done (diff: no drift), 1 drift, 2 usage, spec or \
            document error.
            """,
        subcommands: [ImportCommand.self, DiffCommand.self]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as ToolFailure {
            if !failure.message.isEmpty { Self.write("convfuzz: \(failure.message)\n", to: FileHandle.standardError) }
            Foundation.exit(failure.status)
        } catch {
            // Help and version are successes that end the program; everything else is a usage error.
            let succeeded = exitCode(for: error) == .success
            let message = fullMessage(for: error)
            if !message.isEmpty {
                Self.write(succeeded ? message + "\n" : "convfuzz: \(message)\n",
                           to: succeeded ? FileHandle.standardOutput : FileHandle.standardError)
            }
            Foundation.exit(succeeded ? 0 : ToolFailure.usage)
        }
    }

    private static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}
