/// The embedded reference server a run was made against, as a command that starts it again on a
/// fixed port, so the run's reproduction lines still work after the run.
///
/// A run without `--target` serves the contract in-process on a random port that is gone when the run
/// ends. Its reports therefore print this command once (`convfuzz serve --port 18080 --seed … --fault …`)
/// and point every curl line at ``baseURL`` instead: start the server, then paste the lines.
///
/// Auth: `serve` requires the key in the same environment variable the curl lines send (the run's
/// `--api-key-env`, else the spec's); with the variable unset it answers without checking keys, so the
/// lines work either way.
public struct ReproductionServer: Sendable, Codable, Hashable {
    /// The fixed port the command binds and the curl lines use.
    public static let port = 18080

    /// `convfuzz serve --port 18080 --seed 1 --fault cursor-skips-item`, every setting of the run's server.
    public var command: String
    /// `http://127.0.0.1:18080`: the scheme and authority every reproduction URL uses.
    public var baseURL: String

    /// The command for the run's embedded server settings. `apiKeyEnv` is named only when it is not the
    /// spec's default (`serve` reads that one unasked); a second key's variable makes `serve` hold the
    /// second workspace too.
    public init(seed: UInt64, size: Int, defaultSize: Int, fault: String?, chaos: String?, chaosRate: Double?,
                insertRate: Double?, apiKeyEnv: String, defaultKeyEnv: String, secondKeyEnv: String?) {
        var parts = ["convfuzz", "serve", "--port", String(Self.port), "--seed", String(seed)]
        if size != defaultSize { parts += ["--size", String(size)] }
        if let fault { parts += ["--fault", fault] }
        if let chaos {
            parts += ["--chaos", chaos]
            if let chaosRate, chaosRate != 1 { parts += ["--chaos-rate", Self.number(chaosRate)] }
        }
        if let insertRate { parts += ["--insert-rate", Self.number(insertRate)] }
        if apiKeyEnv != defaultKeyEnv || secondKeyEnv != nil { parts += ["--api-key-env", apiKeyEnv] }
        if let secondKeyEnv { parts += ["--second-key-env", secondKeyEnv] }
        command = parts.joined(separator: " ")
        baseURL = "http://127.0.0.1:\(Self.port)"
    }

    /// `url` with its scheme and authority replaced by ``baseURL`` (path and query kept byte for byte).
    public func rebased(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let path = rest.firstIndex(where: { $0 == "/" || $0 == "?" }).map { rest[$0...] } ?? ""
        return baseURL + path
    }

    // MARK: Helpers

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
