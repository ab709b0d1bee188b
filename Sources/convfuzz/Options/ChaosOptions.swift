import ArgumentParser
import ConvfuzzReferenceServer

/// Parsing and validation of `--chaos MODE[,MODE…]` and `--chaos-rate R`, shared by `serve` and `run`.
enum ChaosOptions {
    /// Throws a usage error for an unknown mode or a rate outside (0, 1].
    static func validate(chaos: String?, rate: Double) throws {
        if let chaos, case .failure(let error) = ChaosMode.parseList(chaos) {
            throw ValidationError("--chaos: \(error)")
        }
        guard rate > 0, rate <= 1 else { throw ValidationError("--chaos-rate must be in (0, 1], got \(rate)") }
    }

    /// The modes named (none when absent or invalid; `validate` runs first).
    static func modes(_ chaos: String?) -> [ChaosMode] {
        guard let chaos, case .success(let modes) = ChaosMode.parseList(chaos) else { return [] }
        return modes
    }

    /// ` with chaos stall,trickle at 1%`, or empty.
    static func describe(chaos: String?, rate: Double) -> String {
        let modes = modes(chaos)
        guard !modes.isEmpty else { return "" }
        let share = rate < 1 ? " on \(rate * 100)% of list requests" : ""
        return " with chaos " + modes.map(\.rawValue).joined(separator: ",") + share
    }
}
