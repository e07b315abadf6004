/// What templates see of a channel's header.
enum ChannelContext {
    static func context(_ channel: Channel, from path: String) -> [String: Any] {
        var context: [String: Any] = [
            "slug": channel.slug,
            "name": channel.displayName,
            "url": SitePaths.link(from: path, to: SitePaths.channel(channel.slug)),
            "feedURL": SitePaths.link(from: path, to: SitePaths.channelFeed(channel.slug)),
            "postCount": channel.posts.count,
        ]
        if let handle = channel.info.handle {
            context["handle"] = handle
            context["telegramURL"] = "https://t.me/" + SitePaths.percentEncoded(handle)
        }
        if let subscribers = channel.info.subscribers { context["subscribers"] = subscribers }
        if let description = channel.info.description {
            context["description"] = description
            context["descriptionParagraphs"] = description.components(separatedBy: "\n").filter { !$0.isBlankLine }
        }
        return context
    }
}
