import ChansiteCore

/// Escaping for XML and HTML text and attribute values (feeds, sitemap, the preview overlay).
package enum XML {
    /// The five markup characters escaped and the characters XML 1.0 does not allow at all left
    /// out (the loader already replaced them in dumps; this keeps every other source of text,
    /// such as the configuration, safe). On UTF-8 bytes: the text is valid UTF-8, so C1
    /// controls are `C2 80`–`C2 9F` and U+FFFE/U+FFFF are `EF BF BE`/`EF BF BF`.
    package static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsCare) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&apos;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0..<0x20, 0x7F: continue
            case 0xC2 where i < bytes.count && (0x80...0x9F).contains(bytes[i]): i += 1
            case 0xEF where i + 1 < bytes.count && bytes[i] == 0xBF && (bytes[i + 1] == 0xBE || bytes[i + 1] == 0xBF): i += 2
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsCare(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x26, 0x3C, 0x3E, 0x22, 0x27, 0x7F, 0xC2, 0xEF: return true
        case 0x09, 0x0A, 0x0D: return false
        default: return byte < 0x20
        }
    }
}
