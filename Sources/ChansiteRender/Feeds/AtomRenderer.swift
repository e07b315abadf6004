import ChansiteCore
import ChansiteModel
import Foundation

/// An Atom feed. Atom requires an `updated` instant on every entry: an undated post (most text
/// dumps) takes the newest date of its own source file, else of its channel, else the Unix epoch
/// (`FeedEntries`), so the feed stays valid without borrowing another channel's dates. Each
/// entry has a plain summary, its HTML as `content` (see `FeedWriter.content`), and its files as
/// enclosure links.
struct AtomFeed {
    let writer: FeedWriter
    let path: String

    static func instant(_ date: Date) -> String { date.formatted(.iso8601) }

    func text(_ spec: Feeds.Spec) -> String {
        let entries = spec.posts.map(writer.entry)
        let newest = entries.map(\.updated).max() ?? Date(timeIntervalSince1970: 0)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(writer.site.config.language))">
            <title>\(XML.escape(spec.title))</title>
            <link rel="alternate" type="text/html" href="\(XML.escape(writer.url(spec.page, from: path)))"/>
            <link rel="self" type="application/atom+xml" href="\(XML.escape(writer.url(path, from: path)))"/>
            <id>\(XML.escape(writer.id(path, from: path)))</id>
            <updated>\(Self.instant(newest))</updated>
            <author><name>\(XML.escape(spec.title))</name></author>
            <generator>chansite</generator>

            """
        for (post, entry) in zip(spec.posts, entries) {
            xml += "<entry>\n<title>\(XML.escape(post.heading))</title>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(writer.url(post.path, from: path)))\"/>\n"
            for file in entry.attachments {
                xml += "<link rel=\"enclosure\" type=\"\(XML.escape(file.type))\" href=\"\(XML.escape(writer.url(file.path, from: path)))\""
                xml += (file.size.map { " length=\"\($0)\"" } ?? "") + "/>\n"
            }
            xml += "<id>\(XML.escape(writer.id(post.path, from: path)))</id>\n<updated>\(Self.instant(entry.updated))</updated>\n"
            if let date = post.post.date { xml += "<published>\(Self.instant(date))</published>\n" }
            xml += "<summary>\(XML.escape(entry.summary))</summary>\n"
            // Without content an entry has its summary and its link, which Atom allows.
            if let content = writer.content(entry, of: post, in: spec, path: path) {
                xml += "<content type=\"html\">\(XML.escape(content))</content>\n"
            }
            for tag in post.post.hashtags.prefix(PostView.summaryTagLimit) { xml += "<category term=\"\(XML.escape(tag))\"/>\n" }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }
}
