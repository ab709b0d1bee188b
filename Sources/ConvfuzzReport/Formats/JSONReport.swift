import ConvfuzzJSON
import ConvfuzzResults

/// The machine-readable report: the whole run result plus curl lines, keys sorted by bytes,
/// written by the harness's one ``JSONWriter``.
///
/// `result.findings` holds one entry per root-cause group (``FindingGroup``: headline, cause,
/// representative, count and every member finding); `reproductions` holds the curl lines of each
/// group's representative, in the same order. ``JSONReportReader`` reads the members back.
public enum JSONReport {
    private struct Document: Encodable {
        var format = 1
        var result: RunResult
        var reproductions: [[String]]
        var exitCode: Int32
    }

    /// Renders the report.
    public static func render(_ context: ReportContext) throws -> String {
        let groups = context.groups
        let document = Document(result: context.result,
                                reproductions: groups.map { context.curlLines(for: $0.example) },
                                exitCode: context.result.exitCode)
        var value = try JSONValueEncoder().encode(document)
        try GroupedFindingsJSON.replaceFindings(in: &value, with: JSONValueEncoder().encode(groups))
        let text = JSONWriter(style: .pretty, sortedKeys: true).string(value)
        return context.redactor.redact(text) + "\n"
    }
}
