/// Counts the elements of one top-level array of a JSON object without building them, stopping
/// past a bound: a page of 100,000 items is judged over the page size without parsing 100,000 items.
///
/// A byte scanner that only tracks strings and bracket depth; it returns nil (let the full parser
/// decide) whenever the body is not an object with that key holding an array.
public enum ItemCounter {
    /// The number of elements of `body[field]`, at most `bound + 1` (counting stops there), or nil.
    public static func count(_ body: [UInt8], field: String, stopAfter bound: Int) -> Int? {
        body.withUnsafeBufferPointer { bytes -> Int? in
            var scanner = Scanner(bytes: bytes)
            return scanner.countItems(field: Array(field.utf8), bound: bound)
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func countItems(field: [UInt8], bound: Int) -> Int? {
            skipSpace()
            guard take(0x7B) else { return nil }  // {
            while true {
                skipSpace()
                guard peek == 0x22, let key = string() else { return nil }
                skipSpace()
                guard take(0x3A) else { return nil }  // :
                skipSpace()
                if key.elementsEqual(field) { return elements(bound: bound) }
                guard skipValue() else { return nil }
                skipSpace()
                if take(0x2C) { continue }  // ,
                return nil
            }
        }

        private mutating func elements(bound: Int) -> Int? {
            guard take(0x5B) else { return nil }  // [
            skipSpace()
            if take(0x5D) { return 0 }
            var count = 0
            while true {
                guard skipValue() else { return nil }
                count += 1
                if count > bound { return count }
                skipSpace()
                if take(0x2C) { skipSpace(); continue }
                return take(0x5D) ? count : nil
            }
        }

        private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        private mutating func skipSpace() {
            while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        /// Reads a string's raw bytes (escapes left as they are); the index ends after the closing quote.
        private mutating func string() -> ArraySlice<UInt8>? {
            guard take(0x22) else { return nil }
            let start = index
            while let byte = peek {
                if byte == 0x5C { index += 2; continue }
                if byte == 0x22 {
                    let end = index
                    index += 1
                    return ArraySlice(bytes[start..<end])
                }
                index += 1
            }
            return nil
        }

        private mutating func skipValue() -> Bool {
            guard let byte = peek else { return false }
            switch byte {
            case 0x22:
                return string() != nil
            case 0x7B, 0x5B:
                var depth = 0
                while let current = peek {
                    switch current {
                    case 0x22:
                        guard string() != nil else { return false }
                        continue
                    case 0x7B, 0x5B: depth += 1
                    case 0x7D, 0x5D:
                        depth -= 1
                        if depth == 0 { index += 1; return true }
                    default: break
                    }
                    index += 1
                }
                return false
            default:
                let start = index
                while let current = peek, current != 0x2C, current != 0x5D, current != 0x7D,
                      current != 0x20, current != 0x0A, current != 0x0D, current != 0x09 { index += 1 }
                return index > start
            }
        }
    }
}
