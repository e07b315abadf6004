/// Splits text into search terms: runs of Unicode letters and digits, lower-cased, `ё` folded
/// to `е`. URLs are skipped (their pieces are noise), emoji and punctuation separate words.
public enum Tokenizer {
    public enum Script { case cyrillic, latin, other }

    /// The words of `text`, in order.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        // URL ranges as UTF-8 offsets, skipped below.
        var urls = Links.find(in: text).map {
            text.utf8.distance(
                from: text.utf8.startIndex, to: $0.range.lowerBound)..<text.utf8.distance(from: text.utf8.startIndex, to: $0.range.upperBound)
        }[...]
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        var offset = 0
        for scalar in text.unicodeScalars {
            defer { offset += UTF8.width(scalar) }
            if let url = urls.first, offset >= url.lowerBound {
                if offset < url.upperBound {
                    flush()
                    continue
                }
                urls.removeFirst()
            }
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                appendFolded(scalar, to: &current)
            } else if properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                // Combining marks belong to the letter before them.
                if !current.isEmpty { current.append(scalar) }
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// Appends the lower-case form of a scalar, with `ё` folded to `е`; the common Latin and
    /// Cyrillic cases are done arithmetically because this runs for every letter of the corpus.
    static func appendFolded(_ scalar: Unicode.Scalar, to word: inout String.UnicodeScalarView) {
        let v = scalar.value
        switch v {
        case 0x41...0x5A, 0x410...0x42F: word.append(Unicode.Scalar(v + 0x20) ?? scalar)
        case 0x61...0x7A, 0x430...0x44F: word.append(scalar)
        case 0x401, 0x451: word.append("е")
        default:
            if scalar.properties.changesWhenLowercased {
                word.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                word.append(scalar)
            }
        }
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
