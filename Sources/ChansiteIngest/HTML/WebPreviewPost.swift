import ChansiteCore
import ChansiteModel
import Foundation

/// One post (`div.tgme_widget_message[data-post]`) of a saved page of Telegram's web preview
/// (`t.me/s/<channel>`, or a single post's embed page): its id, the UTC date of its
/// `time[datetime]`, signature, forward, reply, formatted text, link preview, media (their
/// kind, size or duration: the files are on Telegram's servers), poll, place, reactions and
/// album members. The markup is described in docs/formats-html.md.
struct WebPreviewPost {
    var post: Post
    var handle: String
    var isService = false

    /// The post's own text is the outermost `js-message_text` (an album's caption nests
    /// another), never the quoted text of the message it replies to.
    init?(element: HTMLElement, path: String) {
        guard let dataPost = element.attribute("data-post"), let slash = dataPost.lastIndex(of: "/"),
            let id = ExportJSON.integer(String(dataPost[dataPost.index(after: slash)...]), in: InputRange.messageID)
        else { return nil }
        handle = String(dataPost[..<slash])
        let parts = element.descendants()
        func first(_ name: String) -> HTMLElement? { parts.first { $0.hasClass(name) } }
        // What lies inside the quote of the replied-to message is not this post's.
        let own = Set(element.descendants { $0.hasClass("tgme_widget_message_reply") }).subtracting(
            parts.filter { $0.hasClass("tgme_widget_message_reply") })
        isService = element.hasClass("service_message")
        let textElement = parts.first { own.contains($0) && $0.hasClass("js-message_text") && !$0.hasClass("js-message_reply_text") }
        let spans = textElement.map(WebPreviewText.spans(of:)) ?? []
        post = Post(
            text: spans.map(\.text).joined(), messageID: String(id), source: SourceRange(path: path, firstLine: element.line, lastLine: element.line))
        post.spans = spans
        var hashtags: [String] = []
        for span in spans where span.kind == "hashtag" && !hashtags.contains(span.text) { hashtags.append(span.text) }
        post.hashtags = hashtags
        if let time = parts.first(where: {
            own.contains($0) && $0.isTag("time") && $0.attribute("datetime") != nil
        }),
            let stamp = time.attribute("datetime")
        {
            post.date = Self.date(stamp)
        }
        if let forward = first("tgme_widget_message_forwarded_from_name") {
            post.forwardedFrom = forward.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let reply = first("tgme_widget_message_reply"), let href = reply.attribute("href") {
            post.replyTo = Self.postID(in: href, handle: handle)
        }
        var details = PostDetails()
        details.author = first("tgme_widget_message_from_author")?.text.trimmingCharacters(in: .whitespacesAndNewlines)
        details.albumIDs = parts.filter { $0.hasClass("grouped_media_wrap") }.compactMap {
            $0.attribute("href").flatMap { Self.postID(in: $0, handle: handle) }
        }
        .filter { $0 != String(id) }
        WebPreviewMedia.read(parts, into: &post, details: &details)
        post.reactions = WebPreviewMedia.reactions(parts)
        post.linkPreviews = first("tgme_widget_message_link_preview").map { [WebPreviewMedia.linkPreview($0)] } ?? []
        post.details = details
    }

    /// The post number a `https://t.me/<handle>/<id>` link (or `…?single`) names.
    static func postID(in href: String, handle: String) -> String? {
        let path = href.split(separator: "?").first.map(String.init) ?? href
        guard let last = path.split(separator: "/").last else { return nil }
        return ExportJSON.integer(String(last), in: InputRange.messageID).map(String.init)
    }

    /// `2026-05-05T13:33:18+00:00` within years 1–9999.
    static func date(_ stamp: String) -> Date? {
        // try?: a date that is not ISO 8601 is no date; the post keeps the page's own date text.
        guard let date = try? Date(stamp, strategy: .iso8601), InputRange.contains(date) else { return nil }
        return date
    }
}
