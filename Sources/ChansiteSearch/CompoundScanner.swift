import Foundation

/// Finds compound terms while `Tokenizer` reads a text: words joined by `.` or `-` (`gpt-4`,
/// `3.14`, `t.me`, `что-то`), or marked by a leading `.` or trailing `+` and `#` (`.net`, `c++`,
/// `c#`). They are terms of their own, so a query for `c++` finds the posts that write it, not
/// every post with the letter `c`. The index keeps their parts too (`gpt` finds `GPT-4`); a
/// query keeps them whole. `queryPattern` in `assets/words.js` is the same rule.
///
/// It is told of whole words and of the punctuation between them, never of single letters: a
/// corpus is mostly letters, and a compound is rare.
struct CompoundScanner {
    /// A compound term, and how many words the tokenizer had emitted before its first part.
    typealias Compound = (term: String, firstWord: Int)

    /// The compound read so far (its parts and joiners, folded as the tokenizer folds words).
    private var text = ""
    private var parts = 0
    private var pendingJoiner: Character?
    private var lead = false
    private var tail = false
    /// True right after a word ended (the punctuation that ended it is next).
    private var afterWord = false
    /// How many words the tokenizer had emitted when the compound began.
    private var firstWord = 0

    /// A word the tokenizer read (folded, before its Arabic prefix is taken off or a spaceless
    /// run is split), and how many words it had emitted before this one's.
    /// - Returns: a compound the word ended (one after a trailing `+` or `#`).
    mutating func word(_ word: String, wordsBefore: Int) -> Compound? {
        let finished = tail ? finish() : nil
        if let joiner = pendingJoiner, parts > 0 {
            text.append(joiner)
            text += word
            pendingJoiner = nil
        } else {
            if !lead { (text, firstWord) = ("", wordsBefore) }
            text += word
        }
        parts += 1
        afterWord = true
        return finished
    }

    /// An ASCII character that is not a letter or digit (the tokenizer has just ended the word
    /// before it, if any).
    /// - Returns: a compound the character ended.
    mutating func punctuation(_ byte: UInt8, wordsBefore: Int) -> Compound? {
        defer { afterWord = false }
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "-"):
            if afterWord, !tail, pendingJoiner == nil {
                pendingJoiner = Character(Unicode.Scalar(byte))
                return nil
            }
            let finished = finish()
            if byte == UInt8(ascii: ".") { (text, lead, firstWord) = (".", true, wordsBefore) }
            return finished
        case UInt8(ascii: "+"), UInt8(ascii: "#"):
            guard (afterWord && pendingJoiner == nil) || tail else { return finish() }
            text.append(Character(Unicode.Scalar(byte)))
            tail = true
            return nil
        default:
            return finish()
        }
    }

    /// Anything else that ends a word (a space outside ASCII, emoji, a URL, the end of the text).
    mutating func boundary() -> Compound? { finish() }

    /// The compound just read, when it is one (two parts, or one with its mark), and a fresh start.
    private mutating func finish() -> Compound? {
        defer { self = CompoundScanner() }
        guard parts >= 2 || (parts >= 1 && (lead || tail)) else { return nil }
        return (text, firstWord)
    }

    /// Whether a term is a compound (never stemmed: `gpt-4` is not a form of anything).
    static func isCompound(_ term: String) -> Bool {
        !term.hasPrefix("#")
            && term.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "#") }
    }
}
