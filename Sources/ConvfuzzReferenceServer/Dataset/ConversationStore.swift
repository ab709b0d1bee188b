/// The live, sorted conversation storage of a running application.
///
/// Readers hold a shared lock while they compute a page; growth (`insertNewest`)
/// takes the exclusive lock. `@unchecked Sendable`: `items` and `generator` are
/// only touched under `lock`.
final class ConversationStore: @unchecked Sendable {
    private let lock = ReadWriteLock()
    private var items: [Conversation]
    private var generator: ConversationGenerator

    init(dataset: ReferenceDataset) {
        items = dataset.conversations
        generator = dataset.generator
    }

    /// Runs `body` with the sorted conversations under the shared lock.
    func read<T>(_ body: ([Conversation]) throws -> T) rethrows -> T {
        try lock.withReadLock { try body(items) }
    }

    /// The number of conversations.
    var count: Int { lock.withReadLock { items.count } }

    /// Inserts one conversation that starts later than every existing one.
    func insertNewest() {
        lock.withWriteLock {
            let latest = items.last?.start ?? ConversationGenerator.windowEnd
            let start = latest + 1 + Int64(generator.random.below(60))
            items.append(generator.make(index: items.count, start: start))
        }
    }
}
