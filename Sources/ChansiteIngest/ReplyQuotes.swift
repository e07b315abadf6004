import ChansiteCore
import ChansiteModel

/// Finds reply quotes (`shared/formats/tme-page-anatomy.md`, part 3): a line with the replied-to
/// author's name, then a line with the start of the replied-to text. A copy keeps no marker for
/// them, so a pair counts only when the quote really is the start of another message in the same
/// dump: it begins with another line there, or another line begins with it, over at least
/// `keyLength` scalars, and that line starts a message (it follows a marker). Boilerplate lines
/// that recur in many posts never count.
struct ReplyQuotes {
    /// How many leading scalars (spaces normalised) a quote and its source must share.
    static let keyLength = 16
    /// A name line is short (a display name: at most `maxNameWords` words) and does not end
    /// like a sentence.
    static let maxNameLength = 48
    static let maxNameWords = 5

    private let lines: [String]
    /// The format's own marker lines, which are never a name or a quote.
    private let isMarker: (String) -> Bool
    /// Lines that may be text but after which a message starts (an owner line, a signature).
    private let startsAfter: (String) -> Bool
    /// Line indices by the hash of their first `keyLength` scalars; built on first use.
    private var index: [Int: [Int]]?

    init(_ lines: [String], isMarker: @escaping (String) -> Bool = { _ in false }, startsAfter: @escaping (String) -> Bool = { _ in false }) {
        self.lines = lines
        self.isMarker = isMarker
        self.startsAfter = startsAfter
    }

    /// The quote made by the lines at `index` (name) and `index + 1` (quote), or nil. Lines in
    /// `excluded` (the post's own copy of its text) are not sources. A pair whose quote line is
    /// a name followed by a quote is no pair: the later pair is the quote, and the line at
    /// `index` is text (inside running text, the end of the text above; at a post's start, a
    /// one-line post before the reply).
    mutating func quote(at index: Int, excluding excluded: Range<Int>? = nil) -> ReplyQuote? {
        let quoteIndex = index + 1
        // Cheapest first: most lines have no other line starting like them.
        guard quoteIndex < lines.count, !others(like: quoteIndex, excluding: excluded).isEmpty, Self.isName(lines[index]), isPlain(lines[index]),
            isQuote(quoteIndex, excluding: excluded)
        else { return nil }
        if Self.isName(lines[quoteIndex]), quoteIndex + 1 < lines.count, isQuote(quoteIndex + 1, excluding: excluded) { return nil }
        return ReplyQuote(author: lines[index].normalizedSpaces, text: lines[quoteIndex].normalizedSpaces)
    }

    /// True when the line is the start of another message of the dump (see the type's notes).
    private mutating func isQuote(_ quoteIndex: Int, excluding excluded: Range<Int>?, sourcesStartMessages: Bool = true) -> Bool {
        var candidates: [Int] = []
        for candidate in others(like: quoteIndex, excluding: excluded) where !sourcesStartMessages || isMessageStart(candidate) {
            candidates.append(candidate)
        }
        // A line repeated byte for byte (a signature, a footer link, a repeated post) is no quote.
        let lines = self.lines
        guard !candidates.isEmpty, candidates.filter({ lines[$0] == lines[quoteIndex] }).count < 2, isPlain(lines[quoteIndex]) else { return false }
        let quote = Self.withoutEllipsis(lines[quoteIndex].normalizedSpaces)
        guard quote.unicodeScalars.count >= Self.keyLength else { return false }
        var sources = 0
        var repeats = 0
        for candidate in candidates {
            let other = lines[candidate].normalizedSpaces
            if other == quote { repeats += 1 }
            if other.hasPrefix(quote) || quote.hasPrefix(other) { sources += 1 }
        }
        // A line found verbatim twice elsewhere is a recurring line (a signature, a footer
        // link), not the start of one replied-to message.
        return sources > 0 && repeats < 2
    }

