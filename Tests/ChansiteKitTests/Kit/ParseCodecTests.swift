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

    /// Formatted text (exports') is not this codec's: such a parse is not kept.
    @Test func aParseItCannotHoldIsNotKept() {
        var post = Post(text: "bold", source: SourceRange(path: "e/result.json", firstLine: 1, lastLine: 1))
        post.spans = [TextSpan(kind: "bold", text: "bold")]
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
