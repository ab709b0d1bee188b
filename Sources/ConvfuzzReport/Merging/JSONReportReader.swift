import ConvfuzzJSON
import ConvfuzzResults
import Foundation

/// Reads a JSON report written by `JSONReport` back into a `RunResult`: the members of its finding
/// groups become the result's findings again (so merging shards merges groups member by member).
public enum JSONReportReader {
    private struct Document: Decodable {
        var format: Int
        var result: RunResult
    }

    private struct FormatProbe: Decodable {
        var format: Int?
    }

    // MARK: Reading

    /// Reads the report at `path`; the error names the file and what is wrong with it.
    public static func read(path: String) throws(ReportMergeError) -> RunResult {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ReportMergeError("\(path): report file not found")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReportMergeError("\(path): report file is not readable")
        }
        return try read(data: data, file: path)
    }

    /// Reads report bytes; `file` names them in messages.
    public static func read(data: Data, file: String) throws(ReportMergeError) -> RunResult {
        guard !data.isEmpty else { throw ReportMergeError("\(file): empty file, not a convfuzz JSON report") }
        let probe: FormatProbe
        do {
            probe = try JSONDecoder().decode(FormatProbe.self, from: data)
        } catch {
            throw ReportMergeError("\(file): not valid JSON (truncated or not a convfuzz JSON report)")
        }
        guard let format = probe.format else {
            throw ReportMergeError("\(file): no 'format' member: not a convfuzz JSON report (write one with `run --json FILE`)")
        }
        guard format == 1 else {
            throw ReportMergeError("\(file): report format \(format) is not supported (this convfuzz reads format 1)")
        }
        do {
            let flat = (try? JSONParser.parse(data)).map { Data(JSONWriter.compact.string(GroupedFindingsJSON.flattened($0)).utf8) } ?? data
            return try JSONDecoder().decode(Document.self, from: flat).result
        } catch let error as DecodingError {
            throw ReportMergeError("\(file): \(describe(error))")
        } catch {
            throw ReportMergeError("\(file): not a convfuzz JSON report")
        }
    }

    // MARK: Helpers

    /// A decoding failure as one line naming the JSON path, in our words.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let parts = keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
            let joined = parts.joined()
            return joined.hasPrefix(".") ? String(joined.dropFirst()) : joined
        }
        switch error {
        case .keyNotFound(let key, let context):
            let place = path(context.codingPath)
            return "missing '\(key.stringValue)'\(place.isEmpty ? "" : " in \(place)") (written by an older convfuzz, or edited?)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "'\(path(context.codingPath))' has the wrong type"
        case .dataCorrupted(let context):
            return "'\(path(context.codingPath))' holds an unexpected value"
        @unknown default:
            return "not a convfuzz JSON report"
        }
    }
}
