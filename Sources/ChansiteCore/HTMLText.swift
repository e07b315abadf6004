/// HTML escaping on UTF-8 bytes, for text and attribute values alike: `<`, `>`, `&`, `"`, `'`.
/// Bytes, not Characters: a `<` followed by a combining mark is one Character, and must still
/// be escaped.
package enum HTMLText {
    package static func escape(_ text: String) -> String {
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in !bytes.contains(where: isSpecial) } ?? !text.utf8.contains(where: isSpecial)
        guard !plain else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            // Appended from literals, not from arrays made for each character.
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// How many bytes `escape` makes of these: what capacity to reserve before escaping.
    package static func escapedCount(_ bytes: some Sequence<UInt8>) -> Int {
        var count = 0
        for byte in bytes {
            switch byte {
            case 0x3C, 0x3E: count += 4  // &lt; &gt;
            case 0x26, 0x27: count += 5  // &amp; &#39;
            case 0x22: count += 6  // &quot;
            default: count += 1
            }
        }
        return count
    }

    @inline(__always) private static func isSpecial(_ byte: UInt8) -> Bool {
        // All five are below 0x40: one compare turns away letters and every non-ASCII byte.
        byte < 0x40 && (byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27)
    }
}
