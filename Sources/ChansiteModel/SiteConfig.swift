/// Site-wide settings, read from `chansite.json` beside `Content/` when it exists.
package struct SiteConfig: Sendable, Hashable, Codable {
    /// The order of posts on channel pages (`"channelOrder"`).
    package enum ChannelOrder: String, Sendable, Hashable, Codable {
        case oldest, newest
    }

    /// The site's name in headers and feeds.
    package var title: String
    /// A one-line description for the home page and feeds.
    package var description: String
    /// The absolute URL the site will be published at (`https://example.org/archive/`), used only
    /// where a format demands absolute URLs (sitemap, feeds); pages always link relatively.
    package var baseURL: String?
    /// `baseURL` ending in `/`, ready to have a site path appended.
    package var siteRoot: String? { baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" } }

    /// The language a channel's posts are written in: the configured one (by the channel's
    /// folder name, handle or export id), else the site's.
    package func language(of channel: Channel) -> String {
        if let language = channelLanguages[channel.slug] { return language }
        if let key = channelLanguages.keys.sorted().first(where: { Self.names($0, slug: channel.slug, info: channel.info) }) {
            return channelLanguages[key] ?? language
        }
        return language
    }

    /// True when the configuration's `name` for a channel is its folder name, its handle (with
    /// or without `@`, in any case) or its export id.
    package static func names(_ name: String, slug: String, info: ChannelInfo) -> Bool {
        if name == slug { return true }
        if let handle = info.handle?.lowercased(), name.lowercased() == handle || name.lowercased() == "@" + handle { return true }
        if let id = info.channelID, name == id { return true }
        return false
    }

    /// True when the channel's pages ask not to be indexed (`noindexChannels`).
    package func isNoindex(_ channel: Channel) -> Bool {
        noindexChannels.contains { Self.names($0, slug: channel.slug, info: channel.info) }
    }
    /// The page language (`lang` attribute).
    package var language: String
    /// Posts per channel page (whole posts).
    package var postsPerPage: Int
    /// Posts per tag page (summaries, as a month page lists them): a tag's pages are a share of
    /// every post again, so they list as many as a month page does.
    package var tagPostsPerPage: Int
    /// Latest posts per channel shown on the home page.
    package var homePostsPerChannel: Int
    /// The time zone dates are shown in (an IANA name, `Europe/Berlin`); UTC by default.
    package var timeZone: String
    /// The order of posts on channel pages.
    package var channelOrder: ChannelOrder
    /// Chat types of Telegram Desktop exports made into channels of the site.
    package var exportChatTypes: [String]
    /// Channel id (as an export names it) → public handle, for links to `t.me`.
    package var channelHandles: [String: String]
    /// A channel (its folder name under `channels/`, its handle or its export id) → the language
    /// its posts are written in, when it is not the site's (`lang` on its posts and header).
    package var channelLanguages: [String: String]
    /// A channel with more posts than this puts its post pages into 256 subfolders
    /// (`channels/<channel>/<xx>/<post>.html`), so no folder grows past what hosts and file
    /// systems handle well (FAT32 and exFAT cards stop near 65,000 entries).
    package var postsPerFolder: Int
    /// The largest media file copied into the site, in bytes; larger ones are linked to nothing
    /// and named in a warning.
    package var maxMediaFileSize: Int
    /// Hashtags (without `#`) whose posts are left out of the site (`#noarchive`).
    package var withholdTags: [String]
    /// Posts left out of the site, as `<channel>/<id>`: the channel by folder name, handle or
    /// export id, the post by message id or by its page's name.
    package var withholdPosts: [String]
    /// Group chats of an export (by export id or name) read as channels' discussion groups:
    /// their threads become comments under the posts they discuss.
    package var discussionGroups: [String]
    /// Leaves out posts deleted from their channel since an earlier export (kept and marked by default).
    package var hideDeletedPosts: Bool
    /// Channels (folder name, handle or export id) whose pages ask search engines not to index
    /// them (`<meta name="robots" content="noindex">`) and stay out of the sitemap.
    package var noindexChannels: [String]

    package init(
        title: String = "chansite",
        description: String = "Telegram channel archive",
        baseURL: String? = nil,
        language: String = "ru",
        postsPerPage: Int = 20,
        tagPostsPerPage: Int = 100,
        homePostsPerChannel: Int = 3,
        timeZone: String = "UTC",
        channelOrder: ChannelOrder = .oldest,
        exportChatTypes: [String] = ["public_channel", "private_channel"],
        channelHandles: [String: String] = [:],
        channelLanguages: [String: String] = [:],
        postsPerFolder: Int = 10_000,
        maxMediaFileSize: Int = 4 << 30,
        withholdTags: [String] = ["noarchive"],
        withholdPosts: [String] = [],
        noindexChannels: [String] = [],
        hideDeletedPosts: Bool = false,
        discussionGroups: [String] = []
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.postsPerPage = postsPerPage
        self.tagPostsPerPage = tagPostsPerPage
        self.homePostsPerChannel = homePostsPerChannel
        self.timeZone = timeZone
        self.channelOrder = channelOrder
        self.exportChatTypes = exportChatTypes
        self.channelHandles = channelHandles
        self.channelLanguages = channelLanguages
        self.postsPerFolder = postsPerFolder
        self.maxMediaFileSize = maxMediaFileSize
        self.withholdTags = withholdTags
        self.withholdPosts = withholdPosts
        self.noindexChannels = noindexChannels
        self.hideDeletedPosts = hideDeletedPosts
        self.discussionGroups = discussionGroups
    }

    enum CodingKeys: String, CodingKey {
        case title, description, baseURL, language, postsPerPage, tagPostsPerPage, homePostsPerChannel, timeZone, channelOrder, exportChatTypes,
            channelHandles, channelLanguages, postsPerFolder, maxMediaFileSize, withholdTags, withholdPosts, noindexChannels, hideDeletedPosts,
            discussionGroups
    }

    package init(from decoder: any Decoder) throws {
        let defaults = SiteConfig()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? defaults.title
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? defaults.description
        baseURL = try c.decodeIfPresent(String.self, forKey: .baseURL)
        language = try c.decodeIfPresent(String.self, forKey: .language) ?? defaults.language
        // Numbers are range-checked when loaded (`checkRanges`), with a message naming the key.
        postsPerPage = try c.decodeIfPresent(Int.self, forKey: .postsPerPage) ?? defaults.postsPerPage
        tagPostsPerPage = try c.decodeIfPresent(Int.self, forKey: .tagPostsPerPage) ?? defaults.tagPostsPerPage
        homePostsPerChannel = try c.decodeIfPresent(Int.self, forKey: .homePostsPerChannel) ?? defaults.homePostsPerChannel
        timeZone = try c.decodeIfPresent(String.self, forKey: .timeZone) ?? defaults.timeZone
        channelOrder = defaults.channelOrder
        if let order = try c.decodeIfPresent(String.self, forKey: .channelOrder) {
            guard let known = ChannelOrder(rawValue: order) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .channelOrder, in: c, debugDescription: "'channelOrder' must be \"oldest\" or \"newest\", not '\(order)'")
            }
            channelOrder = known
        }
        exportChatTypes = try c.decodeIfPresent([String].self, forKey: .exportChatTypes) ?? defaults.exportChatTypes
        channelHandles = try c.decodeIfPresent([String: String].self, forKey: .channelHandles) ?? defaults.channelHandles
        channelLanguages = try c.decodeIfPresent([String: String].self, forKey: .channelLanguages) ?? defaults.channelLanguages
        postsPerFolder = try c.decodeIfPresent(Int.self, forKey: .postsPerFolder) ?? defaults.postsPerFolder
        maxMediaFileSize = try c.decodeIfPresent(Int.self, forKey: .maxMediaFileSize) ?? defaults.maxMediaFileSize
        withholdTags = try c.decodeIfPresent([String].self, forKey: .withholdTags) ?? defaults.withholdTags
        withholdPosts = try c.decodeIfPresent([String].self, forKey: .withholdPosts) ?? defaults.withholdPosts
        noindexChannels = try c.decodeIfPresent([String].self, forKey: .noindexChannels) ?? defaults.noindexChannels
        hideDeletedPosts = try c.decodeIfPresent(Bool.self, forKey: .hideDeletedPosts) ?? defaults.hideDeletedPosts
        discussionGroups = try c.decodeIfPresent([String].self, forKey: .discussionGroups) ?? defaults.discussionGroups
    }
}
