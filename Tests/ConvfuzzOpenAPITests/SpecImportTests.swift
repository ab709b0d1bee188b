import ConvfuzzSpec
import ConvfuzzSpecFiles
import ConvfuzzTestSupport
import Foundation
import Testing
@testable import ConvfuzzOpenAPI

@Suite("spec import from OpenAPI")
struct SpecImportTests {
    static let operation: ImportedOperation = {
        try! OperationImporter.importOperation(file: TestPaths.openAPIPath, path: RepoPaths.endpoint)
    }()
    static let spec: Spec = { try! SpecLoader.load(path: TestPaths.specPath) }()

    @Test func reproducesEveryParameterTypeRangeAndEnumOfTheSpec() throws {
        let operation = Self.operation
        var rangeDifferences: [String] = []
        for mine in Self.spec.parameters {
            let theirs = try #require(operation.parameter(named: mine.name), "the import lacks \(mine.name)")
            #expect(theirs.type == mine.type, "\(mine.name): \(theirs.type) vs \(mine.type)")
            #expect(theirs.values == mine.values, "\(mine.name) enum")
            #expect(theirs.items?.type == mine.items?.type, "\(mine.name) item type")
            #expect(theirs.items?.values == mine.items?.values, "\(mine.name) item enum")
            #expect(theirs.deprecated == mine.deprecated, "\(mine.name) deprecation")
            if theirs.minimum != mine.minimum { rangeDifferences.append("\(mine.name).minimum") }
            if theirs.maximum != mine.maximum { rangeDifferences.append("\(mine.name).maximum") }
            if mine.type != .list, let value = mine.defaultValue { #expect(theirs.defaultValue == value, "\(mine.name) default") }
        }
        // The one range the document does not state: CONTRACT.md makes negative durations invalid.
        #expect(rangeDifferences == ["call_duration_min_secs.minimum", "call_duration_max_secs.minimum"])
        #expect(operation.parameter(named: "page_size")?.maximum == 100)
        #expect(operation.parameter(named: "rating_min")?.minimum == 1)
        #expect(operation.parameter(named: "visited_agent_ids")?.maxItems == 50)
        #expect(operation.parameter(named: "include_invalid_tool_calls")?.defaultValue == "false")
    }

    @Test func readsTheAuthHeaderResponseAndPagination() throws {
        let operation = Self.operation
        #expect(operation.authHeader == "xi-api-key")
        #expect(operation.parameter(named: "xi-api-key") == nil)
        #expect(operation.successStatus == 200)
        #expect(operation.validationStatus == 422)
        let guess = PaginationGuess(operation)
        #expect(guess.cursorParam == "cursor")
        #expect(guess.pageSizeParam == "page_size")
        #expect(guess.directionParam == "sort_direction")
        #expect(guess.itemsField == "conversations")
        #expect(guess.idField == "conversation_id")
        #expect(guess.nextCursorField == "next_cursor")
        #expect(guess.hasMoreField == "has_more")
        let schema = try #require(operation.responseSchema)
        #expect(schema.required == ["conversations", "has_more"])
        #expect(schema.properties.map(\.name) == ["conversations", "next_cursor", "has_more"], "document order, every time")
        #expect(schema.property("next_cursor")?.nullable == true)
    }

    @Test func theDraftIsRejectedAtItsFirstTodoLine() throws {
        let draft = SpecDraftWriter.draft(Self.operation)
        let lines = draft.split(separator: "\n", omittingEmptySubsequences: false)
        let firstTodo = try #require(lines.firstIndex { !$0.hasPrefix("#") && $0.contains("TODO") && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") })
        #expect(throws: SpecError.self) { try SpecLoader.load(text: draft, file: "draft.yaml") }
        do {
            _ = try SpecLoader.load(text: draft, file: "draft.yaml")
        } catch {
            #expect(error.line == firstTodo + 1)
            #expect(error.description.hasPrefix("draft.yaml:\(firstTodo + 1): "))
            #expect(error.message.contains("TODO"))
        }
    }

    @Test func theDraftLintsCleanOnceItsTodosAreFilledFromTheSpec() throws {
        let draft = SpecDraftWriter.draft(Self.operation)
        let specText = try String(contentsOfFile: TestPaths.specPath, encoding: .utf8)
        let filled = DraftFilling.fill(draft, from: specText, spec: Self.spec)
        #expect(!filled.split(separator: "\n").contains { !$0.contains("#") && $0.contains("TODO") })
        let loaded = try SpecLoader.load(text: filled, file: "filled.yaml")
        #expect(loaded.filters.count == Self.spec.filters.count)
        #expect(loaded.pagination.itemsField == "conversations")
        #expect(loaded.pagination.cursorParam == "cursor")
        #expect(loaded.pagination.maxPageSize == 100)
        #expect(loaded.auth.header == "xi-api-key")
        #expect(loaded.parameters.count == Self.operation.parameters.count)
    }

    @Test func readsOpenAPI30ThroughTheConversion() throws {
        let yaml = """
            openapi: 3.0.3
            info: {title: t, version: "2"}
            paths:
              /items:
                get:
                  operationId: listItems
                  security: [{key: []}]
                  parameters:
                    - {name: limit, in: query, schema: {type: integer, minimum: 0, exclusiveMinimum: true, maximum: 50, default: 10}}
                    - {name: state, in: query, schema: {type: string, nullable: true, enum: [open, closed]}}
                    - {name: ids, in: query, schema: {type: array, items: {type: integer, maximum: 9}}}
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              items: {type: array, items: {$ref: '#/components/schemas/Item'}}
                              next_page_token: {type: string, nullable: true}
                              has_more: {type: boolean}
            components:
              securitySchemes:
                key: {type: apiKey, in: header, name: X-Key}
              schemas:
                Item:
                  type: object
                  required: [id]
                  properties: {id: {type: string}, score: {type: number, minimum: 0, maximum: 1}}
            """
        let loaded = try OpenAPIDocumentLoader.load(data: Data(yaml.utf8), file: "v30.yaml")
        let operation = try OperationImporter.importOperation(from: loaded, file: "v30.yaml", path: "/items")
        #expect(operation.authHeader == "X-Key")
        let limit = try #require(operation.parameter(named: "limit"))
        #expect(limit.type == .integer && limit.minimum == 1 && limit.maximum == 50 && limit.defaultValue == "10")
        #expect(operation.parameter(named: "state")?.values == ["open", "closed"])
        #expect(operation.parameter(named: "ids")?.items?.maximum == 9)
        #expect(operation.definitions.map(\.name) == ["Item"])
        let guess = PaginationGuess(operation)
        #expect(guess.pageSizeParam == "limit" && guess.idField == "id" && guess.nextCursorField == "next_page_token")
    }

    @Test func badDocumentsGetOneLineNamingTheFile() {
        let cases: [(String, String)] = [
            ("{\"openapi\": \"3.1.0\", \"info\": ", "not valid JSON"),
            ("{\"swagger\": \"2.0\"}", "Swagger 2.0"),
            ("{\"convfuzz_spec\": 1}", "not an OpenAPI document"),
            ("{\"openapi\": \"4.0.0\"}", "not supported"),
            ("{\"openapi\": \"3.1.0\", \"paths\": {}}", "`info`"),
            ("{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {\"/x\": {\"get\": {\"responses\": {}, \"parameters\": [{\"name\": \"a\", \"in\": \"query\", \"schema\": {\"type\": \"intger\"}}]}}}}", "intger"),
        ]
        for (text, expected) in cases {
            do {
                _ = try OpenAPIDocumentLoader.load(data: Data(text.utf8), file: "bad.json")
                Issue.record("\(text) should be rejected")
            } catch {
                #expect(error.description.hasPrefix("bad.json: "))
                #expect(error.message.contains(expected), "\(error.message)")
                #expect(!error.description.contains("\n"))
            }
        }
        #expect(throws: OpenAPIImportError.self) {
            try OperationImporter.importOperation(file: TestPaths.openAPIPath, path: "/v1/nowhere")
        }
    }

    @Test func specLintNamesAnOpenAPIDocumentForWhatItIs() {
        do {
            _ = try SpecLoader.load(path: TestPaths.openAPIPath)
            Issue.record("an OpenAPI document is not a spec")
        } catch {
            #expect(error.message.contains("OpenAPI document"))
            #expect(error.message.contains("spec import"))
            #expect(!error.message.contains("unknown key"))
        }
    }
}
