/// One item of a 422 body: `{"loc":[...],"msg":...,"type":...,"input":...}`.
struct ValidationIssue: Sendable, Equatable {
    /// The wire name of the offending parameter.
    var parameter: String
    /// The list index, for an item of a list parameter.
    var index: Int?
    /// Human-readable message.
    var message: String
    /// Machine-readable kind (pydantic style).
    var type: String
    /// The offending input.
    var input: String
}
