import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzResults

/// The case phase's last step: the spec's size ladders (``SizeLadder``), after the generated cases.
extension CasePhase {
    /// Sends this shard's size ladders in rounds, round `k` holding step `k` of every ladder still
    /// going (so ladders go out together while each one's steps stay in ascending order). Every step
    /// is a ``ReplayPlan/request(query:)`` judged by the ``Replayer`` like any one-request plan (a 5xx
    /// at any size, below the floor the contract's own answer), and counted in the coverage table. A
    /// ladder ends at its last step, at a size-limit status above the floor or a step with no answer
    /// (``SizeLadder/stops(_:status:transportFailed:requestBytes:)``), or when a step is not sent (the
    /// request budget or the deadline); no ladder starts a round once the run must stop. What each
    /// answered is returned per parameter, in spec order. Decisions depend only on the answers, so the
    /// requests are the same at any concurrency.
    func runLadders(_ discovery: Discovery, findings: inout FindingLog, coverage: inout CoverageTable) -> [SizeLadderOutcome] {
        let spec = context.spec
        let all = SizeLadder.ladders(spec: spec, pools: discovery.pools)
        let owned = context.configuration.shard.owned(of: all.count)
        guard !owned.isEmpty else { return [] }
        let replayer = Replayer(context: context, discovery: discovery)
        var outcomes = owned.map { SizeLadderOutcome(parameter: all[$0].parameter) }
        var going = Array(outcomes.indices)
        var round = 0
        while !going.isEmpty, context.stopReason(uniqueFindings: findings.runUniqueCount) == nil {
            let plans = going.map { ReplayPlan.request(query: all[owned[$0]].steps[round].query) }
            let observations = replayer.observe(plans)
            var next: [Int] = []
            for (slot, (plan, observation)) in zip(going, zip(plans, observations)) {
                let step = all[owned[slot]].steps[round]
                guard case .response(let response) = observation, !response.wasSkipped else { continue }
                coverage.recordLadderStep(parameter: outcomes[slot].parameter)
                outcomes[slot].add(answer: Self.answer(response), requestBytes: step.requestBytes)
                context.progress.announce(findings.record(replayer.judge(plan, observation), plan: plan))
                let stops = SizeLadder.stops(spec, status: response.status, transportFailed: response.transportFailure != nil,
                                             requestBytes: step.requestBytes)
                if stops, round + 1 < all[owned[slot]].steps.count { outcomes[slot].stopped = true }
                if !stops, round + 1 < all[owned[slot]].steps.count { next.append(slot) }
            }
            going = next
            round += 1
        }
        return outcomes
    }

    /// The answer a step got, as the ladder's outcome records it.
    private static func answer(_ response: ObservedResponse) -> String {
        if let failure = response.transportFailure { return "no answer (\(failure.rawValue))" }
        return response.status.map(String.init) ?? "no answer"
    }
}
