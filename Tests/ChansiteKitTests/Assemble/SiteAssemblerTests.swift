import Foundation
import Testing

@testable import ChansiteAssemble
@testable import ChansiteCore
@testable import ChansiteIngest
@testable import ChansiteModel

@Suite struct SiteAssemblerTests {
    /// The byte-level path for ASCII text splits words exactly as `Character.isWhitespace`
    /// does, on every byte value below 0x80 (controls and CR LF included).
    @Test(arguments: 0..<200) func comparableTextMatchesTheCharacterDefinition(seed: Int) {
        var rng = SeededRandom(state: UInt64(seed) &* 104_729 &+ 1)
        let alphabet: [UInt8] = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x1C, 0x1F, 0x00, 0x61, 0x62, 0x2E, 0x41, 0x7F]
        let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(SiteAssembler.comparableText(text) == text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
    }

    func dump(_ path: String, handle: String? = nil, title: String? = nil, posts: [String]) -> ParsedDump {
        var channel = ChannelInfo()
        channel.handle = handle
        channel.title = title
        return ParsedDump(
            path: path, format: "generic", channel: channel,
            posts: posts.enumerated().map { n, text in
                Post(text: text, source: SourceRange(path: path, firstLine: n + 1, lastLine: n + 1))
            })
    }

    /// A discussion group from an HTML export names its channel by title: its automatic
    /// forward shows as a forward from the channel or as the channel's own message, and both
    /// root a thread. Thousands of identical posts at one instant, each forwarded, still find
    /// a post each (the search looks at a bounded window) and the build goes on.
    @Test func discussionRootsFoundByTitleAndWithinABoundedWindow() throws {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        func post(_ id: String, _ text: String, at offset: TimeInterval, sender: String? = nil, forward: String? = nil, reply: String? = nil) -> Post
        {
            var post = Post(
                text: text, forwardedFrom: forward, date: start.addingTimeInterval(offset), messageID: id, replyTo: reply,
                source: SourceRange(path: "g", firstLine: 1, lastLine: 1))
            if let sender {
                var details = PostDetails()
                details.sender = sender
                post.details = details
            }
            return post
        }
        var channel = ParsedDump(
            path: "c/messages.html", format: "telegram_desktop_export", channel: ChannelInfo(title: "Garden"),
            posts: [post("1", "Tomatoes out.", at: 0), post("2", "Seeds?", at: 100)] + (3..<3003).map { post(String($0), "Same words.", at: 500) })
        channel.posts.reverse()
        var group = ParsedDump(
            path: "g/messages.html", format: "telegram_desktop_export", channel: ChannelInfo(title: "Garden Chat"),
            posts: [
                post("10", "Tomatoes out.", at: 2, sender: "Garden", forward: "Garden"),
                post("11", "Mine too.", at: 60, sender: "Ann", reply: "10"),
                post("12", "Seeds?", at: 101, sender: "Garden"),
                post("13", "Beans.", at: 160, sender: "Bo", reply: "12"),
                post("14", "Not a root: a member named Garden 2.", at: 170, sender: "Garden 2"),
            ] + (20..<3020).map { post(String($0), "Same words.", at: 501, sender: "Garden") })
        group.isDiscussion = true
        let site = SiteAssembler(config: SiteConfig()).assemble([channel, group]).site
        let posts = try #require(site.channels.first?.posts)
        #expect(site.channels.count == 1)
        #expect(posts.first { $0.post.messageID == "1" }?.post.details?.comments.map(\.author) == ["Ann"])
        #expect(posts.first { $0.post.messageID == "2" }?.post.details?.comments.map(\.text) == ["Beans."])
        #expect(posts.allSatisfy { !($0.post.details?.comments ?? []).contains { $0.text.contains("Not a root") } })
    }

    @Test func channelFolderNamesAreNeverEmpty() {
        let latin = SiteAssembler.channelSlugBase(info: ChannelInfo(handle: "ml_stories"), path: "a.txt")
        #expect(latin == "ml_stories")
        let cyrillic = SiteAssembler.channelSlugBase(info: ChannelInfo(handle: "канал_новостей"), path: "a.txt")
        #expect(cyrillic == "kanal-novostey")
        let chinese = SiteAssembler.channelSlugBase(info: ChannelInfo(title: "新闻", handle: "频道"), path: "频道.txt")
        #expect(chinese.hasPrefix("channel-") && chinese.count == "channel-".count + 6)
        #expect(chinese == SiteAssembler.channelSlugBase(info: ChannelInfo(title: "新闻", handle: "频道"), path: "频道.txt"), "stable")
        #expect(chinese != SiteAssembler.channelSlugBase(info: ChannelInfo(handle: "新闻"), path: "频道.txt"))
    }

    /// (Its speed is measured by scripts/bench-adversarial.sh, not here.)
    @Test func identicalPostsGetDistinctSlugs() {
        let posts = Array(repeating: "The same post again.", count: 20_000)
        let site = SiteAssembler(config: SiteConfig()).assemble([dump("a.txt", title: "Same", posts: posts)]).site
        let slugs = site.channels[0].posts.map(\.slug)
        #expect(slugs.count == 20_000 && Set(slugs).count == 20_000)
        // The first keeps its words; the next add their content's hash, then a number.
        #expect(slugs[0] == "the-same-post-again" && slugs[1].hasPrefix(slugs[0] + "-") && slugs[1].count == slugs[0].count + 7)
        #expect(slugs[2] == slugs[1] + "-2" && slugs[3] == slugs[1] + "-3")
    }

