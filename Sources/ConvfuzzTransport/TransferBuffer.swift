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

    init(limit: Int) {
        self.limit = limit
    }

    /// Appends body bytes; returns the count consumed, or 0 to make curl abort.
    func appendBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        if body.count + bytes.count > limit {
            exceededLimit = true
            return 0
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    /// Records one raw header line (status line, `Name: value`, or the blank end line).
    func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) {
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
