import CStemmer
import ChansiteCore

/// The only code that touches libstemmer's C API: Snowball stemmers for Russian and English.
/// A stemmer instance is not thread-safe, so each `Stemmer` owns its own and is used by one task.
package final class Stemmer {
    private let russian: OpaquePointer?
    private let english: OpaquePointer?

    package init() {
        russian = sb_stemmer_new("russian", "UTF_8")
        english = sb_stemmer_new("english", "UTF_8")
    }

    deinit {
        if let russian { sb_stemmer_delete(russian) }
        if let english { sb_stemmer_delete(english) }
    }

    /// The stem of a lower-cased word, chosen by its script (Arabic words get `ArabicText`'s
    /// light stemmer): Cyrillic words get the Russian
    /// stemmer, Latin words the English one, anything else is returned unchanged.
    package func stem(_ word: String) -> String {
        let stemmer: OpaquePointer?
        switch Tokenizer.script(of: word) {
        case .cyrillic: stemmer = russian
        case .latin: stemmer = english
        case .arabic: return ArabicText.stem(word)
        case .other: return word
        }
        guard let stemmer else { return word }
        let bytes = Array(word.utf8)
        let result = bytes.withUnsafeBufferPointer { buffer -> String? in
            guard let out = sb_stemmer_stem(stemmer, buffer.baseAddress, Int32(buffer.count)) else { return nil }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
        }
        return result ?? word
    }
}
