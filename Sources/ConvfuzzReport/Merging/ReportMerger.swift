import ConvfuzzResults

/// Joins the JSON reports of the shards of one run into the result of the whole run.
///
/// The shards must come from one run: the same seed, spec (fingerprint), target and shard count,
/// each shard exactly once, and the same plan (the same number of units per phase). Findings are
/// deduplicated by signature; counts are summed; a coverage gap is a gap only when every shard left it;
/// the traffic (timeline, latencies, walk lengths, statuses) is merged so the HTML charts show the whole run.
public enum ReportMerger {
    /// One shard's result and the file it came from.
    public struct Input: Sendable {
        /// The report file, for messages.
        public var file: String
        /// Its result.
        public var result: RunResult

        /// Pairs a file with its result.
        public init(file: String, result: RunResult) {
            self.file = file
            self.result = result
        }
    }

    // MARK: Merging

    /// Reads and merges report files.
    public static func merge(files: [String]) throws(ReportMergeError) -> RunResult {
        var inputs: [Input] = []
        for file in files { inputs.append(Input(file: file, result: try JSONReportReader.read(path: file))) }
        return try merge(inputs)
    }

    /// Merges shard results; throws the first reason they do not form one run.
    public static func merge(_ inputs: [Input]) throws(ReportMergeError) -> RunResult {
        guard let first = inputs.first else { throw ReportMergeError("no reports to merge") }
        try checkSameRun(inputs)
        let ordered = inputs.sorted { $0.result.shard.index < $1.result.shard.index }
        var merged = first.result
        merged.shard = .whole
        merged.startedAt = ordered.map(\.result.startedAt).min() ?? first.result.startedAt
        merged.statistics = mergedStatistics(ordered)
        merged.findings = mergedFindings(ordered)
        merged.coverageRows = mergedCoverage(ordered)
        var gaps = Set(ordered[0].result.coverageGaps)
        for input in ordered.dropFirst() { gaps.formIntersection(input.result.coverageGaps) }
        merged.coverageGaps = first.result.coverageGaps.filter { gaps.contains($0) }
        merged.corpusReplay = ordered.flatMap(\.result.corpusReplay)
        // Each shard sends its own ladders: together, every ladder once.
        let ladders = ordered.flatMap { $0.result.sizeLadders ?? [] }
        merged.sizeLadders = ladders.isEmpty ? nil : ladders
        merged.traffic = TrafficSummary.merged(ordered.map(\.result.traffic))
        merged.authenticated = ordered.allSatisfy(\.result.authenticated)
        let failures = ordered.compactMap { input in input.result.healthFailure.map { "shard \(input.result.shard): \($0)" } }
        merged.healthFailure = failures.isEmpty ? nil : failures.joined(separator: "; ")
        let aborts = ordered.compactMap { input in input.result.abortReason.map { "shard \(input.result.shard): \($0)" } }
        merged.abortReason = aborts.isEmpty ? nil : aborts.joined(separator: "; ")
        var work = WorkLog()
        for phase in PhaseName.sharded {
            guard let planned = ordered.compactMap({ $0.result.work.phases[phase]?.planned }).max() else { continue }
            work.plan(phase, total: planned)
            for unit in ordered.flatMap({ $0.result.work.done(phase) }).sorted() { work.did(phase, unit) }
        }
        merged.work = work
        return merged
    }

    // MARK: Checks

