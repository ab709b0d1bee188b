import ConvfuzzJSON
import ConvfuzzResults

/// The machine-readable report: the whole run result plus curl lines, keys sorted by bytes,
/// written by the harness's one ``JSONWriter``.
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
        let text = JSONWriter(style: .pretty, sortedKeys: true).string(try JSONValueEncoder().encode(document))
        return context.redactor.redact(text) + "\n"
    }
}
