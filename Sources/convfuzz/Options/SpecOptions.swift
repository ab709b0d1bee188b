import ArgumentParser
import ConvfuzzEmbedded
import ConvfuzzReferenceServer
import ConvfuzzSpec
import ConvfuzzSpecFiles

/// `--spec` and `--profile`, shared by commands that read a spec.
struct SpecOptions: ParsableArguments {
    @Option(name: .long, help: "The endpoint spec (YAML). Default: the embedded list-conversations spec (`convfuzz spec show`).")
    var spec: String?

    @Option(name: .long, help: "The target profile with values responses do not show (YAML); see `convfuzz profile init`.")
    var profile: String?

    /// Loads `--spec`, or the embedded spec; exits 2 with `file:line: message`.
    func loadSpec() throws -> Spec {
        do {
            if let spec { return try SpecLoader.load(path: spec) }
            return try SpecLoader.load(text: EmbeddedSpec.text, file: EmbeddedSpec.displayName)
        } catch {
            throw CommandExit.usage(error.description)
        }
    }

    /// Loads `--profile`; without it, the embedded reference server's profile when `embeddedFallback`
    /// (the run targets the embedded server), else an empty profile.
    /// A `--profile` is checked against `spec` (unknown pools, wrong types): exit 2 with `file:line: message`.
    func loadProfile(embeddedFallback: Bool, spec: Spec? = nil) throws -> TargetProfile {
        do {
            if let profile { return try TargetProfile.load(path: profile, spec: spec) }
            guard embeddedFallback else { return .empty }
            return try TargetProfile.load(text: ReferenceProfile.renderYAML(), file: "(embedded) reference profile")
        } catch {
            throw CommandExit.usage(error.description)
        }
    }
}
