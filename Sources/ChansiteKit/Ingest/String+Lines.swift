/// Whitespace rules shared by every format. Dumps are copied from web pages, so besides
/// ASCII spaces they carry U+00A0 and other typographic spaces, which must count as spaces
/// wherever a rule compares text, and survive in the text the reader sees.
extension Unicode.Scalar {
    /// True for every space-like scalar a copied web page may contain.
    var isSpaceLike: Bool {
        switch value {
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }
}

extension StringProtocol {
    /// True when the line has nothing but spaces.
    var isBlankLine: Bool { unicodeScalars.allSatisfy(\.isSpaceLike) }

    /// The text without leading and trailing spaces of any kind.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceLike }),
              let last = scalars.lastIndex(where: { !$0.isSpaceLike })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// The text with every run of spaces of any kind turned into one ASCII space, trimmed.
    /// Used for comparing and for metadata; body text keeps its own spaces.
    var normalizedSpaces: String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isSpaceLike {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }
}

extension Array where Element == String {
    /// Drops blank lines at both ends; inner blank lines stay (they separate paragraphs).
    func trimmingBlankLines() -> ArraySlice<String> {
        guard let first = firstIndex(where: { !$0.isBlankLine }),
              let last = lastIndex(where: { !$0.isBlankLine })
        else { return [] }
        return self[first...last]
    }
}
