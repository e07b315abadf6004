import Foundation

/// Decoding rules for dump bytes that are not plain UTF-8, and the characters no output
/// format allows.
enum TextDecoding {
    /// UTF-16 text with a byte-order mark, decoded; nil when the data has no UTF-16 BOM.
    /// `firstBadLine` is the line of the first lone surrogate (replaced with U+FFFD).
    static func utf16(_ data: Data) -> (text: String, firstBadLine: Int?)? {
        let bigEndian: Bool
        if data.starts(with: [0xFF, 0xFE]) {
            bigEndian = false
        } else if data.starts(with: [0xFE, 0xFF]) {
            bigEndian = true
        } else {
            return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity(data.count / 2)
        var index = data.startIndex + 2
        while index + 1 < data.endIndex {
            let first = UInt16(data[index])
            let second = UInt16(data[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var text = ""
        text.reserveCapacity(units.count)
        var line = 1
        var firstBad: Int?
        var decoder = UTF16()
        var iterator = units.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                text.unicodeScalars.append(scalar)
            case .error:
                firstBad = firstBad ?? line
                text.unicodeScalars.append("\u{FFFD}")
            case .emptyInput:
                break loop
            }
        }
        return (text, firstBad)
    }

    /// True for characters that XML 1.0 or HTML forbids in text: C0 controls other than tab,
    /// line feed and carriage return, DEL and the C1 controls, and U+FFFE / U+FFFF.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v != 0x09 && v != 0x0A && v != 0x0D }
        return (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
    }

    /// The text with forbidden characters replaced by U+FFFD, and the first line holding one;
    /// nil when there are none (the common case costs one scan of the bytes).
    static func replacingForbidden(_ text: String) -> (text: String, firstLine: Int)? {
        // C0 and DEL are single bytes; C1 controls start with 0xC2, U+FFFE/F with 0xEF 0xBF.
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F || $0 == 0xC2 || $0 == 0xEF }),
            text.unicodeScalars.contains(where: isForbidden)
        else { return nil }
        var out = String.UnicodeScalarView()
        var line = 1
        var firstLine: Int?
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1 }
            if isForbidden(scalar) {
                firstLine = firstLine ?? line
                out.append("\u{FFFD}")
            } else {
                out.append(scalar)
            }
        }
        return (String(out), firstLine ?? 1)
    }

    /// JSON with every forbidden character replaced by U+FFFD, escaped (`\u0001` → `\ufffd`) or
    /// raw (C1 controls, U+FFFE/F: raw C0 controls are not valid JSON), and the first line
    /// holding one; nil when there are none (the common case costs one scan of the bytes).
    static func replacingForbidden(inJSON data: Data) -> (data: Data, firstLine: Int)? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> (Data, Int)? in
            var firstLine: Int?
            var line = 1
            var out: [UInt8] = []
            var copied = 0  // bytes before this offset are in `out` (once a replacement was made)
            func replace(_ start: Int, _ length: Int, with replacement: [UInt8]) {
                if firstLine == nil {
                    firstLine = line
                    out.reserveCapacity(bytes.count + 16)
                }
                out.append(contentsOf: bytes[copied..<start])
                out.append(contentsOf: replacement)
                copied = start + length
            }
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == 0x0A {
                    line += 1
                } else if byte == 0x5C, i + 1 < bytes.count {  // an escape: `\uXXXX` or a two-byte one
                    if bytes[i + 1] == 0x75, i + 5 < bytes.count, let value = hexValue(bytes[(i + 2)..<(i + 6)]), isForbidden(value: value) {
                        replace(i, 6, with: Array("\\ufffd".utf8))
                        i += 6
                    } else {
                        i += 2
                    }
                    continue
                } else if byte == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
                    replace(i, 2, with: [0xEF, 0xBF, 0xBD])
                    i += 2
                    continue
                } else if byte == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE {
                    replace(i, 3, with: [0xEF, 0xBF, 0xBD])
                    i += 3
                    continue
                }
                i += 1
            }
            guard let firstLine else { return nil }
            out.append(contentsOf: bytes[copied...])
            return (Data(out), firstLine)
        }
    }

    /// The value of four hex digits, nil when they are not.
    private static func hexValue(_ digits: Slice<UnsafeRawBufferPointer>) -> UInt32? {
        var value: UInt32 = 0
        for digit in digits {
            switch digit {
            case 0x30...0x39: value = value << 4 | UInt32(digit - 0x30)
            case 0x41...0x46: value = value << 4 | UInt32(digit - 0x37)
            case 0x61...0x66: value = value << 4 | UInt32(digit - 0x57)
            default: return nil
            }
        }
        return value
    }

    static func isForbidden(value: UInt32) -> Bool {
        Unicode.Scalar(value).map(isForbidden) ?? false
    }
}
