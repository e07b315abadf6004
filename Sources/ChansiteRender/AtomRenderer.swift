import ChansiteCore
import ChansiteModel
import Foundation

/// Atom feeds for the site, each channel and each tag: the latest posts, newest first, each with
/// its date. Atom requires an `updated` instant on every entry: a post whose source has no date
/// (most text dumps) gets the newest date the site knows, or the Unix epoch when it knows none,
/// so the feed stays valid and the same input gives the same bytes. Links are absolute with
/// `baseURL`, else relative to the feed.
package struct AtomRenderer: Sendable {
    package let site: Site
    package var limit = 50

    package init(site: Site) {
        self.site = site
    }

    /// Every feed, made on all cores (a tag feed per tag: hundreds of feeds of up to 50 entries).
    package func render() -> [RenderedFile] {
        let fallback = site.allPosts.compactMap(\.post.date).max() ?? Date(timeIntervalSince1970: 0)
        let all = site.allPosts
        let positions = all.positionsByID()
        // Each feed's path, title, page and posts; only the XML is made on all cores.
        var feeds: [(path: String, title: String, page: String, posts: ArraySlice<SitePost>)] = [
            (
                SitePaths.atom, site.config.title, SitePaths.home,
                FeedRenderer.newestFirst(site.channels.flatMap { site.latest(limit, of: $0) }).prefix(limit)
            )
        ]
        for channel in site.channels {
            feeds.append(
                (SitePaths.channelAtom(channel.slug), channel.displayName, SitePaths.channel(channel.slug), site.latest(limit, of: channel)[...]))
        }
        for tag in site.tags {
            let tagged = FeedRenderer.newestFirst(tag.postIDs.suffix(limit).reversed().compactMap { positions[$0].map { all[$0] } })
            feeds.append((SitePaths.tagAtom(tag.slug), tag.name, SitePaths.tag(tag.slug), tagged[...]))
        }
        let specs = feeds
        // A post is in up to three feeds (the site's, its channel's, each tag's): its summary
        // is made and escaped once.
        var shown: [String: SitePost] = [:]
        for spec in specs { for post in spec.posts { shown[post.id] = post } }
        let unique = Array(shown.values)
        let made = unique.concurrentMap { XML.escape($0.post.excerpt(maxLength: 500)) }
        let summaries = Dictionary(zip(unique.map(\.id), made), uniquingKeysWith: { a, _ in a })
        return specs.concurrentMap(chunk: 1) { spec in
            feed(path: spec.path, title: spec.title, page: spec.page, posts: spec.posts, fallback: fallback, summaries: summaries)
        }
    }

    func url(_ target: String, from feedPath: String) -> String {
        FeedRenderer(site: site).url(target, from: feedPath)
    }

    /// A stable entry id: the post's absolute URL with a base URL, else a URN of its site path.
    func id(_ target: String, from feedPath: String) -> String {
        site.config.baseURL == nil ? "urn:chansite:" + SitePaths.percentEncoded(target) : url(target, from: feedPath)
    }

    static func instant(_ date: Date) -> String { date.formatted(.iso8601) }

    /// One feed; `summaries` holds each post's escaped summary by id (made here when missing).
    func feed(path: String, title: String, page: String, posts: ArraySlice<SitePost>, fallback: Date, summaries: [String: String] = [:])
        -> RenderedFile
    {
        func updated(_ post: SitePost) -> Date { post.post.details?.edited ?? post.post.date ?? fallback }
        let newest = posts.map(updated).max() ?? fallback
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(site.config.language))">
            <title>\(XML.escape(title))</title>
            <link rel="alternate" type="text/html" href="\(XML.escape(url(page, from: path)))"/>
            <link rel="self" type="application/atom+xml" href="\(XML.escape(url(path, from: path)))"/>
            <id>\(XML.escape(id(path, from: path)))</id>
            <updated>\(Self.instant(newest))</updated>
            <author><name>\(XML.escape(title))</name></author>
            <generator>chansite</generator>

            """
        for post in posts {
            let target = post.path
            xml += "<entry>\n<title>\(XML.escape(post.heading))</title>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(url(target, from: path)))\"/>\n"
            xml += "<id>\(XML.escape(id(target, from: path)))</id>\n<updated>\(Self.instant(updated(post)))</updated>\n"
            if let date = post.post.date { xml += "<published>\(Self.instant(date))</published>\n" }
            xml += "<summary>\(summaries[post.id] ?? XML.escape(post.post.excerpt(maxLength: 500)))</summary>\n"
            for tag in post.post.hashtags.prefix(PostView.summaryTagLimit) { xml += "<category term=\"\(XML.escape(tag))\"/>\n" }
            xml += "</entry>\n"
        }
        xml += "</feed>\n"
        return RenderedFile(path: path, text: xml)
    }
}
