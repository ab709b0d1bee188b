import ConvfuzzOracle

extension Finding {
    /// The finding with another finding's evidence and text, keeping a given signature.
    init(copying other: Finding, signature: String) {
        self = other
        self.signature = signature
    }
}
