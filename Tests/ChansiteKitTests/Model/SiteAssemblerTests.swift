import Foundation
import Testing

@testable import ChansiteKit

@Suite struct SiteAssemblerTests {
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
        #expect(slugs[1] == slugs[0] + "-2" && slugs[2] == slugs[0] + "-3")
    }

    @Test func overlappingDumpsKeepEachPostAsOftenAsOneDumpHasIt() {
        let first = dump("a.txt", title: "Same", posts: ["one", "two", "two", "three"])
        let second = dump("b.txt", title: "Same", posts: ["two", "three", "four", "two"])
        let site = SiteAssembler(config: SiteConfig()).assemble([first, second]).site
        #expect(site.channels.count == 1)
        #expect(site.channels[0].posts.map(\.post.text) == ["one", "two", "two", "three", "four"])
    }
}
