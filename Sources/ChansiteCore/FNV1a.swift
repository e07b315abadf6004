/// FNV-1a (32 bit) of a text's UTF-8: the short hash both file layouts split folders by (search
/// buckets, which the page's script computes too, and post subfolders). Not for fingerprints.
package enum FNV1a {
    package static func hash(_ text: String) -> UInt32 {
        var hash: UInt32 = 0x811c_9dc5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    /// FNV-1a (64 bit) of a text's UTF-8 (`Slug.hash` writes the same value as hex): keys
    /// that must stay the same across versions (the published URLs' identities).
    package static func hash64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// A 64-bit value as 16 hex digits.
    package static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
