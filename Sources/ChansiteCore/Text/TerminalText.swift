/// Text from an input made safe to print on a terminal: a file name or post text holding ESC
/// or BEL could otherwise recolour, retitle or rewrite the user's terminal, a carriage return
/// could hide a line, and bidirectional overrides could make a name read as another.
package enum TerminalText {
    /// `text` with every control character (C0, DEL, C1) and every bidirectional control
    /// written as `\u{…}`; line breaks too unless `keepingLineBreaks`.
    package static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepingLineBreaks) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func needsEscape(_ scalar: Unicode.Scalar, _ keepingLineBreaks: Bool) -> Bool {
        let v = scalar.value
        if v == 0x0A { return !keepingLineBreaks }
        if v < 0x20 { return v != 0x09 || !keepingLineBreaks }
        return (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
            || v == 0x061C
    }
}