    /// The lines (at most a few) that start like the line at `quoteIndex`, neither beside it nor in
    /// `excluded`.
    private mutating func others(like quoteIndex: Int, excluding excluded: Range<Int>?) -> [Int] {
        guard let key = Self.key(lines[quoteIndex]) else { return [] }
        if index == nil { index = Self.buildIndex(lines) }
        return (index?[key] ?? []).filter { abs($0 - quoteIndex) > 1 && !(excluded?.contains($0) ?? false) }
    }

    /// A name: short, not a sentence, a list item, a link, a tag line or a marker.
    static func isName(_ line: String) -> Bool {
        let flat = line.normalizedSpaces
        guard !flat.isEmpty, flat.count <= maxNameLength, let last = flat.unicodeScalars.last else { return false }
        if ".!?:;,…)»\"".unicodeScalars.contains(last) { return false }
        if flat.contains("://") || flat.hasPrefix("#") || flat.hasPrefix("Forwarded from ") { return false }
        return flat.split(separator: " ").count <= maxNameWords
    }

    private func isPlain(_ line: String) -> Bool { Self.isPlainText(line) && !isMarker(line) }

    /// True when the line starts a message: the first line, or the first after a marker or page
    /// part (a hashtag line, a reaction line, a footer, a placeholder, a date, the format's own
    /// markers). A quote shows the start of a message, never a line from its middle.
    /// After a reply's own quote (a name line and a line found elsewhere) the reply's text
    /// starts too; that quote's own source is not followed further, so the work stays bounded.
    private mutating func isMessageStart(_ candidate: Int) -> Bool {
        var previous = candidate - 1
        while previous >= 0, candidate - previous <= 3, lines[previous].isBlankLine { previous -= 1 }
        guard previous >= 0 else { return true }
        let line = lines[previous]
        if line.isBlankLine { return false }
        if !isPlain(line) || startsAfter(line) { return true }
        return previous >= 1 && Self.isName(lines[previous - 1]) && isQuote(previous, excluding: nil, sourcesStartMessages: false)
    }

    /// Not a page part or marker of any format (those are read as what they are).
    static func isPlainText(_ line: String) -> Bool {
        if line.isBlankLine || PageParts.serviceEvent(line) != nil || PageParts.isDaySeparator(line) || PageParts.isClockTime(line) { return false }
        if PageParts.isMediaLabel(line) || PageParts.isFooterPart(line) || TMePreviewFormat.forwardedName(line) != nil { return false }
        let flat = line.normalizedSpaces
        if flat == TMePreviewFormat.placeholder || flat == TMePreviewFormat.placeholderButton { return false }
        return !Hashtags.isHashtagLine(line) && ReactionLine.parse(line) == nil && !RelativeDate.isDateLine(line)
    }

    private static func withoutEllipsis(_ text: String) -> String {
        if text.hasSuffix("…") { return String(text.dropLast()).trimmingWhitespace() }
        if text.hasSuffix("...") { return String(text.dropLast(3)).trimmingWhitespace() }
        return text
    }

    /// The hash of the first `keyLength` scalars of a line with its spaces normalised (leading
    /// ones dropped, runs made one), nil when it is shorter. Reads scalars in place: no copy.
    private static func key(_ line: String) -> Int? {
        var hasher = Hasher()
        var count = 0
        var pendingSpace = false
        for scalar in line.unicodeScalars {
            if scalar.isSpaceLike {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                hasher.combine(UInt32(0x20))
                count += 1
                pendingSpace = false
                if count == keyLength { break }
            }
            hasher.combine(scalar.value)
            count += 1
            if count == keyLength { break }
        }
        return count == keyLength ? hasher.finalize() : nil
    }

    private static func buildIndex(_ lines: [String]) -> [Int: [Int]] {
        var index: [Int: [Int]] = [:]
        for (number, line) in lines.enumerated() {
            guard let key = key(line) else { continue }
            // A few sources are enough to decide; a line repeated a thousand times costs no more.
            if index[key, default: []].count < 8 { index[key, default: []].append(number) }
        }
        return index
    }
}
