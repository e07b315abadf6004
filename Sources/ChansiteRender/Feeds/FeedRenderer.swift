import ChansiteCore
import ChansiteModel
import Foundation

/// An RSS 2.0 feed. RSS, unlike Atom, lets items go without dates, which text dumps rarely
/// have; an item's description is its HTML, and its first file is its enclosure (RSS allows one).
struct RSSFeed {
    let writer: FeedWriter
    let path: String

    func text(_ spec: Feeds.Spec) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0">
            <channel>
            <title>\(XML.escape(spec.title))</title>
            <link>\(XML.escape(writer.url(spec.page, from: path)))</link>
            <description>\(XML.escape(spec.description))</description>
            <language>\(XML.escape(writer.site.config.language))</language>
            <generator>chansite</generator>

            """
        for post in spec.posts {
            let entry = writer.entry(post)
            xml += "<item>\n<title>\(XML.escape(post.heading))</title>\n<link>\(XML.escape(writer.url(post.path, from: path)))</link>\n"
            xml += "<guid isPermaLink=\"false\">chansite:\(XML.escape(post.id))</guid>\n"
            if let date = post.post.date { xml += "<pubDate>\(Self.rfc822(date))</pubDate>\n" }
            let description = writer.content(entry, of: post, in: spec, path: path) ?? writer.summaryHTML(entry)
            xml += "<description>\(XML.escape(description))</description>\n"
            if let file = entry.attachments.first {
                xml +=
                    "<enclosure url=\"\(XML.escape(writer.url(file.path, from: path)))\" length=\"\(file.size ?? 0)\" type=\"\(XML.escape(file.type))\"/>\n"
            }
            for tag in post.post.hashtags.prefix(PostView.summaryTagLimit) { xml += "<category>\(XML.escape(tag))</category>\n" }
            xml += "</item>\n"
        }
        return xml + "</channel>\n</rss>\n"
    }

    /// RFC 822 dates, as RSS wants them, always in UTC and English.
    static func rfc822(_ date: Date) -> String {
        date.formatted(
            Date.VerbatimFormatStyle(
                format:
                    "\(weekday: .abbreviated), \(day: .twoDigits) \(month: .abbreviated) \(year: .defaultDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits) +0000",
                locale: Locale(identifier: "en_US_POSIX"), timeZone: TimeZone(identifier: "UTC") ?? .current,
                calendar: Calendar(identifier: .gregorian)))
    }
}
