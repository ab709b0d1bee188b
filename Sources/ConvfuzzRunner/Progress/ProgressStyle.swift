/// How progress is shown on stderr.
public enum ProgressStyle: Sendable, Equatable {
    /// A live line redrawn in place (escape codes), with dimmed notes when `color` is on.
    case live(color: Bool)
    /// Plain lines, one every `interval` seconds, no escape codes (no terminal, `TERM=dumb`, `NO_COLOR`).
    case plain(interval: Double)

    /// The style for an environment: live only on a terminal whose `TERM` is not `dumb` and without `NO_COLOR`.
    public static func choose(isTTY: Bool, environment: [String: String], plainInterval: Double = 10) -> ProgressStyle {
        let dumb = environment["TERM"].map { $0.isEmpty || $0 == "dumb" } ?? true
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return isTTY && !dumb && !noColor ? .live(color: true) : .plain(interval: plainInterval)
    }
}
