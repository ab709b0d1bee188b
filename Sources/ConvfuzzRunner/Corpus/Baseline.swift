import ConvfuzzJSON
import Foundation

/// Accepted findings: signatures that are reported but do not fail the gate.
///
/// The file is JSON: `{"accepted": ["<signature>", …]}` — `convfuzz run --json`
/// output's `findings[].finding.signature` values are what goes in it.
public struct Baseline: Sendable, Equatable {
    /// Accepted signatures.
    public var signatures: Set<String>

    /// Creates a baseline.
    public init(signatures: Set<String> = []) {
        self.signatures = signatures
    }

    private struct File: Codable {
        var accepted: [String]
    }

    /// Loads a baseline file; the error names the file.
    public static func load(path: String) throws(RunAbort) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunAbort.invalidInput("\(path): baseline file not found or not readable")
        }
        do {
            return Baseline(signatures: Set(try JSONDecoder().decode(File.self, from: data).accepted))
        } catch {
            let problem = FileProblem.describe(error, data: data, kind: "baseline file")
            throw RunAbort.invalidInput("\(path): \(problem) (a baseline is JSON {\"accepted\": [signature, …]})")
        }
    }

    /// Renders a baseline accepting the given signatures.
    public static func render(_ signatures: [String]) -> String {
        let accepted = Array(Set(signatures)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { JSONValue.string($0) }
        return JSONWriter.pretty.string(.object(JSONObject([(key: "accepted", value: .array(accepted))]))) + "\n"
    }
}
