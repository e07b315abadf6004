import Foundation

/// A text as a dictionary key, hashed and compared by its UTF-8 bytes. A `String` key hashes and
/// compares by canonical equivalence, normalizing every text outside ASCII on each hash (most
/// of the seam model's time on a non-Latin copy, a fifth of tokenizing a Cyrillic corpus).
/// Where equivalent texts must meet, the caller composes them first (the tokenizer's terms are
/// NFC; a copy's lines are compared as written).
package struct ByteKey: Hashable, Sendable {
    package let text: String

    package init(_ text: String) { self.text = text }

    package static func == (a: ByteKey, b: ByteKey) -> Bool {
        let count = a.text.utf8.count
        guard count == b.text.utf8.count else { return false }
        // One memcmp over contiguous UTF-8 (stepping the views byte by byte was a tenth of
        // tokenizing); a bridged string without contiguous bytes is stepped.
        let same = a.text.utf8.withContiguousStorageIfAvailable { a in
            b.text.utf8.withContiguousStorageIfAvailable { b in
                guard let a = a.baseAddress, let b = b.baseAddress else { return count == 0 }
                return memcmp(a, b, count) == 0
            }
        }
        return (same ?? nil) ?? a.text.utf8.elementsEqual(b.text.utf8)
    }

    package func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
