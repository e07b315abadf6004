/// Hex digits read from bytes: JSON's `\uXXXX` escapes, the work folder's keys.
package enum HexBytes {
    /// The value of up to 16 hex digits (either case); nil when one is not a digit.
    package static func value(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard bytes.count <= 16 else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            switch byte {
            case 0x30...0x39: value = value << 4 | UInt64(byte - 0x30)
            case 0x41...0x46: value = value << 4 | UInt64(byte - 0x37)
            case 0x61...0x66: value = value << 4 | UInt64(byte - 0x57)
            default: return nil
            }
        }
        return value
    }
}
