import ChansiteCore

/// A MinHash sketch of a text's set of words: two texts' sketches agree in about as many of
/// their slots as the texts share of their words (Jaccard similarity), so a post edited by a
/// word or two is found again among many without comparing texts.
package struct WordSketch: Sendable, Hashable {
    package static let slots = 8
    package var values: [UInt32]

    package init(values: [UInt32]) { self.values = values }

    /// The sketch of `text`'s words (letters and digits, lower-cased); nil when it has none.
    package init?(text: String) {
        var minimums = [UInt32](repeating: .max, count: Self.slots)
        var any = false
        for word in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            any = true
            let hash = UInt64(FNV1a.hash(String(word)))
            for slot in 0..<Self.slots {
                // A different permutation per slot: the word's hash mixed with the slot's seed.
                var mixed = (hash ^ Self.seeds[slot]) &* 0x9E37_79B9_7F4A_7C15
                mixed ^= mixed >> 29
                minimums[slot] = min(minimums[slot], UInt32(truncatingIfNeeded: mixed >> 32))
            }
        }
        guard any else { return nil }
        values = minimums
    }

    static let seeds: [UInt64] = (0..<UInt64(slots)).map { $0 &* 0xBF58_476D_1CE4_E5B9 &+ 0x94D0_49BB_1331_11EB }

    /// How many slots agree (0…`slots`).
    package func agreement(with other: WordSketch) -> Int {
        zip(values, other.values).filter { $0 == $1 }.count
    }

    /// 64 hex digits.
    package var hex: String {
        values.map { value in
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 8 - digits.count) + digits
        }.joined()
    }

    package init?(hex: Substring) {
        guard hex.count == Self.slots * 8, hex.allSatisfy(\.isHexDigit) else { return nil }
        var values: [UInt32] = []
        var index = hex.startIndex
        for _ in 0..<Self.slots {
            let end = hex.index(index, offsetBy: 8)
            guard let value = UInt32(hex[index..<end], radix: 16) else { return nil }
            values.append(value)
            index = end
        }
        self.values = values
    }
}