    private static func checkSameRun(_ inputs: [Input]) throws(ReportMergeError) {
        let first = inputs[0]
        let reference = first.result
        for input in inputs.dropFirst() {
            let result = input.result
            if result.seed != reference.seed {
                throw ReportMergeError("\(input.file): seed \(result.seed) differs from \(first.file)'s seed \(reference.seed); shards of one run share --seed")
            }
            if result.specFingerprint != reference.specFingerprint {
                throw ReportMergeError("\(input.file): spec \(result.specName) (fingerprint \(result.specFingerprint)) differs from \(first.file)'s \(reference.specName) (fingerprint \(reference.specFingerprint)); shards of one run use the same spec")
            }
            if result.targetIdentity != reference.targetIdentity {
                throw ReportMergeError("\(input.file): target \(result.targetIdentity) differs from \(first.file)'s target \(reference.targetIdentity)")
            }
            if result.shard.count != reference.shard.count {
                throw ReportMergeError("\(input.file): shard \(result.shard) is from a run split \(result.shard.count) ways, \(first.file) (shard \(reference.shard)) from one split \(reference.shard.count) ways")
            }
            // The corpus phase is left out: shards that share a corpus folder see the entries the shards
            // before them wrote, so their corpus plans may differ; their replays are joined as they are.
            for phase in PhaseName.sharded where phase != .corpus {
                let mine = result.work.phases[phase]?.planned ?? 0
                let theirs = reference.work.phases[phase]?.planned ?? 0
                if mine != theirs, result.statistics.stoppedEarly == nil, reference.statistics.stoppedEarly == nil {
                    throw ReportMergeError("\(input.file): plans \(mine) \(phase.rawValue), \(first.file) plans \(theirs); shards of one run use the same budgets (--max-cases, --walks, --relations)")
                }
            }
        }
        var byIndex: [Int: String] = [:]
        for input in inputs {
            if let other = byIndex[input.result.shard.index] {
                throw ReportMergeError("\(input.file): shard \(input.result.shard) is also \(other); give each shard's report once")
            }
            byIndex[input.result.shard.index] = input.file
        }
        let count = reference.shard.count
        let missing = (1...count).filter { byIndex[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map { "\($0)/\(count)" }.joined(separator: ", ")
            throw ReportMergeError("shard\(missing.count == 1 ? "" : "s") \(names) missing: \(inputs.count) of \(count) reports given, so the verdict would not cover the whole run")
        }
        for phase in PhaseName.sharded where phase != .corpus {
            var owner: [Int: String] = [:]
            for input in inputs {
                for unit in input.result.work.done(phase) {
                    if let other = owner[unit] {
                        throw ReportMergeError("\(input.file) and \(other) both did \(phase.rawValue) unit \(unit): not shards of one run")
                    }
                    owner[unit] = input.file
                }
            }
        }
    }

    // MARK: Joining

    private static func mergedStatistics(_ inputs: [Input]) -> RunStatistics {
        var total = RunStatistics()
        var reasons: [String] = []
        for input in inputs {
            let stats = input.result.statistics
            total.cases += stats.cases
            for (word, count) in stats.casesByExpectation { total.casesByExpectation[word, default: 0] += count }
            total.requests += stats.requests
            total.retries += stats.retries
            total.walks += stats.walks
            total.pagesWalked += stats.pagesWalked
            total.relations += stats.relations
            total.corpusReplayed += stats.corpusReplayed
            if let cut = stats.walksCutByMemory { total.walksCutByMemory = (total.walksCutByMemory ?? 0) + cut }
            if let unconfirmed = stats.unconfirmed { total.unconfirmed = (total.unconfirmed ?? 0) + unconfirmed }
            total.seconds = max(total.seconds, stats.seconds)
            if let reason = stats.stoppedEarly { reasons.append("shard \(input.result.shard): \(reason)") }
            if let retry = stats.retry { total.retry = total.retry.map { $0.merged(with: retry) } ?? retry }
        }
        total.stoppedEarly = reasons.isEmpty ? nil : reasons.joined(separator: "; ")
        return total
    }

    /// Unique findings by signature, in shard order; occurrences add up; a finding gates if any shard says so.
    private static func mergedFindings(_ inputs: [Input]) -> [ReportedFinding] {
        var order: [String] = []
        var bySignature: [String: ReportedFinding] = [:]
        for input in inputs {
            for reported in input.result.findings {
                let signature = reported.finding.signature
                guard var existing = bySignature[signature] else {
                    bySignature[signature] = reported
                    order.append(signature)
                    continue
                }
                existing.occurrences += reported.occurrences
                if reported.status == .new { existing.status = .new }
                if existing.corpusFile == nil { existing.corpusFile = reported.corpusFile }
                bySignature[signature] = existing
            }
        }
        return order.compactMap { bySignature[$0] }
    }

    private static func mergedCoverage(_ inputs: [Input]) -> [CoverageRow] {
        var rows: [String: [String: Int]] = [:]
        for input in inputs {
            for row in input.result.coverageRows {
                for (cellClass, count) in row.counts { rows[row.parameter, default: [:]][cellClass, default: 0] += count }
            }
        }
        return rows.keys.sorted().map { CoverageRow(parameter: $0, counts: rows[$0] ?? [:]) }
    }
}
