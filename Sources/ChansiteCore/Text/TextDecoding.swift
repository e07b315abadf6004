import Foundation

/// Decoding rules for dump bytes that are not plain UTF-8, and the characters no output
/// format allows.
package enum TextDecoding {
    /// UTF-16 text with a byte-order mark, decoded; nil when the data has no UTF-16 BOM.
    /// `firstBadLine` is the line of the first lone surrogate (replaced with U+FFFD).
    package static func utf16(_ data: Data) -> (text: String, firstBadLine: Int?)? {
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
    package static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v != 0x09 && v != 0x0A && v != 0x0D }
        return (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
    }

    /// The text with forbidden characters replaced by U+FFFD, and the first line holding one;
    /// nil when there are none (the common case costs one scan of the bytes).
    package static func replacingForbidden(_ text: String) -> (text: String, firstLine: Int)? {
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

    /// JSON with every forbidden character, invalid byte and lone surrogate replaced by U+FFFD
    /// (`JSONRepair`), and the first line holding one; nil when there are none.
    package static func replacingForbidden(inJSON data: Data) -> (data: Data, firstLine: Int)? {
        guard let repaired = JSONRepair.repair([UInt8](data)) else { return nil }
        return (Data(repaired.bytes), repaired.repairs.first?.line ?? 1)
    }

}
