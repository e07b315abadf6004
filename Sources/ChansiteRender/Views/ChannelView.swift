import ChansiteCore
import ChansiteMedia
import ChansiteModel

/// What templates see of a channel's header, made once per build with root-relative links.
/// Descriptions are rendered once: URLs and @handles become links, each line its own paragraph,
/// everything else shown literally. The counts (posts, subscribers) are on the pages that change
/// whenever the channel grows (its front page, its archive, the home page); its other pages show
/// `withoutCounts()`, so an append leaves them as they were (`docs/internals.md`).
struct ChannelView: TemplateView {
    var slug: String
    var name: String
    var url: String
    var feedURL: String
    var atomURL: String
    var postCount: Int?
    var postCountText: String?
    var handle: String?
    var telegramURL: String?
    var subscribers: String?
    var subscribersText: String?
    var description: String?
    var descriptionParagraphs: [String]?
    var descriptionHTML: String?
    var archiveURL: String?
    /// The channel's media gallery, when it has media or links.
    var galleryURL: String?
    /// The channel's picture (64 CSS pixels, a JPEG chansite made), when its export has one.
    var avatarURL: String?
    /// The language of the channel's name and description, when configured and not the site's.
    var language: String?
    /// The home page's newest posts of the channel.
    var latest: [PostView]?
    /// True when the channel's pages ask search engines not to index them (`noindexChannels`).
    var noindex = false

    static let fields = ViewFields<Self>([
        "slug": { $0.slug }, "name": { $0.name }, "url": { $0.url }, "feedURL": { $0.feedURL }, "atomURL": { $0.atomURL },
        "postCount": { $0.postCount }, "postCountText": { $0.postCountText }, "handle": { $0.handle },
        "telegramURL": { $0.telegramURL }, "subscribers": { $0.subscribers }, "subscribersText": { $0.subscribersText },
        "description": { $0.description }, "descriptionParagraphs": { $0.descriptionParagraphs },
        "descriptionHTML": { $0.descriptionHTML }, "archiveURL": { $0.archiveURL }, "galleryURL": { $0.galleryURL }, "avatarURL": { $0.avatarURL },
        "language": { $0.language },
        "latest": { $0.latest }, "noindex": { $0.noindex },
    ])

    /// Every channel's view, in the site's order; `archived` names the channels with a month archive.
    static func views(site: Site, archived: Set<String> = [], avatars: [String: PublishedMedia.Variant] = [:]) -> [ChannelView] {
        let markdown = MarkdownRenderer { _ in nil }
        return site.channels.map { channel in
            var view = ChannelView(channel, strings: site.strings, markdown: markdown, archived: archived.contains(channel.slug))
            view.avatarURL = avatars[channel.slug].map { SitePaths.rootLink(to: $0.path) }
            let language = site.config.language(of: channel)
            if language != site.config.language { view.language = language }
            view.noindex = site.config.isNoindex(channel)
            return view
        }
    }

    /// The view for a page that stays the same when the channel grows: a deep listing page, a
    /// post's page, a month's, a year's, a gallery's.
    func withoutCounts() -> ChannelView {
        var view = self
        view.postCount = nil
        view.postCountText = nil
        view.subscribers = nil
        view.subscribersText = nil
        return view
    }

    init(_ channel: Channel, strings: SiteStrings, markdown: MarkdownRenderer, archived: Bool) {
        slug = channel.slug
        name = channel.displayName
        url = SitePaths.rootLink(to: SitePaths.channel(channel.slug))
        feedURL = SitePaths.rootLink(to: SitePaths.channelFeed(channel.slug))
        atomURL = SitePaths.rootLink(to: SitePaths.channelAtom(channel.slug))
        postCount = channel.posts.count
        postCountText = strings.count("posts", channel.posts.count)
        handle = channel.info.handle
        telegramURL = channel.info.handle.map { "https://t.me/" + SitePaths.percentEncoded($0) }
        subscribers = channel.info.subscribers
        subscribersText = channel.info.subscribers.map { strings.count("subscribers", text: $0) }
        if let description = channel.info.description {
            self.description = description
            descriptionParagraphs = description.components(separatedBy: "\n").filter { !$0.isBlankLine }
            // Absolute links only, so it suits any page.
            if !description.allSatisfy(\.isWhitespace) { descriptionHTML = markdown.html(for: description, paragraphPerLine: true) }
        }
        if archived { archiveURL = SitePaths.rootLink(to: SitePaths.archive(channel.slug)) }
    }
}
