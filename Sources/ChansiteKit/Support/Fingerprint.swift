import Foundation

/// A deterministic 128-bit hash of structured values (two FNV-1a lanes), for the inputs of
/// output files. Swift's `Hasher` is seeded per process, so it cannot name inputs across builds.
public struct Fingerprint: Sendable {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x8422_2325_cbf2_9ce4

    public init() {}

    public init(_ parts: String...) {
        for part in parts { add(part) }
    }

    private mutating func byte(_ value: UInt8) {
        a = (a ^ UInt64(value)) &* 0x100_0000_01b3
        b = (b ^ UInt64(value)) &* 0x0000_0100_0000_01b3 &+ 0x9E37
    }

    public mutating func add(_ text: String) {
        tag(0x73, length: text.utf8.count)
        for value in text.utf8 { byte(value) }
    }

    /// Adds raw bytes (a file's contents).
    public mutating func add(bytes: Data) {
        tag(0x42, length: bytes.count)
        bytes.withUnsafeBytes { buffer in
            for value in buffer { byte(value) }
        }
    }

    public mutating func add(_ number: Int) {
        tag(0x69, length: number)
    }

    private mutating func tag(_ kind: UInt8, length: Int) {
        byte(kind)
        var n = UInt64(bitPattern: Int64(length))
        for _ in 0..<8 {
            byte(UInt8(n & 0xFF))
            n >>= 8
        }
    }

    /// Adds a template context: strings, numbers, booleans, arrays and dictionaries (keys sorted).
    public mutating func add(any value: Any?) {
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

    public var hex: String {
        func part(_ v: UInt64) -> String {
            let digits = String(v, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return part(a) + part(b)
    }
}
