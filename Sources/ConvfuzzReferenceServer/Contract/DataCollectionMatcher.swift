/// A compiled `data_collection_params` condition: one verdict per possible value code.
struct DataCollectionMatcher: Sendable {
    /// Index into `ReferenceVocabulary.dataCollectionIDs`.
    let id: Int
    /// `verdicts[code]`: 0 = not collected, else 1 + pool index.
    let verdicts: [Bool]

    /// A compiled condition: a matcher, or a constant verdict for an unknown id.
    enum Compiled {
        case matcher(DataCollectionMatcher)
        case constant(Bool)
    }

    /// Compiles `condition`; an unknown id is never collected, so its verdict is constant.
    static func compile(_ condition: DataCollectionCondition, fault: ReferenceFault?) -> Compiled {
        guard let id = ReferenceVocabulary.dataCollectionIDs.firstIndex(of: condition.id) else {
            return .constant(verdict(condition, value: nil, fault: fault))
        }
        let pool = DataCollectionPools.pools[id]
        let verdicts = [verdict(condition, value: nil, fault: fault)]
            + pool.map { verdict(condition, value: $0, fault: fault) }
        return .matcher(DataCollectionMatcher(id: id, verdicts: verdicts))
    }

    /// Whether a value (nil = not collected) satisfies the condition.
    static func verdict(_ condition: DataCollectionCondition, value: DataCollectionValue?, fault: ReferenceFault?) -> Bool {
        switch condition.op {
        case .exists: return value != nil
        case .missing:
            guard value != nil else { return true }
            return fault == .dcMissingOverlaps
        case .eq:
            if condition.value.isEmpty { return value == nil }
            return value?.text == condition.value
        case .neq:
            if condition.value.isEmpty { return value != nil }
            guard let value else { return fault == .dcNeqMatchesUncollected }
            return value.text != condition.value
        case .in:
            guard let value else { return false }
            let candidates = fault == .dcInFirstOnly ? Array(condition.values.prefix(1)) : condition.values
            return candidates.contains(value.text)
        case .gt, .gte, .lt, .lte:
            if fault == .dcCompareAsDouble {
                // The fault: both sides rounded to binary doubles before comparing.
                guard let number = value?.number, let bound = Double(condition.value) else { return false }
                return compare(number, bound, condition.op, fault: fault)
            }
            guard let value, value.number != nil, let number = ExactDecimal(value.text),
                  let bound = ExactDecimal(condition.value) else { return false }
            return compare(number, bound, condition.op, fault: fault)
        }
    }

    private static func compare<T: Comparable>(_ number: T, _ bound: T, _ op: DataCollectionCondition.Operator,
                                               fault: ReferenceFault?) -> Bool {
        switch op {
        case .gt: return fault == .dcGtAsGte ? number >= bound : number > bound
        case .gte: return number >= bound
        case .lt: return number < bound
        default: return number <= bound
        }
    }

    @inline(__always)
    func matches(_ conversation: Conversation) -> Bool {
        verdicts[conversation.dataCollectionCode(id)]
    }
}
