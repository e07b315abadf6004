/// What the home page template sees: every channel with its latest posts, and the top tags.
enum HomeContext {
    static func context(site: Site, posts: PostContext, channels channelContext: ChannelContext, from path: String) -> [String: Any] {
        let latest = site.config.homePostsPerChannel
        let channels = site.channels.map { channel -> [String: Any] in
            var context = channelContext.context(channel, from: path)
            context["latest"] = site.latest(latest, of: channel, withText: true).map { posts.context($0, from: path) }
            return context
        }
        let topTags = site.tags.sorted { ($0.postIDs.count, $1.name) > ($1.postIDs.count, $0.name) }.prefix(24).map {
            ["name": $0.name, "count": site.strings.number($0.postIDs.count), "url": SitePaths.link(from: path, to: SitePaths.tag($0.slug))]
                as [String: Any]
        }
        return [
            "channels": channels, "topTags": Array(topTags), "hasTopTags": !topTags.isEmpty, "channelCount": site.channels.count,
            "postCount": site.allPosts.count, "tagCount": site.tags.count,
            "channelCountText": site.strings.count("channels", site.channels.count),
            "postCountText": site.strings.count("posts", site.allPosts.count), "tagCountText": site.strings.count("tags", site.tags.count),
        ]
    }
}
