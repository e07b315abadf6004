import Foundation
import Testing

/// The build cache in the work folder, through the real binary: each build is a fresh process
/// that reads the last build's cache, and after every kind of change its site equals a clean
/// build's (`--no-cache`) byte for byte, whether the cache was used, missing, cut short,
/// damaged, from another chansite, or left by a killed build.
@Suite(.serialized) struct BuildCacheFileTests {
    static let dump = "Канал\n5 subscribers\nDownload Telegram\nПервый пост про модели.\n\n#тег\n\nВторой пост про данные.\n\n#тег #data"
    static let otherDump = "Other channel\n7 subscribers\nDownload Telegram\nA post in English.\n\n#data\n\nAnother one."

    /// A Telegram Desktop export (`result.json`) of a channel with `count` messages; `replies`
    /// maps a message to the one it answers.
    /// `tags` gives a message another hashtag than `#news`.
    static func export(_ count: Int, edited: Int? = nil, replies: [Int: Int] = [:], spread: Int? = nil, tags: [Int: String] = [:]) -> Data {
        let messages = (1...count).map { id in
            // `spread`: that message written over several lines, moving the lines of those after it.
            let gap = id == spread ? "\n\n\n" : ""
            let tag = tags[id] ?? "#news"
            let text = id == edited ? "Message \(id), edited about search engines." : "Message \(id) about models and data \(tag)"
            // The hashtag as the client marks it (an entity of its own).
            let entities =
                text.hasSuffix(tag)
                ? ##"[{"type": "plain", "text": "\##(text.dropLast(tag.count))"}, {"type": "hashtag", "text": "\##(tag)"}]"##
                : #"[{"type": "plain", "text": "\#(text)"}]"#
            let reply = replies[id].map { #""reply_to_message_id": \#($0), "# } ?? ""
            return #"{"id": \#(id), \#(gap)"type": "message", "date": "2024-06-01T09:\#(String(format: "%02d", id % 60)):00", "#
                + #""date_unixtime": "\#(1_717_232_400 + id * 60)", "from": "Shelf", "from_id": "channel1000000077", \#(reply)"#
                + #""text": "\#(text)", "text_entities": \#(entities)}"#
        }
        return Data((#"{"name": "Shelf", "type": "public_channel", "id": 1000000077, "messages": ["# + messages.joined(separator: ",\n") + "]}").utf8)
    }

    static func project() throws -> URL {
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data(dump.utf8), "b.txt": Data(otherDump.utf8)])
        let folder = project.appendingPathComponent("Content/shelf")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try export(12).write(to: folder.appendingPathComponent("result.json"))
        return project
    }

    static func write(_ project: URL, _ path: String, _ data: Data) throws {
        try data.write(to: project.appendingPathComponent(path))
    }

    static var cache: String { ".Output.chansite/cache.bin" }

    /// The first dump with one word changed.
    static var editedDump: Data { Data(dump.replacingOccurrences(of: "модели", with: "моделях").utf8) }

    /// A project built once (checked against a clean build), and its cache file.
    static func built() throws -> (project: URL, cache: URL) {
        let project = try project()
        try buildAndCompare(project, "the first build")
        return (project, project.appendingPathComponent(cache))
    }

    /// Builds with the cache, then without it into `Clean` from the same history of published
    /// URLs (so with the same redirects), and checks the sites are equal. Returns the cached
    /// build's stderr (`--verbose`: its notes).
    @discardableResult
    static func buildAndCompare(_ project: URL, _ what: String) throws -> String {
        let work = project.appendingPathComponent(".Output.chansite")
        let cleanWork = project.appendingPathComponent(".Clean.chansite")
        let clean = project.appendingPathComponent("Clean")
        try? FileManager.default.removeItem(at: clean)
        try? FileManager.default.removeItem(at: cleanWork)
        if FileManager.default.fileExists(atPath: work.path) {
            try FileManager.default.copyItem(at: work, to: cleanWork)
            try? FileManager.default.removeItem(at: cleanWork.appendingPathComponent("cache.bin"))
        }
        let cached = try CLIRunner.run(["build", "--verbose"], in: project)
        #expect(cached.status == 0, "\(what): \(cached.stderr)")
        let cleanBuild = try CLIRunner.run(["build", "-q", "--no-cache", "--output", "Clean"], in: project)
        #expect(cleanBuild.status == 0, "\(what): \(cleanBuild.stderr)")
        let site = IncrementalBuildTests.files(project.appendingPathComponent("Output")).mapValues(\.data)
        let expected = IncrementalBuildTests.files(clean).mapValues(\.data)
        #expect(!site.isEmpty && site == expected, "after \(what) the build from the cache differs from a clean one")
        return cached.stderr
    }

    /// "reused 3 post bodies, …": how many values of each kind came from the cache.
    static func reused(_ stderr: String) -> [String: Int] {
        guard let line = stderr.split(separator: "\n").first(where: { $0.contains("build cache: reused") }) else { return [:] }
        var counts: [String: Int] = [:]
        for part in line.components(separatedBy: "reused ").last?.components(separatedBy: ", ") ?? [] {
            let words = part.split(separator: " ", maxSplits: 1)
            if words.count == 2, let count = Int(words[0]) { counts[String(words[1])] = count }
        }
        return counts
    }

    @Test func everyKindOfChangeBuildsFromTheCacheAsACleanBuildWould() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let first = try Self.buildAndCompare(project, "the first build")
        #expect(Self.reused(first)["post bodies"] == 0, "\(first)")
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent(Self.cache).path))

        let changes: [(String, (URL) throws -> Void)] = [
            ("one post edited", { try Self.write($0, "Content/a.txt", Data(Self.dump.replacingOccurrences(of: "данные", with: "датасеты").utf8)) }),
            ("one exported message edited", { try Self.write($0, "Content/shelf/result.json", Self.export(12, edited: 3)) }),
            ("messages appended to the export", { try Self.write($0, "Content/shelf/result.json", Self.export(40, edited: 3)) }),
            // The answered message's page lists its replies; a reply shows what it answers.
            (
                "a reply to an old message appended",
                { try Self.write($0, "Content/shelf/result.json", Self.export(41, edited: 3, replies: [41: 2])) }
            ),
            (
                "the message a reply answers edited",
                { try Self.write($0, "Content/shelf/result.json", Self.export(41, edited: 2, replies: [41: 2])) }
            ),
            (
                "a dump added",
                { try Self.write($0, "Content/c.txt", Data("Third\n3 subscribers\nDownload Telegram\nНовый канал, новый пост.\n\n#тег".utf8)) }
            ),
            ("a dump removed", { try FileManager.default.removeItem(at: $0.appendingPathComponent("Content/b.txt")) }),
            ("the configuration edited", { try Self.write($0, "chansite.json", Data(#"{"title": "Renamed", "postsPerPage": 2}"#.utf8)) }),
        ]
        for (what, change) in changes {
            try change(project)
            let stderr = try Self.buildAndCompare(project, what)
            let reused = Self.reused(stderr)
            if what == "the configuration edited" {
                // Another configuration: the cache is dropped whole, with a note.
                #expect(stderr.contains("the build cache is not used (it was made by another chansite version, configuration"), "\(stderr)")
            } else {
                // What did not change came from the cache: bodies of dumps' posts, summaries, the
                // index's segments, and the parses of the dumps that did not change.
                #expect((reused["summaries"] ?? 0) > 0 && (reused["index segments"] ?? 0) > 0, "\(what): \(stderr)")
                #expect((reused["dump parses"] ?? 0) > 0, "\(what): \(stderr)")
                // The export's channels, kept as a file of their own, unless the export changed.
                let exportChanged = what.contains("export") || what.contains("message") || what.contains("reply")
                #expect((reused["export reads"] ?? 0) == (exportChanged ? 0 : 1), "\(what): \(stderr)")
                // The posts whose views' inputs did not change are stubbed: the pages showing
                // only them are fingerprinted from their views' fingerprints.
                #expect((reused["post view fingerprints"] ?? 0) > 0, "\(what): \(stderr)")
            }
        }
    }

    /// An edit keys again only its own channel's posts: the other channels' post keys, and for
    /// the index their texts' keys, posts' kinds, `docs/` files' fingerprints and segments, are
    /// kept under their keys (`PostViews.Builder.postKeys`, `IndexVocabulary.channelLists`,
    /// `SearchIndexBuilder.segmentKey`), and every view but the edited post's is stubbed.
    @Test func anEditKeysAgainOnlyItsChannelsPosts() throws {
        let (project, _) = try Self.built()
        defer { try? FileManager.default.removeItem(at: project) }
        try Self.write(project, "Content/shelf/result.json", Self.export(12, edited: 3))
        let exported = Self.reused(try Self.buildAndCompare(project, "an exported message edited"))
        #expect(exported["channels' post keys"] == 2 && exported["post view fingerprints"] == 15, "\(exported)")
        // The index: the other channels' segments, and the edited channel's other posts' words.
        #expect(exported["channels' key lists"] == 6 && exported["index segments"] == 2 && exported["posts' words"] == 11, "\(exported)")
        try Self.write(project, "Content/a.txt", Self.editedDump)
        let dumped = Self.reused(try Self.buildAndCompare(project, "a dump edited"))
        #expect(dumped["channels' post keys"] == 2 && dumped["post view fingerprints"] == 15, "\(dumped)")
        // The dump's posts' words were not used by the last build (its segment was): tokenized again.
        #expect(dumped["channels' key lists"] == 6 && dumped["index segments"] == 2 && dumped["posts' words"] == 0, "\(dumped)")
    }

    /// The pages at URLs earlier builds published are carried over while the history and the
    /// site's pages stand (an edited message moves no page), and found again when the history
    /// changes (here by hand: a URL added).
    @Test func movedPagesAreCarriedOverWhileTheirHistoryStands() throws {
        let (project, _) = try Self.built()
        defer { try? FileManager.default.removeItem(at: project) }
        let removed = project.appendingPathComponent("Output/channels/shelf/12.html")
        #expect(FileManager.default.fileExists(atPath: removed.path))
        try Self.write(project, "Content/shelf/result.json", Self.export(11))
        let made = try Self.buildAndCompare(project, "a message removed")
        #expect(Self.reused(made)["lists of moved pages"] == 0, "\(made)")
        let removedPage = try String(contentsOf: removed, encoding: .utf8)
        #expect(removedPage.contains(#"<meta name="robots" content="noindex">"#) && !removedPage.contains("Message 12"))
        try Self.write(project, "Content/shelf/result.json", Self.export(11, edited: 3))
        let carried = try Self.buildAndCompare(project, "a message edited")
        // The dumps' channels' identities are kept too; the export's are made again.
        #expect(Self.reused(carried)["lists of moved pages"] == 1 && Self.reused(carried)["channels' page identities"] == 2, "\(carried)")
        #expect(carried.contains("kept 1 URL earlier builds published"), "\(carried)")
        #expect(try String(contentsOf: removed, encoding: .utf8) == removedPage)
        let history = project.appendingPathComponent(".Output.chansite/urls.tsv")
        let handle = try FileHandle(forWritingTo: history)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("channels/gone/old.html\ttext\t0123456789abcdef\t0123456789abcdef\t-\n".utf8))
        try handle.close()
        try Self.write(project, "Content/shelf/result.json", Self.export(11, edited: 4))
        let again = try Self.buildAndCompare(project, "a URL added to the history")
        #expect(Self.reused(again)["lists of moved pages"] == 0, "\(again)")
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("Output/channels/gone/old.html").path))
    }

    /// A channel's archive, month and year pages are carried over by their keys while nothing
    /// they show changed, and made again when a tag they name is spelled anew by another
    /// channel (the first spelling met names a tag across the site).
    @Test func archivePagesAreCarriedOverByKeyUntilATagTheyNameIsRespelled() throws {
        let (project, _) = try Self.built()
        defer { try? FileManager.default.removeItem(at: project) }
        let year = "channels/shelf/archive-2024.html"
        let before = IncrementalBuildTests.files(project.appendingPathComponent("Output"))
        let yearBefore = String(decoding: before[year]?.data ?? Data(), as: UTF8.self)
        #expect(yearBefore.contains("#news"), "\(before.keys.sorted())")
        let shelfPages = before.keys.filter { $0.hasPrefix("channels/shelf/") && $0.hasSuffix(".html") }
        let archivePages = shelfPages.filter { $0.contains("/archive") || $0.contains("/gallery") }
        #expect(archivePages.count >= 3, "\(shelfPages.sorted())")
        // Another channel's post edited: every page of the other channels is carried over by its key.
        // The edited channel's folder: the one channel page that shows the post (the home and
        // tag pages show it too, outside any channel's folder).
        let edited =
            before.first { $0.key.hasPrefix("channels/") && String(decoding: $0.value.data, as: UTF8.self).contains("A post in English") }?.key ?? ""
        let editedFolder = edited.split(separator: "/").prefix(2).joined(separator: "/") + "/"
        let untouched = before.keys.filter { $0.hasPrefix("channels/") && $0.hasSuffix(".html") && !$0.hasPrefix(editedFolder) }
        #expect(editedFolder != "/" && untouched.count > shelfPages.count, "\(editedFolder)")
        try Self.write(project, "Content/b.txt", Data(Self.otherDump.replacingOccurrences(of: "English", with: "plain English").utf8))
        let stderr = try Self.buildAndCompare(project, "another channel's post edited")
        #expect((Self.reused(stderr)["pages by their keys"] ?? 0) >= untouched.count, "\(stderr)")
        // The first channel now spells the export's tag first: the year's top tags show that spelling.
        try Self.write(project, "Content/a.txt", Data(Self.dump.replacingOccurrences(of: "#тег #data", with: "#тег #data #NEWS").utf8))
        try Self.buildAndCompare(project, "a tag spelled anew in another channel")
        let after = IncrementalBuildTests.files(project.appendingPathComponent("Output"))
        let yearAfter = String(decoding: after[year]?.data ?? Data(), as: UTF8.self)
        #expect(yearAfter.contains("#NEWS") && !yearAfter.contains("#news"))
    }

    /// Re-exporting a channel with new messages: the older messages' views are not made again
    /// (their keys are the last build's), and the channel's and its tag's numbered pages and
    /// the older messages' pages stay the files they were (they name neither the post count
    /// nor the last page's number).
    @Test func anAppendMakesOnlyTheNewPostsViewsAndKeepsTheOlderPages() throws {
        let project = try CLIRunner.temporaryProject(content: [:])
        defer { try? FileManager.default.removeItem(at: project) }
        try Self.write(project, "chansite.json", Data(#"{"postsPerPage": 2, "tagPostsPerPage": 2, "language": "en"}"#.utf8))
        let folder = project.appendingPathComponent("Content/shelf")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.export(40).write(to: folder.appendingPathComponent("result.json"))
        try Self.buildAndCompare(project, "the first build")
        let before = IncrementalBuildTests.files(project.appendingPathComponent("Output"))
        // One of the new messages brings a tag of its own: the older posts' keys do not name it.
        try Self.write(project, "Content/shelf/result.json", Self.export(50, tags: [45: "#fresh"]))
        let stderr = try Self.buildAndCompare(project, "ten messages appended")
        #expect(Self.reused(stderr)["post view fingerprints"] == 40, "\(stderr)")
        // The older messages' pages are carried over by their keys, without a view made: all
        // but the old last one (its next post is new) and those that were on the front page.
        #expect((Self.reused(stderr)["pages by their keys"] ?? 0) >= 38, "\(stderr)")
        let after = IncrementalBuildTests.files(project.appendingPathComponent("Output"))
        // Pages 1–15 of the 20 before (the last few link the pages after them by number), and
        // the messages before the old front page (which now lives at page-20.html).
        let kept =
            (1...15).map { "channels/shelf/page-\($0).html" } + (1...38).map { "channels/shelf/\($0).html" }
            + (1...15).map { "tags/news/page-\($0).html" }
        for path in kept {
            #expect(before[path] != nil && before[path]?.inode == after[path]?.inode, "\(path) was made again")
        }
        #expect(after["channels/shelf/page-20.html"] != nil && before["channels/shelf/page-20.html"] == nil)
        let front = String(decoding: after["channels/shelf/index.html"]?.data ?? Data(), as: UTF8.self)
        let deep = String(decoding: after["channels/shelf/page-3.html"]?.data ?? Data(), as: UTF8.self)
        #expect(front.contains("50 posts") && !deep.contains("posts ·") && deep.contains(">Newest</a>"), "\(deep)")
    }

    /// A message edited so the messages after it move down the export: their views are not
    /// made again, since no default template shows a post's `source` (file and line); a
    /// template that shows it makes the lines part of every post's key.
    @Test func aPostsLinesAreInItsKeyOnlyWhenATemplateShowsThem() throws {
        let project = try CLIRunner.temporaryProject(content: [:])
        defer { try? FileManager.default.removeItem(at: project) }
        let folder = project.appendingPathComponent("Content/shelf")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.export(40).write(to: folder.appendingPathComponent("result.json"))
        try Self.buildAndCompare(project, "the first build")
        try Self.write(project, "Content/shelf/result.json", Self.export(40, edited: 3, spread: 3))
        let moved = try Self.buildAndCompare(project, "a message edited over more lines")
        #expect(Self.reused(moved)["post view fingerprints"] == 39, "\(moved)")

        let template = project.appendingPathComponent("Templates/post.mustache")
        try (try String(contentsOf: template, encoding: .utf8) + "{{#post}}<!-- from {{source}} -->{{/post}}\n").write(
            to: template, atomically: true, encoding: .utf8)
        try Self.buildAndCompare(project, "a template that shows the source")
        try Self.write(project, "Content/shelf/result.json", Self.export(40, edited: 3))
        let shown = try Self.buildAndCompare(project, "the message back on one line")
        // Messages 1–3 start on the lines they started on; every later one moved back up.
        #expect(Self.reused(shown)["post view fingerprints"] == 3, "\(shown)")
        let page = try String(contentsOf: project.appendingPathComponent("Output/channels/shelf/10.html"), encoding: .utf8)
        #expect(page.contains("<!-- from Content/shelf/result.json:10 -->"), "\(page)")
    }

    /// A new tag whose slug an older tag had (`#cafe` sorts before `#café`, so takes `cafe`
    /// and moves `#café` to `cafe-2`): the posts naming the older tag link its new page.
    @Test func aNewTagThatTakesAnOlderTagsSlugRelinksItsPosts() throws {
        let project = try CLIRunner.temporaryProject(content: [:])
        defer { try? FileManager.default.removeItem(at: project) }
        let folder = project.appendingPathComponent("Content/shelf")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.export(12, tags: [5: "#café"]).write(to: folder.appendingPathComponent("result.json"))
        try Self.buildAndCompare(project, "the first build")
        let before = try String(contentsOf: project.appendingPathComponent("Output/channels/shelf/5.html"), encoding: .utf8)
        #expect(before.contains("tags/cafe/index.html"), "\(before)")
        try Self.write(project, "Content/shelf/result.json", Self.export(13, tags: [5: "#café", 13: "#cafe"]))
        let stderr = try Self.buildAndCompare(project, "a tag taking another's slug")
        let after = try String(contentsOf: project.appendingPathComponent("Output/channels/shelf/5.html"), encoding: .utf8)
        #expect(after.contains("tags/cafe-2/index.html"), "\(after)")
        // Every other message's view is the last build's.
        #expect(Self.reused(stderr)["post view fingerprints"] == 11, "\(stderr)")
    }

    @Test(arguments: ["deleted", "truncated", "damaged", "from another version", "not a cache"])
    func aCacheThatCannotBeTrustedIsDroppedWithANote(kind: String) throws {
        let (project, path) = try Self.built()
        defer { try? FileManager.default.removeItem(at: project) }
        var bytes = try Data(contentsOf: path)
        #expect(bytes.count > 100)
        switch kind {
        case "deleted": try FileManager.default.removeItem(at: path)
        case "truncated": try bytes.prefix(bytes.count / 2).write(to: path)
        case "damaged":
            bytes[bytes.count / 2] ^= 0x20
            try bytes.write(to: path)
        case "from another version":
            // The identity follows the magic line and its length: one digit of it changed.
            let at = "chansite build cache 1\n".utf8.count + 4
            bytes[at] = bytes[at] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
            try bytes.write(to: path)
        default: try Data("not a cache at all".utf8).write(to: path)
        }
        try Self.write(project, "Content/a.txt", Self.editedDump)
        let stderr = try Self.buildAndCompare(project, "a build with the cache \(kind)")
        let expected =
            switch kind {
            case "deleted": "no build cache was found"
            case "truncated": "it is cut short"
            case "damaged": "its checksum does not match"
            case "from another version": "made by another chansite version"
            default: "it is not a chansite build cache"
            }
        #expect(stderr.contains(expected), "\(kind): \(stderr)")
        #expect(Self.reused(stderr)["summaries"] == 0, "\(stderr)")
        // The build wrote a whole cache again, which the next build uses.
        try Self.write(project, "Content/a.txt", Data(Self.dump.utf8))
        let next = try Self.buildAndCompare(project, "the build after")
        #expect((Self.reused(next)["summaries"] ?? 0) > 0, "\(next)")
    }

    /// The parses kept beside the cache (`parses/`), damaged: each is a miss, parsed again, and
    /// the site is a clean build's.
    @Test func damagedParsesAreParsedAgain() throws {
        let (project, _) = try Self.built()
        defer { try? FileManager.default.removeItem(at: project) }
        let folder = project.appendingPathComponent(".Output.chansite/parses")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(files.count == 3, "two dumps and an export: \(files)")
        for (n, file) in files.enumerated() {
            var bytes = try Data(contentsOf: file)
            if n == 0 { bytes = bytes.prefix(bytes.count / 2) } else { bytes[bytes.count - 1 - n] ^= 0x10 }
            try bytes.write(to: file)
        }
        try Self.write(project, "Content/a.txt", Self.editedDump)
        let stderr = try Self.buildAndCompare(project, "a build with damaged parses")
        #expect(Self.reused(stderr)["dump parses"] == 0 && Self.reused(stderr)["export reads"] == 0, "\(stderr)")
        // b.txt's and the export's (a.txt's is not asked for: the dump changed).
        #expect(stderr.contains("2 kept parses were damaged and not used: their inputs were parsed again"), "\(stderr)")
        #expect((Self.reused(stderr)["summaries"] ?? 0) > 0, "\(stderr)")
        // Parsed again, they were kept again (a build with nothing changed would only replay the last one's notes).
        try Self.write(project, "Content/a.txt", Data(Self.dump.utf8))
        let next = try Self.buildAndCompare(project, "the build after")
        // b.txt's and the export's (a.txt's first parse went with the build that did not use it).
        #expect(Self.reused(next)["export reads"] == 1 && Self.reused(next)["dump parses"] == 1, "\(next)")
    }

    /// An export hashed by a build is known by its stamp (the manifest keeps it) until it
    /// changes: an edit is always read.
    @Test func anExportIsKnownByItsStampUntilItChanges() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        // A file changed in the last two seconds has no stamp (its next change could keep its time).
        Thread.sleep(forTimeInterval: 2.2)
        try Self.buildAndCompare(project, "the first build")
        let manifest = try Data(contentsOf: project.appendingPathComponent(".Output.chansite/manifest.json"))
        let stamps = try #require(try JSONSerialization.jsonObject(with: manifest) as? [String: Any])["stamps"] as? [String: [String: String]]
        #expect(stamps?["Content/shelf/result.json"]?["digest"]?.isEmpty == false, "\(String(describing: stamps))")
        try Self.write(project, "Content/shelf/result.json", Self.export(12, edited: 5))
        try Self.buildAndCompare(project, "an export edited")
        let page = try String(contentsOf: project.appendingPathComponent("Output/channels/shelf/5.html"), encoding: .utf8)
        #expect(page.contains("edited about search engines"))
    }

    @Test(arguments: ["cache", "staged", "done"])
    func aKilledBuildLeavesAUsableCache(point: String) throws {
        let (project, path) = try Self.built()
        defer { try? FileManager.default.removeItem(at: project) }
        let before = try Data(contentsOf: path)
        try Self.write(project, "Content/a.txt", Self.editedDump)
        let killed = try CLIRunner.run(["build", "-q"], in: project, environment: ["CHANSITE_FAULT": point])
        #expect(killed.status == SIGKILL, "the build should have been killed at '\(point)'")
        // Killed before the swap, the last cache stays as it was; after it, the new one is whole.
        let after = try Data(contentsOf: path)
        if point == "done" { #expect(after != before) } else { #expect(after == before) }
        let stderr = try Self.buildAndCompare(project, "the build after one killed at '\(point)'")
        #expect(!stderr.contains("the build cache is not used"), "\(stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent(".Output.chansite/cache.next.bin").path))
    }

    @Test func noCacheLeavesTheLastCacheAlone() throws {
        let (project, path) = try Self.built()
        defer { try? FileManager.default.removeItem(at: project) }
        let before = try Data(contentsOf: path)
        try Self.write(project, "Content/a.txt", Self.editedDump)
        let result = try CLIRunner.run(["build", "--verbose", "--no-cache"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("build cache"), "\(result.stderr)")
        #expect(try Data(contentsOf: path) == before)
    }
}
