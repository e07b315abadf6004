import ChansiteCore
import ChansiteModel

/// Finds the archive's own page for a link to a Telegram post: `t.me/<handle>/<id>`,
/// `t.me/s/<handle>/<id>` and `t.me/c/<channel id>/<id>` (also on `telegram.me`), for channels
/// whose handle or id the archive knows. Also knows each channel's posts by message id.
struct LocalLinks: Sendable {
    /// Channel handle (lower-cased) or `c/<id>` → channel slug.
    private var channels: [String: String] = [:]
    /// Channel slug → its posts by message id.
    private var posts: [String: Posts] = [:]

    /// A channel's posts by message id (each of an album's ids names the album's post): the
    /// post's slug and site path. Made from the channel alone, so a cache keeps it by the
    /// channel's key (a site's 100k posts took a tenth of a second each build).
    package struct Posts: Sendable {
        var byID: [String: (slug: String, path: String)] = [:]

        init(_ channel: Channel) {
            byID.reserveCapacity(channel.posts.count)
            for index in channel.posts.indices {
                guard let id = channel.posts[index].post.messageID else { continue }
                let target = (channel.posts[index].slug, channel.posts[index].path)
                byID[id] = target
                for alias in channel.posts[index].post.details?.albumIDs ?? [] { byID[alias] = target }
            }
        }
    }

    init(site: Site, memo: (any StageCache<Posts>)? = nil) {
        for channel in site.channels {
            if let handle = channel.info.handle { channels[handle.lowercased()] = channel.slug }
            if let id = channel.info.channelID { channels["c/" + id] = channel.slug }
            // The key names the channel's slug and posts, which make every path.
            posts[channel.slug] = channel.kept("local-links", in: memo) { Posts(channel) }
        }
    }

    /// The site path of message `id` of the channel `slug`, when the archive has it.
    func post(channel slug: String, id: String) -> String? {
        posts[slug]?.byID[id]?.path
    }

    /// The `SitePost.id` of message `id` of the channel `slug`, when the archive has it.
    func postID(channel slug: String, id: String) -> String? {
        posts[slug]?.byID[id].map { slug + "/" + $0.slug }
    }

    /// The channel slug of an export's channel id (`channel123` or `123`), when in the archive.
    func channel(exportID: String) -> String? {
        let digits = exportID.drop { !$0.isNumber }
        return channels["c/" + digits]
    }

    /// The site path a `t.me` URL points at, when it is a post of the archive.
    func path(for url: String) -> String? {
        var rest = Substring(url)
        for prefix in ["https://", "http://"] where rest.lowercased().hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
        let lowered = rest.lowercased()
        guard let host = ["t.me/", "telegram.me/", "www.t.me/"].first(where: { lowered.hasPrefix($0) }) else { return nil }
        rest = rest.dropFirst(host.count)
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        var parts = rest.split(separator: "/").map(String.init)
        if parts.first == "s" { parts.removeFirst() }
        let key: String
        if parts.count == 3, parts[0] == "c" {
            key = "c/" + parts[1]
            parts.removeFirst(2)
        } else if parts.count == 2 {
            key = parts[0].lowercased()
            parts.removeFirst()
        } else {
            return nil
        }
        guard let slug = channels[key], let id = parts.first, id.allSatisfy(\.isNumber) else { return nil }
        return post(channel: slug, id: id)
    }
}
