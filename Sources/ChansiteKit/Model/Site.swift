/// Everything the render stage needs: channels with their posts, and tags across channels.
public struct Site: Sendable {
    public var config: SiteConfig
    public var channels: [Channel]
    /// Tags sorted by key.
    public var tags: [Tag]

    public init(config: SiteConfig, channels: [Channel], tags: [Tag]) {
        self.config = config
        self.channels = channels
        self.tags = tags
    }

    /// Every post of every channel, in site order (channels by slug, posts in reading order).
    public var allPosts: [SitePost] { channels.flatMap(\.posts) }

    /// A channel's latest `count` posts, newest first, whichever order its pages use.
    public func latest(_ count: Int, of channel: Channel) -> [SitePost] {
        config.channelOrder == "newest" ? Array(channel.posts.prefix(count)) : channel.posts.suffix(count).reversed()
    }

    /// Looks posts up by id.
    public func postsByID() -> [String: SitePost] {
        Dictionary(allPosts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
