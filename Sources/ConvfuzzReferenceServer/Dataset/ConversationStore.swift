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

    /// Inserts `count` conversations that start at `second` (or at the newest start, if that is later),
    /// each at its place in the order: several may share the second, ties ordered by id.
    func insert(count: Int, at second: Int64) {
        guard count > 0 else { return }
        lock.withWriteLock {
            for _ in 0..<count {
                let start = max(second, items.last?.start ?? second)
                let conversation = generator.make(index: items.count, start: start)
                let index = SortedSearch.firstIndex(key: ConversationKey(conversation), strictly: false, in: items)
                items.insert(conversation, at: index)
            }
        }
    }
}
