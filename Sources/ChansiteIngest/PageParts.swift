import ChansiteCore
import ChansiteModel

/// The parts of a channel page other than a post's words (`shared/formats/tme-page-anatomy.md`),
/// as a text copy shows them: media labels, service lines, day separators and footers. The
/// format parsers ask these, so every format reads a part the same way.
enum PageParts {
    /// The fallback text a video, round video or sticker player shows (followed by
    /// `VIEW IN TELEGRAM`); it comes before the caption it belongs to.
    static let mediaLabels: Set<String> = ["This media is not supported in your browser", "Media is too big"]

    static func isMediaLabel(_ line: String) -> Bool {
        mediaLabels.contains(line.normalizedSpaces)
    }

    /// A one-line service event between posts, and what it is; nil for any other line.
    static func serviceEvent(_ line: String) -> String? {
        if ReactionBlocks.pinNotice(line) != nil { return "pin notice" }
        let flat = line.normalizedSpaces
        if ["Channel created", "Channel photo updated", "Channel photo removed", "Channel video updated"].contains(flat) {
            return "service message"
        }
        if flat.hasPrefix("Channel name was changed to «"), flat.hasSuffix("»") { return "service message" }
        return nil
    }

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// A day separator: `May 5`, `December 31, 2023` (English month names, as t.me renders them).
    static func isDaySeparator(_ line: String) -> Bool {
        // "September 30, 2024" at most, with room for odd spacing.
        guard line.utf8.count <= 64 else { return false }
        let flat = line.normalizedSpaces
        // Most lines are turned away by their first word, before the line is split.
        guard let space = flat.utf8.firstIndex(of: 0x20), months.contains(String(flat[..<space])) else { return false }
        let words = flat.split(separator: " ")
        guard words.count == 2 || words.count == 3, months.contains(String(words[0])) else { return false }
        var day = words[1]
        if words.count == 3 {
            guard day.last == ",", words[2].count == 4, words[2].allSatisfy(\.isASCIIDigit) else { return false }
            day = day.dropLast()
        }
        guard let number = Int(day), (1...31).contains(number) else { return false }
        return true
    }

    /// A post's time in its footer (`16:45`, `4:45 PM`).
    static func isClockTime(_ line: String) -> Bool {
        // Asked of many lines: one pass over the bytes turns away any line with an ASCII byte
        // a time cannot hold (other bytes may be spaces, and go to the full test).
        guard line.containsByte(UInt8(ascii: ":")), line.utf8.allSatisfy(mayBeInClockTime) else { return false }
        var flat = Substring(line.normalizedSpaces)
        if flat.hasSuffix(" AM") || flat.hasSuffix(" PM") { flat = flat.dropLast(3) }
        let parts = flat.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return false }
        return hour < 24 && minute < 60
    }

    private static func mayBeInClockTime(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: ":"), UInt8(ascii: "A"), UInt8(ascii: "M"), UInt8(ascii: "P"), 0x20, 0x09, 0x0B, 0x0C, 0x80...: true
        default: false
        }
    }

    /// A footer's view count (`1.2K`, `345`), or `edited`.
    static func isFooterPart(_ line: String) -> Bool {
        let flat = line.normalizedSpaces
        return flat == "edited" || (TMePreviewFormat.isCount(Substring(flat)) && !flat.contains(" "))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
