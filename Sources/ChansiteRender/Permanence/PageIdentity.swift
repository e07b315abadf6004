import ChansiteCore
import ChansiteModel

/// What a page shows, apart from where it is: the key that finds a page again after its URL
/// changed (a channel folder renamed when a handle is added, a slug rule changed).
///
/// The rules, which must not change between versions (a site's history of URLs is keyed by them):
/// a channel is its export id, else its handle, else its title, else its first source file; a
/// post is its channel and its message id, else (a text copy's post) its channel and a hash of
/// its content (`Post.contentFingerprint`: words, absolute date, forward, media placeholder);
/// any other page of a channel is its channel and its name in the channel's folder; a tag's
/// page is the tag's key and its name in the tag's folder; every other page is its path.
package struct PageIdentity: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable {
        /// A post with a message id.
        case post
        /// A post of a text copy, known by its content: may be found again by its words.
        case textPost = "text"
        /// A listing or archive page of a channel.
        case channelPage = "channel"
        case tagPage = "tag"
        case sitePage = "site"
    }

    package var kind: Kind
    /// A hash of the identity (FNV-1a, 64 bits; written as 16 hex digits). Fixed-size values,
    /// not strings: a site of 100k posts holds several maps of them.
    package var key: UInt64
    /// The channel's identity hash, for pages of a channel.
    package var channel: UInt64?

    package init(kind: Kind, key: UInt64, channel: UInt64?) {
        self.kind = kind
        self.key = key
        self.channel = channel
    }

    /// A channel's identity, hashed.
    package static func channelKey(_ channel: Channel) -> UInt64 {
        let info = channel.info
        let identity =
            info.channelID.map { "id:" + $0 } ?? info.handle.map { "@" + $0.lowercased() } ?? info.title.map { "title:" + $0 }
            ?? "file:" + (channel.sources.first ?? channel.slug)
        return hash(identity)
    }

    static func hash(_ text: String) -> UInt64 { FNV1a.hash64(text) }

    /// Every page of the site with its identity: posts from the model, other pages from their
    /// place in a channel's or tag's folder.
    package static func of(site: Site, pages: [String]) -> [String: PageIdentity] {
        var identities: [String: PageIdentity] = [:]
        var channelKeys: [String: UInt64] = [:]
        for channel in site.channels {
            let channelKey = channelKey(channel)
            let channelHex = FNV1a.hex(channelKey)
            channelKeys[channel.slug] = channelKey
            let posts = channel.posts.concurrentMap { post -> (String, PageIdentity) in
                if let id = post.post.messageID {
                    return (post.path, PageIdentity(kind: .post, key: hash(channelHex + "|m:" + id), channel: channelKey))
                }
                return (post.path, PageIdentity(kind: .textPost, key: hash(channelHex + "|f:" + post.post.contentFingerprint), channel: channelKey))
            }
            for (path, identity) in posts { identities[path] = identity }
        }
        let tagKeys = Dictionary(site.tags.map { ($0.slug, $0.key) }, uniquingKeysWith: { a, _ in a })
        for page in pages where page.hasSuffix(".html") && identities[page] == nil {
            identities[page] = pageIdentity(page, channelKeys: channelKeys, tagKeys: tagKeys)
        }
        return identities
    }

    /// A page other than a post: by its channel's or tag's identity and its name in their folder.
    static func pageIdentity(_ page: String, channelKeys: [String: UInt64], tagKeys: [String: String]) -> PageIdentity {
        let parts = page.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        if parts.count == 3, parts[0] == "channels", let channel = channelKeys[parts[1]] {
            return PageIdentity(kind: .channelPage, key: hash(FNV1a.hex(channel) + "|page:" + parts[2]), channel: channel)
        }
        if parts.count == 3, parts[0] == "tags", let tag = tagKeys[parts[1]] {
            return PageIdentity(kind: .tagPage, key: hash("tag:" + tag + "|" + parts[2]), channel: nil)
        }
        return PageIdentity(kind: .sitePage, key: hash("site:" + page), channel: nil)
    }
}
