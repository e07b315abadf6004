import Foundation

/// Readable, stable file names: transliterated to Latin, lower-case, words joined by `-`.
package enum Slug {
    static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
    ]

    /// The slug of a text's first `maxWords` words, at most `maxLength` characters; may be empty.
    package static func make(_ text: String, maxWords: Int = 6, maxLength: Int = 48) -> String {
        var words: [String] = []
        var word = ""
        func flush() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        for character in text.lowercased() {
            if words.count >= maxWords { break }
            if let latin = cyrillic[character] {
                word += latin
            } else if character.isASCII, character.isLetter || character.isNumber {
                word.append(character)
            } else if character.isLetter,
                let folded = character.unicodeScalars.first.map({ String($0) })?
                    .folding(options: .diacriticInsensitive, locale: nil), folded.allSatisfy({ $0.isASCII && $0.isLetter })
            {
                word += folded
            } else if character == "'" || character == "’" {
                continue
            } else {
                flush()
            }
        }
        flush()
        var slug = ""
        for word in words.prefix(maxWords) {
            let next = slug.isEmpty ? word : slug + "-" + word
            if next.count > maxLength { break }
            slug = next
        }
        if slug.isEmpty, let first = words.first { slug = String(first.prefix(maxLength)) }
        return slug
    }

    /// A short, stable hex hash (FNV-1a, 64 bit) of a string: a name's suffix, never a decision
    /// about content (`Fingerprint.contentHash` decides whether a file is the same).
    package static func hash(_ text: String, length: Int = 6) -> String {
        String(hex(fnv1a(text.utf8)).prefix(length))
    }

    /// A 64-bit FNV-1a hash of bytes.
    static func fnv1a<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        return value
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
