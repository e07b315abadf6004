/// Makes JSON from an untrusted file decodable without losing its text: one pass over the
/// bytes replaces, with U+FFFD, what a strict decoder rejects or no page may show — bytes that
/// are not UTF-8, raw control characters inside strings (tab, line feed and carriage return
/// become their escapes), escaped lone surrogates, and the characters `TextDecoding.isForbidden`
/// names, raw or escaped. A decoder would otherwise fail the whole string (and with it a
/// message's whole text) for one bad byte. Each repair is listed by its line, so a diagnostic
/// can name the message that held it.
package enum JSONRepair {
    /// What was wrong where a repair was made.
    package enum Kind: Sendable, Hashable {
        /// Bytes that are not UTF-8.
        case invalidUTF8
        /// A raw control character inside a string (not valid JSON).
        case rawControl
        /// A `\uD800`–`\uDFFF` escape without its other half.
        case loneSurrogate
        /// A character no output format allows (C0/C1 controls, U+FFFE/U+FFFF), raw or escaped.
        case forbidden

        /// How a diagnostic says it.
        package var description: String {
            switch self {
            case .invalidUTF8: "bytes that are not UTF-8"
            case .rawControl: "raw control characters"
            case .loneSurrogate: "lone UTF-16 surrogates"
            case .forbidden: "characters no page may show"
            }
        }
    }

    package struct Repair: Sendable, Hashable {
        /// The 1-based line of the bytes replaced.
        package var line: Int
        package var kind: Kind
    }

    /// The repaired bytes and every repair in order; nil when nothing needed repair (the common
    /// case costs one scan and no copy).
    /// `skipping`: what needs no repair is passed over in one tight loop (`Scanner.skip`); false looks at every
    /// byte alone, which tests compare it with.
    package static func repair(_ bytes: [UInt8], skipping: Bool = true) -> (bytes: [UInt8], repairs: [Repair])? {
        bytes.withUnsafeBufferPointer { repair($0, skipping: skipping) }
    }

    /// The same, over bytes read in place (an export's file is not copied to be checked).
    package static func repair(_ bytes: UnsafeBufferPointer<UInt8>, skipping: Bool = true) -> (bytes: [UInt8], repairs: [Repair])? {
        var scanner = Scanner(bytes: bytes)
        scanner.run(skipping: skipping)
        guard !scanner.repairs.isEmpty else { return nil }
        scanner.out.append(contentsOf: bytes[scanner.copied...])
        return (scanner.out, scanner.repairs)
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
    private static let escapedReplacement = Array("\\ufffd".utf8)

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var out: [UInt8] = []
        var copied = 0
        var repairs: [Repair] = []
        var line = 1
        var inString = false

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func replace(_ start: Int, _ length: Int, with replacement: [UInt8], _ kind: Kind) {
            if repairs.isEmpty { out.reserveCapacity(bytes.count + 16) }
            out.append(contentsOf: bytes[copied..<start])
            out.append(contentsOf: replacement)
            copied = start + length
            if repairs.last != Repair(line: line, kind: kind) { repairs.append(Repair(line: line, kind: kind)) }
        }

        mutating func run(skipping: Bool) {
            var i = 0
            while i < bytes.count {
                if skipping {
                    i = skip(from: i)
                    guard i < bytes.count else { break }
                }
                let byte = bytes[i]
                if byte == 0x0A { line += 1 }
                if byte < 0x80 {
                    i = ascii(byte, at: i)
                } else {
                    i = multibyte(at: i)
                }
            }
        }

        /// The first offset from `i` whose byte may need repair, passing over what needs none
        /// as `ascii` and `multibyte` would, in one loop: plain text (`plainEnd`), quotes (the
        /// string state), line breaks and everything else outside strings, escapes other than
        /// `\u` inside them, and well-formed UTF-8 that is allowed. Returning from the loop at
        /// each quote and line break was most of the scan of a pretty-printed export.
        mutating func skip(from start: Int) -> Int {
            var i = start
            let count = bytes.count
            var inString = inString
            var line = line
            defer {
                self.inString = inString
                self.line = line
            }
            while i < count {
                let byte = bytes[i]
                if byte >= 0x80 {
                    let length = JSONRepair.allowedSequenceLength(bytes, at: i)
                    guard length > 0 else { return i }
                    i += length
                } else if byte == 0x22 {
                    inString.toggle()
                    i += 1
                } else if byte >= 0x20, byte != 0x5C, byte != 0x7F {
                    i = JSONRepair.plainEnd(bytes, from: i + 1)
                } else if !inString {
                    // Outside a string nothing is repaired; the decoder reports what is wrong.
                    if byte == 0x0A { line += 1 }
                    i += 1
                } else if byte == 0x5C, i + 1 < count, bytes[i + 1] != 0x75 {
                    // An escape other than `\u` passes whole (as `escape` passes it, the byte
                    // after the backslash uncounted even when it is a line break).
                    i += 2
                } else {
                    return i
                }
            }
            return i
        }

        /// Handles one ASCII byte (and an escape it starts); returns the next offset.
        mutating func ascii(_ byte: UInt8, at i: Int) -> Int {
            if byte == 0x22 {
                inString.toggle()
            } else if inString, byte == 0x5C {
                return escape(at: i)
            } else if inString, byte < 0x20 {
                let escaped: [UInt8]? = byte == 0x09 ? Array("\\t".utf8) : byte == 0x0A ? Array("\\n".utf8) : byte == 0x0D ? Array("\\r".utf8) : nil
                replace(i, 1, with: escaped ?? JSONRepair.escapedReplacement, escaped == nil ? .forbidden : .rawControl)
            } else if inString, byte == 0x7F {
                replace(i, 1, with: JSONRepair.replacement, .forbidden)
            }
            return i + 1
        }

        /// An escape inside a string: `\uXXXX` is checked (surrogate pairs, forbidden
        /// characters); other escapes pass. Returns the offset after it.
        mutating func escape(at i: Int) -> Int {
            guard i + 1 < bytes.count else { return i + 1 }
            guard bytes[i + 1] == 0x75, let value = hex(at: i + 2) else { return i + 2 }
            switch value {
            case 0xD800...0xDBFF:
                if bytes.count > i + 11, bytes[i + 6] == 0x5C, bytes[i + 7] == 0x75, let low = hex(at: i + 8), (0xDC00...0xDFFF).contains(low) {
                    return i + 12
                }
                replace(i, 6, with: JSONRepair.escapedReplacement, .loneSurrogate)
            case 0xDC00...0xDFFF:
                replace(i, 6, with: JSONRepair.escapedReplacement, .loneSurrogate)
            default:
                if let scalar = Unicode.Scalar(value), TextDecoding.isForbidden(scalar) {
                    replace(i, 6, with: JSONRepair.escapedReplacement, .forbidden)
                }
            }
            return i + 6
        }

        /// A UTF-8 sequence starting at `i`: kept when well formed and allowed, replaced otherwise.
        mutating func multibyte(at i: Int) -> Int {
            let length = JSONRepair.sequenceLength(bytes, at: i)
            guard length > 0 else {
                replace(i, 1, with: JSONRepair.replacement, .invalidUTF8)
                return i + 1
            }
            // C1 controls (U+0080–U+009F) and U+FFFE/U+FFFF are well formed but forbidden.
            let c1 = bytes[i] == 0xC2 && bytes[i + 1] <= 0x9F
            let nonCharacter = bytes[i] == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE
            if c1 || nonCharacter { replace(i, length, with: JSONRepair.replacement, .forbidden) }
            return i + length
        }

        /// The value of four hex digits at `i`, nil when they are not.
        func hex(at i: Int) -> UInt32? {
            guard i + 4 <= bytes.count else { return nil }
            return HexBytes.value(UnsafeBufferPointer(rebasing: bytes[i..<(i + 4)])).map(UInt32.init)
        }
    }

    /// The first offset from `i` on whose byte changes the scan's state or may need repair:
    /// printable ASCII other than a quote or a backslash, and two-byte sequences above the C1
    /// controls (most letters of Cyrillic, Greek, Arabic, Hebrew…), pass in or out of a string.
    static func plainEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let count = bytes.count
        // Eight bytes at a time while they are plain ASCII or four two-byte letters; after eight
        // that are neither (a word's end, mixed scripts), a byte at a time for the next eight.
        var bytewise = 0
        while i < count {
            if bytewise <= 0, i + 8 <= count, let base = bytes.baseAddress {
                let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if isPlainASCII(word) || isTwoByteLetters(word) {
                    i += 8
                    continue
                }
                bytewise = 8
            }
            let byte = bytes[i]
            if byte >= 0x20, byte < 0x7F, byte != 0x22, byte != 0x5C {
                i += 1
                bytewise -= 1
            } else if byte >= 0xC3, byte <= 0xDF, i + 1 < count, bytes[i + 1] & 0xC0 == 0x80 {
                i += 2
                bytewise -= 2
            } else {
                break
            }
        }
        return i
    }

    /// The length of the well-formed, allowed UTF-8 sequence at `i` (what `multibyte` keeps):
    /// 0 for one it would replace. A two-byte letter (Cyrillic, Greek, Arabic…) is decided by
    /// its first two bytes before the general table.
    @inline(__always)
    static func allowedSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let lead = bytes[i]
        if lead >= 0xC3, lead <= 0xDF {
            return i + 1 < bytes.count && bytes[i + 1] & 0xC0 == 0x80 ? 2 : 0
        }
        let length = sequenceLength(bytes, at: i)
        guard length > 0 else { return 0 }
        let c1 = lead == 0xC2 && bytes[i + 1] <= 0x9F
        let nonCharacter = lead == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE
        return c1 || nonCharacter ? 0 : length
    }

    /// True when the eight bytes, read from a character's start, are four two-byte sequences
    /// above the C1 controls: a lead `C3`–`DF` then a continuation `80`–`BF`, as `plainEnd`
    /// passes them a letter at a time (bytes in memory order: the lowest byte first).
    static func isTwoByteLetters(_ word: UInt64) -> Bool {
        // Leads `110xxxxx`, continuations `10xxxxxx`.
        guard word & 0xC0E0_C0E0_C0E0_C0E0 == 0x80C0_80C0_80C0_80C0 else { return false }
        // And no lead `C0`–`C2`: each lead's low five bits plus 29 reach 32 only from 3 up
        // (at most 60: no carry into the next byte).
        let low = word & 0x001F_001F_001F_001F
        return (low &+ 0x001D_001D_001D_001D) & 0x0020_0020_0020_0020 == 0x0020_0020_0020_0020
    }

    /// True when each of the eight bytes is printable ASCII other than a quote or a backslash.
    /// (Each test sets a byte's high bit where that byte is one it looks for; borrows can set
    /// more only above such a byte, which makes the word fail, never pass.)
    static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value }
        let control = (word &- ones &* 0x20) & ~word
        let found = word | control | zeroByte(word ^ (ones &* 0x22)) | zeroByte(word ^ (ones &* 0x5C)) | zeroByte(word ^ (ones &* 0x7F))
        return found & highs == 0
    }

    /// The length of the well-formed UTF-8 sequence at `i` (Unicode table 3-7), 0 if none.
    package static func sequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
        bytes.withUnsafeBufferPointer { sequenceLength($0, at: i) }
    }

    /// The same, over bytes read in place (HTML pages are scanned without a copy).
    package static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let lead = bytes[i]
        func continuation(_ k: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            i + k < bytes.count && range.contains(bytes[i + k])
        }
        switch lead {
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }
}
