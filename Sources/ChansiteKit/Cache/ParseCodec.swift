import ChansiteCore
import ChansiteIngest
import ChansiteModel
import Foundation

/// A dump file's load and parse as the build cache keeps it (`ParseStore`), and an export's
/// channels: what the parse said of the file as JSON,
/// then its posts in a compact binary form (`ParseCodec.Writer`; JSON for the parts posts
/// rarely have: link previews, polls, comments and the like). A value is stored only when it
/// reads back equal to what was parsed, so a field this codec does not know (one added to
/// `Post` later) leaves the file to be parsed again each build, never read back wrong. Reading
/// anything malformed gives nil: the file is parsed.
enum ParseCodec {
    /// Everything but the posts.
    struct Envelope: Codable {
        var loadDiagnostics: [Diagnostic]
        var parsed: Bool
        var path = ""
        var format = ""
        var channel = ChannelInfo()
        var diagnostics: [Diagnostic] = []
        var droppedLines: [ParsedDump.DroppedLine] = []
        var newestFirst = false
        var learnedSeams: [LearnedSeam] = []
        var isDiscussion = false
        var sourceKey: String?
        var posts = 0
    }

    /// The bytes of `file`, or nil when they would not read back as `file`.
    static func encode(_ file: BuildCache.LoadedFile) -> [UInt8]? {
        var writer = Writer()
        return encode(file, into: &writer) ? writer.bytes : nil
    }

    /// Writes `file` into `writer`, a post at a time (its output takes them a megabyte at a
    /// time: an export's parse is never held whole). False when it would not read back as
    /// `file`; what was written then is to be thrown away.
    static func encode(_ file: BuildCache.LoadedFile, into writer: inout Writer) -> Bool {
        let parsed = file.parsed
        var envelope = Envelope(loadDiagnostics: file.diagnostics, parsed: parsed != nil)
        if let parsed {
            envelope.path = parsed.path
            envelope.format = parsed.format
            envelope.channel = parsed.channel
            envelope.diagnostics = parsed.diagnostics
            envelope.droppedLines = parsed.droppedLines
            envelope.newestFirst = parsed.newestFirst
            envelope.learnedSeams = parsed.learnedSeams
            envelope.isDiscussion = parsed.isDiscussion
            envelope.sourceKey = parsed.sourceKey
            envelope.posts = parsed.posts.count
        }
        // try?: the envelope holds strings, numbers and arrays of them, which JSONEncoder always encodes.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let json = try? encoder.encode(envelope) else { return false }
        // The envelope, then each post, must read back as they are; checked one at a time, so the
        // check never holds a second copy of the posts (an export's are hundreds of megabytes).
        var shell = file
        shell.parsed?.posts = []
        // try?: an envelope that does not read back is not kept; the file is parsed next build.
        guard let back = try? JSONDecoder().decode(Envelope.self, from: json) else { return false }
        let read = Self.file(back, posts: [])
        guard read.parsed == shell.parsed, read.diagnostics == shell.diagnostics else { return false }
        writer.blob(Array(json))
        for post in parsed?.posts ?? [] {
            var one = Writer()
            guard one.post(post) else { return false }
            var reader = Reader(bytes: one.bytes)
            guard reader.post() == post, reader.atEnd else { return false }
            writer.bytes += one.bytes
            writer.drain()
        }
        return true
    }

    static func decode(_ data: Data) -> BuildCache.LoadedFile? {
        var reader = Reader(bytes: [UInt8](data))
        return decode(&reader)
    }

    /// A file's parse from `reader`, which it reads to its end.
    static func decode(_ reader: inout Reader) -> BuildCache.LoadedFile? {
        guard let file = decodeFile(&reader), reader.atEnd else { return nil }
        return file
    }

    /// A file's parse from `reader`, which it reads to the parse's last post.
    private static func decodeFile(_ reader: inout Reader) -> BuildCache.LoadedFile? {
        // try?: a record that is not an envelope is a miss; the file is parsed again.
        guard let json = reader.blob(), let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(json)) else { return nil }
        guard envelope.parsed else { return file(envelope, posts: []) }
        // Each post takes at least a byte: a count past the bytes left is not this codec's.
        guard envelope.posts >= 0, envelope.posts <= reader.end - reader.at else { return nil }
        var posts: [Post] = []
        posts.reserveCapacity(envelope.posts)
        for _ in 0..<envelope.posts {
            guard let post = reader.post() else { return nil }
            posts.append(post)
        }
        return file(envelope, posts: posts)
    }

    /// The file an envelope describes, with `posts`.
    private static func file(_ envelope: Envelope, posts: [Post]) -> BuildCache.LoadedFile {
        guard envelope.parsed else { return BuildCache.LoadedFile(parsed: nil, diagnostics: envelope.loadDiagnostics) }
        var parsed = ParsedDump(
            path: envelope.path, format: envelope.format, channel: envelope.channel, posts: posts, diagnostics: envelope.diagnostics,
            droppedLines: envelope.droppedLines)
        parsed.newestFirst = envelope.newestFirst
        parsed.learnedSeams = envelope.learnedSeams
        parsed.isDiscussion = envelope.isDiscussion
        parsed.sourceKey = envelope.sourceKey
        return BuildCache.LoadedFile(parsed: parsed, diagnostics: envelope.loadDiagnostics)
    }

    /// The bytes of an export job's read: what it reported as JSON, then each channel as a
    /// file's parse; nil when a channel would not read back as it is.
    static func encode(_ read: Pipeline.ExportRead) -> [UInt8]? {
        var writer = Writer()
        return encode(read, into: &writer) ? writer.bytes : nil
    }

    /// Writes `read` into `writer` as `encode(_: LoadedFile, into:)` writes a file's parse.
    static func encode(_ read: Pipeline.ExportRead, into writer: inout Writer) -> Bool {
        var reported = Writer()
        guard reported.json(read.diagnostics) else { return false }
        // What the read reported must read back as it is, like its channels (`encode(_: LoadedFile)`).
        var check = Reader(bytes: reported.bytes)
        guard check.json([Diagnostic].self) == read.diagnostics else { return false }
        writer.bytes += reported.bytes
        writer.integer(read.dumps.count)
        // Each channel's parse in line, not as a blob: a blob's length comes first, so it
        // would be held whole until its end was known.
        for dump in read.dumps {
            guard encode(BuildCache.LoadedFile(parsed: dump, diagnostics: []), into: &writer) else { return false }
        }
        return true
    }

    static func decodeExport(_ reader: inout Reader) -> Pipeline.ExportRead? {
        guard let diagnostics = reader.json([Diagnostic].self), let dumps = reader.list({ decodeFile(&$0)?.parsed }), reader.atEnd
        else { return nil }
        return Pipeline.ExportRead(dumps: dumps, diagnostics: diagnostics)
    }
}
