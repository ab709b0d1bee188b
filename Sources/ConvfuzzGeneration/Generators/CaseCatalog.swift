import ConvfuzzContract
import ConvfuzzSpec

/// Every class of case the spec allows, its targets and their details, all derived from the spec.
///
/// - semantic neighbours: what the spec declares (`SemanticNeighbours`);
/// - boundaries: every integer scalar (bounded or not);
/// - type violations: every integer scalar;
/// - enum violations: enum scalars and lists of enum items;
/// - grammar violations and edges: lists whose items follow a grammar (details from the grammar);
/// - list shapes: every list (`over-max` when `maxItems` is declared);
/// - relation conflicts: every relation between two integer scalars;
/// - shape: repeated scalars, long and unusual values, and undeclared names;
/// - invalid cursors: the parameter with the cursor role;
/// - adversarial inputs: per declared type (`AdversarialValues`).
public struct CaseCatalog: Sendable {
    /// Active classes in draw order.
    public let kinds: [CaseKind]
    /// Their weights.
    public let weights: [Int]
    /// Targets per active class, in spec order.
    public let targets: [[CatalogTarget]]

    /// The catalog of a spec.
    public init(spec: Spec) {
        let builders = spec.grammars.mapValues {
            GrammarItemBuilder(grammar: $0, pools: ValuePools(), checker: ValueChecker(spec: spec))
        }
        var kinds: [CaseKind] = []
        var weights: [Int] = []
        var targets: [[CatalogTarget]] = []
        for (kind, weight) in CaseMix.weights {
            let found = Self.targets(for: kind, spec: spec, builders: builders).filter { !$0.details.isEmpty }
            guard !found.isEmpty else { continue }
            kinds.append(kind)
            weights.append(weight)
            targets.append(found)
        }
        self.kinds = kinds
        self.weights = weights
        self.targets = targets
    }

    /// Every (class, target, detail) cell except plain valid cases, in draw order.
    public var cells: [CatalogCell] {
        var cells: [CatalogCell] = []
        for (kindIndex, kind) in kinds.enumerated() where kind != .valid {
            for (targetIndex, target) in targets[kindIndex].enumerated() {
                for (detailIndex, detail) in target.details.enumerated() {
                    cells.append(CatalogCell(kind: kind, parameter: target.parameter, detail: detail,
                                             prefix: [UInt64(kindIndex), UInt64(targetIndex), UInt64(detailIndex)]))
                }
            }
        }
        return cells
    }

    static func targets(for kind: CaseKind, spec: Spec, builders: [String: GrammarItemBuilder]) -> [CatalogTarget] {
        let integers = spec.parameters.filter { !$0.isList && $0.type == .integer && $0.role != .cursor }
        let lists = spec.parameters.filter(\.isList)
        let grammarLists = lists.compactMap { parameter in parameter.grammarName.flatMap { builders[$0] }.map { (parameter, $0) } }
        switch kind {
        case .valid:
            return [CatalogTarget(parameter: nil, details: [""])]
        case .neighbour:
            return spec.parameters.map { CatalogTarget(parameter: $0.name, details: SemanticNeighbours.details($0, spec: spec)) }
        case .boundaryAt:
            return integers.map { CatalogTarget(parameter: $0.name, details: BoundaryValues.atDetails($0)) }
        case .boundaryInside:
            return integers.map { CatalogTarget(parameter: $0.name, details: BoundaryValues.insideDetails($0)) }
        case .boundaryOutside:
            return integers.map { CatalogTarget(parameter: $0.name, details: BoundaryValues.outsideDetails($0)) }
        case .typeViolation:
            return integers.map { CatalogTarget(parameter: $0.name, details: TypeViolations.details) }
        case .enumViolation:
            return spec.parameters.filter { $0.valueType == .enum && !$0.valueEnum.isEmpty }
                .map { CatalogTarget(parameter: $0.name, details: EnumViolations.details) }
        case .grammarViolation:
            return grammarLists.map { CatalogTarget(parameter: $0.0.name, details: $0.1.violationDetails) }
        case .grammarEdge:
            return grammarLists.map { CatalogTarget(parameter: $0.0.name, details: $0.1.edgeDetails) }
        case .listShape:
            return lists.map { list in
                CatalogTarget(parameter: list.name, details: ["none", "one", "many", "duplicates", "empty-item"]
                              + (list.maxItems == nil ? [] : ["over-max"]))
            }
        case .relationConflict:
            return spec.relations.compactMap { relation in
                guard let lower = spec.parameter(named: relation.lower), let upper = spec.parameter(named: relation.upper),
                      lower.type == .integer, upper.type == .integer, !lower.isList, !upper.isList else { return nil }
                return CatalogTarget(parameter: lower.name, partner: upper.name, details: ["lower-above-upper", "equal-bounds"])
            }
        case .shape:
            return spec.parameters.map { parameter in
                CatalogTarget(parameter: parameter.name,
                              details: parameter.isList ? ["long-value", "unicode"] : ["repeated", "long-value", "unicode"])
            } + [CatalogTarget(parameter: nil, details: ["unknown-parameter"])]
        case .adversarial:
            return spec.parameters.map { CatalogTarget(parameter: $0.name, details: AdversarialValues.details($0, spec: spec)) }
        case .cursorInvalid:
            return spec.parameters.filter { $0.role == .cursor }.map {
                CatalogTarget(parameter: $0.name, details: ["garbage", "empty", "bare-name"] + CursorMutator.details)
            }
        }
    }
}
