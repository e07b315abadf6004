/// A short text held without a heap allocation when it is at most 32 lowercase hex digits (the
/// fingerprints and content hashes of a build's hundreds of thousands of files: as `String`s
/// they cost two allocations a file); any other text is held as it is.
package enum CompactText: Hashable, Sendable {
    case hex(high: UInt64, low: UInt64, digits: UInt8)
    case text(String)

    package init(_ text: String) {
        var text = text
        self = text.withUTF8 { CompactText(hexDigits: $0) } ?? .text(text)
    }

    /// The hex form of `bytes` when they are at most 32 lowercase hex digits, else nil: read
    /// from a file's bytes without a `String` made first (the manifest's 250,000 digests).
    package init?(hexDigits bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= 32 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for byte in bytes {
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            high = high << 4 | low >> 60
            low = low << 4 | UInt64(digit)
        }
        self = .hex(high: high, low: low, digits: UInt8(bytes.count))
    }

    /// The hex digits of a `.hex` text appended to `bytes` (nothing for `.text`).
    package func appendHexDigits(to bytes: inout [UInt8]) {
        guard case .hex(var high, var low, let digits) = self else { return }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: Int(digits)))
        for i in (start..<bytes.count).reversed() {
            let digit = UInt8(low & 0xF)
            bytes[i] = digit < 10 ? 0x30 + digit : 0x61 + digit - 10
            low = low >> 4 | high << 60
            high >>= 4
        }
    }

    package var string: String {
        switch self {
        case .text(let text):
            return text
        case .hex:
            var bytes: [UInt8] = []
            appendHexDigits(to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
