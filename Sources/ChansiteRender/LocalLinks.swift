import ChansiteCore
import ChansiteModel

/// Finds the archive's own page for a link to a Telegram post: `t.me/<handle>/<id>`,
/// `t.me/s/<handle>/<id>` and `t.me/c/<channel id>/<id>` (also on `telegram.me`), for channels
/// whose handle or id the archive knows. Also knows each channel's posts by message id.
struct LocalLinks: Sendable {
    /// Channel handle (lower-cased) or `c/<id>` → channel slug.
    private var channels: [String: String] = [:]
    /// `channel slug/message id` → the post's slug and site path.
    private var posts: [String: (slug: String, path: String)] = [:]

    init(site: Site) {
        for channel in site.channels {
            if let handle = channel.info.handle { channels[handle.lowercased()] = channel.slug }
            if let id = channel.info.channelID { channels["c/" + id] = channel.slug }
            for post in channel.posts {
                guard let id = post.post.messageID else { continue }
                for alias in [id] + (post.post.details?.albumIDs ?? []) {
                    posts[channel.slug + "/" + alias] = (post.slug, post.path)
                }
            }
        }
    }

    /// The site path of message `id` of the channel `slug`, when the archive has it.
    func post(channel slug: String, id: String) -> String? {
        posts[slug + "/" + id]?.path
    }

    /// The `SitePost.id` of message `id` of the channel `slug`, when the archive has it.
    func postID(channel slug: String, id: String) -> String? {
        posts[slug + "/" + id].map { slug + "/" + $0.slug }
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
