import ChansiteCore

/// Everything the render stage needs: channels with their posts, and tags across channels.
package struct Site: Sendable {
    package var config: SiteConfig
    package var channels: [Channel]
    /// Tags sorted by key.
    package var tags: [Tag]
    /// The interface words in the site's language.
    package var strings: SiteStrings
    /// What the privacy pass kept off the site.
    package var withheld = Withheld()

    package init(config: SiteConfig, channels: [Channel], tags: [Tag], strings: SiteStrings? = nil) {
        self.config = config
        self.channels = channels
        self.tags = tags
        self.strings = strings ?? SiteStrings(language: config.language, plural: .oneOther, texts: [:], counted: [:])
    }

    /// A channel's latest `count` posts, newest first, whichever order its pages use; with
    /// `withText`, only posts with words (a home page's "latest" lists no bare photo).
    package func latest(_ count: Int, of channel: Channel, withText: Bool = false) -> [SitePost] {
        // Walked by index from the newest end: no copy of a channel's posts for a few of them.
        let posts = channel.posts
        let newestFirst = config.channelOrder == .newest
        var latest: [SitePost] = []
        var index = newestFirst ? 0 : posts.count - 1
        while latest.count < count, posts.indices.contains(index) {
            if !withText || !posts[index].post.text.allSatisfy(\.isWhitespace) { latest.append(posts[index]) }
            index += newestFirst ? 1 : -1
        }
        return latest
    }
}
