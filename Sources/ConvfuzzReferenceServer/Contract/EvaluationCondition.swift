/// One valid `evaluation_params` item: `criteria_id:result`.
struct EvaluationCondition: Sendable, Equatable {
    /// The criterion id.
    let criterion: String
    /// Index into `ReferenceVocabulary.evaluationResults`.
    let result: Int

    /// Parses an item (split at the first colon), or returns nil when it is malformed.
    static func parse(_ text: String) -> EvaluationCondition? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let criterion = String(text[..<colon])
        let resultText = String(text[text.index(after: colon)...])
        guard !criterion.isEmpty, let result = ReferenceVocabulary.evaluationResults.firstIndex(of: resultText) else {
            return nil
        }
        return EvaluationCondition(criterion: criterion, result: result)
    }
}
