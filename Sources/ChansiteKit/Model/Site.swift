/// Everything the render stage needs: channels with their posts, and tags across channels.
public struct Site: Sendable {
    public var config: SiteConfig
    public var channels: [Channel]
    /// Tags sorted by key.
    public var tags: [Tag]
    /// The interface words in the site's language.
    public var strings: SiteStrings

    public init(config: SiteConfig, channels: [Channel], tags: [Tag], strings: SiteStrings? = nil) {
        self.config = config
        self.channels = channels
        self.tags = tags
        self.strings = strings ?? SiteStrings(language: config.language, plural: .oneOther, texts: [:], counted: [:])
    }

    /// Every post of every channel, in site order (channels by slug, posts in reading order).
    public var allPosts: [SitePost] { channels.flatMap(\.posts) }

    /// A channel's latest `count` posts, newest first, whichever order its pages use; with
    /// `withText`, only posts with words (a home page's "latest" lists no bare photo).
    public func latest(_ count: Int, of channel: Channel, withText: Bool = false) -> [SitePost] {
        let newestFirst = config.channelOrder == "newest" ? channel.posts : channel.posts.reversed()
        guard withText else { return Array(newestFirst.prefix(count)) }
        return Array(newestFirst.lazy.filter { !$0.post.text.allSatisfy(\.isWhitespace) }.prefix(count))
    }

    /// Looks posts up by id.
    public func postsByID() -> [String: SitePost] {
        Dictionary(allPosts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
