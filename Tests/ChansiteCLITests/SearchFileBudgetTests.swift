import Foundation
import Testing

/// The search index's file budget (docs/search.md): a small archive in a script without spaces,
/// the worst case for a dictionary keyed by word (every two characters are a word), stays under
/// 2,000 search files and a quarter of the site's pages. A 702-post Chinese channel once made
/// 38,353 search files, over what common hosts accept.
@Suite struct SearchFileBudgetTests {
    /// `count` posts of seeded pseudo-random Chinese text drawn from the whole CJK block, so
    /// almost every character pair is new: far more distinct words than a real channel has.
    static func chineseExport(posts count: Int) -> String {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let messages = (1...count).map { id -> String in
            let sentences = (0..<(2 + next(6))).map { _ in
                String(String.UnicodeScalarView((0..<(8 + next(40))).compactMap { _ in Unicode.Scalar(0x4E00 + next(0x51A5)) })) + "。"
            }
            let day = 1 + (id - 1) % 28
            let month = 1 + ((id - 1) / 28) % 12
            let date = String(format: "20%02d-%02d-%02dT10:00:00", 20 + (id - 1) / 336, month, day)
            let text = sentences.joined(separator: id % 5 == 0 ? "\\n" : "")
            return #"{"id":\#(id),"type":"message","date":"\#(date)","from":"频道","text":"\#(text)"}"#
        }
        return #"{"name":"频道","type":"public_channel","id":7702,"messages":["# + messages.joined(separator: ",\n") + "]}"
    }

    @Test func aSmallChineseChannelStaysWithinTheBudget() throws {
        let project = try CLIRunner.temporaryProject(content: [:])
        defer { try? FileManager.default.removeItem(at: project) }
        let export = project.appendingPathComponent("Content/pindao")
        try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true)
        let json = Self.chineseExport(posts: 702)
        try Data(json.utf8).write(to: export.appendingPathComponent("result.json"))
        let built = try CLIRunner.run(["build", "-q"], in: project)
        #expect(built.status == 0, "\(built.stderr)")

        let site = SiteFiles(root: project.appendingPathComponent("Output"))
        let search = site.all.filter { $0.hasPrefix("search/") }
        // A Chinese title has no Latin slug: a post's page is named by its id alone.
        let posts = site.html.filter { $0.hasPrefix("channels/") && $0.dropLast(5).split(separator: "/").last?.allSatisfy(\.isNumber) == true }
        #expect(posts.count == 702, "every message has its page")
        #expect(search.count <= 2_000)
        #expect(search.count * 4 <= site.html.count, "\(search.count) search files for \(site.html.count) pages")
        // The index still finds a word from the middle of a post.
        let word = String(json.split(separator: "\"text\":\"")[400].prefix(12).suffix(4))
        let found = try CLIRunner.run(["search", word, "--json"], in: project)
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.contains("\"url\""), "\(word): \(found.stdout.prefix(300))")
    }
}
