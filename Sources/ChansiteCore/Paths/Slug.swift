import Foundation

/// Readable, stable file names: transliterated to Latin, lower-case, words joined by `-`.
package enum Slug {
    static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
    ]

    /// `cyrillic` by Unicode scalar, capitals too (as `lowercased()` folds them).
    static let cyrillicScalars: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        for (letter, latin) in cyrillic {
            for form in [String(letter), String(letter).uppercased()] where form.unicodeScalars.count == 1 {
                if let scalar = form.unicodeScalars.first { table[scalar.value] = latin }
            }
        }
        return table
    }()

    /// The slug of a text's first `maxWords` words, at most `maxLength` characters; may be empty.
    package static func make(_ text: String, maxWords: Int = 6, maxLength: Int = 48) -> String {
        // Most names are ASCII and Cyrillic: read by scalar, a tenth of the time; anything
        // else (accents, combining marks, other scripts) goes the general way.
        if let words = plainWords(text, maxWords: maxWords) { return join(words, maxWords: maxWords, maxLength: maxLength) }
        return join(words(text, maxWords: maxWords), maxWords: maxWords, maxLength: maxLength)
    }

    /// The first `maxWords` words of a text of ASCII and precomposed Cyrillic only, as `words`
    /// reads them; nil for any other text.
    static func plainWords(_ text: String, maxWords: Int) -> [String]? {
        var words: [String] = []
        var word = ""
        for scalar in text.unicodeScalars {
            if words.count >= maxWords { break }
            let value = scalar.value
            if value < 0x80 {
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                    word.unicodeScalars.append(scalar)
                } else if (0x41...0x5A).contains(value), let lower = Unicode.Scalar(value + 0x20) {
                    word.unicodeScalars.append(lower)
                } else if value == 0x27 {
                    continue
                } else if !word.isEmpty {
                    words.append(word)
                    word = ""
                }
            } else if let latin = cyrillicScalars[value] {
                word += latin
            } else if value == 0x2019 {
                continue
            } else {
                return nil
            }
        }
        if !word.isEmpty, words.count < maxWords { words.append(word) }
        return words
    }

    /// The first `maxWords` words of any text: letters transliterated or stripped of accents.
    static func words(_ text: String, maxWords: Int) -> [String] {
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
        return words
    }

    /// Words joined by `-` up to `maxLength` characters (the first word cut to it, alone).
    static func join(_ words: [String], maxWords: Int, maxLength: Int) -> String {
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
