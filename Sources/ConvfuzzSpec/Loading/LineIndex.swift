/// Lines of the top-level sections of a spec, for linter messages about sections.
struct LineIndex: Sendable {
    private let lines: [String: Int]

    init(root: MappingReader) {
        var lines: [String: Int] = [:]
        for key in root.keys { lines[key] = root.lineOf(key) }
        self.lines = lines
    }

    init() { lines = [:] }

    /// The line of a top-level section, or 1.
    func section(_ name: String) -> Int { lines[name] ?? 1 }
}
