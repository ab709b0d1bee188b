import ConvfuzzOracle
import ConvfuzzResults
import Foundation

/// JUnit XML: one test case per root-cause group (``FindingGroup``, under its headline check), one passing
/// test case per check id no group is headed by, plus one per corpus entry; `failures` counts the gating groups.
///
/// Test case times are measured: each phase's wall-clock time (``ConvfuzzRunner/TrafficSummary``)
/// is shared evenly among the checks of the categories it judges, and a check's share among its
/// test cases; the corpus phase's time is shared among the corpus entries.
///
/// The layout follows the widely used JUnit schema (Ant's `XMLJUnitResultFormatter`,
/// as validated by Jenkins, GitLab and GitHub reporters): `testsuites > testsuite`
/// with `properties`, `testcase*`, `system-out`, `system-err`, and every required
/// attribute. A test validates the output against such an XSD with xmllint.
public enum JUnitReport {
    /// Renders the XML document.
    public static func render(_ context: ReportContext, hostname: String = "convfuzz") -> String {
        let result = context.result
        let cases = testCases(context)
        let failures = cases.filter { $0.failure != nil }.count
        let time = String(format: "%.3f", result.statistics.seconds)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"convfuzz\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" time=\"\(time)\">\n"
        xml += "  <testsuite name=\"\(escape("convfuzz.\(result.specName)"))\" package=\"convfuzz\" id=\"0\""
        xml += " tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\" time=\"\(time)\""
        xml += " timestamp=\"\(timestamp(result.startedAt))\" hostname=\"\(escape(hostname))\">\n"
        xml += "    <properties>\n"
        for (name, value) in properties(result) {
            xml += "      <property name=\"\(escape(name))\" value=\"\(escape(value))\"/>\n"
        }
        xml += "    </properties>\n"
        for testCase in cases {
            xml += "    <testcase name=\"\(escape(testCase.name))\" classname=\"\(escape(testCase.className))\""
            xml += " time=\"\(String(format: "%.3f", testCase.seconds))\""
            if let failure = testCase.failure {
                xml += ">\n      <failure message=\"\(escape(failure.message))\" type=\"\(escape(failure.type))\">"
                xml += escape(failure.text) + "</failure>\n    </testcase>\n"
            } else {
                xml += "/>\n"
            }
        }
        xml += "    <system-out>\(escape(TextSummary.render(context)))</system-out>\n"
        xml += "    <system-err></system-err>\n"
        xml += "  </testsuite>\n</testsuites>\n"
        return context.redactor.redact(xml)
    }

    struct Failure {
        var message: String
        var type: String
        var text: String
    }

    struct TestCase {
        var name: String
        var className: String
        var failure: Failure?
        var seconds: Double = 0
    }

    /// The name of the phase that replays the corpus; its time goes to the corpus test cases.
    static let corpusPhase = "corpus"

    /// Each check's share of the measured phase times.
    static func checkSeconds(_ traffic: TrafficSummary) -> [CheckID: Double] {
        var seconds: [CheckID: Double] = [:]
        for phase in traffic.phases where phase.name != corpusPhase {
            let checks = CheckID.allCases.filter { phase.categories.contains($0.category.rawValue) }
            for check in checks { seconds[check, default: 0] += phase.seconds / Double(checks.count) }
        }
        return seconds
    }

    static func testCases(_ context: ReportContext) -> [TestCase] {
        let result = context.result
        var cases: [TestCase] = []
        let shares = checkSeconds(result.traffic)
        let groups = context.groups.filter { $0.status != .flaky }
        for check in CheckID.allCases {
            let firstCase = cases.count
            let className = "convfuzz.\(check.category.rawValue)"
            let headed = groups.filter { $0.check == check }
            if headed.isEmpty {
                let inside = groups.first { group in group.members.contains { $0.finding.check == check } }
                let name = inside.map { "\(check.rawValue) (grouped under \($0.title))" } ?? check.rawValue
                cases.append(TestCase(name: name, className: className, failure: nil, seconds: shares[check] ?? 0))
                continue
            }
            for group in headed {
                guard group.status == .new else {
                    // Baseline findings and notices (e.g. CF-RETRY-RATE) are reported but never fail.
                    cases.append(TestCase(name: group.title + " (\(group.status.rawValue))", className: className, failure: nil))
                    continue
                }
                let gating = group.members.filter { $0.status == .new }
                var text = group.count > 1 ? ["\(group.cause) (\(group.count) findings)", ""] : []
                text.append(failureText(group.example, context: context))
                let others = gating.filter { $0 != group.example }
                if !others.isEmpty {
                    text.append("")
                    text.append("members:")
                    text.append(contentsOf: others.map { "- [\($0.finding.check.rawValue)] \($0.finding.parameter.map { "\($0): " } ?? "")\($0.finding.message)" })
                }
                let message = group.count > 1 ? group.cause : group.example.finding.message
                cases.append(TestCase(name: group.title, className: className,
                                      failure: Failure(message: message, type: check.rawValue, text: text.joined(separator: "\n"))))
            }
            let share = (shares[check] ?? 0) / Double(max(1, cases.count - firstCase))
            for index in firstCase..<cases.count { cases[index].seconds = share }
        }
        let corpusSeconds = result.traffic.phases.filter { $0.name == corpusPhase }.reduce(0) { $0 + $1.seconds }
        let corpusShare = corpusSeconds / Double(max(1, result.corpusReplay.count))
        for outcome in result.corpusReplay {
            let failure = outcome.stillFails
                ? Failure(message: "corpus entry still fails: \(outcome.detail)", type: outcome.check, text: outcome.file)
                : nil
            cases.append(TestCase(name: "corpus \(outcome.file)", className: "convfuzz.corpus", failure: failure,
                                  seconds: corpusShare))
        }
        return cases
    }

    static func failureText(_ reported: ReportedFinding, context: ReportContext) -> String {
        var lines = [reported.finding.message,
                     "expected: \(reported.finding.expected)",
                     "observed: \(reported.finding.observed)",
                     "from: \(reported.origin.summary)"]
        if let serverLine = context.serverLine { lines.append("server: \(serverLine)") }
        lines.append(contentsOf: context.curlLines(for: reported).map { "repro: \(ReportContext.clip($0, limit: 4000))" })
        if let command = context.replayCommand(for: reported) { lines.append("replay: \(command)") }
        return lines.joined(separator: "\n")
    }

    static func properties(_ result: RunResult) -> [(String, String)] {
        [("spec", result.specName), ("spec.revision", result.specRevision), ("spec.fingerprint", result.specFingerprint),
         ("seed", String(result.seed)), ("target", result.endpoint), ("requests", String(result.statistics.requests))]
    }

    /// `YYYY-MM-DDTHH:MM:SS` (no zone), as the schema's timestamp pattern wants.
    static func timestamp(_ iso: String) -> String {
        let trimmed = iso.prefix(19)
        return trimmed.count == 19 ? String(trimmed) : "1970-01-01T00:00:00"
    }

    /// Escapes text for XML 1.0 attributes and content; characters XML 1.0 forbids become U+FFFD.
    static func escape(_ text: String) -> String {
        MarkupText.escape(text, for: .xml)
    }
}
