import ChansiteCore
import ChansiteModel

extension HomeView {
    /// Every channel with its newest posts, and the 24 most used tags.
    init(site: Site, posts: PostViews, channels: [ChannelView]) {
        let latest = site.config.homePostsPerChannel
        self.channels = zip(site.channels, channels).map { channel, view in
            var view = view
            view.latest = site.latest(latest, of: channel, withText: true).compactMap { posts[$0] }
            return view
        }
        topTags = TagsView.byCount(site.tags, strings: site.strings).prefix(24).map { $0 }
        channelCount = site.channels.count
        postCount = site.channels.reduce(0) { $0 + $1.posts.count }
        tagCount = site.tags.count
        channelCountText = site.strings.count("channels", site.channels.count)
        postCountText = site.strings.count("posts", postCount)
        tagCountText = site.strings.count("tags", site.tags.count)
    }
}

extension TagsView {
    init(site: Site) {
        tags = Self.byCount(site.tags, strings: site.strings)
        tagCount = site.tags.count
        tagCountText = site.strings.count("tags", site.tags.count)
    }

    /// Tags, most used first (then by name), as links with their counts.
    static func byCount(_ tags: [Tag], strings: SiteStrings) -> [LinkView] {
        tags.sorted { ($0.postIDs.count, $1.name) > ($1.postIDs.count, $0.name) }.map {
            LinkView(name: $0.name, url: SitePaths.rootLink(to: SitePaths.tag($0.slug)), count: strings.number($0.postIDs.count))
        }
    }
}
