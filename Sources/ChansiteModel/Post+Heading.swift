import ChansiteCore
import Foundation

extension Post {
    /// The text a page shows as the post's heading: its title, else its first line, shortened.
    package var heading: String { heading(in: nil) }

    /// The heading, with the words for posts without text in the site's language.
    package func heading(in strings: SiteStrings?) -> String {
        if let title, !title.isEmpty { return title }
        let firstLine = shownText.firstNonBlankLine
        if !firstLine.isEmpty { return firstLine.shortened(to: 90) }
        func word(_ key: String, _ english: String) -> String { strings?.texts[key] ?? english }
        if hasMediaPlaceholder { return word("heading.media", "Media") }
        return contentHeading(word, strings: strings) ?? word("heading.untitled", "Untitled post")
    }

    /// A heading for a post with no text, from what it holds, as Telegram's chat list names it:
    /// "Poll: …", a place, a contact, "Album · 10 photos", "Video 0:14", a sticker's emoji.
    func contentHeading(_ word: (String, String) -> String, strings: SiteStrings?) -> String? {
        if let poll = details?.poll, !poll.question.isEmpty {
            let question = poll.question.shortened(to: 90)
            return strings?.texts["heading.poll"] != nil ? strings?.text("heading.poll", ["question": question]) : "Poll: " + question
        }
        if let todo = details?.todo {
            let title = todo.title.shortened(to: 90)
            return strings?.texts["heading.todo"] != nil ? strings?.text("heading.todo", ["title": title]) : "To-do list: " + title
        }
        if details?.giveaway != nil { return word("heading.giveaway", "Giveaway") }
        if details?.giveawayResults != nil { return word("heading.giveawayResults", "Giveaway results") }
        if let stars = details?.paidStars {
            return strings?.texts["heading.paid"] != nil ? strings?.text("heading.paid", ["stars": String(stars)]) : "Paid post · \(stars) ★"
        }
        if let place = details?.location { return place.placeName ?? word("heading.location", "Location") }
        if let contact = details?.contact { return contact.name.isEmpty ? word("heading.contact", "Contact") : contact.name }
        guard let first = media.first else { return nil }
        let photos = media.filter { $0.kind == .photo }.count
        if photos > 1 {
            guard let strings, strings.texts["heading.album"] != nil, strings.counted["photos"] != nil else { return "Album · \(photos) photos" }
            return strings.text("heading.album", ["photos": strings.count("photos", photos)])
        }
        let timed = first.durationSeconds.map { " " + ClockDuration.text($0) } ?? ""
        switch first.kind {
        case .photo: return word("media.photo", "Photo")
        case .videoFile, .animation, .videoMessage, .voiceMessage: return word("media." + first.kind.name, first.kind.name) + timed
        case .audioFile:
            return [first.performer, first.title].compactMap { $0 }.joined(separator: " — ").nonEmpty ?? word("media.audio_file", "Audio")
        case .sticker: return word("media.sticker", "Sticker") + (first.title.map { " " + $0 } ?? "")
        case .file: return first.fileName ?? word("media.file", "File")
        default: return word("media." + first.kind.name, first.kind.name)
        }
    }

    /// The body a page shows under the heading: the text without its first line when the
    /// heading (`shown`) already shows that whole line, so nothing appears twice or is lost.
    package func body(below shown: String) -> String {
        let text = self.text  // read once: it may wait on disk (`PostText`)
        if text == shown { return "" }
        // Compared as bytes (`shown` is cut from `text`): `hasPrefix` compares Characters,
        // normalizing every non-ASCII one of the heading.
        let utf8 = text.utf8
        if utf8.count > shown.utf8.count, utf8.starts(with: shown.utf8),
            utf8[utf8.index(utf8.startIndex, offsetBy: shown.utf8.count)] == 0x0A
        {
            // Trimmed by scalars: Foundation's `trimmingCharacters` bridges through UTF-16.
            let scalars = text.unicodeScalars[utf8.index(utf8.startIndex, offsetBy: shown.utf8.count + 1)...]
            let isNewline: (Unicode.Scalar) -> Bool = { "\n\r\u{0B}\u{0C}\u{85}\u{2028}\u{2029}".unicodeScalars.contains($0) }
            guard let first = scalars.firstIndex(where: { !isNewline($0) }), let last = scalars.lastIndex(where: { !isNewline($0) }) else {
                return ""
            }
            return String(text.unicodeScalars[first...last])
        }
        return text
    }

    /// A one-paragraph summary for listings, feeds and meta descriptions.
    package func excerpt(maxLength: Int = 220) -> String {
        Excerpt.of(shownText, limit: maxLength)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }

    /// The first line with any text, found by bytes (this runs for every post).
    var firstNonBlankLine: String {
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let end = utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let line = self[start..<end]
            if !line.isBlankLine { return String(line) }
            start = end < utf8.endIndex ? utf8.index(after: end) : end
        }
        return ""
    }
}

extension StringProtocol {
    /// Cuts at a word boundary before `limit` characters and adds an ellipsis.
    /// Works on Unicode scalars, not grapheme clusters, because it runs for every post; a cut
    /// never falls inside a word, so it cannot split an emoji sequence either unless one is
    /// longer than the limit.
    func shortened(to limit: Int) -> String {
        let text = trimmingWhitespace()
        let scalars = text.unicodeScalars
        guard let limitIndex = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex), limitIndex < scalars.endIndex
        else { return text }
        var end = limitIndex
        if let space = scalars[..<limitIndex].lastIndex(where: \.isSpaceLike), scalars.distance(from: scalars.startIndex, to: space) > limit / 2 {
            end = space
        } else {
            // No space to cut at: at least keep joiners and modifiers with their emoji.
            while end < scalars.endIndex, scalars[end].properties.isGraphemeExtend || scalars[end] == "\u{200D}" { end = scalars.index(after: end) }
        }
        // Sliced by scalar indices: copied as bytes, never rebuilt scalar by scalar.
        return text[..<end].trimmingWhitespace() + "…"
    }
}
