import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteIngest
@testable import ChansiteKit
@testable import ChansiteModel

/// The build cache's form of a dump's parse (`ParseCodec`): every fixture and sample dump
/// reads back as parsed; what it cannot hold is not stored; damaged bytes are a miss.
@Suite struct ParseCodecTests {
    static var dumps: [String] {
        let fixtures = FixtureDumpTests.fixtures.map { FixtureDumpTests.folder.appendingPathComponent($0).path }
        return fixtures + SampleDumpTests.samples.map { SampleDumpTests.folder.appendingPathComponent($0 + ".txt").path }
    }

    static func loaded(_ path: String) -> BuildCache.LoadedFile {
        let data = FileManager.default.contents(atPath: path) ?? Data()
        let (raw, diagnostics) = DumpLoader().decode(data, path: path)
        return BuildCache.LoadedFile(parsed: raw.map { DumpParser().parse($0) }, diagnostics: diagnostics)
    }

    @Test(arguments: dumps)
    func aDumpsParseReadsBackAsParsed(path: String) throws {
        let file = Self.loaded(path)
        #expect(file.parsed?.posts.isEmpty == false)
        let bytes = try #require(ParseCodec.encode(file), "\(path) could not be kept")
        let read = try #require(ParseCodec.decode(Data(bytes)))
        let same = read.parsed == file.parsed && read.diagnostics == file.diagnostics
        #expect(same)
    }

    /// Every optional part of a post, and what loading said, read back.
    @Test func everyPartOfAPostReadsBack() throws {
        var post = Post(
            title: "Title", text: "Body #tag", hashtags: ["#tag"], forwardedFrom: "Elsewhere",
            reactions: [Reaction(emoji: "👍", count: 12), Reaction(emoji: "⭐", count: 1)], dateText: "5 months ago",
            date: Date(timeIntervalSince1970: 1_700_000_000.123_456), hasMediaPlaceholder: true,
            media: [MediaFile(kind: .photo, path: "photos/a.jpg")],
            linkPreviews: [LinkPreview(site: "S", title: "T", description: "D", url: "https://e.org")],
            messageID: "42", replyTo: "41", source: SourceRange(path: "c/a.txt", firstLine: 3, lastLine: 9))
        post.replyQuote = ReplyQuote(author: "Ann", text: "Quoted")
        var details = PostDetails()
        details.author = "Signer"
        details.pinned = true
        post.details = details
        post.paragraphPerLine = true
        var parsed = ParsedDump(
            path: "c/a.txt", format: "generic", channel: ChannelInfo(title: "C", handle: "c"), posts: [post, Post(text: "", source: post.source)],
            diagnostics: [.warning("w", at: SourceLocation(path: "c/a.txt", line: 2))],
            droppedLines: [ParsedDump.DroppedLine(line: 1, reason: "ad")])
        parsed.newestFirst = true
        let file = BuildCache.LoadedFile(parsed: parsed, diagnostics: [.note("decoded as windows-1251", at: SourceLocation(path: "c/a.txt"))])
        let bytes = try #require(ParseCodec.encode(file))
        let read = try #require(ParseCodec.decode(Data(bytes)))
        #expect(read.parsed == file.parsed)
        #expect(read.diagnostics == file.diagnostics)
        // A file with no parse (not a dump) keeps what loading said.
        let none = BuildCache.LoadedFile(parsed: nil, diagnostics: [.error("not text", at: SourceLocation(path: "c/b.bin"))])
        let noneBytes = try #require(ParseCodec.encode(none))
        let readNone = try #require(ParseCodec.decode(Data(noneBytes)))
        #expect(readNone.parsed == nil && readNone.diagnostics == none.diagnostics)
    }

