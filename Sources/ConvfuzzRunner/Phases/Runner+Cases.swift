import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzSpec

extension Runner {
    /// Sends `maxCases` generated cases in chunks and checks every response.
    func runCases() {
        let generator = CaseGenerator(spec: spec, pools: pools)
        let total = configuration.maxCases
        let chunk = max(16, configuration.concurrency * 4)
        var index = 0
        report("cases", done: 0, total: total)
        while index < total && !outOfBudget() {
            let count = min(chunk, total - index)
            let cases = (index..<(index + count)).map { generator.generate(seed: configuration.seed, index: $0) }
            let responses = executor.execute(cases.map(\.queryString))
            for (generated, response) in zip(cases, responses) {
                statistics.cases += 1
                statistics.casesByExpectation[generated.expectation.word, default: 0] += 1
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
                if generated.expectation == .success, findings.isEmpty, response.status == spec.response.status,
                   !generated.classification.query.has(spec.pagination.cursorParam) {
                    validCases.append(generated)
                }
            }
            index += count
            report("cases", done: index, total: total)
        }
    }
}
