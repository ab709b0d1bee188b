import ConvfuzzOracle

// MARK: - What a re-run shows

extension ReplayPlan {
    /// Whether `finding`, seen when this plan ran, shows the stored finding whose signature is `signature`.
    ///
    /// A one-request plan must show the identical signature. A walk or relation plan may have been
    /// shrunk (``PlanShrinker``: fewer filters, a smaller page size, a walk prefix), which changes what
    /// the finding names but not what it shows: it shows the stored finding when the check is the same
    /// and it names no parameter the stored one does not (a completeness finding of an unfiltered walk
    /// prefix shows one first seen on a filtered walk; one naming another filter does not).
    public func shows(_ signature: String, in finding: Finding) -> Bool {
        if finding.signature == signature { return true }
        switch kind {
        case .walk, .relation, .metamorphic: break
        case .generatedCase, .request, .auth, .tenancy: return false
        }
        let parts = signature.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == finding.check.rawValue else { return false }
        return Self.parameterNames(finding.parameter ?? "").isSubset(of: Self.parameterNames(String(parts[1])))
    }

    /// The parameter names a finding's parameter text lists (`a,b`, `p+q`; `-` names none).
    static func parameterNames(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: { $0 == "," || $0 == "+" }).map(String.init).filter { $0 != "-" && !$0.isEmpty })
    }
}
