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

    /// Appends `value`'s low `digits` hex digits, lower case, zero-padded (as
    /// `String(value, radix: 16)` padded to `digits` writes them).
    package static func append(_ value: UInt64, digits: Int, to bytes: inout [UInt8]) {
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            let digit = UInt8((value >> UInt64(shift)) & 0xF)
            bytes.append(digit < 10 ? 0x30 + digit : 0x57 + digit)
        }
    }
}
