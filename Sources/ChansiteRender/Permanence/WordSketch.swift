import ChansiteCore

/// A MinHash sketch of a text's set of words: two texts' sketches agree in about as many of
/// their slots as the texts share of their words (Jaccard similarity), so a post edited by a
/// word or two is found again among many without comparing texts.
package struct WordSketch: Sendable, Hashable {
    package static let slots = 8
    /// One minimum per slot, held inline (no allocation per sketch).
    package var values: SIMD8<UInt32>

    package init(values: SIMD8<UInt32>) { self.values = values }

    /// The sketch of `text`'s words; nil when it has none. A word is a run of ASCII letters
    /// and digits (lower-cased) or of any non-ASCII bytes: read from the UTF-8 bytes in one pass
    /// with no allocation (it runs over every text post of a first build).
    package init?(text: String) {
        var minimums = SIMD8<UInt32>(repeating: .max)
        var any = false
        var hash: UInt32 = 0x811c_9dc5
        var inWord = false
        func finish() {
            let value = UInt64(hash)
            for slot in 0..<Self.slots {
                // A different permutation per slot: the word's hash mixed with the slot's seed.
                var mixed = (value ^ Self.seeds[slot]) &* 0x9E37_79B9_7F4A_7C15
                mixed ^= mixed >> 29
                minimums[slot] = min(minimums[slot], UInt32(truncatingIfNeeded: mixed >> 32))
            }
            any = true
            hash = 0x811c_9dc5
        }
        for var byte in text.utf8 {
            let isWordByte: Bool
            switch byte {
            case 0x41...0x5A:
                byte |= 0x20
                isWordByte = true
            case 0x61...0x7A, 0x30...0x39, 0x80...0xFF: isWordByte = true
            default: isWordByte = false
            }
            if isWordByte {
                hash = (hash ^ UInt32(byte)) &* 0x0100_0193
                inWord = true
            } else if inWord {
                finish()
                inWord = false
            }
        }
        if inWord { finish() }
        guard any else { return nil }
        values = minimums
    }

    static let seeds: [UInt64] = (0..<UInt64(slots)).map { $0 &* 0xBF58_476D_1CE4_E5B9 &+ 0x94D0_49BB_1331_11EB }

    /// How many slots agree (0…`slots`).
    package func agreement(with other: WordSketch) -> Int {
        (0..<Self.slots).filter { values[$0] == other.values[$0] }.count
    }

    /// Appends the 64 hex digits `hex` spells.
    func appendHex(to bytes: inout [UInt8]) {
        for slot in 0..<Self.slots { HexBytes.append(UInt64(values[slot]), digits: 8, to: &bytes) }
    }

    /// 64 hex digits.
    package var hex: String {
        var bytes: [UInt8] = []
        appendHex(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// From 64 hex digits' bytes (either case), as `init?(hex:)` reads their text.
    init?(hexBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == Self.slots * 8 else { return nil }
        var values = SIMD8<UInt32>()
        for slot in 0..<Self.slots {
            guard let value = HexBytes.value(UnsafeBufferPointer(rebasing: bytes[(slot * 8)..<(slot * 8 + 8)])) else { return nil }
            values[slot] = UInt32(value)
        }
        self.values = values
    }

    package init?(hex: Substring) {
        var text = String(hex)
        guard let sketch = text.withUTF8({ WordSketch(hexBytes: $0) }) else { return nil }
        self = sketch
    }
}
