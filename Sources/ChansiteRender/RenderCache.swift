import ChansiteCore

/// What the render stage asks of a cache kept between builds (`serve` keeps one in memory, a
/// build one on disk): each post's body HTML and rendered summary, a channel's post views, and
/// the keys its pages were carried over by. Every entry is keyed by a fingerprint of all its inputs, so
/// rendering with a cache writes exactly what rendering without one writes.
package struct RenderCache: Sendable {
    let bodies: any StageCache<String>
    let summaries: any StageCache<String>
    /// A channel's post views, by the channel's key and the site's tag links; nil where views
    /// cannot be kept (on disk): they are made again and let go of their bodies as without a cache.
    let postViews: (any StageCache<[PostView]>)?
    /// How many post and listing pages the build carried over by their keys (`PageRenderer.memoKey`,
    /// which the manifest keeps with each page).
    package let pagesByKey = LockedBox(0)
    /// The fingerprint of each post's view, by the post's key (`PostViews.Builder.postKey`;
    /// on disk: `serve` keeps the views): pages that show only posts whose keys are the last
    /// build's are fingerprinted from them, and carried over, without making those views.
    package var viewFingerprints: (any StageCache<String>)?
    /// Each of a channel's posts' keys (`PostViews.Builder.postKeys`), by the channel's key
    /// and context; only where `viewFingerprints` are kept (on disk).
    package var viewKeys: (any StageCache<[String?]>)?
    /// The language of each of a channel's posts where it is not the site's, by the channel's
    /// key (reading every post's script is a quarter second at 100k posts); nil on disk.
    var languages: (any StageCache<[String?]>)?
    /// What a channel's posts ask about other channels (`OutsideQueries`), by the channel's
    /// key (reading every post's spans for links was a fifth of a second at 100k posts).
    package var outside: (any StageCache<OutsideQueries>)?
    /// A channel's posts by message id (`LocalLinks.Posts`), by the channel's key; nil on disk.
    var localLinks: (any StageCache<LocalLinks.Posts>)?
    /// A channel's posts' indexes by slug (`Site.channelPositions`), by the channel's key; nil on disk.
    var positions: (any StageCache<[String: Int]>)?
    /// Each of a channel's posts' calendar days, by the channel's key; nil on disk.
    var calendar: (any StageCache<[PostCalendar.Day?]>)?
    /// A text channel's gallery items, by the channel's key (a third of a second at 100k posts).
    package var galleries: (any StageCache<[ChannelGalleries.Kind: [ChannelGalleries.Item]]>)?
    /// The pages at URLs earlier builds published (their counts, then their paths), by the
    /// history and everything the site's pages are known by (`Pipeline.publishedKey`).
    package var publishedURLs: (any StageCache<[String]>)?
    /// A fingerprint of what a channel's posts are known by (`Pipeline.identities`), by the
    /// channel's key: one text, as a list.
    package var pageIdentities: (any StageCache<[String]>)?

    /// Kept in memory, for as long as the value is.
    package init() {
        self.init(bodies: Memo<String>(), summaries: Memo<String>(), postViews: Memo<[PostView]>())
        languages = Memo<[String?]>()
        outside = Memo<OutsideQueries>()
        localLinks = Memo<LocalLinks.Posts>()
        positions = Memo<[String: Int]>()
        galleries = Memo<[ChannelGalleries.Kind: [ChannelGalleries.Item]]>()
        calendar = Memo<[PostCalendar.Day?]>()
        publishedURLs = Memo<[String]>()
        pageIdentities = Memo<[String]>()
    }

    /// Without post views (a cache on disk): they are made again each build.
    package init(bodies: any StageCache<String>, summaries: any StageCache<String>) {
        self.init(bodies: bodies, summaries: summaries, postViews: nil)
    }

    init(bodies: any StageCache<String>, summaries: any StageCache<String>, postViews: (any StageCache<[PostView]>)?) {
        self.bodies = bodies
        self.summaries = summaries
        self.postViews = postViews
    }

    /// Drops what the build just finished did not use.
    package func endBuild() {
        pagesByKey.mutate { $0 = 0 }
        bodies.endBuild()
        summaries.endBuild()
        postViews?.endBuild()
        viewFingerprints?.endBuild()
        viewKeys?.endBuild()
        languages?.endBuild()
        outside?.endBuild()
        localLinks?.endBuild()
        positions?.endBuild()
        galleries?.endBuild()
        calendar?.endBuild()
        publishedURLs?.endBuild()
        pageIdentities?.endBuild()
    }
}
