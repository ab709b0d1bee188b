/// The value pools of the data-collection ids, indexed like `ReferenceVocabulary.dataCollectionIDs`.
enum DataCollectionPools {
    /// `pools[id][code - 1]` is the value a conversation with code `code` collected.
    static let pools: [[DataCollectionValue]] = [
        ["gold", "silver", "bronze"].map { DataCollectionValue(string: $0) },
        [
            "0", "5", "10", "12.5", "19.99", "20", "25", "40", "42.1", "50", "7.25", "75",
            "99.95", "100", "150", "150.5", "199.99", "250", "0.5", "1000", "3.75", "12",
        ].map { DataCollectionValue(number: $0) },
        [DataCollectionValue(bool: true), DataCollectionValue(bool: false)],
        [
            "call back after 17:30", "ticket:4411|priority:high", "prefers email", "urgent: refund|chargeback",
            "n/a", "weekday mornings only", "ask for Sam | ext 12", "language:de",
        ].map { DataCollectionValue(string: $0) },
        (0...12).map { DataCollectionValue(number: String($0)) },
    ]
}
