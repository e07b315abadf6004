/// A channel of the site: its header and its posts in reading order, from one or more dumps.
package struct Channel: Sendable, Hashable {
    /// The URL-safe name of the channel's folder (`dl_stories`).
    package var slug: String
    package var info: ChannelInfo
    package var posts: [SitePost]
    /// The dumps this channel was read from, in the order they were merged.
    package var sources: [String]
    /// A fingerprint of everything the channel was made from (its dumps' bytes, the
    /// configuration, the interface words), when a build keeps a cache: later stages key the
    /// channel's views and pages by it.
    package var cacheKey: String?

    package init(slug: String, info: ChannelInfo, posts: [SitePost], sources: [String]) {
        self.slug = slug
        self.info = info
        self.posts = posts
        self.sources = sources
    }

    /// The name to show: the title, else `@handle`, else the slug.
    package var displayName: String {
        info.title ?? info.handle.map { "@" + $0 } ?? slug
    }
}
