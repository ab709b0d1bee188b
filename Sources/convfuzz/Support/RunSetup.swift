import ConvfuzzReferenceServer
import ConvfuzzResults
import ConvfuzzRunner
import ConvfuzzSpec

/// Builds a run configuration shared by `replay` and `corpus prune`.
enum RunSetup {
    static func configuration(spec: Spec, profile: TargetProfile, targetOptions: TargetOptions)
        throws -> (RunConfiguration, ReferenceServer?, String?) {
        let keys = try targetOptions.keys(defaultEnv: spec.auth.env, seed: 1)
        let (url, server) = try targetOptions.resolve(basePath: spec.endpoint.path, keys: keys)
        var configuration = RunConfiguration(spec: spec, profile: profile, target: url, apiKey: keys.first, apiKeyEnv: keys.firstEnv)
        configuration.secondKey = keys.second
        configuration.secondKeyEnv = keys.secondEnv
        configuration.window = targetOptions.target == nil ? .off : .now
        configuration.corpusDirectory = nil
        configuration.replayCorpus = false
        configuration.origin = targetOptions.origin(specFingerprint: spec.fingerprint, keyEnv: keys.first == nil ? nil : keys.firstEnv)
        configuration.extraSecrets = SecretValues.collect(spec: spec, profile: profile, marked: targetOptions.secretParams)
        return (configuration, server, keys.first)
    }

    /// Reads every corpus file before the first request; a broken one exits 2 naming the file.
    static func entries(_ files: [String]) throws -> [(path: String, entry: CorpusEntry)] {
        try files.map { file in
            do {
                return (file, try CorpusStore.load(path: file))
            } catch let abort as RunAbort {
                throw CommandExit.usage(abort.description)
            } catch {
                throw CommandExit.usage("\(file): not a convfuzz corpus entry")
            }
        }
    }

    /// Replays each group of a plan against its target (an entry's origin, or the target the options
    /// name); outcomes come back in the order of `files`.
    /// With `trace`, every answer is printed as it arrives (``RequestTrace``), one request at a time
    /// and one file at a time.
    static func replay(_ plan: CorpusTargeting, files: [String], specOptions: SpecOptions,
                       targetOptions: TargetOptions, trace: Bool = false) throws -> [CorpusReplayOutcome] {
        var outcomes: [String: CorpusReplayOutcome] = [:]
        for group in plan.groups {
            let options = group.origin.map { targetOptions.aimed(at: $0) } ?? targetOptions
            if let origin = group.origin {
                let count = group.files.count
                Terminal.diagnostic("convfuzz: replaying \(count) \(count == 1 ? "entry" : "entries") against \(origin.description), "
                                    + "where \(count == 1 ? "it was" : "they were") found\n")
            }
            for batch in trace ? group.files.map({ [$0] }) : [group.files] {
                if trace { print("trace of \(batch[0]):") }
                for outcome in try replay(batch, specOptions: specOptions, targetOptions: options, trace: trace) {
                    outcomes[outcome.file] = outcome
                }
            }
        }
        return files.compactMap { outcomes[$0] }
    }

    /// Replays corpus files against the target the options name (the embedded server by default).
    static func replay(_ files: [String], specOptions: SpecOptions, targetOptions: TargetOptions,
                       trace: Bool = false) throws -> [CorpusReplayOutcome] {
        let spec = try specOptions.loadSpec()
        let profile = try specOptions.loadProfile(embeddedFallback: targetOptions.target == nil, spec: spec)
        var (configuration, server, key) = try configuration(spec: spec, profile: profile, targetOptions: targetOptions)
        defer { server?.stop() }
        if trace {
            let redactor = Redactor(secrets: configuration.secrets + [key])
            configuration.concurrency = 1
            configuration.transport.maxConcurrency = 1
            configuration.trace = RequestTrace(spec: spec) { line in print(redactor.redact(line)) }
        }
        do {
            return try Runner(configuration: configuration).replayFiles(files)
        } catch {
            throw CommandExit(code: error.exitCode, message: Redactor(secrets: configuration.secrets + [key]).redact(error.description))
        }
    }

    /// Reads every entry of a corpus folder before the first request; a broken one exits 2 naming the file.
    static func checkCorpus(_ directory: String) throws {
        for file in CorpusStore(directory: directory).files() {
            do {
                _ = try CorpusStore.load(path: file)
            } catch let abort as RunAbort {
                throw CommandExit.usage(abort.description)
            } catch {
                throw CommandExit.usage("\(file): not a convfuzz corpus entry")
            }
        }
    }

    /// The `.json` files named, with folders expanded.
    static func corpusFiles(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            if FileManagerProbe.isDirectory(path) {
                files += CorpusStore(directory: path).files()
            } else if FileManagerProbe.exists(path) {
                files.append(path)
            } else {
                throw CommandExit.usage("\(path): no such corpus file or folder")
            }
        }
        return files
    }
}
