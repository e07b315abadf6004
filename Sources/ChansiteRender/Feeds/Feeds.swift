import ChansiteCore
import ChansiteMedia
import ChansiteModel
import Foundation

/// Every feed of the site: RSS, Atom and JSON Feed for the site and each channel, and Atom for
/// each tag; each lists the latest posts, newest first. A post's entry (its HTML, files and
/// date) is made once for all the feeds that show it.
package struct Feeds: Sendable {
    /// One feed's place and posts.
    struct Spec: Sendable {
        var title: String
        var description: String
        /// The page the feed stands for.
        var page: String
        var posts: ArraySlice<SitePost>
        /// A tag's feed (`FeedWriter.content`).
        var isTag = false
    }

    package let site: Site
    let entries: FeedEntries
    /// Entries per feed: the latest posts.
    package var limit = 50

    /// With what the render made: its links between posts and its bodies' cache.
    package init(site: Site, media: [String: [PublishedMedia]], after renderer: PageRenderer, cache: RenderCache?) {
        self.site = site
        entries = FeedEntries(site: site, media: media, links: renderer.links, cache: cache)
    }

    /// Makes every feed on all cores, each handed to `write` as soon as it is made: a feed
    /// holds up to fifty posts' HTML, and the site may have thousands of tags' feeds.
    package func render(into write: @Sendable (RenderedFile) throws -> Void) throws {
        let home = Spec(
            title: site.config.title, description: site.config.description, page: SitePaths.home,
            posts: Self.newestFirst(site.channels.flatMap { site.latest(limit, of: $0) }).prefix(limit))
        var rss: [(String, Spec)] = [(SitePaths.feed, home)]
        var atom: [(String, Spec)] = [(SitePaths.atom, home)]
        var json: [(String, Spec)] = [(SitePaths.jsonFeed, home)]
        for channel in site.channels {
            let spec = Spec(
                title: channel.displayName, description: channel.info.description ?? channel.displayName, page: SitePaths.channel(channel.slug),
                posts: site.latest(limit, of: channel)[...])
            rss.append((SitePaths.channelFeed(channel.slug), spec))
            atom.append((SitePaths.channelAtom(channel.slug), spec))
            json.append((SitePaths.channelJSONFeed(channel.slug), spec))
        }
        let all = site.allPosts
        let positions = all.positions()
        for tag in site.tags {
            let tagged = Self.newestFirst(tag.postIDs.suffix(limit).reversed().compactMap { positions[$0].map { all[$0] } })
            atom.append(
                (
                    SitePaths.tagAtom(tag.slug),
                    Spec(title: tag.name, description: tag.name, page: SitePaths.tag(tag.slug), posts: tagged[...], isTag: true)
                ))
        }
        let made = entries.entries((rss + atom + json).flatMap(\.1.posts))
        let writer = FeedWriter(site: site, entries: entries, made: made)
        let jobs = rss.map { ($0, FeedWriter.Kind.rss) } + atom.map { ($0, .atom) } + json.map { ($0, .json) }
        for written in jobs.concurrentMap(chunk: 1, { job, kind in Result { try write(writer.file(kind, path: job.0, spec: job.1)) } }) {
            try written.get()
        }
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
}
