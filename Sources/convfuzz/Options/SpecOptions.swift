import ArgumentParser
import ConvfuzzSpec

/// `--spec` and `--profile`, shared by commands that read a spec.
struct SpecOptions: ParsableArguments {
    @Option(name: .long, help: "The endpoint spec (YAML).")
    var spec: String = "specs/list-conversations.yaml"

    @Option(name: .long, help: "The target profile with values responses do not show (YAML).")
    var profile: String?

    /// Loads the spec, or exits 2 with `file:line: message`.
    func loadSpec() throws -> Spec {
        do {
            return try SpecLoader.load(path: spec)
        } catch {
            throw CommandExit.usage(error.description)
        }
    }

    /// Loads the profile named by `--profile`, or `fallback` when it exists, or an empty profile.
    func loadProfile(fallback: String?) throws -> TargetProfile {
        let path = profile ?? fallback
        guard let path else { return .empty }
        if profile == nil && !FileManagerProbe.exists(path) { return .empty }
        do {
            return try TargetProfile.load(path: path)
        } catch {
            throw CommandExit.usage(error.description)
        }
    }
}
