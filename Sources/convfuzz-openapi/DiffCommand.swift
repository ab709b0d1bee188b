import ArgumentParser
import ConvfuzzOpenAPI
import ConvfuzzSpec
import ConvfuzzSpecFiles

/// `diff SPEC OPENAPI` (`convfuzz spec diff`): what the document has that the spec lacks, and the reverse.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List parameters, enum values and response fields that an OpenAPI document and a spec disagree on.",
        discussion: """
            Exit codes: 0 no drift, 1 drift, 2 usage, spec or document error.
            Example: convfuzz spec diff specs/list-conversations.yaml openapi.json
            """
    )

    @Argument(help: "The spec file.")
    var spec: String

    @Argument(help: "The OpenAPI document (JSON or YAML).")
    var document: String

    @Option(help: "The operation's path (default: the spec's endpoint.path).")
    var path: String?

    @Option(help: "The operation's HTTP method (default: the spec's endpoint.method).")
    var method: String?

    func run() throws {
        let loaded: Spec
        do {
            loaded = try SpecLoader.load(path: spec)
        } catch {
            throw ToolFailure(usage: error.description)
        }
        let operation: ImportedOperation
        do {
            operation = try OperationImporter.importOperation(
                file: document, path: path ?? loaded.endpoint.path, method: method ?? loaded.endpoint.method)
        } catch {
            throw ToolFailure(usage: error.description)
        }
        let drift = SpecDiffer.diff(spec: loaded, operation: operation)
        print(drift.render(spec: spec, document: document, operation: "\(operation.method) \(operation.path)"), terminator: "")
        if !drift.isEmpty { throw ToolFailure.driftFound }
    }
}
