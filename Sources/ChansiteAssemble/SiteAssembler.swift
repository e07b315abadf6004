import ChansiteCore
import ChansiteIngest
import ChansiteModel
import Foundation

/// Turns parsed dumps into the site model: merges dumps of one channel, gives every post a
/// stable slug, and gathers tags across channels. Pure: same dumps in, same site out.
package struct SiteAssembler: Sendable {
    package var config: SiteConfig
    /// The interface words, for the headings of posts without text.
    package var strings: SiteStrings?

    /// A channel's posts in the site and what assembling them reported.
    package struct ChannelPosts: Sendable {
        var posts: [SitePost]
        var diagnostics: [Diagnostic]
        var withheld = Withheld()
        /// The channel's tags (slugs not made yet), kept with its posts: gathered again from
        /// every channel's posts they were a fifth of the model's time after one edit at 100k posts.
        var tags: [Tag] = []
    }

    package init(config: SiteConfig, strings: SiteStrings? = nil) {
        self.config = config
        self.strings = strings
    }

    /// With a cache (`serve` keeps one), channels whose dumps and settings are those of an
    /// earlier build are taken from it.
    package func assemble(_ dumps: [ParsedDump], cache: (any StageCache<ChannelPosts>)? = nil) -> (site: Site, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var usedSlugs = Set<String>()
        var channelCounters: [String: Int] = [:]
        var made: [(channel: Channel, tags: [Tag])] = []
        var withheld = Withheld()
        let discussions = dumps.filter(\.isDiscussion).sorted { $0.path < $1.path }
        // Slugs in path order (a channel's name must not depend on timing), then each channel's
        // posts on all cores: a channel's merge and deduplication run on one.
        var planned: [(group: [ParsedDump], info: ChannelInfo, slug: String, key: String?)] = []
        for group in ChannelGroups.group(dumps.filter { !$0.isDiscussion }.sorted(by: { $0.path < $1.path })) {
            let info = group.map(\.channel).reduce(ChannelInfo()) { $0.merged(with: $1) }
            let base = Self.channelSlugBase(info: info, path: group[0].path)
            let slug = Self.unique(base, in: &usedSlugs, counters: &channelCounters)
            planned.append((group, info, slug, cache == nil ? nil : memoKey(group, slug: slug)))
        }
        // An edited channel is assembled alone, outside the loop (`concurrentMap(quick:)`).
        let plans = planned
        let answered = { (index: Int) in plans[index].key.map { cache?.holds($0) == true } ?? false }
        let assembled = plans.indices.concurrentMap(quick: answered) { index in
            let plan = plans[index]
            let make = { channelPosts(plan.group, slug: plan.slug, info: plan.info) }
            return plan.key.flatMap { key in cache?.value(key, make) } ?? make()
        }
        for (plan, posts) in zip(planned, assembled) {
            diagnostics += posts.diagnostics
            withheld.add(posts.withheld)
            var channel = Channel(slug: plan.slug, info: plan.info, posts: posts.posts, sources: Array(Set(plan.group.map(\.path))).sorted())
            channel.cacheKey = plan.key
            made.append((channel, posts.tags))
        }
        made.sort { $0.channel.slug < $1.channel.slug }
        // Comments (attached below) do not change which posts a tag has.
        let tags = Self.tags(of: made.map(\.tags))
        var channels = made.map(\.channel)
        if !discussions.isEmpty {
            diagnostics += DiscussionComments.attach(discussions, to: &channels, withheld: &withheld)
            Self.keyComments(of: discussions, in: &channels)
        }
        var site = Site(config: config, channels: channels, tags: tags, strings: strings)
        site.withheld = withheld
        return (site, diagnostics)
    }

    /// Comments come from every discussion group and land by what every channel holds: with
    /// any attached, a channel's key names all of those inputs (nil when one has no key).
    static func keyComments(of discussions: [ParsedDump], in channels: inout [Channel]) {
        var inputs = Fingerprint("comments")
        for key in discussions.map(\.sourceKey) + channels.map(\.cacheKey) {
            guard let key else {
                for index in channels.indices { channels[index].cacheKey = nil }
                return
            }
            inputs.add(key)
        }
        let all = inputs.hex
        for index in channels.indices { channels[index].cacheKey = channels[index].cacheKey.map { Fingerprint($0, all).hex } }
    }

    /// A channel's posts: its exports and saved web-preview pages merged by message id, its text
    /// dumps' posts kept once, in site order.
    func channelPosts(_ group: [ParsedDump], slug: String, info: ChannelInfo) -> ChannelPosts {
        var diagnostics: [Diagnostic] = []
        let exports = ExportMerge.merge(group.filter(\.hasMessageIDs))
        diagnostics += exports.diagnostics
        var ordered = exports.posts + textPosts(group.filter { !$0.hasMessageIDs }, besides: exports.posts, diagnostics: &diagnostics)
        var withheld = Withheld()
        // Copied only when some post has a number to mask (a text copy's posts never do).
        if ordered.contains(where: PrivacyPass.needsMasking) { ordered = ordered.map { PrivacyPass.masking($0, masked: &withheld) } }
        if config.channelOrder == .newest { ordered.reverse() }
        let privacy = PrivacyPass(config: config, slug: slug, info: info)
        let posts = sitePosts(ordered, channel: slug, privacy: privacy, withheld: &withheld, diagnostics: &diagnostics)
        return ChannelPosts(posts: posts, diagnostics: diagnostics, withheld: withheld, tags: Self.tags(of: posts))
    }

    /// A fingerprint of everything `channelPosts` reads, when each dump has a source key.
    func memoKey(_ group: [ParsedDump], slug: String) -> String? {
        guard group.allSatisfy({ $0.sourceKey != nil }) else { return nil }
        // The whole configuration, not the fields read today, so a field read later is covered.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var key = Fingerprint("channel", slug)
        // try?: SiteConfig holds strings, numbers and maps of strings, which JSONEncoder always encodes.
        key.add(bytes: (try? encoder.encode(config)) ?? Data())
        key.add(any: strings?.texts)
        for dump in group { key.add(dump.sourceKey ?? "") }
        return key.hex
    }

    /// A channel's posts in the site: slug bases, headings and excerpts made on all cores, the
    /// slugs made unique, then the posts the privacy pass withholds left out (after their slugs
    /// are taken, so withholding a post moves no other post's page).
    func sitePosts(
        _ ordered: [Post], channel slug: String, privacy: PrivacyPass? = nil, withheld: inout Withheld, diagnostics: inout [Diagnostic]
    ) -> [SitePost] {
        let slugs = Self.postSlugs(ordered, newestFirst: config.channelOrder == .newest)
        // Indexes, not copies: a large channel's posts are held once.
        var kept: [Int] = []
        kept.reserveCapacity(ordered.count)
        for (index, post) in ordered.enumerated() {
            let postSlug = slugs[index]
            if let reason = privacy?.reason(post, slug: postSlug) {
                diagnostics.append(.note(reason.description, at: post.source.start))
                switch reason {
                case .tag: withheld.taggedPosts += 1
                case .listed: withheld.listedPosts += 1
                case .deleted: withheld.deletedPosts += 1
                }
                continue
            }
            kept.append(index)
        }
        let sharded = kept.count > config.postsPerFolder
        let strings = strings
        let placed = kept
        // Each distinct hashtag keyed once: a channel has a few dozen, written thousands of
        // times, and lowercasing each one written was a quarter of assembling a channel.
        var keyOf: [ByteKey: String] = [:]
        for index in placed {
            for tag in ordered[index].hashtags where keyOf[ByteKey(tag)] == nil { keyOf[ByteKey(tag)] = Tag.key(for: tag) }
        }
        let keys = keyOf
        return placed.indices.concurrentMap { index in
            let (post, postSlug) = (ordered[placed[index]], slugs[placed[index]])
            let tagKeys = post.hashtags.map { keys[ByteKey($0)] ?? Tag.key(for: $0) }
            return SitePost(post: post, channelSlug: slug, slug: postSlug, index: index, tagKeys: tagKeys, strings: strings, sharded: sharded)
        }
    }

    /// The posts of a channel's text dumps in reading order: a post another dump already had is
    /// kept once, while a post that one dump holds twice stays twice; a post an export of the
    /// channel has (same words) is left to the export, which knows more of it.
    func textPosts(_ dumps: [ParsedDump], besides exported: [Post], diagnostics: inout [Diagnostic]) -> [Post] {
        // A channel of exports only has no copies to compare (its texts' words were 13 % of an
        // export rebuild's CPU).
        guard !dumps.isEmpty else { return [] }
        let exportedTexts = Set(exported.map { Self.comparableText($0.text) })
        var posts: [Post] = []
        // How often each post occurs in the dumps read so far (the most in any one dump), keyed
        // by a hash of its identity, so the check is linear.
        var keptCounts = PostCounts()
        for dump in dumps {
            var dumpCounts = PostCounts()
            defer { keptCounts.keepMaximum(of: dumpCounts) }
            for post in dump.newestFirst ? dump.posts.reversed() : dump.posts {
                if !exportedTexts.isEmpty,
                    exportedTexts.contains(Self.comparableText([post.title, post.text].compactMap { $0 }.joined(separator: "\n")))
                {
                    diagnostics.append(.note("post also found in an export of this channel; the export's copy is kept", at: post.source.start))
                    continue
                }
                if dumps.count > 1 {
                    let identity = Self.identity(post)
                    let identityKey = Self.key(of: identity)
                    if dumpCounts.increment(identity, key: identityKey) <= keptCounts.count(of: identity, key: identityKey) {
                        diagnostics.append(.note("post also found in another dump of this channel; kept once", at: post.source.start))
                        continue
                    }
                }
                posts.append(post)
            }
        }
        return posts
    }

    /// Words only: a copy of a page and an export of the same post differ in spaces and breaks.
    static func comparableText(_ text: String) -> String {
        let utf8 = text.utf8
        // ASCII text, most of it, split by bytes: the same six whitespace bytes
        // `Character.isWhitespace` knows, without a grapheme break per letter.
        if utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count)
            var pending = false
            for byte in utf8 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pending = !out.isEmpty
                } else {
                    if pending { out.append(0x20) }
                    pending = false
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func channelKey(_ dump: ParsedDump) -> String {
        if let id = dump.channel.channelID { return "id:" + id }
        if let handle = dump.channel.handle { return "@" + handle.lowercased() }
        if let title = dump.channel.title { return "title:" + title.normalizedSpaces.lowercased() }
        return "file:" + dump.path
    }

    /// A channel's folder name: its handle as written when that is Latin, else the handle,
    /// title or file name transliterated, else (a script with no transliteration) a stable
    /// hash of the channel's identity, never an empty name.
    static func channelSlugBase(info: ChannelInfo, path: String) -> String {
        if let handle = info.handle {
            let latin = handle.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            if !latin.isEmpty, latin.count == handle.count { return latin }
            let transliterated = Slug.make(handle.replacingOccurrences(of: "_", with: " "), maxWords: 8, maxLength: 40)
            if !transliterated.isEmpty { return transliterated }
        }
        let fromTitle = Slug.make(info.title ?? "", maxWords: 5, maxLength: 40)
        if !fromTitle.isEmpty { return fromTitle }
        // An export's file is always `result.json`: its channel id names it better.
        if let id = info.channelID { return "channel-" + Slug.make(id, maxWords: 1, maxLength: 24) }
        let stem = PathName.stem(path)
        // An HTML export's page is named `messages…`, which names no channel.
        let isExportPage = ["html", "htm"].contains(PathName.extension(path).lowercased())
        let fromFile = isExportPage ? "" : Slug.make(stem.replacingOccurrences(of: "_", with: " "), maxWords: 8, maxLength: 40)
        if !fromFile.isEmpty { return fromFile }
        let identity = info.handle.map { "@" + $0.lowercased() } ?? info.title ?? stem
        return "channel-" + Slug.hash(identity)
    }

    /// Each post's page name, in reading order. A post with a message id is named by it. A post
    /// without one (a text copy's) is named by its first words alone, so editing its body
    /// keeps its URL; when an earlier post (in time, whichever order the pages show) already
    /// has those words, a hash of the post's content is added (`-1a2b3c`), and a post whose
    /// words and content both repeat another's gets `-2`, `-3`, …
    static func postSlugs(_ ordered: [Post], newestFirst: Bool) -> [String] {
        let bases = ordered.concurrentMap { postSlugBase($0) }
        var slugs = [String](repeating: "", count: ordered.count)
        var used = Set<String>()
        var counters: [String: Int] = [:]
        var bare = Set<String>()
        for index in newestFirst ? Array(ordered.indices.reversed()) : Array(ordered.indices) {
            var base = bases[index]
            if ordered[index].messageID == nil, !bare.insert(base).inserted {
                base += "-" + Slug.hash(ordered[index].contentFingerprint, length: 6)
            }
            slugs[index] = unique(base, in: &used, counters: &counters)
        }
        return slugs
    }

    /// A post's slug before it is made unique: its message id when the source has one;
    /// otherwise its first words (`media` or `post` when it has none).
    static func postSlugBase(_ post: Post) -> String {
        let base: String
        if let id = post.messageID, case let slug = Slug.make(id, maxWords: 1, maxLength: 40), !slug.isEmpty {
            base = slug
        } else {
            let words = Slug.make(String((post.title ?? post.text).prefix(200)))
            base = words.isEmpty ? (post.hasMediaPlaceholder ? "media" : "post") : words
        }
        // A post page beside the channel's own pages must never take one of their names.
        return SitePaths.isChannelPageName(base) ? base + "-post" : base
    }

    /// The post as two copies of it agree: no source lines, no counts, no relative date.
    static func identity(_ post: Post) -> Post {
        var identity = post
        identity.source = SourceRange(path: "", firstLine: 0, lastLine: 0)
        identity.reactions = post.reactions.map { $0.map { Reaction(emoji: $0.emoji, count: 0) } }
        identity.dateText = post.stableDateText
        return identity
    }

    /// A hash of everything in a post's identity, so posts that differ only in, say, their
    /// reactions fall in different buckets and counting stays linear however many there are.
    static func key(of identity: Post) -> String {
        var key = Fingerprint(identity.contentFingerprint)
        key.add(identity.hashtags)
        if let emoji = identity.reactions?.map(\.emoji) { key.add(emoji) } else { key.addNil() }
        key.add(identity.media.map { [$0.kind.name, $0.path ?? ""] })
        key.add(identity.linkPreviews.map { [$0.site, $0.title, $0.description, $0.url ?? ""] })
        key.add([identity.messageID ?? "", identity.replyTo ?? "", identity.paragraphPerLine ? "1" : "0"])
        key.add(identity.date.map { String($0.timeIntervalSince1970) } ?? "")
        return key.hex
    }

    static func unique(_ base: String, in used: inout Set<String>) -> String {
        var counters: [String: Int] = [:]
        return unique(base, in: &used, counters: &counters)
    }

    /// `base`, or `base-2`, `base-3`, … when taken. `counters` remembers the next number to try
    /// for each base, so n posts with one slug cost n steps, not n².
    static func unique(_ base: String, in used: inout Set<String>, counters: inout [String: Int]) -> String {
        var candidate = base
        var n = counters[base] ?? 2
        while !used.insert(candidate).inserted {
            candidate = "\(base)-\(n)"
            n += 1
        }
        if candidate != base { counters[base] = n }
        return candidate
    }

    /// One channel's tags in the order they are first used, each named as its first post
    /// writes it, with its posts' ids in order (a post with a tag written twice, twice).
    static func tags(of posts: [SitePost]) -> [Tag] {
        var slots: [String: Int] = [:]
        var tags: [Tag] = []
        for post in posts {
            for (name, key) in zip(post.post.hashtags, post.tagKeys) {
                if let slot = slots[key] {
                    tags[slot].postIDs.append(post.id)
                } else {
                    slots[key] = tags.count
                    tags.append(Tag(key: key, name: name, slug: "", postIDs: [post.id]))
                }
            }
        }
        return tags
    }

    /// The site's tags from each channel's (in the site's order): a tag's posts are its posts
    /// in every channel, in order, and its name the first channel's; slugs made in key order.
    static func tags(of channels: [[Tag]]) -> [Tag] {
        var byKey: [String: Tag] = [:]
        for tags in channels {
            for tag in tags {
                byKey[tag.key, default: Tag(key: tag.key, name: tag.name, slug: "", postIDs: [])].postIDs += tag.postIDs
            }
        }
        var used = Set<String>()
        var counters: [String: Int] = [:]
        return byKey.values.sorted { $0.key < $1.key }.map { tag in
            var tag = tag
            let base = Slug.make(tag.key.replacingOccurrences(of: "_", with: " "), maxWords: 12, maxLength: 60)
            tag.slug = unique(base.isEmpty ? "tag-" + Slug.hash(tag.key) : base, in: &used, counters: &counters)
            return tag
        }
    }
}
