import Foundation

/// A deterministic 128-bit hash of structured values (two FNV-1a lanes), for the inputs of
/// output files. Swift's `Hasher` is seeded per process, so it cannot name inputs across builds.
package struct Fingerprint: Sendable {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x8422_2325_cbf2_9ce4

    package init() {}

    package init(_ parts: String...) {
        for part in parts { add(part) }
    }

    private mutating func byte(_ value: UInt8) {
        a = (a ^ UInt64(value)) &* 0x100_0000_01b3
        b = (b ^ UInt64(value)) &* 0x0000_0100_0000_01b3 &+ 0x9E37
    }

    /// Eight bytes at once (xxHash's round in two differently seeded lanes): texts are hashed
    /// a word at a time, not a byte at a time, as every page's and post's inputs pass here.
    private mutating func word(_ value: UInt64) {
        a = rotated(a &+ value &* 0xC2B2_AE3D_27D4_EB4F, 31) &* 0x9E37_79B1_85EB_CA87
        b = rotated(b ^ (value &* 0x1656_67B1_9E37_79F9), 27) &* 0x85EB_CA77_C2B2_AE63 &+ 0x27D4_EB2F_1656_67C5
    }

    private func rotated(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    private mutating func add(buffer: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= buffer.count {
            word(buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        while offset < buffer.count {
            byte(buffer[offset])
            offset += 1
        }
    }

    package mutating func add(_ text: String) {
        tag(0x73, length: text.utf8.count)
        if text.utf8.withContiguousStorageIfAvailable({ add(buffer: UnsafeRawBufferPointer($0)) }) == nil {
            var copy = text
            copy.withUTF8 { add(buffer: UnsafeRawBufferPointer($0)) }
        }
    }

    /// Adds raw bytes (a file's contents).
    package mutating func add(bytes: Data) {
        tag(0x42, length: bytes.count)
        bytes.withUnsafeBytes { add(buffer: $0) }
    }

    package mutating func add(_ number: Int) {
        tag(0x69, length: number)
    }

    private mutating func tag(_ kind: UInt8, length: Int) {
        byte(kind)
        word(UInt64(bitPattern: Int64(length)))
    }

    /// Adds a template context: strings, numbers, booleans, arrays and dictionaries (keys sorted).
    package mutating func add(any value: Any?) {
        switch value {
        case let text as String: add(text)
        case let number as Int: add(number)
        case let flag as Bool: tag(0x62, length: flag ? 1 : 0)
        case let number as Double: add(String(number))
        case let list as [Any]:
            tag(0x61, length: list.count)
            for item in list { add(any: item) }
        case let map as [String: Any]:
            tag(0x64, length: map.count)
            for key in map.keys.sorted() {
                add(key)
                add(any: map[key])
            }
        case nil: tag(0x6E, length: 0)
        case let other?: add(String(describing: other))
        }
    }

    package var hex: String {
        func part(_ v: UInt64) -> String {
            let digits = String(v, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return part(a) + part(b)
    }
}