    /// A text copy's post is named by its first words: an edit further on keeps its URL, and a
    /// post with the same first words gets a hash of its content, whichever order pages show.
    @Test func aTextPostKeepsItsURLWhenItsBodyIsEdited() {
        let posts = ["Market prices rose again today across the north, traders said on Monday.", "Market prices rose again today across the south."]
        for order in [SiteConfig.ChannelOrder.oldest, .newest] {
            let config = SiteConfig(channelOrder: order)
            let before = SiteAssembler(config: config).assemble([dump("a.txt", title: "News", posts: posts)]).site.allPosts
            let edited = [posts[0].replacingOccurrences(of: "Monday", with: "Tuesday"), posts[1]]
            let after = SiteAssembler(config: config).assemble([dump("a.txt", title: "News", posts: edited)]).site.allPosts
            let first = before.first { $0.post.text.contains("Monday") }?.slug
            #expect(first == "market-prices-rose-again-today-across", "\(order)")
            #expect(after.first { $0.post.text.contains("Tuesday") }?.slug == first, "\(order)")
            let second = before.first { $0.post.text.contains("south") }?.slug ?? ""
            #expect(second.hasPrefix("market-prices-rose-again-today-across-") && second.count == (first?.count ?? 0) + 7, "\(second)")
            #expect(after.first { $0.post.text.contains("south") }?.slug == second)
        }
    }

    @Test func overlappingDumpsKeepEachPostAsOftenAsOneDumpHasIt() {
        let first = dump("a.txt", title: "Same", posts: ["one", "two", "two", "three"])
        let second = dump("b.txt", title: "Same", posts: ["two", "three", "four", "two"])
        let site = SiteAssembler(config: SiteConfig()).assemble([first, second]).site
        #expect(site.channels.count == 1)
        #expect(site.channels[0].posts.map(\.post.text) == ["one", "two", "two", "three", "four"])
    }

    /// The same channel copied a month later: relative dates and counts moved on, the posts did not.
    @Test func aChannelCopiedAgainLaterKeepsItsURLsAndMergesWithoutDuplicates() throws {
        let fixture = TestSupport.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures/dumps/reldate_english.txt")
        let early = try String(contentsOf: fixture, encoding: .utf8)
        let later =
            early
            .replacingOccurrences(of: "3 months ago", with: "4 months ago")
            .replacingOccurrences(of: "1 year, 2 weeks ago", with: "1 year, 1 month ago")
            .replacingOccurrences(of: "an hour ago", with: "4 weeks ago")
            .replacingOccurrences(of: "2 days ago", with: "3 days ago")
        #expect(later != early)
        let first = TestSupport.parse(early, path: "early.txt")
        let second = TestSupport.parse(later, path: "later.txt")
        #expect(first.posts.count == second.posts.count && first.posts.count >= 3)
        #expect(first.posts.map(\.dateText) != second.posts.map(\.dateText), "the copies differ in their dates")
        let alone = SiteAssembler(config: SiteConfig()).assemble([first]).site
        let againAlone = SiteAssembler(config: SiteConfig()).assemble([second]).site
        #expect(alone.allPosts.map(\.slug) == againAlone.allPosts.map(\.slug), "URLs must not depend on the moment of the copy")
        let merged = SiteAssembler(config: SiteConfig()).assemble([first, second]).site
        #expect(merged.channels.count == 1)
        #expect(merged.allPosts.map(\.slug) == alone.allPosts.map(\.slug), "merged without losing or duplicating a post")
    }

    /// A t.me/s copy and a channel copy made again later: view counts in the footers and
    /// reaction counts moved on; the posts' URLs did not, and the copies merge one to one.
    @Test(arguments: [
        ("tme_parts_english.txt", [("1.2K", "1.9K"), ("345", "2.4K"), ("16:45", "4:45 PM")]),
        ("heading_paid_reactions.txt", [("👍56", "👍61"), ("❤14", "❤20")]),
    ])
    func aCopyWithNewCountsKeepsItsURLs(name: String, changes: [(String, String)]) throws {
        let fixture = TestSupport.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures/dumps/" + name)
        let early = try String(contentsOf: fixture, encoding: .utf8)
        let later = changes.reduce(early) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        #expect(later != early)
        let first = TestSupport.parse(early, path: "early.txt")
        let second = TestSupport.parse(later, path: "later.txt")
        #expect(first.posts.count == second.posts.count && first.posts.count >= 3)
        let alone = SiteAssembler(config: SiteConfig()).assemble([first]).site
        let again = SiteAssembler(config: SiteConfig()).assemble([second]).site
        #expect(alone.allPosts.map(\.slug) == again.allPosts.map(\.slug), "URLs must not depend on the counts of the moment")
        let merged = SiteAssembler(config: SiteConfig()).assemble([first, second]).site
        #expect(merged.allPosts.map(\.slug) == alone.allPosts.map(\.slug), "merged without losing or duplicating a post")
    }

    @Test func countsOfReactionsAreNotPartOfAPostsIdentity() {
        var post = Post(text: "Same words", source: SourceRange(path: "a.txt", firstLine: 1, lastLine: 1))
        post.reactions = [Reaction(emoji: "👍", count: 5)]
        var later = post
        later.reactions = [Reaction(emoji: "👍", count: 9)]
        later.source = SourceRange(path: "b.txt", firstLine: 7, lastLine: 7)
        #expect(SiteAssembler.identity(post) == SiteAssembler.identity(later))
        #expect(post.contentFingerprint == later.contentFingerprint)
        var other = post
        other.reactions = [Reaction(emoji: "🔥", count: 5)]
        #expect(SiteAssembler.identity(post) != SiteAssembler.identity(other), "which reactions a post has is part of it")
    }
}
