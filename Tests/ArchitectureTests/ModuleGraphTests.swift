import ConvfuzzTestSupport
import Foundation
import Testing

/// The house matches its plan: what the sources import, what Package.swift declares and what
/// docs/architecture.md's module table lists are the same graph.
@Suite("Module graph: sources, Package.swift and docs/architecture.md agree")
struct ModuleGraphTests {
    static var root: String { TestPaths.root }

    /// Modules of the platform and toolchain, not of the package graph.
    static let platform: Set<String> = ["Foundation", "FoundationEssentials", "Glibc", "Darwin", "Dispatch", "Synchronization",
                                        "Testing", "XCTest"]

    /// Modules that are not products of their package but come with one: module → the product.
    static let bundled: [String: String] = ["OpenAPIKitCore": "OpenAPIKit"]

    /// Module → the modules its files import, read from the `import` lines of `Sources/*/`.
    static func sourceImports() throws -> [String: Set<String>] {
        let sources = root + "/Sources"
        var graph: [String: Set<String>] = [:]
        for module in try FileManager.default.contentsOfDirectory(atPath: sources).sorted() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: sources + "/" + module, isDirectory: &isDirectory),
                  isDirectory.boolValue else { continue }
            var imports = Set<String>()
            let enumerator = FileManager.default.enumerator(atPath: sources + "/" + module)
            while let file = enumerator?.nextObject() as? String {
                guard file.hasSuffix(".swift") else { continue }
                let text = try String(contentsOfFile: sources + "/" + module + "/" + file, encoding: .utf8)
                imports.formUnion(importedModules(text))
            }
            graph[module] = imports.subtracting(platform)
        }
        return graph
    }

    /// The module names of a file's `import` lines (`@testable`, `@_exported` and `import struct` included).
    static func importedModules(_ text: String) -> Set<String> {
        var modules = Set<String>()
        for line in text.split(separator: "\n") {
            var words = line.split(separator: " ").map(String.init)
            while let first = words.first, first.hasPrefix("@") || first == "public" || first == "internal" || first == "private" {
                words.removeFirst()
            }
            guard words.first == "import", words.count >= 2 else { continue }
            let path = words.count >= 3 && ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"].contains(words[1])
                ? words[2] : words[1]
            modules.insert(String(path.split(separator: ".")[0]))
        }
        return modules
    }

    /// Module → imports, from the `| module | imports | concern |` table of docs/architecture.md.
    static func documentedImports() throws -> [String: Set<String>] {
        let text = try String(contentsOfFile: root + "/docs/architecture.md", encoding: .utf8)
        guard let start = text.range(of: "| module | imports |") else { return [:] }
        var graph: [String: Set<String>] = [:]
        for line in text[start.upperBound...].split(separator: "\n").dropFirst() {
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, !cells[1].hasPrefix("---") else { continue }
            graph[backticked(cells[1]).first ?? cells[1]] = Set(backticked(cells[2]))
        }
        return graph
    }

    /// Target → declared dependencies (products by name), from Package.swift's `.target` and `.executableTarget` entries.
    static func declaredDependencies() throws -> [String: Set<String>] {
        let text = try String(contentsOfFile: root + "/Package.swift", encoding: .utf8)
        var graph: [String: Set<String>] = [:]
        // The `package:` of a `.product(name:package:)` names a package, not a module.
        var rest = Substring(text)
        while let open = rest.range(of: #"\.(target|executableTarget)\("#, options: .regularExpression) {
            var depth = 1
            var index = open.upperBound
            while index < rest.endIndex, depth > 0 {
                if rest[index] == "(" { depth += 1 }
                if rest[index] == ")" { depth -= 1 }
                index = rest.index(after: index)
            }
            let body = rest[open.upperBound..<index]
            rest = rest[index...]
            // `package: "…"` names a package, not a module (OpenAPIKit's product and package share a name).
            let strings = quoted(Substring(body.replacingOccurrences(of: #"package: "[^"]*""#, with: "",
                                                                    options: .regularExpression)))
            guard let name = strings.first else { continue }
            graph[name] = Set(strings.dropFirst().filter { !$0.hasPrefix("Fixtures") })
        }
        return graph
    }

    static func backticked(_ cell: String) -> [String] {
        cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    static func quoted(_ text: Substring) -> [String] {
        text.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    @Test func theDocsTableIsTheImportGraph() throws {
        let imports = try Self.sourceImports()
        let documented = try Self.documentedImports()
        #expect(!imports.isEmpty)
        #expect(Set(documented.keys) == Set(imports.keys), "modules in Sources vs the docs table")
        for (module, used) in imports.sorted(by: { $0.key < $1.key }) {
            let listed = documented[module] ?? []
            #expect(used.subtracting(listed).isEmpty, "\(module) imports \(used.subtracting(listed).sorted()) that docs/architecture.md does not list")
            #expect(listed.subtracting(used).isEmpty, "docs/architecture.md lists \(listed.subtracting(used).sorted()) for \(module), which it does not import")
        }
    }

    @Test func packageSwiftNamesExactlyWhatEachModuleImports() throws {
        let imports = try Self.sourceImports()
        let declared = try Self.declaredDependencies()
        for (module, imported) in imports.sorted(by: { $0.key < $1.key }) where module != "CCurl" {
            let names = declared[module] ?? []
            // A module that comes with a product and cannot be named on its own (OpenAPIKit's core).
            let used = imported.filter { Self.bundled[$0].map { !names.contains($0) } ?? true }
            #expect(names == used, "\(module): Package.swift declares \(names.sorted()), its files import \(used.sorted())")
        }
    }

    @Test func theOracleImportsNeitherGenerationNorTransport() throws {
        let oracle = try Self.sourceImports()["ConvfuzzOracle"] ?? []
        #expect(!oracle.isEmpty)
        #expect(!oracle.contains("ConvfuzzGeneration"))
        #expect(!oracle.contains("ConvfuzzTransport"))
    }

    @Test func importLinesAreReadLikeTheCompilerDoes() {
        let text = "import A\n@testable import B\nimport struct C.D\n// import E\nlet importX = 1\n"
        #expect(Self.importedModules(text) == ["A", "B", "C"])
    }
}
