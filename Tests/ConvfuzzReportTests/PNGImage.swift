import CZlib

/// A decoded 8-bit RGB or RGBA PNG (non-interlaced, as Chromium writes screenshots), for the browser test.
///
/// Every chunk's CRC-32 is checked and the image data is inflated with zlib (which checks its
/// Adler-32), then unfiltered row by row, so a screenshot that decodes is exactly what Chromium drew.
struct PNGImage {
    let width: Int
    let height: Int
    /// Pixels row by row as `0xRRGGBB` (alpha dropped).
    let pixels: [UInt32]

    /// Why a file is not a PNG this decoder reads.
    struct DecodeError: Error, CustomStringConvertible {
        let description: String
    }

    /// Decodes PNG bytes.
    init(bytes: [UInt8]) throws {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count > 8, Array(bytes[0..<8]) == signature else { throw DecodeError(description: "not a PNG signature") }
        var offset = 8
        var header: [UInt8] = []
        var data: [UInt8] = []
        var ended = false
        while offset + 12 <= bytes.count, !ended {
            let length = Int(Self.uint32(bytes, offset))
            guard offset + 12 + length <= bytes.count else { throw DecodeError(description: "chunk runs past the end") }
            let typeAndData = Array(bytes[(offset + 4)..<(offset + 8 + length)])
            let stored = Self.uint32(bytes, offset + 8 + length)
            let computed = typeAndData.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
            guard stored == computed else { throw DecodeError(description: "bad chunk CRC") }
            let type = String(decoding: typeAndData[0..<4], as: UTF8.self)
            let body = Array(typeAndData[4...])
            switch type {
            case "IHDR": header = body
            case "IDAT": data += body
            case "IEND": ended = true
            default: break
            }
            offset += 12 + length
        }
        guard ended, header.count == 13 else { throw DecodeError(description: "missing IHDR or IEND") }
        width = Int(Self.uint32(header, 0))
        height = Int(Self.uint32(header, 4))
        let (depth, colour, interlace) = (header[8], header[9], header[12])
        guard depth == 8, colour == 2 || colour == 6, interlace == 0, width > 0, height > 0 else {
            throw DecodeError(description: "unsupported PNG: depth \(depth), colour type \(colour), interlace \(interlace)")
        }
        let channels = colour == 6 ? 4 : 3
        let stride = width * channels
        let expected = height * (stride + 1)
        var raw = [UInt8](repeating: 0, count: expected)
        var size = uLongf(expected)
        let status = raw.withUnsafeMutableBufferPointer { output in
            data.withUnsafeBufferPointer { input in
                uncompress(output.baseAddress, &size, input.baseAddress, uLong(input.count))
            }
        }
        guard status == Z_OK, Int(size) == expected else { throw DecodeError(description: "inflate failed (\(status))") }
        pixels = try Self.unfilter(raw, width: width, height: height, channels: channels)
    }

    /// Undoes the per-row filters (None, Sub, Up, Average, Paeth).
    private static func unfilter(_ raw: [UInt8], width: Int, height: Int, channels: Int) throws -> [UInt32] {
        let stride = width * channels
        var previous = [UInt8](repeating: 0, count: stride)
        var current = [UInt8](repeating: 0, count: stride)
        var pixels: [UInt32] = []
        pixels.reserveCapacity(width * height)
        for row in 0..<height {
            let start = row * (stride + 1)
            let filter = raw[start]
            for index in 0..<stride {
                let value = raw[start + 1 + index]
                let left = index >= channels ? Int(current[index - channels]) : 0
                let up = Int(previous[index])
                let upLeft = index >= channels ? Int(previous[index - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                case 4: predictor = paeth(left, up, upLeft)
                default: throw DecodeError(description: "bad filter \(filter) on row \(row)")
                }
                current[index] = value &+ UInt8(truncatingIfNeeded: predictor)
            }
            for x in 0..<width {
                let base = x * channels
                pixels.append(UInt32(current[base]) << 16 | UInt32(current[base + 1]) << 8 | UInt32(current[base + 2]))
            }
            swap(&previous, &current)
        }
        return pixels
    }

    private static func paeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let p = a + b - c
        let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    /// How many pixels have each colour.
    var histogram: [UInt32: Int] {
        pixels.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }
}
