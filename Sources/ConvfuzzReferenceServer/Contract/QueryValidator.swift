/// Validates the grouped query values into a `ListQuery` or a list of issues (422).
struct QueryValidator {
    let naming: ParameterNaming
    let codec: CursorCodec
    let fault: ReferenceFault?

    private var issues: [ValidationIssue] = []

    /// The result of validation.
    enum Outcome {
        case valid(ListQuery)
        case invalid([ValidationIssue])
    }

    init(naming: ParameterNaming, codec: CursorCodec, fault: ReferenceFault?) {
        self.naming = naming
        self.codec = codec
        self.fault = fault
    }

    /// Validates `values`; every problem becomes one issue.
    mutating func validate(_ values: QueryValues) -> Outcome {
        issues = []
        var query = ListQuery()
        query.filterHash = Self.filterHash(values)
        query.agentID = values.last(.agentID)
        query.callSuccessful = enumeration(values, .callSuccessful, ReferenceVocabulary.evaluationResults)
        query.startBefore = integer(values, .callStartBeforeUnix)
        query.startAfter = integer(values, .callStartAfterUnix)
        let durationFloor: Int64? = fault == .negativeDurationAccepted ? nil : 0
        query.durationMin = integer(values, .callDurationMinSecs, minimum: durationFloor)
        query.durationMax = integer(values, .callDurationMaxSecs, minimum: durationFloor)
        query.ratingMax = integer(values, .ratingMax, minimum: 1, maximum: 5)
        query.ratingMin = integer(values, .ratingMin, minimum: 1, maximum: 5)
        query.userID = values.last(.userID)
        for (index, item) in values.all(.evaluationParams).enumerated() {
            if let condition = EvaluationCondition.parse(item) {
                query.evaluation.append(condition)
            } else {
                issue(.evaluationParams, index: index, input: item, type: "value_error",
                      message: "Value error, expected criteria_id:result with result one of success|failure|unknown")
            }
        }
        for (index, item) in values.all(.dataCollectionParams).enumerated() {
            if let condition = DataCollectionCondition.parse(item) {
                query.dataCollection.append(condition)
            } else {
                issue(.dataCollectionParams, index: index, input: item, type: "value_error",
                      message: "Value error, expected id:op:value with op one of eq|neq|gt|gte|lt|lte|in|exists|missing")
            }
        }
        query.mainLanguages = values.has(.mainLanguages) ? values.all(.mainLanguages) : nil
        let pageSizeMaximum: Int64 = fault == .acceptPageSize101 ? 101 : 100
        query.pageSize = Int(integer(values, .pageSize, minimum: 1, maximum: pageSizeMaximum)
            ?? (fault == .defaultPageSize50 ? 50 : 30))
        query.includeSummary = enumeration(values, .summaryMode, ["exclude", "include"]) == 1
        query.search = values.last(.search)
        query.initiationSource = enumeration(values, .conversationInitiationSource, ReferenceVocabulary.initiationSources)
        query.branchID = values.last(.branchID)
        query.topicIDs = values.has(.topicIDs) ? commaSplit(values.all(.topicIDs)) : nil
        for (index, item) in values.all(.excludeStatuses).enumerated() {
            if let status = ReferenceVocabulary.statuses.firstIndex(of: item) {
                query.excludeStatuses.append(status)
            } else {
                issue(.excludeStatuses, index: index, input: item, type: "enum",
                      message: Self.enumMessage(ReferenceVocabulary.statuses))
            }
        }
        query.tagIDs = values.has(.tagIDs) ? commaSplit(values.all(.tagIDs)) : nil
        query.dataCollectionIDs = values.has(.dataCollectionIDs) ? values.all(.dataCollectionIDs) : nil
        query.evaluationCriteriaIDs = values.has(.evaluationCriteriaIDs) ? values.all(.evaluationCriteriaIDs) : nil
        query.ascending = enumeration(values, .sortDirection, ["asc", "desc"]) == 0
        // The fault: the cursor is looked at only once everything else passed.
        if fault != .cursorCheckedLast || issues.isEmpty {
            query.cursor = cursor(values, filterHash: query.filterHash)
        }
        if fault == .relationConflict422, let low = query.ratingMin, let high = query.ratingMax, low > high {
            issue(.ratingMin, index: nil, input: String(low), type: "value_error",
                  message: "Value error, rating_min must not exceed rating_max")
        }
        return issues.isEmpty ? .valid(query) : .invalid(issues)
    }

