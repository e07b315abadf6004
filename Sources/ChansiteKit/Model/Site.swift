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

    /// Looks posts up by id.
    public func postsByID() -> [String: SitePost] {
        Dictionary(allPosts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
