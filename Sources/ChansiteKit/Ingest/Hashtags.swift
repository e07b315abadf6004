/// Finds hashtags the way Telegram does: `#` after a non-word character, then letters,
/// digits and `_`, with at least one letter (so `#2` in "часть #2" is not a tag).
enum Hashtags {
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s == "_" || s.properties.isAlphabetic || s.properties.numericType != nil
            || s.properties.generalCategory == .nonspacingMark
    }

    /// Every hashtag in `text`, with its `#`, in order, each once.
    static func find(in text: String) -> [String] {
        guard text.utf8.contains(UInt8(ascii: "#")) else { return [] }
        var result: [String] = []
        var seen = Set<String>()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "#", i == 0 || !isWordScalar(scalars[i - 1]) && scalars[i - 1] != "#" && scalars[i - 1] != "/" {
                var j = i + 1
                var hasLetter = false
                while j < scalars.count, isWordScalar(scalars[j]) {
                    if scalars[j].properties.isAlphabetic { hasLetter = true }
                    j += 1
                }
                if hasLetter {
                    var tag = String.UnicodeScalarView()
                    tag.append(contentsOf: scalars[i..<j])
                    let name = String(tag)
                    if seen.insert(Tag.key(for: name)).inserted { result.append(name) }
                }
                i = j
            } else {
                i += 1
            }
        }
        return result
    }

    /// True when the line holds only hashtags separated by spaces (`#ml #papers`).
    static func isHashtagLine(_ line: String) -> Bool {
        let words = line.normalizedSpaces.split(separator: " ")
        guard !words.isEmpty else { return false }
        return words.allSatisfy { word in
            guard word.first == "#", word.count > 1 else { return false }
            let body = word.unicodeScalars.dropFirst()
            return body.allSatisfy(isWordScalar) && body.contains { $0.properties.isAlphabetic }
        }
    }
}
