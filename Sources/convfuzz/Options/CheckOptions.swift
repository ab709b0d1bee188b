import ArgumentParser
import ConvfuzzOracle

/// `--checks ID,…` and `--exclude-checks ID,…`, shared by `run` and `walk`; the parsing lives in
/// ``CheckSelection``.
struct CheckOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Run and judge only these check ids (comma-separated; CF-WALK-* for a prefix, all for every one; `convfuzz explain --list`).",
                               valueName: "ids"))
    var checks: String?

    @Option(help: ArgumentHelp("Run and judge every check but these (same syntax); an exclusion wins over --checks.",
                               valueName: "ids"))
    var excludeChecks: String?

    func validate() throws {
        _ = try selection()
    }

    /// The selection, or nil for every check; a usage error (exit 2) names an unknown id and the closest known one.
    func selection() throws -> CheckSelection? {
        guard checks != nil || excludeChecks != nil else { return nil }
        do {
            return try CheckSelection.parse(checks: checks, exclude: excludeChecks)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
