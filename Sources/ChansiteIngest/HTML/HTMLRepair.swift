import ChansiteCore
import Foundation

/// Makes an HTML page from an untrusted file safe to parse without losing its text: bytes that
/// are not UTF-8 and characters no page may show (raw, or as `&#…;` references) become U+FFFD,
/// as `JSONRepair` does for JSON. One pass over the bytes; a page that needs nothing is not
/// copied.
enum HTMLRepair {
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
    private static let replacementReference = Array("&#xFFFD;".utf8)

    /// The repaired bytes, and the first line repaired (nil when nothing was).
    static func repair(_ data: Data) -> (data: Data, firstLine: Int?) {
        // Read in place: a page is scanned once, and copied only when something is replaced.
        let (repaired, firstLine) = data.withUnsafeBytes { raw in repair(raw.bindMemory(to: UInt8.self)) }
        return (repaired ?? data, firstLine)
    }

    /// The repaired bytes (nil when nothing needed it) and the first line repaired.
    private static func repair(_ bytes: UnsafeBufferPointer<UInt8>) -> (data: Data?, firstLine: Int?) {
        var out: [UInt8] = []
        var copied = 0
        var firstLine: Int?
        var line = 1
        func replace(_ start: Int, _ length: Int, with replacement: [UInt8]) {
            if firstLine == nil {
                firstLine = line
                out.reserveCapacity(bytes.count + 16)
            }
            out.append(contentsOf: bytes[copied..<start])
            out.append(contentsOf: replacement)
            copied = start + length
        }
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            // Most of a page: printable ASCII that is not a reference.
            if byte >= 0x20, byte < 0x7F, byte != 0x26 {
                i += 1
                continue
            }
            if byte >= 0x80 {
                let length = JSONRepair.sequenceLength(bytes, at: i)
                if length == 0 {
                    replace(i, 1, with: replacement)
                    i += 1
                    continue
                }
                let c1 = byte == 0xC2 && bytes[i + 1] <= 0x9F
                let nonCharacter = byte == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE
                if c1 || nonCharacter { replace(i, length, with: replacement) }
                i += length
            } else if byte == 0x0A {
                line += 1
                i += 1
            } else if (byte < 0x20 && byte != 0x09 && byte != 0x0D) || byte == 0x7F {
                replace(i, 1, with: replacement)
                i += 1
            } else if byte == 0x26, i + 2 < bytes.count, bytes[i + 1] == 0x23, let length = forbiddenReference(bytes, at: i) {
                replace(i, length, with: replacementReference)
                i += length
            } else {
                i += 1
            }
        }
        guard firstLine != nil else { return (nil, nil) }
        out.append(contentsOf: bytes[copied...])
        return (Data(out), firstLine)
    }

    /// The length of a `&#N;` or `&#xH;` reference at `i` naming a forbidden character (a
    /// control, a non-character, a surrogate), or nil.
    static func forbiddenReference(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        var j = i + 2
        let hex = j < bytes.count && (bytes[j] == 0x78 || bytes[j] == 0x58)
        if hex { j += 1 }
        var value: UInt32 = 0
        let start = j
        while j < bytes.count, j - start < 8 {
            let b = bytes[j]
            let digit: UInt32? =
                switch b {
                case 0x30...0x39: UInt32(b - 0x30)
                case 0x41...0x46 where hex: UInt32(b - 0x37)
                case 0x61...0x66 where hex: UInt32(b - 0x57)
                default: nil
                }
            guard let digit else { break }
            value = value * (hex ? 16 : 10) + digit
            j += 1
        }
        guard j > start else { return nil }
        let forbidden = Unicode.Scalar(value).map(TextDecoding.isForbidden) ?? (value < 0x110000)
        guard forbidden else { return nil }
        if j < bytes.count, bytes[j] == 0x3B { j += 1 }
        return j - i
    }
}
