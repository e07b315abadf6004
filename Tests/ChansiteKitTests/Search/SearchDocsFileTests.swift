import Foundation
import Testing

@testable import ChansiteAssemble
@testable import ChansiteCore
@testable import ChansiteIngest
@testable import ChansiteModel
@testable import ChansiteOutput
@testable import ChansiteSearch

/// The `docs/` files: a channel's rows in a folder of its own, chunked from its oldest post, so
/// a re-export that appends posts to one channel rewrites that channel's last files only.
@Suite struct SearchDocsFileTests {
    static let channels = ["Alpha", "Beta", "Gamma"]

    /// Three channels of `counts` posts, each post dated a minute after the one before it; the
    /// first channel has `appended` more at its end (a re-export's new messages).
    func site(_ counts: [Int], appended: Int = 0, order: SiteConfig.ChannelOrder = .oldest) -> Site {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let dumps = zip(Self.channels, counts).enumerated().map { c, channel -> ParsedDump in
            let (name, count) = channel
            let path = name.lowercased() + ".txt"
            let total = count + (c == 0 ? appended : 0)
            return ParsedDump(
                path: path, format: "generic", channel: ChannelInfo(title: name),
                posts: (0..<total).map { n in
                    Post(
                        text: "\(name) post \(n) lantern\(c) \(Self.word(c * 1000 + n))", date: start.addingTimeInterval(Double(60 * n)),
                        messageID: String(n + 1), source: SourceRange(path: path, firstLine: n + 1, lastLine: n + 1))
                })
        }
        return SiteAssembler(config: SiteConfig(channelOrder: order)).assemble(dumps).site
    }

    /// A word of six letters, one for each number below 26⁴: each post's own (none is the
    /// start of another; a word one letter off ranks below it).
    static func word(_ number: Int) -> String {
        "zq"
            + String(
                (0..<4).reversed().map { place in Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(number / Int(pow(26.0, Double(place))) % 26))) })
    }

    /// Each `docs/` file the builder makes (path → fingerprint), carrying over those whose
    /// fingerprint is in `earlier`.
    func docsFiles(_ site: Site, earlier: [String: String] = [:]) -> [String: String] {
        var made: [String: String] = [:]
        func keep(_ file: RenderedFile, _ fingerprint: String?) {
            if file.path.hasPrefix("search/docs/") { made[file.path] = fingerprint ?? "" }
        }
        SearchIndexBuilder(site: site).write(vocabulary: IndexVocabulary(), reuse: { earlier[$0] == $1 }, keep)
        return made
    }

    @Test(arguments: [SiteConfig.ChannelOrder.oldest, .newest])
    func postsAppendedToOneChannelRewriteOnlyItsLastFiles(order: SiteConfig.ChannelOrder) {
        let before = docsFiles(site([20, 30, 12], order: order))
        // 20 posts: chunks 0, 1 and 2 (4 rows); 30: 0–3; 12: 0–1; each channel in its folder.
        #expect(
            before.keys.sorted() == [
                "search/docs/alpha/0/0.js", "search/docs/alpha/0/1.js", "search/docs/alpha/0/2.js",
                "search/docs/beta/0/0.js", "search/docs/beta/0/1.js", "search/docs/beta/0/2.js", "search/docs/beta/0/3.js",
                "search/docs/gamma/0/0.js", "search/docs/gamma/0/1.js",
            ])
        let after = docsFiles(site([20, 30, 12], appended: 5, order: order), earlier: before)
        // Posts 20–24 fill chunk 2 (posts 16–23) and start chunk 3; nothing else is made again.
        #expect(after.keys.sorted() == ["search/docs/alpha/0/2.js", "search/docs/alpha/0/3.js"])
    }

    @Test(arguments: [SiteConfig.ChannelOrder.oldest, .newest])
    func everyPostIsFoundWithItsOwnRowInEitherOrder(order: SiteConfig.ChannelOrder) throws {
        let site = site([20, 30, 12], appended: 3, order: order)
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try OutputWriter(outputPath: folder.path).write(SearchIndexBuilder(site: site).build())
        let engine = try SearchEngine(outputPath: folder.path)
        for (c, channel) in site.channels.enumerated() {
            #expect(try engine.search("lantern\(c)", limit: 100).count == channel.posts.count)
            // Each post's own word finds that post first, with its own row: title, URL and channel.
            for post in channel.posts {
                let n = try #require(post.post.messageID.flatMap { Int($0) }) - 1
                let results = try engine.search(Self.word(c * 1000 + n), limit: 10)
                #expect(results.first?.url == post.path, "\(channel.slug) post \(n)")
                #expect(results.first?.title == post.heading && results.first?.channel == channel.displayName)
            }
        }
    }

    @Test func aManifestNamingAFolderOutsideTheIndexIsNotRead() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try OutputWriter(outputPath: folder.path).write(SearchIndexBuilder(site: site([3, 3, 3])).build())
        let path = folder.appendingPathComponent("search/manifest.js")
        let text = try String(contentsOf: path, encoding: .utf8)
        for slug in ["../../x", "", "a/b", "ä"] {
            try Data(text.replacingOccurrences(of: "\"alpha\"", with: "\"\(slug)\"").utf8).write(to: path)
            #expect(throws: DiagnosticError.self, "slug \(slug)") { try SearchEngine(outputPath: folder.path) }
        }
    }
}
