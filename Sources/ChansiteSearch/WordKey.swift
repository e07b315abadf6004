/// A word as a dictionary key, hashed and compared by its UTF-8 bytes. A `String` key hashes
/// and compares text by canonical equivalence, normalizing every word outside ASCII as it is
/// hashed (a fifth of tokenizing a Cyrillic corpus); the tokenizer gives every word composed
/// (NFC), so equal bytes are exactly equivalent words.
struct WordKey: Hashable {
    let word: String

    init(_ word: String) { self.word = word }

    func hash(into hasher: inout Hasher) {
        var word = word
        word.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (a: WordKey, b: WordKey) -> Bool {
        var (x, y) = (a.word, b.word)
        return x.utf8.count == y.utf8.count && x.withUTF8 { p in y.withUTF8 { q in p.elementsEqual(q) } }
    }
}
