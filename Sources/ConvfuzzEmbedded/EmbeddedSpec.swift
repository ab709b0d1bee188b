/// The default endpoint spec, compiled into the binary so `convfuzz` runs from any folder.
///
/// `text` is generated from `specs/list-conversations.yaml` by `scripts/embed-spec.sh` (`make embed`);
/// a test checks that it equals the file. `--spec FILE` overrides it; `convfuzz spec show` prints it.
public enum EmbeddedSpec {
    /// The path the text was generated from, relative to the repository; also the name errors use.
    public static let sourcePath = "specs/list-conversations.yaml"

    /// The name diagnostics give the embedded text (`file:line: message`).
    public static let displayName = "(embedded) specs/list-conversations.yaml"
}
