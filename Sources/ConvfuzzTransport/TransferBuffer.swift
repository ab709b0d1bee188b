/// Body bytes held by the transfers of one batch, shared by their buffers (one thread: the batch's).
final class BatchByteBudget {
    /// The most body bytes the batch may hold.
    let limit: Int
    /// Body bytes held so far.
    private(set) var held = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// Takes `count` more bytes; false when the batch would go over its limit.
    func take(_ count: Int) -> Bool {
        guard held + count <= limit else { return false }
        held += count
        return true
    }

    /// Gives back `count` bytes (a streamed result was handed over).
    func release(_ count: Int) {
        held = max(0, held - count)
    }
}

/// Per-transfer state the C write and header callbacks fill in.
///
/// Reached from C only through `CURLOPT_WRITEDATA` / `CURLOPT_HEADERDATA` as an
/// unretained `Unmanaged` pointer; the owning ``EasyHandle`` keeps it alive for
/// the duration of the transfer. Used by one thread at a time.
final class TransferBuffer {
    /// Largest body accepted before the write callback aborts the transfer.
    let limit: Int
    /// The body bytes received so far.
    private(set) var body: [UInt8] = []
    /// Headers of the latest response head (1xx heads are discarded).
    private(set) var headers: [HTTPResponseHeader] = []
    /// Set when the write callback refused data because of ``limit``.
    private(set) var exceededLimit = false
    /// Set when the write callback refused data because of the batch's budget.
    private(set) var exceededBatch = false
    /// Head bytes received (for what a stalled transfer had delivered).
    private(set) var headBytes = 0
    /// The batch's shared budget, if any.
    let batch: BatchByteBudget?

    init(limit: Int, batch: BatchByteBudget? = nil) {
        self.limit = limit
        self.batch = batch
    }

    /// Appends body bytes; returns the count consumed, or 0 to make curl abort.
    func appendBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        if body.count + bytes.count > limit {
            exceededLimit = true
            return 0
        }
        if let batch, !batch.take(bytes.count) {
            exceededBatch = true
            return 0
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    /// Records one raw header line (status line, `Name: value`, or the blank end line).
    func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        headBytes += bytes.count
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0D || bytes[end - 1] == 0x0A { end -= 1 }
        let line = String(decoding: bytes[..<end], as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            headers.removeAll()
            return
        }
        if line.isEmpty { return }
        if let first = line.first, first == " " || first == "\t", !headers.isEmpty {
            headers[headers.count - 1].value += " " + Self.trimmed(Substring(line))
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = String(line[..<colon])
        let value = Self.trimmed(line[line.index(after: colon)...])
        headers.append(HTTPResponseHeader(name: name, value: value))
    }

    private static func trimmed(_ text: Substring) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = text.firstIndex(where: { !isBlank($0) }),
              let end = text.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(text[start...end])
    }
}
