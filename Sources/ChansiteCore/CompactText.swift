/// A short text held without a heap allocation when it is at most 32 lowercase hex digits (the
/// fingerprints and content hashes of a build's hundreds of thousands of files: as `String`s
/// they cost two allocations a file); any other text is held as it is.
package enum CompactText: Hashable, Sendable {
    case hex(high: UInt64, low: UInt64, digits: UInt8)
    case text(String)

    package init(_ text: String) {
        let utf8 = text.utf8
        guard utf8.count <= 32, utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            self = .text(text)
            return
        }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for byte in utf8 {
            high = high << 4 | low >> 60
            low = low << 4 | UInt64(byte <= 0x39 ? byte - 0x30 : byte - 0x61 + 10)
        }
        self = .hex(high: high, low: low, digits: UInt8(utf8.count))
    }

    package var string: String {
        switch self {
        case .text(let text):
            return text
        case .hex(var high, var low, let digits):
            var bytes = [UInt8](repeating: 0, count: Int(digits))
            for i in bytes.indices.reversed() {
                let digit = UInt8(low & 0xF)
                bytes[i] = digit < 10 ? 0x30 + digit : 0x61 + digit - 10
                low = low >> 4 | high << 60
                high >>= 4
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
