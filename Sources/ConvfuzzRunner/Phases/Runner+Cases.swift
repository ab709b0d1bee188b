import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzSpec

extension Runner {
    /// Sends `maxCases` generated cases (this shard's share) in chunks and checks every response.
    ///
    /// Every case of the whole run is generated, so the walk and relation candidates (`validCases`)
    /// are the same in every shard: they follow from the plan (expected success, no cursor), never
    /// from a response another shard saw.
    func runCases() {
        let generator = CaseGenerator(spec: spec, pools: pools)
        let shard = configuration.shard
        let total = configuration.maxCases
        let chunk = max(16, configuration.concurrency * 4) * shard.count
        let ownedTotal = shard.owned(of: total).count
        work.plan(.cases, total: total)
        var index = 0
        report("cases", done: 0, total: ownedTotal)
        var sent = 0
        while index < total && !outOfBudget() {
            let count = min(chunk, total - index)
            let planned = (index..<(index + count)).map { generator.generate(seed: configuration.seed, index: $0) }
            for generated in planned where generated.expectation == .success
                && !generated.classification.query.has(spec.pagination.cursorParam) {
                validCases.append(generated)
            }
            let cases = planned.filter { shard.owns($0.index) }
            let responses = executor.execute(cases.map(\.queryString))
            for (generated, response) in zip(cases, responses) {
                statistics.cases += 1
                statistics.casesByExpectation[generated.expectation.word, default: 0] += 1
                work.did(.cases, generated.index)
                coverage.record(generated)
                let findings = responseOracle.check(classification: generated.classification, response: response)
                let fresh = ledger.record(
                    findings,
                    origin: .generatedCase(seed: generated.seed, index: generated.index, choices: generated.choices,
                                           label: generated.label),
                    replay: .generatedCase(query: generated.queryString, index: generated.index, choices: generated.choices,
                                           label: generated.label),
                    sourceCase: generated, confirm: .generatedCase(generated))
                announce(fresh)
            }
            index += count
            sent += cases.count
            report("cases", done: sent, total: ownedTotal)
        }
    }
}
