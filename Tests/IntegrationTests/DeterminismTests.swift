import ConvfuzzReferenceServer
import ConvfuzzTestSupport
import Foundation
import Testing

/// Checking runs on every core, yet a run's outcome never depends on how many requests are in flight:
/// the same seed against the same faulty server gives the same findings in the same order, the same
/// corpus files byte for byte and the same JSON report (apart from timings, dates and the embedded
/// server's port) at `--concurrency 1` and `--concurrency 16`.
@Suite("Same seed, any concurrency: same findings, order, corpus and report", .ownThreads)
struct DeterminismTests {
    /// What one `convfuzz run` left behind.
    struct Outcome {
        var status: Int32
        var stderr: String
        /// Corpus file name → bytes.
        var corpus: [String: Data]
        /// The JSON report as parsed.
        var report: [String: Any]
        /// The JSON report normalised (timings, dates, port and the concurrency setting removed), sorted keys.
        var normalised: String
    }

    /// A run small enough to be quick that still sends cases, shrinks, walks and checks relations.
    static func arguments(fault: ReferenceFault, concurrency: Int) -> [String] {
        ["run", "--fault", fault.rawValue, "--seed", "7", "--server-size", "500", "--max-cases", "500", "--walks", "4",
         "--relations", "24", "--concurrency", String(concurrency), "--corpus", "corpus", "--json", "report.json", "--quiet"]
    }

