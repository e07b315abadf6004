import Algorithms
import ChansiteCore

/// A quoted part of a query, `"exact words"`: its words must stand in a post in that order,
/// next to each other (each in any form that shares its stem, as every other word of a query
/// matches). `-"words"` leaves out the posts that hold the phrase; `@name` is the phrase of the
/// name's words (a mention). `phrases` in search.js reads queries by the same rule.
package struct Phrase: Equatable, Sendable {
    package var text: String
    package var excluded = false

    /// The marks that open or close a phrase: the ASCII quote and the typographic ones phone
    /// keyboards put in its place (“ ” „ « »).
    static let quotes: Set<Unicode.Scalar> = ["\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{AB}", "\u{BB}"]

    /// The query with each closed phrase (and the `-` before an excluded one) blanked out, so
    /// the words around it keep their places, and the phrases in order. A quote with no partner
    /// is read as a space: while a phrase is being typed, its words search as plain words.
    package static func split(_ query: String) -> (words: String, phrases: [Phrase]) {
        var scalars = Array(query.unicodeScalars)
        var phrases: [Phrase] = []
        var i = 0
        while i < scalars.count {
            defer { i += 1 }
            guard quotes.contains(scalars[i]) else { continue }
            guard let close = scalars[(i + 1)...].firstIndex(where: quotes.contains) else {
                scalars[i] = " "
                continue
            }
            let excluded = i > 0 && scalars[i - 1] == "-" && (i == 1 || scalars[i - 2].properties.isWhitespace)
            phrases.append(Phrase(text: String(String.UnicodeScalarView(scalars[(i + 1)..<close])), excluded: excluded))
            for k in (excluded ? i - 1 : i)...close { scalars[k] = " " }
            i = close
        }
        readMentions(&scalars, into: &phrases)
        return (String(String.UnicodeScalarView(scalars)), phrases)
    }

    /// `@name` (at the start or after a space): the words of the name next to each other, as a
    /// post that mentions it holds them (`@cat_news` is the phrase "cat news"); blanked out.
    private static func readMentions(_ scalars: inout [Unicode.Scalar], into phrases: inout [Phrase]) {
        func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        var i = 0
        while i < scalars.count {
            defer { i += 1 }
            guard scalars[i] == "@", i == 0 || scalars[i - 1].properties.isWhitespace else { continue }
            var end = i + 1
            while end < scalars.count, isNameScalar(scalars[end]) { end += 1 }
            guard end > i + 1, end == scalars.count || scalars[end].properties.isWhitespace else { continue }
            let name = String(String.UnicodeScalarView(scalars[(i + 1)..<end].map { $0 == "_" ? " " : $0 }))
            phrases.append(Phrase(text: name))
            for k in i..<end { scalars[k] = " " }
            i = end
        }
    }

    /// The phrase's words, each with its distance in slots from the first
    /// (`Tokenizer.positionedWords`: a post holding the phrase has them at the same distances).
    var words: [(word: String, offset: Int)] {
        let (words, slots) = Tokenizer.positionedWords(text)
        guard let first = slots.first else { return [] }
        return zip(words, slots).map { ($0, Int($1 - first)) }
    }

    /// Whether a post holds the phrase: `slots[i]` are the post's slots of word `i`'s stem
    /// (increasing), `offsets[i]` the word's distance from the first. Each place of the first
    /// word is tried, the others looked up by binary search: n log n in the post's slots.
    static func holds(slots: [[Int]], offsets: [Int]) -> Bool {
        guard let starts = slots.first, slots.count == offsets.count else { return false }
        return starts.contains { start in
            zip(slots, offsets).allSatisfy { list, offset in contains(list, start - offsets[0] + offset) }
        }
    }

    private static func contains(_ sorted: [Int], _ value: Int) -> Bool {
        let at = sorted.partitioningIndex { $0 >= value }
        return at < sorted.count && sorted[at] == value
    }
}
