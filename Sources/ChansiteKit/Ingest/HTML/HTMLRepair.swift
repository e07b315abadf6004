import Foundation

/// Makes an HTML page from an untrusted file safe to parse without losing its text: bytes that
/// are not UTF-8 and characters no page may show (raw, or as `&#…;` references) become U+FFFD,
/// as `JSONRepair` does for JSON.
enum HTMLRepair {
    /// The repaired bytes, and the first line repaired (nil when nothing was).
    static func repair(_ data: Data) -> (data: Data, firstLine: Int?) {
        let decoded = String(decoding: data, as: UTF8.self)
        var firstLine: Int?
        var text = decoded
        if decoded.utf8.count != data.count || decoded.utf8.elementsEqual(data) == false {
            firstLine = line(ofFirstDifferenceBetween: data, and: decoded)
        }
        if let cleaned = TextDecoding.replacingForbidden(text) {
            text = cleaned.text
            firstLine = min(firstLine ?? cleaned.firstLine, cleaned.firstLine)
        }
        if let referenced = replacingForbiddenReferences(text) {
            text = referenced.text
            firstLine = min(firstLine ?? referenced.firstLine, referenced.firstLine)
        }
        return firstLine == nil ? (data, nil) : (Data(text.utf8), firstLine)
    }

    private static func line(ofFirstDifferenceBetween data: Data, and text: String) -> Int {
        var line = 1
        for (a, b) in zip(data, text.utf8) {
            if a != b { break }
            if a == 0x0A { line += 1 }
        }
        return line
    }

    /// `&#1;`, `&#x1b;` and the like naming a forbidden character, replaced by `&#xFFFD;`.
    static func replacingForbiddenReferences(_ text: String) -> (text: String, firstLine: Int)? {
        guard text.contains("&#") else { return nil }
        var out = ""
        var firstLine: Int?
        var line = 1
        var rest = Substring(text)
        while let start = rest.range(of: "&#") {
            out += rest[..<start.lowerBound]
            line += rest[..<start.lowerBound].utf8.count { $0 == 0x0A }
            let after = rest[start.upperBound...]
            let hex = after.first == "x" || after.first == "X"
            let digits = (hex ? after.dropFirst() : after).prefix { hex ? $0.isHexDigit : ($0.isASCII && $0.isNumber) }.prefix(8)
            let value = UInt32(digits, radix: hex ? 16 : 10)
            if let value, digits.count > 0, Unicode.Scalar(value).map(TextDecoding.isForbidden) ?? (value != 0 && value < 0x110000) {
                out += "&#xFFFD;"
                firstLine = firstLine ?? line
                rest = (hex ? after.dropFirst() : after).dropFirst(digits.count)
            } else {
                out += "&#"
                rest = after
            }
        }
        out += rest
        return firstLine.map { (out, $0) }
    }
}
