import ChansiteCore

/// A short excerpt around the first matched word, with matches marked `[like this]` for the
/// terminal (the page marks them with `<mark>`).
enum Snippet {
    static func make(_ text: String, stems: [String]) -> String {
        let plain = stems.filter { !$0.hasPrefix("#") && $0.count > 1 }
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        var marked = ""
        var firstMatch: Int?
        var at = flat.startIndex
        // Words as the query splits them (a compound whole), each as the index wrote it.
        for match in flat.matches(of: SearchEngine.queryPattern) {
            marked += flat[at..<match.range.lowerBound]
            let word = String(flat[match.range])
            let normal = word.hasPrefix("#") ? word.lowercased() : Tokenizer.words(word, compounds: .whole).first ?? word.lowercased()
            if plain.contains(where: { normal.hasPrefix($0) }) {
                if firstMatch == nil { firstMatch = marked.count }
                marked += "[" + word + "]"
            } else {
                marked += word
            }
            at = match.range.upperBound
        }
        marked += flat[at...]
        var start = max(0, (firstMatch ?? 0) - 60)
        // Start at a word, not inside one.
        if start > 0, let space = marked.dropFirst(start).prefix((firstMatch ?? 0) - start).firstIndex(where: \.isWhitespace) {
            start = marked.distance(from: marked.startIndex, to: space) + 1
        }
        let body = String(marked.dropFirst(start).prefix(220))
        return (start > 0 ? "…" : "") + body + (marked.count > start + 220 ? "…" : "")
    }
}
