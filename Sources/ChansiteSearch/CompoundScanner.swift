import Foundation

/// Finds compound terms while `Tokenizer` reads a text: words joined by `.` or `-` (`gpt-4`,
/// `3.14`, `t.me`, `что-то`), or marked by a leading `.` or trailing `+` and `#` (`.net`, `c++`,
/// `c#`). They are terms of their own, so a query for `c++` finds the posts that write it, not
/// every post with the letter `c`. The index keeps their parts too (`gpt` finds `GPT-4`); a
/// query keeps them whole. `compoundPattern` in `assets/search.js` is the same rule.
struct CompoundScanner {
    /// A compound term, and how many words the tokenizer had emitted before its first part.
    typealias Compound = (term: String, firstWord: Int)

    /// The compound read so far, folded as the tokenizer folds its words.
    private var bytes: [UInt8] = []
    private var cores = 0
    private var inCore = false
    private var pendingJoiner: UInt8?
    private var lead = false
    private var tail = false
    /// Whether the compound holds a combining mark (composed before use).
    private(set) var marked = false
    /// How many words the tokenizer had emitted when the compound began.
    private(set) var firstWord = 0

    /// A letter or digit, as the tokenizer appended it to its word (`wordCount`: its words so far).
    /// - Returns: a compound the letter ended (one with a trailing `+` or `#`).
    mutating func letter(_ folded: ArraySlice<UInt8>, wordCount: Int) -> Compound? {
        let finished = tail ? finish() : nil
        if let joiner = pendingJoiner {
            bytes.append(joiner)
            pendingJoiner = nil
            cores += 1
        } else if !inCore {
            if !lead { (bytes, firstWord) = ([], wordCount) }
            cores = 1
        }
        bytes.append(contentsOf: folded)
        inCore = true
        return finished
    }

    /// A combining mark the tokenizer kept with its word.
    mutating func mark(_ folded: ArraySlice<UInt8>) {
        guard inCore else { return }
        bytes.append(contentsOf: folded)
        marked = true
    }

    /// An ASCII character that is not a letter or digit (`wordCount`: the tokenizer's words so far).
    /// - Returns: a compound the character ended.
    mutating func punctuation(_ byte: UInt8, wordCount: Int) -> Compound? {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "-"):
            if inCore, !tail {
                pendingJoiner = byte
                inCore = false
                return nil
            }
            let finished = finish()
            if byte == UInt8(ascii: ".") { (bytes, lead, firstWord) = ([byte], true, wordCount) }
            return finished
        case UInt8(ascii: "+"), UInt8(ascii: "#"):
            guard inCore || tail else { return finish() }
            bytes.append(byte)
            (tail, inCore) = (true, false)
            return nil
        default:
            return finish()
        }
    }

    /// Anything else that ends a word (space, emoji, a URL, the end of the text).
    mutating func boundary() -> Compound? { finish() }

    /// The compound just read, when it is one (two parts, or one with its mark), and a fresh start.
    private mutating func finish() -> Compound? {
        defer { self = CompoundScanner() }
        guard cores >= 2 || (cores >= 1 && (lead || tail)) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        return (marked ? text.precomposedStringWithCanonicalMapping : text, firstWord)
    }

    /// Whether a term is a compound (never stemmed: `gpt-4` is not a form of anything).
    static func isCompound(_ term: String) -> Bool {
        !term.hasPrefix("#")
            && term.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "#") }
    }
}
