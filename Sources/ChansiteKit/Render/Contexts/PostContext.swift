/// What templates see of a post (documented in the README's template variables).
struct PostContext {
    let site: Site
    /// Post bodies as HTML, rendered once for the depth of channel, tag and post pages.
    let bodies: [String: String]
    let channelsBySlug: [String: Channel]
    let tagsByKey: [String: Tag]

    /// The post as a listing or page shows it, with links relative to `path`.
    func context(_ post: SitePost, from path: String) -> [String: Any] {
        let p = post.post
        let channel = channelsBySlug[post.channelSlug]
        var context: [String: Any] = [
            "id": post.id,
            "heading": post.heading,
            "hasTitle": p.title != nil,
            "url": SitePaths.link(from: path, to: SitePaths.post(channel: post.channelSlug, slug: post.slug)),
            "body": bodies[post.id] ?? "",
            "excerpt": post.excerpt,
            "hasMedia": p.hasMediaPlaceholder,
            "source": "\(p.source.path):\(p.source.firstLine)",
            "channel": [
                "name": channel?.displayName ?? post.channelSlug,
                "url": SitePaths.link(from: path, to: SitePaths.channel(post.channelSlug)),
            ],
        ]
        let tags = zip(p.hashtags, post.tagKeys).compactMap { name, key -> [String: Any]? in
            guard let tag = tagsByKey[key] else { return nil }
            return ["name": name, "url": SitePaths.link(from: path, to: SitePaths.tag(tag.slug))]
        }
        if !tags.isEmpty {
            context["hashtags"] = tags
            context["hasHashtags"] = true
        }
        if let forwarded = p.forwardedFrom { context["forwardedFrom"] = forwarded }
        if let date = p.dateText { context["dateText"] = date }
        if let reactions = p.reactions, !reactions.isEmpty {
            context["reactions"] = reactions.map { ["emoji": $0.emoji, "count": $0.count] as [String: Any] }
            context["hasReactions"] = true
        }
        if !p.linkPreviews.isEmpty {
            context["linkPreviews"] = p.linkPreviews.map { card -> [String: Any] in
                var item: [String: Any] = ["site": card.site, "title": card.title, "description": card.description]
                if let url = card.url { item["url"] = url }
                return item
            }
        }
        return context
    }
}
