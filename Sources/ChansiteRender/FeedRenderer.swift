import ChansiteCore
import ChansiteModel
import Foundation

/// RSS 2.0 feeds for the site and for each channel. RSS, unlike Atom, lets items go without
/// dates, which text dumps rarely have. Links are absolute when `baseURL` is configured and
/// relative to the feed otherwise.
package struct FeedRenderer: Sendable {
    package let site: Site
    /// Items per feed: the latest posts.
    package var limit = 50

    package init(site: Site) {
        self.site = site
    }

    package func render() -> [RenderedFile] {
        var files = [
            feed(
                path: SitePaths.feed, title: site.config.title, description: site.config.description,
                posts: Self.newestFirst(site.channels.flatMap { site.latest(limit, of: $0) }).prefix(limit))
        ]
        for channel in site.channels {
            files.append(
                feed(
                    path: SitePaths.channelFeed(channel.slug), title: channel.displayName,
                    description: channel.info.description ?? channel.displayName,
                    posts: site.latest(limit, of: channel)[...]))
        }
        return files
    }

    func url(_ target: String, from feedPath: String) -> String {
        if let base = site.config.baseURL {
            return (base.hasSuffix("/") ? base : base + "/") + SitePaths.percentEncoded(target)
        }
        return SitePaths.link(from: feedPath, to: target)
    }

    /// Dated posts newest first (undated ones after them, in the order given): the site feed
    /// mixes channels.
    static func newestFirst(_ posts: [SitePost]) -> [SitePost] {
        posts.enumerated().sorted { a, b in
            let (da, db) = (a.element.post.date, b.element.post.date)
            if let da, let db, da != db { return da > db }
            if (da == nil) != (db == nil) { return da != nil }
            return a.offset < b.offset
        }.map(\.element)
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

    func feed(path: String, title: String, description: String, posts: ArraySlice<SitePost>) -> RenderedFile {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0">
            <channel>
            <title>\(XML.escape(title))</title>
            <link>\(XML.escape(url(SitePaths.home, from: path)))</link>
            <description>\(XML.escape(description))</description>
            <language>\(XML.escape(site.config.language))</language>
            <generator>chansite</generator>

            """
        for post in posts {
            let link = url(post.path, from: path)
            xml += "<item>\n<title>\(XML.escape(post.heading))</title>\n<link>\(XML.escape(link))</link>\n"
            xml += "<guid isPermaLink=\"false\">chansite:\(XML.escape(post.id))</guid>\n"
            if let date = post.post.date { xml += "<pubDate>\(Self.rfc822(date))</pubDate>\n" }
            xml += "<description>\(XML.escape(post.post.excerpt(maxLength: 500)))</description>\n"
            for tag in post.post.hashtags.prefix(PostView.summaryTagLimit) { xml += "<category>\(XML.escape(tag))</category>\n" }
            xml += "</item>\n"
        }
        xml += "</channel>\n</rss>\n"
        return RenderedFile(path: path, text: xml)
    }
}
