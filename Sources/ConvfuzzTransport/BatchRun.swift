/// Bookkeeping for one ``HTTPBatchClient`` stream: which tagged request each pool slot runs and
/// which slots are free.
struct BatchRun {
    private var freeSlots: [Int]
    private var running: [Int: Int] = [:]

    init(poolSize: Int) {
        freeSlots = Array((0..<poolSize).reversed())
    }

    /// Transfers currently in flight.
    var active: Int { running.count }
    /// Slots currently in flight.
    var activeSlots: [Int] { Array(running.keys) }
    /// True when a slot is free.
    var hasFreeSlot: Bool { !freeSlots.isEmpty }

    /// Takes a free slot for the request tagged `tag` (call only when ``hasFreeSlot``).
    mutating func assign(tag: Int) -> Int {
        let slot = freeSlots.removeLast()
        running[slot] = tag
        return slot
    }

    /// Frees `slot`; returns the tag of the request it ran.
    mutating func complete(slot: Int) -> Int? {
        guard let tag = running.removeValue(forKey: slot) else { return nil }
        freeSlots.append(slot)
        return tag
    }
}
