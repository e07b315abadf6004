/// What templates see of a channel's header. Descriptions are rendered once per build: URLs and
/// @handles become links, each line its own paragraph, everything else shown literally.
struct ChannelContext {
    /// Channel slug → description HTML (absolute links only, so it suits any page depth).
    let descriptions: [String: String]

    /// Channels with a month archive (their posts have dates).
    let archived: Set<String>

    let strings: SiteStrings

    init(site: Site, archived: Set<String> = []) {
        self.archived = archived
        self.strings = site.strings
        let markdown = MarkdownRenderer { _ in nil }
        var descriptions: [String: String] = [:]
        for channel in site.channels {
            guard let description = channel.info.description, !description.allSatisfy(\.isWhitespace) else { continue }
            descriptions[channel.slug] = markdown.html(for: description, paragraphPerLine: true)
        }
        self.descriptions = descriptions
    }

    func context(_ channel: Channel, from path: String) -> [String: Any] {
        var context: [String: Any] = [
            "slug": channel.slug,
            "name": channel.displayName,
            "url": SitePaths.link(from: path, to: SitePaths.channel(channel.slug)),
            "feedURL": SitePaths.link(from: path, to: SitePaths.channelFeed(channel.slug)),
            "atomURL": SitePaths.link(from: path, to: SitePaths.channelAtom(channel.slug)),
            "postCount": channel.posts.count,
            "postCountText": strings.count("posts", channel.posts.count),
        ]
        if let handle = channel.info.handle {
            context["handle"] = handle
            context["telegramURL"] = "https://t.me/" + SitePaths.percentEncoded(handle)
        }
        if let subscribers = channel.info.subscribers {
            context["subscribers"] = subscribers
            context["subscribersText"] = strings.count("subscribers", text: subscribers)
        }
        if let description = channel.info.description {
            context["description"] = description
            context["descriptionParagraphs"] = description.components(separatedBy: "\n").filter { !$0.isBlankLine }
        }
        if let html = descriptions[channel.slug] { context["descriptionHTML"] = html }
        if archived.contains(channel.slug) { context["archiveURL"] = SitePaths.link(from: path, to: SitePaths.archive(channel.slug)) }
        return context
    }
}
