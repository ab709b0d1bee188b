import ConvfuzzSpecFiles
import ConvfuzzTestSupport
import Foundation
import Testing
@testable import ConvfuzzSpec

@Suite("Spec auth section")
struct AuthSpecTests {
    static func bundledText() throws -> String { try String(contentsOfFile: TestPaths.specPath, encoding: .utf8) }

    /// Loads the bundled spec with one replacement; returns the error it raises, if any.
    static func loadError(replacing old: String, with new: String) throws -> SpecError? {
        let text = try bundledText()
        #expect(text.contains(old), "fixture text not in the spec: \(old)")
        do {
            _ = try SpecLoader.load(text: text.replacingOccurrences(of: old, with: new), file: "s.yaml")
            return nil
        } catch {
            return error
        }
    }

    static func line(of fragment: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(fragment) }.map { $0 + 1 }
    }

    @Test func theBundledSpecDeclaresRefusalsBodyAndTenancy() throws {
        let spec = try SpecLoader.load(path: TestPaths.specPath)
        #expect(spec.auth.unauthorizedStatuses == [401, 403])
        let refusal = try #require(spec.auth.refusalSchema)
        #expect(refusal.required == ["detail"])
        #expect(refusal.property("detail")?.required == ["status", "message"])
        #expect(spec.auth.tenancy.ownerParam == "agent_id")
        #expect(spec.auth.tenancy.foreignOwner == .empty)
    }

    @Test func withoutATenancySectionTheDefaultIsAnEmptyPageAndNoOwnerFilter() throws {
        let text = try Self.bundledText()
        let start = try #require(text.range(of: "  tenancy:\n"))
        let end = try #require(text.range(of: "    foreign_owner: empty\n"))
        let spec = try SpecLoader.load(text: text.replacingCharacters(in: start.lowerBound..<end.upperBound, with: ""), file: "s.yaml")
        #expect(spec.auth.tenancy.ownerParam == nil)
        #expect(spec.auth.tenancy.foreignOwner == .empty)
        #expect(spec.auth.refusalSchema != nil)
    }

    @Test func refusedForeignOwnerTakesStatuses() throws {
        let text = try Self.bundledText().replacingOccurrences(
            of: "    foreign_owner: empty\n", with: "    foreign_owner: refused\n    foreign_statuses: [404]\n")
        let spec = try SpecLoader.load(text: text, file: "s.yaml")
        #expect(spec.auth.tenancy.foreignOwner == .refused(statuses: [404]))
        let defaulted = try SpecLoader.load(
            text: try Self.bundledText().replacingOccurrences(of: "    foreign_owner: empty\n", with: "    foreign_owner: refused\n"),
            file: "s.yaml")
        #expect(defaulted.auth.tenancy.foreignOwner == .refused(statuses: [403, 404]))
    }

    @Test(arguments: [
        ("    owner_param: agent_id\n", "    owner_param: agent_idd\n", "owner_param names unknown parameter 'agent_idd'", "owner_param:"),
        ("    owner_param: agent_id\n", "    owner_param: user_id\n", "needs an eq filter on an item field", "owner_param:"),
        ("    foreign_owner: empty\n", "    foreign_owner: hidden\n", "unknown value 'hidden'", "foreign_owner: hidden"),
        ("    foreign_owner: empty\n", "    foreign_owner: empty\n    foreign_statuses: [404]\n", "only applies with foreign_owner: refused",
         "foreign_statuses"),
        ("    foreign_owner: empty\n", "    foreign_owner: refused\n    foreign_statuses: [500]\n", "foreign_statuses holds 500",
         "foreign_statuses"),
        ("  unauthorized_statuses: [401, 403]\n", "  unauthorized_statuses: [401, 200]\n", "holds 200, which is not a 4xx", "unauthorized_statuses"),
        ("  unauthorized_statuses: [401, 403]\n", "  unauthorized_statuses: [401, abc]\n", "holds 'abc', not an HTTP status",
         "unauthorized_statuses"),
        ("  header: xi-api-key\n", "  header: \"xi api key\"\n", "is not an HTTP header name", "header: \"xi"),
        ("          status: {type: string}\n", "          status: {type: strin}\n", "unknown type 'strin'", "status: {type: strin}"),
        ("  tenancy:\n", "  tenancy:\n    bogus: 1\n", "unknown key 'bogus'", "bogus: 1"),
    ])
    func badAuthSectionsNameTheLine(old: String, new: String, fragment: String, lineFragment: String) throws {
        let error = try #require(try Self.loadError(replacing: old, with: new))
        #expect(error.message.contains(fragment), "\(error)")
        let text = try Self.bundledText().replacingOccurrences(of: old, with: new)
        #expect(error.line == Self.line(of: lineFragment, in: text), "\(error)")
    }
}
