/// A text as a dictionary key, hashed and compared by its UTF-8 bytes. A `String` key hashes and
/// compares by canonical equivalence, normalizing every text outside ASCII on each hash (most
/// of the seam model's time on a non-Latin copy, a fifth of tokenizing a Cyrillic corpus).
/// Where equivalent texts must meet, the caller composes them first (the tokenizer's terms are
/// NFC; a copy's lines are compared as written).
package struct ByteKey: Hashable, Sendable {
    package let text: String

    package init(_ text: String) { self.text = text }

    package static func == (a: ByteKey, b: ByteKey) -> Bool {
        a.text.utf8.count == b.text.utf8.count && a.text.utf8.elementsEqual(b.text.utf8)
    }

    package func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
