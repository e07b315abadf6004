/// Splits text into search terms: runs of Unicode letters and digits, lower-cased, `ё` folded
/// to `е`. URLs are skipped (their pieces are noise), emoji and punctuation separate words.
public enum Tokenizer {
    public enum Script { case cyrillic, latin, other }

    /// The words of `text`, in order.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        let urls = Links.find(in: text).map(\.range)
        var current = ""
        var index = text.startIndex
        func flush() {
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        while index < text.endIndex {
            if let url = urls.first(where: { $0.lowerBound == index }) {
                flush()
                index = url.upperBound
                continue
            }
            let character = text[index]
            if character.isLetter || character.isNumber {
                for c in character.lowercased() { current.append(c == "ё" ? "е" : c) }
            } else if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
                // Combining marks belong to the letter before them.
            } else {
                flush()
            }
            index = text.index(after: index)
        }
        flush()
        return words
    }

    /// The script of a word, by its first letter.
    public static func script(of word: String) -> Script {
        guard let scalar = word.unicodeScalars.first(where: { $0.properties.isAlphabetic }) else { return .other }
        switch scalar.value {
        case 0x0400...0x052F: return .cyrillic
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: return .latin
        default: return .other
        }
    }
}
