import ConvfuzzRunner
import Foundation

/// The machine-readable report: the whole run result plus curl lines, keys sorted.
public enum JSONReport {
    private struct Document: Encodable {
        var format = 1
        var result: RunResult
        var reproductions: [[String]]
        var exitCode: Int32
    }

    /// Renders the report.
    public static func render(_ context: ReportContext) throws -> String {
        let document = Document(result: context.result,
                                reproductions: context.result.findings.map { context.curlLines(for: $0) },
                                exitCode: context.result.exitCode)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(document), as: UTF8.self)
        return context.redactor.redact(text) + "\n"
    }
}
