import ArgumentParser

/// `convfuzz spec diff SPEC OPENAPI`: what the document has that the spec lacks, and the reverse.
///
/// The work is done by `convfuzz-openapi diff` (``OpenAPIHelper``), so that `convfuzz` itself does
/// not link OpenAPIKit; every argument, `--help` included, is handed to it unchanged.
struct SpecDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List parameters, enum values and response fields that an OpenAPI document and a spec disagree on.",
        discussion: """
            Arguments: SPEC OPENAPI [--path PATH] [--method METHOD] (`convfuzz spec diff --help` lists them). \
            Exit codes: 0 no drift, 1 drift, 2 usage, spec or document error. Run by the convfuzz-openapi program \
            beside convfuzz (`make build` builds both).
            Example: convfuzz spec diff specs/list-conversations.yaml openapi.json
            """,
        helpNames: []
    )

    @Argument(parsing: .captureForPassthrough, help: "The spec, the OpenAPI document and options, as `convfuzz spec diff --help` lists them.")
    var arguments: [String] = []

    func run() throws {
        try OpenAPIHelper.run("diff", arguments: arguments)
    }
}
