/// The proportions of case classes.
///
/// Three in four cases (`index % 4 != 3`) draw their class with these weights (percent):
///
/// | class | weight |
/// | --- | --- |
/// | valid | 48 |
/// | neighbour (valid semantic neighbours) | 4 |
/// | grammar-edge (valid edges) | 6 |
/// | boundary-at | 4 |
/// | boundary-inside | 2 |
/// | boundary-outside | 5 |
/// | type-violation | 6 |
/// | enum-violation | 4 |
/// | grammar-violation | 7 |
/// | list-shape | 2 |
/// | relation-conflict | 2 |
/// | shape | 3 |
/// | cursor-invalid | 1 |
/// | adversarial (inputs real stacks break on, `AdversarialValues`) | 6 |
///
/// Every fourth case (`index % 4 == 3`) is a *sweep* case: its class, target and detail are
/// forced to the next cell of the `CaseCatalog` (starting at a seed-dependent offset), so
/// `4 × catalog.cells.count` consecutive cases cover every cell. The forced values are ordinary
/// recorded choices, so sweep cases replay and shrink like any other.
///
/// Overall about 44% of cases are `valid`, `neighbour` or `grammar-edge` (0.75 × 58%, plus sweep cells),
/// and more are classified valid (boundaries at or inside a bound, leading zeros …).
/// Classes with no target in the spec are left out and the others keep their weights.
public enum CaseMix {
    /// Classes in draw order (index 0 is the simplest) with their weights.
    public static let weights: [(kind: CaseKind, weight: Int)] = [
        (.valid, 48), (.neighbour, 4), (.grammarEdge, 6), (.boundaryAt, 4), (.boundaryInside, 2), (.boundaryOutside, 5),
        (.typeViolation, 6), (.enumViolation, 4), (.grammarViolation, 7), (.listShape, 2),
        (.relationConflict, 2), (.shape, 3), (.cursorInvalid, 1), (.adversarial, 6),
    ]

    /// Every `sweepPeriod`-th case is a sweep case.
    public static let sweepPeriod = 4

    /// The probability of adding another background parameter (a geometric count), by class.
    static func continueProbability(_ kind: CaseKind) -> Double {
        kind == .valid ? 0.75 : 0.5
    }
}
