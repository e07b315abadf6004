import ChansiteCore
import ChansiteModel

/// One earlier text of a post in its page's "earlier versions" disclosure: when an export
/// showed it, and the text with what the next version changed marked (`<del>` words it lost,
/// `<ins>` words it gained).
struct VersionView: TemplateView {
    var seenText: String?
    var seenISO: String?
    var diffHTML: String

    static let fields = ViewFields<Self>(["seenText": { $0.seenText }, "seenISO": { $0.seenISO }, "diffHTML": { $0.diffHTML }])

    /// The views of `versions` (oldest first), each compared with the text that followed it.
    static func views(of versions: [PostVersion], current: String, dates: DateDisplay, strings: SiteStrings) -> [VersionView] {
        versions.indices.map { index in
            let next = index + 1 < versions.count ? versions[index + 1].text : current
            let seen = versions[index].seen
            return VersionView(
                seenText: seen.map { strings.text("version.seen", ["date": dates.dayText($0)]) }, seenISO: seen.map(dates.dayISO),
                diffHTML: WordDiff.html(from: versions[index].text, to: next))
        }
    }
}

/// The change from one text to the next as HTML, in time linear in their length: the words
/// both share at the start and at the end as they are, the part between as the old words
/// deleted and the new ones inserted. One edit (the usual case) is marked exactly; several
/// are marked as one span from the first to the last.
enum WordDiff {
    static func html(from old: String, to new: String) -> String {
        let a = tokens(old)
        let b = tokens(new)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var html = text(a[0..<prefix])
        let removed = a[prefix..<(a.count - suffix)]
        let added = b[prefix..<(b.count - suffix)]
        if !removed.isEmpty { html += "<del>" + text(removed) + "</del>" }
        if !added.isEmpty { html += "<ins>" + text(added) + "</ins>" }
        return html + text(a[(a.count - suffix)...])
    }

    /// Words, runs of spaces and single other characters, so a change is marked by whole words.
    static func tokens(_ text: String) -> [Substring] {
        var tokens: [Substring] = []
        var index = text.startIndex
        func kind(_ c: Character) -> Int { c.isLetter || c.isNumber ? 0 : c.isWhitespace && !c.isNewline ? 1 : 2 }
        while index < text.endIndex {
            let k = kind(text[index])
            var end = text.index(after: index)
            if k != 2 { while end < text.endIndex, kind(text[end]) == k { end = text.index(after: end) } }
            tokens.append(text[index..<end])
            index = end
        }
        return tokens
    }

    /// Tokens escaped, line breaks kept.
    static func text(_ tokens: ArraySlice<Substring>) -> String {
        tokens.map { $0.contains(where: \.isNewline) ? "<br>\n" : HTMLText.escape(String($0)) }.joined()
    }
}