    /// Runs the binary in a fresh folder (so both runs name their corpus `corpus`) and reads what it wrote.
    static func run(fault: ReferenceFault, concurrency: Int, extra: [String] = []) throws -> Outcome {
        let directory = Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try Binary.run(arguments(fault: fault, concurrency: concurrency) + extra, in: directory)
        var corpus: [String: Data] = [:]
        let folder = directory + "/corpus"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            corpus[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/report.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let normalised = try JSONSerialization.data(withJSONObject: normalise(report, path: []),
                                                    options: [.sortedKeys, .prettyPrinted])
        return Outcome(status: outcome.status, stderr: outcome.stderr, corpus: corpus, report: report,
                       normalised: String(decoding: normalised, as: UTF8.self))
    }

    /// Keys that hold wall-clock times or dates, or measurements of them.
    static let timeKeys: Set<String> = ["startedAt", "seconds", "latency", "timeline", "slowest"]

    /// The report without what may differ between two runs of the same seed: timings and dates, the
    /// embedded server's port (each run starts its own server) and the `concurrency` setting itself.
    static func normalise(_ value: Any, path: [String]) -> Any {
        switch value {
        case let object as [String: Any]:
            var out: [String: Any] = [:]
            for (key, element) in object where !timeKeys.contains(key) {
                if path.last == "settings" && key == "concurrency" { continue }
                out[key] = normalise(element, path: path + [key])
            }
            return out
        case let array as [Any]:
            return array.map { normalise($0, path: path) }
        case let text as String:
            return text.replacingOccurrences(of: #"127\.0\.0\.1:[0-9]+"#, with: "127.0.0.1:PORT", options: .regularExpression)
        default:
            return value
        }
    }

    /// The findings of a report: (signature, status), in report order.
    static func findings(_ report: [String: Any]) -> [String] {
        let result = report["result"] as? [String: Any]
        // result.findings holds one entry per root-cause group; the findings are its members, in group order.
        let groups = result?["findings"] as? [[String: Any]] ?? []
        let findings = groups.flatMap { ($0["members"] as? [[String: Any]]) ?? [] }
        return findings.map { reported in
            let finding = reported["finding"] as? [String: Any]
            return "\(finding?["signature"] as? String ?? "?") [\(reported["status"] as? String ?? "?")]"
        }
    }

    /// The first line where two texts differ, with its number, or nil when they are equal.
    static func firstDifference(_ left: String, _ right: String) -> String? {
        let a = left.split(separator: "\n", omittingEmptySubsequences: false)
        let b = right.split(separator: "\n", omittingEmptySubsequences: false)
        for line in 0..<max(a.count, b.count) {
            let x = line < a.count ? String(a[line]) : "<end>"
            let y = line < b.count ? String(b[line]) : "<end>"
            if x != y { return "line \(line + 1): \(x.prefix(200)) ≠ \(y.prefix(200))" }
        }
        return nil
    }

    @Test(arguments: [ReferenceFault.ascIgnored, .cursorSkipsItem])
    func concurrencyOneAndSixteenAgreeAgainstAFaultyServer(fault: ReferenceFault) throws {
        let one = try Self.run(fault: fault, concurrency: 1)
        let sixteen = try Self.run(fault: fault, concurrency: 16)
        #expect(one.status == 1, "\(one.stderr)")
        #expect(sixteen.status == 1, "\(sixteen.stderr)")
        let found = Self.findings(one.report)
        #expect(found.contains { line in fault.checkIDs.contains { line.hasPrefix($0 + "|") } }, "\(found)")
        #expect(found == Self.findings(sixteen.report), "same findings, same order")
        #expect(!one.corpus.isEmpty)
        #expect(one.corpus.count == found.filter { $0.hasSuffix("[new]") }.count, "one corpus file per new finding")
        #expect(one.corpus.keys.sorted() == sixteen.corpus.keys.sorted())
        for (name, bytes) in one.corpus.sorted(by: { $0.key < $1.key }) {
            #expect(sixteen.corpus[name] == bytes, "\(name) is byte-identical")
        }
        let difference = Self.firstDifference(one.normalised, sixteen.normalised)
        #expect(difference == nil, "the JSON reports differ apart from timings, dates and the port")
        let settings = { (report: [String: Any]) in ((report["result"] as? [String: Any])?["settings"] as? [String: Any])?["concurrency"] as? Int }
        #expect(settings(one.report) == 1 && settings(sixteen.report) == 16, "the runs did use the concurrency asked for")
    }

    /// Under a tight `--max-requests`, which requests the budget grants (walk pages included) follows the
    /// plan, never the order answers arrive: the same findings, corpus and report, per-phase requests
    /// included, at `--concurrency 1` and `--concurrency 16`.
    /// The last row explores (`--explore`): its further cases, ladder rungs, walks and relations are cut by
    /// the bound at the same request at any concurrency, and its series over time is the same but for seconds.
    @Test(arguments: [(ReferenceFault.cursorSkipsItem, 150, false), (.userIDIgnored, 260, false), (.dcGtAsGte, 400, false),
                      (.cursorSkipsItem, 2_500, true)])
    func aTightRequestBudgetSendsTheSameRequestsAtAnyConcurrency(fault: ReferenceFault, limit: Int, explore: Bool) throws {
        let extra = ["--max-requests", String(limit)] + (explore ? ["--explore"] : [])
        let one = try Self.run(fault: fault, concurrency: 1, extra: extra)
        let sixteen = try Self.run(fault: fault, concurrency: 16, extra: extra)
        let found = Self.findings(one.report)
        #expect(found == Self.findings(sixteen.report), "same findings, same order")
        #expect(one.corpus.keys.sorted() == sixteen.corpus.keys.sorted())
        for (name, bytes) in one.corpus.sorted(by: { $0.key < $1.key }) {
            #expect(sixteen.corpus[name] == bytes, "\(name) is byte-identical")
        }
        let budget = { (report: [String: Any]) in
            ((report["result"] as? [String: Any])?["statistics"] as? [String: Any])?["requestBudget"] as? [String: Any]
        }
        let sent = try #require(budget(one.report)?["sent"] as? Int)
        #expect(sent <= limit)
        if explore {
            let statistics = (one.report["result"] as? [String: Any])?["statistics"] as? [String: Any]
            let exploration = try #require(statistics?["exploration"] as? [String: Any])
            #expect((exploration["cases"] as? Int ?? 0) > 0 && (exploration["walks"] as? Int ?? 0) > 0, "\(exploration)")
            #expect((statistics?["overTime"] as? [Any])?.isEmpty == false)
        }
        let difference = Self.firstDifference(one.normalised, sixteen.normalised)
        #expect(difference == nil, "the JSON reports differ apart from timings, dates and the port: \(difference ?? "")")
    }
}
