import Foundation

/// A small JSON writer for the big files (the index shards, the build manifest): string maps,
/// integer arrays and objects with sorted keys, written straight to bytes (Foundation's
/// serializers spend most of their time sorting and boxing, and build the whole tree in memory
/// first). Escapes `/` like JSONSerialization, so `</script>` cannot appear.
package struct JSONText {
    private var buffer: [UInt8] = []

    package init() {}
    package var bytes: Data { Data(buffer) }
    /// How many bytes are written so far.
    package var count: Int { buffer.count }

    /// The bytes written so far, leaving the writer empty (a large file is handed on in parts).
    package mutating func take() -> Data {
        defer { buffer.removeAll(keepingCapacity: true) }
        return Data(buffer)
    }

    /// An object with sorted keys whose values are strings or integer arrays.
    package mutating func map(_ values: [String: String]) {
        raw("{")
        for (n, key) in values.keys.sorted().enumerated() {
            if n > 0 { raw(",") }
            string(key)
            raw(":")
            string(values[key] ?? "")
        }
        raw("}")
    }

    package mutating func map(_ values: [String: [Int]]) {
        raw("{")
        for (n, key) in values.keys.sorted().enumerated() {
            if n > 0 { raw(",") }
            string(key)
            raw(":[")
            for (m, value) in (values[key] ?? []).enumerated() {
                if m > 0 { buffer.append(0x2C) }
                number(value)
            }
            raw("]")
        }
        raw("}")
    }

    /// An array of rows, each an array of strings and integers (the `docs/` chunks).
    package mutating func rows(_ rows: [[JSONScalar]]) {
        raw("[")
        for (n, row) in rows.enumerated() {
            raw(n > 0 ? ",[" : "[")
            for (m, value) in row.enumerated() {
                if m > 0 { raw(",") }
                switch value {
                case .string(let text): string(text)
                case .int(let value): number(value)
                }
            }
            raw("]")
        }
        raw("]")
    }

    package enum JSONScalar {
        case string(String)
        case int(Int)
    }

    /// Text copied as it is: punctuation, or JSON made elsewhere.
    package mutating func raw(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    package mutating func raw(bytes: Data) {
        buffer.append(contentsOf: bytes)
    }

    /// Any whole number (digit by digit when it is small enough, as most are).
    package mutating func number(_ value: Int64) {
        if let small = Int(exactly: value), small >= 0, small < 1_000_000_000_000 { number(small) } else { raw(String(value)) }
    }

    package mutating func number(_ value: UInt64) {
        if let small = Int(exactly: value), small < 1_000_000_000_000 { number(small) } else { raw(String(value)) }
    }

    /// A whole number in decimal, digit by digit (no string made per number).
    private mutating func number(_ value: Int) {
        guard value >= 0, value < 1_000_000_000_000 else { return raw(String(value)) }
        var divisor = 1
        while divisor * 10 <= value { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            buffer.append(UInt8(0x30 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    package mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { string(utf8: $0) }
    }

    /// A string of hex digits (a digest), written from its packed form without a `String` made.
    package mutating func string(_ text: CompactText) {
        guard case .hex = text else { return string(text.string) }
        buffer.append(0x22)
        text.appendHexDigits(to: &buffer)
        buffer.append(0x22)
    }

    /// One pass over the bytes: runs that need no escape are copied whole (a pass to find
    /// whether any byte needs one first read every path and digest twice).
    private mutating func string(utf8 input: UnsafeBufferPointer<UInt8>) {
        buffer.append(0x22)
        var i = 0
        var run = 0
        // Bytes that need no escape are copied a run at a time, not one append each.
        func flush() {
            if run < i { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: input[run..<i])) }
        }
        while i < input.count {
            let byte = input[i]
            switch byte {
            // Two appends, not a two-byte array made for each escape (every line break of
            // every post passes here).
            case 0x22, 0x5C, 0x2F:
                flush()
                escaped(byte)
            case 0x0A:
                flush()
                escaped(0x6E)
            case 0x0D:
                flush()
                escaped(0x72)
            case 0x09:
                flush()
                escaped(0x74)
            case 0..<0x20:
                flush()
                buffer.append(contentsOf: String(format: "\\u%04x", byte).utf8)
            case 0xE2 where i + 2 < input.count && input[i + 1] == 0x80 && (input[i + 2] == 0xA8 || input[i + 2] == 0xA9):
                // U+2028 and U+2029 end a line in older JavaScript engines: escaped, the index
                // files stay valid scripts everywhere.
                flush()
                buffer.append(contentsOf: (input[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                i += 2
            default:
                i += 1
                continue
            }
            i += 1
            run = i
        }
        flush()
        buffer.append(0x22)
    }

    private mutating func escaped(_ byte: UInt8) {
        buffer.append(0x5C)
        buffer.append(byte)
    }
}
