import ArgumentParser
import ConvfuzzReport
import ConvfuzzResults
import ConvfuzzRunner
import ConvfuzzSpec
import Foundation

/// `convfuzz profile`: target profiles.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Write a target profile: the values a target holds that its responses do not show.",
        subcommands: [ProfileInitCommand.self]
    )
}

/// `convfuzz profile init`: a discovery walk, then a profile with what it harvested and placeholders for the rest.
struct ProfileInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Walk the target once and write a profile: harvested values, and commented placeholders for hidden ones.",
        discussion: """
            Values responses never show (user ids, topic ids, data-collection and evaluation ids) are written as \
            commented placeholders that say where to find them. Exit 0 when written, 2 on a bad --out, 3 when the \
            target is unreachable, refuses the key or is not the endpoint.
            """
    )

    @OptionGroup var specOptions: SpecOptions
    @OptionGroup var targetOptions: TargetOptions

    @Option(help: "Write the profile to this file (default: standard output).")
    var out: String = "-"

    @Flag(help: "Replace --out when it already exists.")
    var force = false

    func run() throws {
        let destination: OutputDestination
        do {
            destination = try OutputDestination.checkFile(option: "--out", path: out)
        } catch {
            throw CommandExit.usage(error.description)
        }
        if destination.kind == .atomicFile, FileManagerProbe.exists(out), !force {
            throw CommandExit.usage("--out \(out): the file exists; pass --force to replace it")
        }
        let spec = try specOptions.loadSpec()
        let (configuration, server, key) = try RunSetup.configuration(spec: spec, profile: .empty, targetOptions: targetOptions)
        defer { server?.stop() }
        let draft: ProfileDraft
        do {
            draft = try Runner(configuration: configuration).discoverProfile()
        } catch {
            throw CommandExit(code: error.exitCode, message: Redactor(secrets: [key]).redact(error.description))
        }
        do {
            try destination.write(Redactor(secrets: [key]).redact(draft.render()))
        } catch {
            throw CommandExit.usage(error.description)
        }
        if destination.kind != .standardOutput {
            let harvested = draft.harvested.filter { !$0.values.isEmpty }.map(\.pool)
            Terminal.diagnostic("""
                convfuzz: wrote \(out): \(harvested.count) harvested pool(s) (\(harvested.joined(separator: ", "))) from \
                \(draft.items) items; \(draft.hidden.count) placeholder(s) to fill in (\(draft.hidden.map(\.pool).joined(separator: ", ")))

                """)
        }
    }
}

extension ProfileCommand: Exemplified {
    static let examples = [
        "convfuzz profile init --out reference.yaml",
        "ELEVENLABS_API_KEY=… convfuzz profile init --target https://api.elevenlabs.io --out staging.yaml",
    ]
}

extension ProfileInitCommand: Exemplified {
    static let examples = [
        "ELEVENLABS_API_KEY=… convfuzz profile init --target https://api.elevenlabs.io --out staging.yaml",
        "convfuzz profile init --out reference.yaml      # the embedded reference server",
        "convfuzz profile init --target http://127.0.0.1:8080",
    ]
}
