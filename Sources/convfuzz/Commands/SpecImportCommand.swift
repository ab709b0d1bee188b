import ArgumentParser

/// `convfuzz spec import OPENAPI --path P`: drafts a spec from one operation of an OpenAPI document.
///
/// The work is done by `convfuzz-openapi import` (``OpenAPIHelper``), so that `convfuzz` itself does
/// not link OpenAPIKit; every argument, `--help` included, is handed to it unchanged.
struct SpecImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Draft a spec from an OpenAPI 3.0/3.1 operation; what OpenAPI cannot say is left as TODO entries.",
        discussion: """
            Arguments: OPENAPI --path PATH [--method get] [--out FILE] (`convfuzz spec import --help` lists them). \
            Run by the convfuzz-openapi program beside convfuzz (`make build` builds both).
            Example: convfuzz spec import openapi.json --path /v1/convai/conversations --out specs/draft.yaml
            """,
        helpNames: []
    )

    @Argument(parsing: .captureForPassthrough, help: "The OpenAPI document and options, as `convfuzz spec import --help` lists them.")
    var arguments: [String] = []

    func run() throws {
        try OpenAPIHelper.run("import", arguments: arguments)
    }
}
