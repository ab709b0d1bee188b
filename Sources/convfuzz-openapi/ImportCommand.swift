import ArgumentParser
import ConvfuzzOpenAPI
import ConvfuzzReport
import Foundation

/// `import OPENAPI --path P` (`convfuzz spec import`): drafts a spec from one operation of an OpenAPI document.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Draft a spec from an OpenAPI 3.0/3.1 operation; what OpenAPI cannot say is left as TODO entries.",
        discussion: """
            The draft holds the parameters (types, ranges, enums, defaults, lists, deprecation), the response \
            schema, the auth header and pagination fields guessed from their names. `convfuzz spec lint` rejects \
            it, naming each TODO's line, until the TODOs (filter meaning, grammars, order, relations) are filled in.
            Example: convfuzz spec import openapi.json --path /v1/convai/conversations --out specs/draft.yaml
            """
    )

    @Argument(help: "The OpenAPI document (JSON or YAML).")
    var document: String

    @Option(help: "The operation's path, e.g. /v1/convai/conversations.")
    var path: String

    @Option(help: "The operation's HTTP method.")
    var method: String = "get"

    @Option(help: "Write the draft to this file instead of stdout.")
    var out: String?

    func run() throws {
        let operation: ImportedOperation
        do {
            operation = try OperationImporter.importOperation(file: document, path: path, method: method)
        } catch {
            throw ToolFailure(usage: error.description)
        }
        let draft = SpecDraftWriter.draft(operation)
        guard let out else {
            print(draft, terminator: "")
            return
        }
        do {
            try ReportWriter.write(draft, to: out)
        } catch {
            throw ToolFailure(usage: "\(error)")
        }
        let todos = draft.split(separator: "\n").filter { $0.contains(SpecDraftWriter.todo) && !$0.hasPrefix("#") }.count
        FileHandle.standardError.write(Data(("convfuzz: wrote \(out): \(operation.parameters.count) parameters, \(todos) TODO "
            + "entries to fill in (`convfuzz spec lint \(out)` names each)\n").utf8))
    }
}
