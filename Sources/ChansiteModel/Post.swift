import ChansiteCore
import Foundation

/// One message of a channel, as parsed from a dump and then placed in the site.
///
/// Its fields live behind one reference, copied on write: a post is read by every stage and
/// copied out of arrays by many (a `SitePost` holds one, a sort moves them), and inline its
/// dozen strings and arrays made each copy a dozen retains and releases (0.5 s of CPU in a
/// rebuild of 100k posts, perf; one retain now).
package struct Post: Sendable, Hashable {
    /// The stored fields, as one value (`PostKeyTests` reads their names).
    package struct Fields: Sendable, Hashable {
        var title: String?
        var text: PostText
        var hashtags: [String]
        var forwardedFrom: String?
        var reactions: [Reaction]?
        var dateText: String?
        var date: Date?
        var hasMediaPlaceholder: Bool
        var media: [MediaFile]
        var linkPreviews: [LinkPreview]
        var messageID: String?
        var replyTo: String?
        var replyQuote: ReplyQuote?
        var source: SourceRange
        var runs: [TextRun]?
        var detailsBox: PostDetails.Box?
        var paragraphPerLine = false
    }

    /// Written only after `unique()`, so never while another post shares it.
    private final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    /// The fields, for reading their names (tests).
    package var fields: Fields { storage.fields }

    /// Makes the storage this post's alone before a write.
    private mutating func unique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
    }

    /// The title, where the format has one (a heading line); otherwise nil.
    package var title: String? {
        _read { yield storage.fields.title }
        _modify {
            unique()
            yield &storage.fields.title
        }
    }
    /// The body as plain text, exactly as a reader should see it (no markers, no duplicate copies).
    /// Read back from the build's scratch file each time when spilled there (`spillTexts`):
    /// a stage that reads it more than once takes it into a local first.
    package var text: String {
        get { storage.fields.text.string }
        _modify {
            unique()
            var text = storage.fields.text.string
            storage.fields.text = .held("")
            defer { storage.fields.text = .held(text) }
            yield &text
        }
    }
    /// The text's length in UTF-8 bytes, without reading a spilled text back.
    package var textUTF8Count: Int { storage.fields.text.utf8Count }
    /// Sets where the text is held, the same characters (`spillTexts`).
    mutating func hold(_ text: PostText) {
        unique()
        storage.fields.text = text
    }

    /// Hashtags with their `#`, in order of first appearance, each once.
    package var hashtags: [String] {
        _read { yield storage.fields.hashtags }
        _modify {
            unique()
            yield &storage.fields.hashtags
        }
    }
    /// The channel or person a forwarded message came from.
    package var forwardedFrom: String? {
        _read { yield storage.fields.forwardedFrom }
        _modify {
            unique()
            yield &storage.fields.forwardedFrom
        }
    }
    /// Reaction chips in the order the dump lists them, or nil when the dump shows none.
    package var reactions: [Reaction]? {
        _read { yield storage.fields.reactions }
        _modify {
            unique()
            yield &storage.fields.reactions
        }
    }
    /// The date as the dump writes it (`5 months, 2 weeks ago`), when it shows one.
    package var dateText: String? {
        _read { yield storage.fields.dateText }
        _modify {
            unique()
            yield &storage.fields.dateText
        }
    }
    /// The absolute date, when a source knows it (exports do; text dumps rarely).
    package var date: Date? {
        _read { yield storage.fields.date }
        _modify {
            unique()
            yield &storage.fields.date
        }
    }
    /// True when the dump shows that media existed but was not captured.
    package var hasMediaPlaceholder: Bool {
        _read { yield storage.fields.hasMediaPlaceholder }
        _modify {
            unique()
            yield &storage.fields.hasMediaPlaceholder
        }
    }
    /// Media files the source names.
    package var media: [MediaFile] {
        _read { yield storage.fields.media }
        _modify {
            unique()
            yield &storage.fields.media
        }
    }
    /// Link-preview cards split out of the body.
    package var linkPreviews: [LinkPreview] {
        _read { yield storage.fields.linkPreviews }
        _modify {
            unique()
            yield &storage.fields.linkPreviews
        }
    }
    /// A real message id, when the source has one; it then becomes the post's URL.
    package var messageID: String? {
        _read { yield storage.fields.messageID }
        _modify {
            unique()
            yield &storage.fields.messageID
        }
    }
    /// The message id this one replies to, when the source knows it.
    package var replyTo: String? {
        _read { yield storage.fields.replyTo }
        _modify {
            unique()
            yield &storage.fields.replyTo
        }
    }
    /// The quote of the replied-to message a text copy shows (author and text start).
    package var replyQuote: ReplyQuote? {
        _read { yield storage.fields.replyQuote }
        _modify {
            unique()
            yield &storage.fields.replyQuote
        }
    }
    /// Where in which dump the post was found.
    package var source: SourceRange {
        _read { yield storage.fields.source }
        _modify {
            unique()
            yield &storage.fields.source
        }
    }
    /// The text with its formatting, when the source has it (exports); joined, the spans are
    /// `text` (set `text` to their joined texts when setting them). Kept as runs over `text`
    /// (`TextRun`) and made when asked: the renderer, `posts.json` and the gallery ask once a
    /// post; `hasSpan(of:)` answers without making them.
    package var spans: [TextSpan]? {
        get { runs.flatMap { TextRun.spans(of: $0, in: text) } }
        set { runs = newValue.flatMap(TextRun.runs(of:)) }
    }
    private var runs: [TextRun]? {
        _read { yield storage.fields.runs }
        _modify {
            unique()
            yield &storage.fields.runs
        }
    }

    /// The formatting as runs over `text`, as kept (the build cache stores and restores them
    /// without making spans).
    package var formatRuns: [TextRun]? {
        get { runs }
        set { runs = newValue }
    }

    /// True when the source gave the text's formatting (the post has spans).
    package var isFormatted: Bool { runs != nil }

    /// True when a span of one of `kinds` formats the text.
    package func hasSpan(of kinds: Set<String>) -> Bool {
        runs?.contains { kinds.contains($0.kind) } ?? false
    }
    /// What an export knows beyond text and media. Held by reference: most posts (every text
    /// dump's) have none, and inline it would make each of them some 200 bytes larger.
    package var details: PostDetails? {
        get { storage.fields.detailsBox?.value }
        set {
            unique()
            storage.fields.detailsBox = newValue.map(PostDetails.Box.init)
        }
    }
    /// True when the dump wrote one paragraph per line (copies without blank lines), so each
    /// line break is a paragraph break on the page.
    package var paragraphPerLine: Bool {
        _read { yield storage.fields.paragraphPerLine }
        _modify {
            unique()
            yield &storage.fields.paragraphPerLine
        }
    }

    package init(
        title: String? = nil,
        text: String,
        hashtags: [String] = [],
        forwardedFrom: String? = nil,
        reactions: [Reaction]? = nil,
        dateText: String? = nil,
        date: Date? = nil,
        hasMediaPlaceholder: Bool = false,
        media: [MediaFile] = [],
        linkPreviews: [LinkPreview] = [],
        messageID: String? = nil,
        replyTo: String? = nil,
        source: SourceRange
    ) {
        storage = Storage(
            Fields(
                title: title, text: .held(text), hashtags: hashtags, forwardedFrom: forwardedFrom, reactions: reactions, dateText: dateText,
                date: date,
                hasMediaPlaceholder: hasMediaPlaceholder, media: media, linkPreviews: linkPreviews, messageID: messageID, replyTo: replyTo,
                replyQuote: nil, source: source, runs: nil, detailsBox: nil))
    }

    package static func == (a: Post, b: Post) -> Bool { a.storage === b.storage || a.storage.fields == b.storage.fields }
    package func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }
}