    private mutating func cursor(_ values: QueryValues, filterHash: UInt64) -> CursorToken? {
        guard var text = values.last(.cursor) else { return nil }
        if fault == .cursorLenientBase64 {
            // The fault: a lenient base64 decoder (padding dropped, the standard alphabet read as the URL one).
            while text.hasSuffix("=") { text.removeLast() }
            text = String(text.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
        }
        guard let token = codec.decode(text) else {
            if fault != .garbageCursorAccepted {
                issue(.cursor, index: nil, input: text, type: "value_error", message: "Value error, invalid cursor")
            }
            return nil
        }
        if fault == .cursorReuseRejected, token.filterHash != filterHash {
            issue(.cursor, index: nil, input: text, type: "value_error",
                  message: "Value error, cursor was issued for other filters")
        }
        return token
    }

    private mutating func integer(
        _ values: QueryValues, _ parameter: ReferenceParameter, minimum: Int64? = nil, maximum: Int64? = nil
    ) -> Int64? {
        guard let text = values.last(parameter) else { return nil }
        let read = fault == .lenientIntegers ? IntegerGrammar.lenient(text) : text
        guard let value = IntegerGrammar.parse(read, rejectLeadingZero: fault == .leadingZeroRejected) else {
            issue(parameter, index: nil, input: text, type: "int_parsing",
                  message: "Input should be a valid integer, unable to parse string as an integer")
            return nil
        }
        if let minimum, value < minimum {
            issue(parameter, index: nil, input: text, type: "greater_than_equal",
                  message: "Input should be greater than or equal to \(minimum)")
            return nil
        }
        if let maximum, value > maximum {
            issue(parameter, index: nil, input: text, type: "less_than_equal",
                  message: "Input should be less than or equal to \(maximum)")
            return nil
        }
        return value
    }

    /// The list items, split at commas under the `list-comma-split` fault.
    private func commaSplit(_ items: [String]) -> [String] {
        fault == .listCommaSplit ? items.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } : items
    }

    private mutating func enumeration(_ values: QueryValues, _ parameter: ReferenceParameter, _ cases: [String]) -> Int? {
        guard let text = values.last(parameter) else { return nil }
        guard let index = cases.firstIndex(of: text) else {
            issue(parameter, index: nil, input: text, type: "enum", message: Self.enumMessage(cases))
            return nil
        }
        return index
    }

    private mutating func issue(
        _ parameter: ReferenceParameter, index: Int?, input: String, type: String, message: String
    ) {
        issues.append(ValidationIssue(
            parameter: naming.wireName(parameter), index: index, message: message, type: type, input: input))
    }

    /// Pydantic's wording: "Input should be 'a', 'b' or 'c'".
    static func enumMessage(_ cases: [String]) -> String {
        let quoted = cases.map { "'\($0)'" }
        return "Input should be " + quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }

    /// FNV-1a over every parameter's values except `cursor` and `page_size`.
    static func filterHash(_ values: QueryValues) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for parameter in ReferenceParameter.allCases where parameter != .cursor && parameter != .pageSize {
            let items = parameter.isList ? values.all(parameter) : values.last(parameter).map { [$0] } ?? []
            for item in items {
                hash = (hash ^ UInt64(parameter.ordinal + 1)) &* 0x100_0000_01B3
                for byte in item.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
                hash = (hash ^ 0xFF) &* 0x100_0000_01B3
            }
        }
        return hash
    }
}
