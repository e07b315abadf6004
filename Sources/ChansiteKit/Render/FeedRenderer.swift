/// RSS 2.0 feeds for the site and for each channel. RSS, unlike Atom, lets items go without
/// dates, which text dumps rarely have. Links are absolute when `baseURL` is configured and
/// relative to the feed otherwise.
public struct FeedRenderer: Sendable {
    public let site: Site
    /// Items per feed: the latest posts.
    public var limit = 50

    public init(site: Site) {
        self.site = site
    }

    public func render() -> [RenderedFile] {
        var files = [
            feed(
                path: SitePaths.feed, title: site.config.title, description: site.config.description,
                posts: site.channels.flatMap { $0.posts.suffix(limit) })
        ]
        for channel in site.channels {
            files.append(
                feed(
                    path: SitePaths.channelFeed(channel.slug), title: channel.displayName,
                    description: channel.info.description ?? channel.displayName,
                    posts: Array(channel.posts.suffix(limit))))
        }
        return files
    }

    func url(_ target: String, from feedPath: String) -> String {
        if let base = site.config.baseURL {
            return (base.hasSuffix("/") ? base : base + "/") + SitePaths.percentEncoded(target)
        }
        return SitePaths.link(from: feedPath, to: target)
    }

    func feed(path: String, title: String, description: String, posts: [SitePost]) -> RenderedFile {
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
        for post in posts.reversed() {
            let link = url(SitePaths.post(channel: post.channelSlug, slug: post.slug), from: path)
            xml += "<item>\n<title>\(XML.escape(post.heading))</title>\n<link>\(XML.escape(link))</link>\n"
            xml += "<guid isPermaLink=\"false\">chansite:\(XML.escape(post.id))</guid>\n"
            xml += "<description>\(XML.escape(post.post.excerpt(maxLength: 500)))</description>\n"
            for tag in post.post.hashtags { xml += "<category>\(XML.escape(tag))</category>\n" }
            xml += "</item>\n"
        }
        xml += "</channel>\n</rss>\n"
        return RenderedFile(path: path, text: xml)
    }
}