extension Post {
    /// The stored fields `add(to:)` adds, in its order: `PostKeyTests` holds this list to the
    /// type's fields, so a field added later cannot be left out of the posts' keys.
    package static let fingerprinted = [
        "title", "text", "hashtags", "forwardedFrom", "reactions", "dateText", "date", "hasMediaPlaceholder", "media",
        "linkPreviews", "messageID", "replyTo", "replyQuote", "source", "runs", "detailsBox", "paragraphPerLine",
    ]

    /// Adds every stored field to a key (`SitePost.addViewInputs`); nested values with many
    /// fields (details, media) through their own encoding (`Fingerprint.add(encodable:)`).
    /// Without `lines`, its source's file but not its lines in it.
    package func add(to key: inout Fingerprint, lines: Bool = true) {
        func optional(_ text: String?) {
            if let text { key.add(text) } else { key.addNil() }
        }
        optional(title)
        key.add(text)
        key.add(hashtags)
        optional(forwardedFrom)
        if let reactions {
            key.add(reactions.count)
            for reaction in reactions {
                key.add(reaction.emoji)
                key.add(reaction.count)
            }
        } else {
            key.addNil()
        }
        optional(dateText)
        optional(date.map { String(($0.timeIntervalSinceReferenceDate).bitPattern) })
        key.add(hasMediaPlaceholder ? 1 : 0)
        key.add(media.count)
        if !media.isEmpty { key.add(encodable: media) }
        key.add(linkPreviews.count)
        if !linkPreviews.isEmpty { key.add(encodable: linkPreviews) }
        optional(messageID)
        optional(replyTo)
        optional(replyQuote?.author)
        optional(replyQuote?.text)
        key.add(source.path)
        key.add(lines ? source.firstLine : -1)
        key.add(lines ? source.lastLine : -1)
        if let runs {
            key.add(runs.count)
            for run in runs {
                key.add(run.kind)
                key.add(Int(run.length))
                optional(run.attribute)
                key.add(run.collapsed ? 1 : 0)
            }
        } else {
            key.addNil()
        }
        if let details { key.add(encodable: details) } else { key.addNil() }
        key.add(paragraphPerLine ? 1 : 0)
    }
}
