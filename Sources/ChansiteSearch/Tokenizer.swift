import ChansiteCore
import Foundation

/// Splits text into search terms: runs of Unicode letters and digits (with their combining
/// marks; every term composed: NFC), lower-cased, `ё` folded to `е`, Arabic folded (`ArabicText`). URLs are skipped (their pieces are noise), emoji and punctuation separate words.
/// Scripts written without spaces between words (Chinese, Japanese kana, Thai, Lao, Khmer,
/// Myanmar) give overlapping pairs of characters instead, so any word of two or more characters
/// is found as the pairs it is made of; the page's script splits queries the same way.
package enum Tokenizer {
    package enum Script { case cyrillic, latin, arabic, other }

    /// What becomes of a compound term (`gpt-4`, `c++`, `.net`; `CompoundScanner`).
    package enum Compounds {
        /// The compound and its parts (the index: `gpt` finds `GPT-4`).
        case withParts
        /// The compound alone (a query: `c++` matches `c++` exactly).
        case whole
    }

    /// The words of `text`, in order (a compound after its parts).
    package static func words(_ text: String, compounds mode: Compounds = .withParts) -> [String] {
        var ignored: [Int32] = []
        return words(text, compounds: mode, slots: &ignored)
    }

    /// The words of `text` (a compound after its parts) and each one's slot, the place a phrase
    /// query counts in: every word, and every character pair of a spaceless run, takes the next
    /// slot; a compound takes its first part's. A phrase read by the same rule has its words
    /// at the same distances as a post that holds it (`gpt-4 model`: gpt 0, 4 1, gpt-4 0, model 2).
    package static func positionedWords(_ text: String) -> (words: [String], slots: [Int32]) {
        var slots: [Int32] = []
        let words = words(text, compounds: .withParts, slots: &slots)
        return (words, slots)
    }

    private static func words(_ text: String, compounds mode: Compounds, slots: inout [Int32]) -> [String] {
        var words: [String] = []
        var next: Int32 = 0
        var compounds = CompoundScanner()
        func emit(_ compound: CompoundScanner.Compound?) {
            guard let compound else { return }
            let slot = compound.firstWord < slots.count ? slots[compound.firstWord] : next
            if mode == .whole {
                words.removeSubrange(compound.firstWord...)
                slots.removeSubrange(min(compound.firstWord, slots.count)...)
            }
            words.append(compound.term)
            slots.append(slot)
        }
        func append(_ word: String) {
            words.append(word)
            slots.append(next)
            next += 1
        }
        // URL ranges as UTF-8 offsets, skipped below.
        var urls = Links.find(in: text).map {
            text.utf8.distance(
                from: text.utf8.startIndex, to: $0.range.lowerBound)..<text.utf8.distance(from: text.utf8.startIndex, to: $0.range.upperBound)
        }[...]
        // The word being read, as UTF-8 bytes (appending to a scalar view, a scalar at a time,
        // was a third of tokenizing); `other` when it holds a letter outside ASCII and basic
        // Cyrillic, which may be of a spaceless script.
        var current: [UInt8] = []
        current.reserveCapacity(64)
        var other = false
        // Whether the word holds a combining mark (composed before it is used) or Arabic.
        var marked = false
        var arabic = false
        func flush() {
            if !current.isEmpty {
                var word = String(decoding: current, as: UTF8.self)
                // Composed, so that equivalent words are the same bytes (`ByteKey`) and match a
                // query the page composes: a mark, or a letter outside ASCII and basic Cyrillic
                // (a singleton such as U+212B, conjoining jamo), may not be.
                if marked || other { word = word.precomposedStringWithCanonicalMapping }
                // The scanner takes the word as written (a compound keeps an article and a
                // spaceless run whole); a compound it ends goes before the word's own terms.
                emit(compounds.word(word, wordsBefore: words.count))
                if arabic { word = ArabicText.withoutPrefix(word) }
                if other { splitSpaceless(word.unicodeScalars).forEach(append) } else { append(word) }
                current.removeAll(keepingCapacity: true)
                (other, marked, arabic) = (false, false, false)
            }
        }
        var offset = 0
        for scalar in text.unicodeScalars {
            defer { offset += UTF8.width(scalar) }
            if let url = urls.first, offset >= url.lowerBound {
                if offset < url.upperBound {
                    flush()
                    emit(compounds.boundary())
                    continue
                }
                urls.removeFirst()
            }
            switch read(scalar, into: &current, other: &other, arabic: &arabic) {
            case .letter:
                break
            case .mark:
                marked = true
            case .punctuation(let byte):
                flush()
                emit(compounds.punctuation(byte, wordsBefore: words.count))
            case .boundary:
                flush()
                emit(compounds.boundary())
            case .dropped:
                break
            }
        }
        flush()
        emit(compounds.boundary())
        return words
    }

    /// What a scalar is to a word.
    enum Reading {
        /// A letter or digit, appended (folded).
        case letter
        /// A combining mark, appended to the letter before it.
        case mark
        /// ASCII punctuation or a space: ends the word (and may join a compound).
        case punctuation(UInt8)
        /// Anything else that ends the word (emoji, other punctuation).
        case boundary
        /// Written nowhere: an Arabic vowel mark or the tatweel, or a mark with no letter before it.
        case dropped
    }

    /// Reads one scalar into `word`; `other` is set for a letter outside ASCII and basic
    /// Cyrillic (it may be of a spaceless script), `arabic` for an Arabic letter.
    @inline(__always)
    static func read(_ scalar: Unicode.Scalar, into word: inout [UInt8], other: inout Bool, arabic: inout Bool) -> Reading {
        // ASCII and the basic Cyrillic block, most of every corpus, are decided without
        // looking up Unicode properties (the same answers, far cheaper).
        let v = scalar.value
        if v < 0x80 {
            guard (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) else { return .punctuation(UInt8(v)) }
            appendFolded(scalar, to: &word)
            return .letter
        }
        if (0x410...0x44F).contains(v) || v == 0x401 || v == 0x451 {
            appendFolded(scalar, to: &word)
            return .letter
        }
        if ArabicText.isArabic(scalar) {
            switch ArabicText.fold(scalar) {
            case .dropped:
                return .dropped
            case .letter(let letter):
                append(letter, to: &word)
                (other, arabic) = (true, true)
                return .letter
            case .other:
                break
            }
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil {
            appendFolded(scalar, to: &word)
            other = true
            return .letter
        }
        if properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
            // Combining marks belong to the letter before them.
            guard !word.isEmpty else { return .dropped }
            append(scalar, to: &word)
            return .mark
        }
        return .boundary
    }

    /// Appends the lower-case form of a scalar, with `ё` folded to `е`; the common Latin and
    /// Cyrillic cases are done arithmetically because this runs for every letter of the corpus.
    static func appendFolded(_ scalar: Unicode.Scalar, to word: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case 0x41...0x5A: word.append(UInt8(v + 0x20))
        case 0x30...0x39, 0x61...0x7A: word.append(UInt8(v))
        case 0x410...0x42F: appendTwoBytes(v + 0x20, to: &word)
        case 0x430...0x44F: appendTwoBytes(v, to: &word)
        case 0x401, 0x451: appendTwoBytes(0x435, to: &word)  // е
        default:
            if scalar.properties.changesWhenLowercased {
                word.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                append(scalar, to: &word)
            }
        }
    }

    private static func appendTwoBytes(_ value: UInt32, to word: inout [UInt8]) {
        word.append(UInt8(0xC0 | (value >> 6)))
        word.append(UInt8(0x80 | (value & 0x3F)))
    }

    private static func append(_ scalar: Unicode.Scalar, to word: inout [UInt8]) {
        UTF8.encode(scalar) { word.append($0) }
    }

    /// The script of a word, by its first letter.
    package static func script(of word: String) -> Script {
        guard let scalar = word.unicodeScalars.first(where: { $0.properties.isAlphabetic }) else { return .other }
        switch ScriptLanguage.script(of: scalar) {
        case .cyrillic: return .cyrillic
        case .latin: return .latin
        case .arabic: return .arabic
        default: return .other
        }
    }

    /// True for scripts written without spaces between words.
    package static func isSpaceless(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true  // Han
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return true  // Hiragana, Katakana
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF: return true  // Thai, Lao, Myanmar, Khmer
        default: return false
        }
    }

    /// A word as terms: unchanged, unless it holds spaceless-script runs, which become their
    /// overlapping character pairs (a lone character stays itself).
    static func splitSpaceless(_ word: String.UnicodeScalarView) -> [String] {
        guard word.contains(where: isSpaceless) else { return [String(word)] }
        var terms: [String] = []
        var run: [Unicode.Scalar] = []
        var other = String.UnicodeScalarView()
        func flushRun() {
            if run.count == 1 { terms.append(String(run[0])) }
            for i in run.indices.dropLast() { terms.append(String(String.UnicodeScalarView([run[i], run[i + 1]]))) }
            run = []
        }
        for scalar in word {
            if isSpaceless(scalar) {
                if !other.isEmpty {
                    terms.append(String(other))
                    other = String.UnicodeScalarView()
                }
                run.append(scalar)
            } else {
                flushRun()
                other.append(scalar)
            }
        }
        flushRun()
        if !other.isEmpty { terms.append(String(other)) }
        return terms
    }
}
