/// Bookkeeping for one ``HTTPBatchClient`` batch: which request each pool
/// slot runs, which slots are free, and the results in request order.
struct BatchRun {
    let requests: [HTTPRequest]
    private(set) var results: [Result<HTTPResponse, TransportError>?]
    private var nextIndex = 0
    private var freeSlots: [Int]
    private var running: [Int: Int] = [:]

    init(requests: [HTTPRequest], poolSize: Int) {
        self.requests = requests
        results = Array(repeating: nil, count: requests.count)
        freeSlots = Array((0..<poolSize).reversed())
    }

    /// Transfers currently in flight.
    var active: Int { running.count }
    /// Slots currently in flight.
    var activeSlots: [Int] { Array(running.keys) }
    /// True once every request has a result.
    var isDone: Bool { nextIndex >= requests.count && running.isEmpty }

    /// Takes a free slot for the next request, if both exist.
    mutating func nextAssignment() -> (slot: Int, index: Int)? {
        guard nextIndex < requests.count, let slot = freeSlots.popLast() else { return nil }
        running[slot] = nextIndex
        nextIndex += 1
        return (slot, nextIndex - 1)
    }

    /// Records the result of the request running in `slot` and frees the slot.
    mutating func complete(slot: Int, with result: Result<HTTPResponse, TransportError>) {
        guard let index = running.removeValue(forKey: slot) else { return }
        results[index] = result
        freeSlots.append(slot)
    }
}
