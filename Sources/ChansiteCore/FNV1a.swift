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
}
