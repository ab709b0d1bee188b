/// A reference fault (or, where no fault shows it, a chaos mode) whose own declaration says a default
/// run reports a check id (``ReferenceFault/checkIDs``, ``ChaosMode/checkIDs``): the example
/// `convfuzz explain ID` names, and the run that shows a finding of that id live.
///
/// Nothing here is written per check id: the demonstrations are read from what each fault and mode
/// declares, which `FaultDetectionTests`, `ReplayTests` and `ChaosTests` hold to a real run.
public struct CheckDemonstration: Sendable, Hashable {
    /// What injects the violation.
    public enum Source: Sendable, Hashable {
        /// A contract violation (`--fault NAME`).
        case fault(ReferenceFault)
        /// A transport misbehaviour (`--chaos MODE`), with the share of list requests it affects.
        case chaos(ChaosMode, rate: Double?)
    }

    /// The check id shown.
    public let checkID: String
    /// The fault or chaos mode.
    public let source: Source

    // MARK: Finding demonstrations

    /// Every demonstration of `checkID` (exact raw value, e.g. `CF-WALK-DUP`): the faults declaring it,
    /// in catalogue order, the one that declares it first (its primary id) ahead; then, only when no
    /// fault declares it, the chaos modes that do.
    public static func all(for checkID: String) -> [CheckDemonstration] {
        let faults = ReferenceFault.allCases.filter { $0.checkIDs.contains(checkID) }
        let primary = faults.filter { $0.checkID == checkID } + faults.filter { $0.checkID != checkID }
        if !primary.isEmpty { return primary.map { CheckDemonstration(checkID: checkID, source: .fault($0)) } }
        return ChaosMode.allCases.filter { $0.checkIDs.contains(checkID) }
            .map { CheckDemonstration(checkID: checkID, source: .chaos($0, rate: $0.demonstrationRate)) }
    }

    /// The first of ``all(for:)``, or nil when nothing demonstrates `checkID`.
    public static func first(for checkID: String) -> CheckDemonstration? {
        all(for: checkID).first
    }

    // MARK: Describing

    /// The fault's or mode's name (`cursor-repeats-item`).
    public var name: String {
        switch source {
        case .fault(let fault): return fault.rawValue
        case .chaos(let mode, _): return mode.rawValue
        }
    }

    /// What it does to the reference server, in one sentence.
    public var summary: String {
        switch source {
        case .fault(let fault): return fault.summary
        case .chaos(let mode, _): return mode.summary
        }
    }

    /// Every check id it declares (the demonstrated one among them).
    public var declaredCheckIDs: [String] {
        switch source {
        case .fault(let fault): return fault.checkIDs
        case .chaos(let mode, _): return mode.checkIDs
        }
    }

    /// The arguments of `convfuzz` that show a finding of the id live against the embedded server,
    /// judging that check alone: `run --fault NAME --checks ID --no-corpus` (with a second key for a
    /// tenancy fault; with the chaos rate for a mode).
    public var runArguments: [String] {
        var arguments = ["run"]
        switch source {
        case .fault(let fault):
            arguments += ["--fault", fault.rawValue]
            if fault.needsSecondKey { arguments += ["--second-key-env", "CONVFUZZ_SECOND_KEY"] }
        case .chaos(let mode, let rate):
            arguments += ["--chaos", mode.rawValue]
            if let rate { arguments += ["--chaos-rate", String(rate)] }
        }
        return arguments + ["--checks", checkID, "--no-corpus"]
    }
}

extension ChaosMode {
    /// The share of list requests a demonstration run affects (nil: every one), as `ChaosTests` runs it.
    public var demonstrationRate: Double? {
        switch self {
        case .throttle: return 0.2
        case .truncate, .reset, .unavailable: return 0.3
        default: return nil
        }
    }
}

// MARK: - Explain's example section

extension CheckDemonstration {
    /// The example section `convfuzz explain ID` prints: which fault (or chaos mode) shows the check,
    /// what it does, the command that shows a finding of it live, and the other faults that show it.
    /// Empty when nothing demonstrates the id.
    public static func exampleSection(for checkID: String) -> [String] {
        let all = all(for: checkID)
        guard let first = all.first else { return [] }
        let kind: String
        switch first.source {
        case .fault: kind = "reference fault"
        case .chaos: kind = "chaos mode"
        }
        var lines = ["Example: the \(kind) \(first.name) makes a default run report \(checkID).",
                     "  what it does:  \(first.summary)",
                     "  see it live:   convfuzz " + first.runArguments.joined(separator: " "),
                     "                 (or `convfuzz explain \(checkID) --run`: the finding's check, parameter, message and curl reproduction)"]
        let others = all.dropFirst().map(\.name)
        if !others.isEmpty { lines.append("  also shown by: " + others.joined(separator: ", ")) }
        return lines
    }
}