    /// An export's post: formatted text, every field of a media file, details in the compact
    /// form and as JSON (a poll), and the channel's source key.
    @Test func anExportsPostsReadBack() throws {
        let source = SourceRange(path: "e/result.json", firstLine: 4, lastLine: 9)
        var formatted = Post(text: "bold and a link", date: Date(timeIntervalSince1970: 1_700_000_000), messageID: "7", source: source)
        formatted.spans = [
            TextSpan(kind: "bold", text: "bold"), TextSpan(kind: "plain", text: " and "),
            TextSpan(kind: "text_link", text: "a link", href: "https://example.org/"),
        ]
        formatted.media = [
            MediaFile(
                kind: .videoFile, path: "video_files/v.mp4", sourcePath: "/e/video_files/v.mp4", thumbnailPath: "/e/video_files/v.jpg",
                fileName: "v.mp4", fileSize: 1234, mimeType: "video/mp4", width: 640, height: 360, durationSeconds: 12, performer: "P",
                title: "T", spoiler: true),
            MediaFile(kind: .other("dice"), unavailable: .tooLarge),
        ]
        var signed = PostDetails()
        signed.edited = Date(timeIntervalSince1970: 1_700_000_100.5)
        signed.author = "Signer"
        signed.albumIDs = ["8", "9"]
        signed.dateIsLocal = true
        formatted.details = signed
        var polled = Post(text: "", source: source)
        var poll = PostDetails()
        poll.poll = PostDetails.Poll(question: "Q?", closed: true, totalVoters: 3, answers: [.init(text: "A", voters: 3, chosen: false)])
        polled.details = poll
        var parsed = ParsedDump(path: "e/result.json", format: ExportChatReader.format, posts: [formatted, polled])
        parsed.sourceKey = "0123abcd"
        let read = try Self.readBack(Pipeline.ExportRead(dumps: [parsed, parsed], diagnostics: [.note("n", at: SourceLocation(path: "e"))]))
        #expect(read.dumps == [parsed, parsed])
        #expect(read.diagnostics.count == 1)
        #expect(read.dumps.first?.posts.first?.spans == formatted.spans)
    }

    /// An export read as the build reads it: every JSON and HTML export fixture's channels read
    /// back as read.
    @Test func everyExportFixturesReadReadsBack() throws {
        let root = TestSupport.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures").path
        let content = try ContentFiles.read(root, excluding: [])
        let exports = zip(content.exports, zip(content.exportFiles, content.exportMedia)).compactMap { export, rest in
            rest.0.digest.map { Pipeline.LoadedExport(file: export, digest: $0, media: rest.1) }
        }
        let jobs = Pipeline.ExportJob.jobs(exports)
        #expect(jobs.count > 20)
        let settings = ExportSettings(config: SiteConfig())
        for job in jobs {
            let (read, _) = settings.read(job)
            let back = try Self.readBack(read)
            #expect(back.dumps == read.dumps && back.diagnostics == read.diagnostics, "\(job.files.map(\.file.path))")
        }
    }

    static func readBack(_ read: Pipeline.ExportRead) throws -> Pipeline.ExportRead {
        let bytes = try #require(ParseCodec.encode(read))
        var reader = ParseCodec.Reader(bytes: bytes)
        return try #require(ParseCodec.decodeExport(&reader))
    }

    /// What would not read back the same is not kept: a media type an export calls `unknown`
    /// (its name is the one text dumps' placeholders have).
    @Test func aParseItCannotHoldIsNotKept() {
        let post = Post(
            text: "x", media: [MediaFile(kind: .other("unknown"))], source: SourceRange(path: "e/result.json", firstLine: 1, lastLine: 1))
        let file = BuildCache.LoadedFile(parsed: ParsedDump(path: "e/result.json", format: "x", posts: [post]), diagnostics: [])
        #expect(ParseCodec.encode(file) == nil)
    }

    /// Cut short anywhere, or with a byte changed in its binary part, a value is a miss or
    /// reads back as something else of the same shape; it never traps.
    @Test func damagedBytesAreAMissNotACrash() throws {
        let file = Self.loaded(FixtureDumpTests.folder.appendingPathComponent("heading_replies.txt").path)
        let bytes = try #require(ParseCodec.encode(file))
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            #expect(ParseCodec.decode(Data(bytes.prefix(length))) == nil)
        }
        var random = SeededRandom(state: 7)
        for _ in 0..<300 {
            var damaged = bytes
            damaged[Int.random(in: 0..<damaged.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            _ = ParseCodec.decode(Data(damaged))
        }
    }
}
