/// The Arabic rules the index builder and the page's script share (`normalize` in
/// `assets/words.js` is their twin; docs/search.md states them): harakat, Quranic marks and
/// tatweel are dropped; alef with hamza or madda and alef wasla are alef, alef maksura is ya,
/// ta marbuta is ha; and one leading article or conjunction is taken off (`ال`, `وال`, `بال`,
/// `كال`, `فال`, `لل`, `و`, as Lucene's Arabic light stemmer does, with its length limits),
/// so `القرآن`, `والقرآن` and `قُرآن` are one word. A lone `ب`, `ل` or `ف` is kept: too many
/// words begin with those letters (`فكرة`, idea, is not `كرة`, ball).
package enum ArabicText {
    /// What a scalar of the Arabic block becomes inside a word.
    package enum Fold: Equatable {
        /// Not written in the index: a vowel mark, a Quranic annotation, the tatweel.
        case dropped
        /// The letter as the index writes it.
        case letter(Unicode.Scalar)
        /// Not a letter this rule knows (digits, punctuation): the general rules decide.
        case other
    }

    package static func fold(_ scalar: Unicode.Scalar) -> Fold {
        switch scalar.value {
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8, 0x06EA...0x06ED, 0x0640:
            return .dropped
        case 0x0622, 0x0623, 0x0625, 0x0671: return .letter("\u{0627}")  // آ أ إ ٱ → ا
        case 0x0649: return .letter("\u{064A}")  // ى → ي
        case 0x0629: return .letter("\u{0647}")  // ة → ه
        case 0x0621...0x063A, 0x0641...0x064A, 0x0672...0x06D3, 0x06D5: return .letter(scalar)
        default: return .other
        }
    }

    /// Whether the scalar is in the Arabic block (the rules apply to words holding one).
    package static func isArabic(_ scalar: Unicode.Scalar) -> Bool { (0x0600...0x06FF).contains(scalar.value) }

    /// Prefixes taken off, longest first where one contains another; a one-letter prefix only
    /// from words of more than three letters, a longer one when two letters remain.
    static let prefixes: [[Unicode.Scalar]] = ["وال", "بال", "كال", "فال", "ال", "لل", "و"].map { Array($0.unicodeScalars) }

    /// A folded word without its leading article or conjunction.
    package static func withoutPrefix(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        for prefix in prefixes where scalars.starts(with: prefix) {
            let enough = prefix.count == 1 ? scalars.count > 3 : scalars.count >= prefix.count + 2
            guard enough else { continue }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars.dropFirst(prefix.count))
            return String(out)
        }
        return word
    }

    /// Suffixes taken off by the light stemmer, each in turn (after folding: `ة` is `ه`).
    static let suffixes: [[Unicode.Scalar]] = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"].map { Array($0.unicodeScalars) }

    /// The stem of a folded word without its prefix: Larkey's light stemming as Lucene's
    /// ArabicStemmer does it, each suffix off in turn, but only while three letters remain
    /// (Lucene stops at two; most Arabic roots have three, and `قران` is not `قر`). Always a
    /// prefix of the word, so the page can mark every form a stem matched (Snowball's Arabic
    /// stemmer rewrites letters: `القرآن` → `قرء`).
    package static func stem(_ word: String) -> String {
        var scalars = Array(word.unicodeScalars)
        for suffix in suffixes where scalars.count >= suffix.count + 3 && scalars.suffix(suffix.count).elementsEqual(suffix) {
            scalars.removeLast(suffix.count)
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }
}
