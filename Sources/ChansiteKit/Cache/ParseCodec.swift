import ChansiteCore
import ChansiteIngest
import ChansiteModel
import Foundation

/// A dump file's load and parse as the build cache keeps it (`CacheFile.Kind.parse`): what
/// the parse said of the file as JSON, then its posts in a compact binary form (JSON for the
/// few parts text dumps rarely have: media and details). A value is stored only when it reads
/// back equal to what was parsed, so a field this codec does not know (one added to `Post`
/// later, or formatted text, which dumps do not have) leaves the file to be parsed again each
/// build, never read back wrong. Reading anything malformed gives nil: the file is parsed.
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
        var posts = 0
    }

    /// The bytes of `file`, or nil when they would not read back as `file`.
    static func encode(_ file: BuildCache.LoadedFile) -> [UInt8]? {
        let parsed = file.parsed
        var envelope = Envelope(loadDiagnostics: file.diagnostics, parsed: parsed != nil)
        if let parsed {
            guard parsed.sourceKey == nil, !parsed.posts.contains(where: \.isFormatted) else { return nil }
            envelope.path = parsed.path
            envelope.format = parsed.format
            envelope.channel = parsed.channel
            envelope.diagnostics = parsed.diagnostics
            envelope.droppedLines = parsed.droppedLines
            envelope.newestFirst = parsed.newestFirst
            envelope.learnedSeams = parsed.learnedSeams
            envelope.isDiscussion = parsed.isDiscussion
            envelope.posts = parsed.posts.count
        }
        // try?: the envelope holds strings, numbers and arrays of them, which JSONEncoder always encodes.
        guard let json = try? JSONEncoder().encode(envelope) else { return nil }
        var writer = Writer()
        writer.blob(Array(json))
        for post in parsed?.posts ?? [] {
            guard writer.post(post) else { return nil }
        }
        guard let read = decode(Data(writer.bytes)), read.parsed == file.parsed, read.diagnostics == file.diagnostics else { return nil }
        return writer.bytes
    }

    static func decode(_ data: Data) -> BuildCache.LoadedFile? {
        var reader = Reader(bytes: [UInt8](data))
        // try?: a record that is not an envelope is a miss; the file is parsed again.
        guard let json = reader.blob(), let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(json)) else { return nil }
        guard envelope.parsed else { return reader.atEnd ? BuildCache.LoadedFile(parsed: nil, diagnostics: envelope.loadDiagnostics) : nil }
        // Each post takes at least a byte: a count past the bytes left is not this codec's.
        guard envelope.posts >= 0, envelope.posts <= data.count else { return nil }
        var posts: [Post] = []
        posts.reserveCapacity(envelope.posts)
        for _ in 0..<envelope.posts {
            guard let post = reader.post() else { return nil }
            posts.append(post)
        }
        guard reader.atEnd else { return nil }
        var parsed = ParsedDump(
            path: envelope.path, format: envelope.format, channel: envelope.channel, posts: posts, diagnostics: envelope.diagnostics,
            droppedLines: envelope.droppedLines)
        parsed.newestFirst = envelope.newestFirst
        parsed.learnedSeams = envelope.learnedSeams
        parsed.isDiscussion = envelope.isDiscussion
        return BuildCache.LoadedFile(parsed: parsed, diagnostics: envelope.loadDiagnostics)
    }

    /// Which of a post's optional parts follow, one bit each.
    struct Parts: OptionSet {
        let rawValue: UInt16
        static let title = Parts(rawValue: 1 << 0)
        static let forwardedFrom = Parts(rawValue: 1 << 1)
        static let reactions = Parts(rawValue: 1 << 2)
        static let dateText = Parts(rawValue: 1 << 3)
        static let date = Parts(rawValue: 1 << 4)
        static let mediaPlaceholder = Parts(rawValue: 1 << 5)
        static let media = Parts(rawValue: 1 << 6)
        static let linkPreviews = Parts(rawValue: 1 << 7)
        static let messageID = Parts(rawValue: 1 << 8)
        static let replyTo = Parts(rawValue: 1 << 9)
        static let replyQuote = Parts(rawValue: 1 << 10)
        static let details = Parts(rawValue: 1 << 11)
        static let paragraphPerLine = Parts(rawValue: 1 << 12)
    }

    struct Writer {
        var bytes: [UInt8] = []

        mutating func integer(_ value: Int) {
            withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func blob(_ value: [UInt8]) {
            integer(value.count)
            bytes += value
        }

        mutating func string(_ value: String) {
            integer(value.utf8.count)
            bytes += value.utf8
        }

        mutating func json(_ value: some Encodable) -> Bool {
            // try?: a value that cannot be encoded leaves the file uncached.
            guard let data = try? JSONEncoder().encode(value) else { return false }
            blob(Array(data))
            return true
        }

        /// False when a part of `post` cannot be written.
        mutating func post(_ post: Post) -> Bool {
            var parts: Parts = []
            if post.title != nil { parts.insert(.title) }
            if post.forwardedFrom != nil { parts.insert(.forwardedFrom) }
            if post.reactions != nil { parts.insert(.reactions) }
            if post.dateText != nil { parts.insert(.dateText) }
            if post.date != nil { parts.insert(.date) }
            if post.hasMediaPlaceholder { parts.insert(.mediaPlaceholder) }
            if !post.media.isEmpty { parts.insert(.media) }
            if !post.linkPreviews.isEmpty { parts.insert(.linkPreviews) }
            if post.messageID != nil { parts.insert(.messageID) }
            if post.replyTo != nil { parts.insert(.replyTo) }
            if post.replyQuote != nil { parts.insert(.replyQuote) }
            if post.details != nil { parts.insert(.details) }
            if post.paragraphPerLine { parts.insert(.paragraphPerLine) }
            integer(Int(parts.rawValue))
            string(post.text)
            integer(post.hashtags.count)
            for tag in post.hashtags { string(tag) }
            string(post.source.path)
            integer(post.source.firstLine)
            integer(post.source.lastLine)
            if let title = post.title { string(title) }
            if let from = post.forwardedFrom { string(from) }
            if let reactions = post.reactions {
                integer(reactions.count)
                for reaction in reactions {
                    string(reaction.emoji)
                    integer(reaction.count)
                }
            }
            if let dateText = post.dateText { string(dateText) }
            if let date = post.date { integer(Int(bitPattern: UInt(date.timeIntervalSinceReferenceDate.bitPattern))) }
            if !post.media.isEmpty, !json(post.media) { return false }
            if !post.linkPreviews.isEmpty, !json(post.linkPreviews) { return false }
            if let id = post.messageID { string(id) }
            if let replyTo = post.replyTo { string(replyTo) }
            if let quote = post.replyQuote {
                string(quote.author)
                string(quote.text)
            }
            if let details = post.details, !json(details) { return false }
            return true
        }
    }

    struct Reader {
        let bytes: [UInt8]
        var at = 0

        var atEnd: Bool { at == bytes.count }

        mutating func integer() -> Int? {
            guard at + 8 <= bytes.count else { return nil }
            var value: UInt64 = 0
            for k in 0..<8 { value |= UInt64(bytes[at + k]) << (8 * UInt64(k)) }
            at += 8
            return Int(Int64(bitPattern: value))
        }

        mutating func blob() -> ArraySlice<UInt8>? {
            guard let count = integer(), count >= 0, count <= bytes.count - at else { return nil }
            defer { at += count }
            return bytes[at..<(at + count)]
        }

        mutating func string() -> String? {
            blob().map { String(decoding: $0, as: UTF8.self) }
        }

        mutating func json<T: Decodable>(_ type: T.Type) -> T? {
            // try?: a value that does not decode is a miss; the file is parsed again.
            blob().flatMap { try? JSONDecoder().decode(type, from: Data($0)) }
        }

        /// A list of `count` read by `item`, nil when the count cannot be right.
        mutating func list<T>(_ item: (inout Reader) -> T?) -> [T]? {
            guard let count = integer(), count >= 0, count <= bytes.count - at else { return nil }
            var items: [T] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                guard let next = item(&self) else { return nil }
                items.append(next)
            }
            return items
        }

        mutating func post() -> Post? {
            guard let raw = integer(), let flags = UInt16(exactly: raw) else { return nil }
            let parts = Parts(rawValue: flags)
            guard let text = string(), let hashtags = list({ $0.string() }), let path = string(), let first = integer(), let last = integer()
            else { return nil }
            var post = Post(text: text, hashtags: hashtags, source: SourceRange(path: path, firstLine: first, lastLine: last))
            if parts.contains(.title) {
                guard let title = string() else { return nil }
                post.title = title
            }
            if parts.contains(.forwardedFrom) {
                guard let from = string() else { return nil }
                post.forwardedFrom = from
            }
            if parts.contains(.reactions) {
                guard
                    let reactions = list({ reader -> Reaction? in
                        guard let emoji = reader.string(), let count = reader.integer() else { return nil }
                        return Reaction(emoji: emoji, count: count)
                    })
                else { return nil }
                post.reactions = reactions
            }
            if parts.contains(.dateText) {
                guard let dateText = string() else { return nil }
                post.dateText = dateText
            }
            if parts.contains(.date) {
                guard let bits = integer() else { return nil }
                post.date = Date(timeIntervalSinceReferenceDate: Double(bitPattern: UInt64(UInt(bitPattern: bits))))
            }
            post.hasMediaPlaceholder = parts.contains(.mediaPlaceholder)
            if parts.contains(.media) {
                guard let media = json([MediaFile].self) else { return nil }
                post.media = media
            }
            if parts.contains(.linkPreviews) {
                guard let cards = json([LinkPreview].self) else { return nil }
                post.linkPreviews = cards
            }
            if parts.contains(.messageID) {
                guard let id = string() else { return nil }
                post.messageID = id
            }
            if parts.contains(.replyTo) {
                guard let replyTo = string() else { return nil }
                post.replyTo = replyTo
            }
            if parts.contains(.replyQuote) {
                guard let author = string(), let text = string() else { return nil }
                post.replyQuote = ReplyQuote(author: author, text: text)
            }
            if parts.contains(.details) {
                guard let details = json(PostDetails.self) else { return nil }
                post.details = details
            }
            post.paragraphPerLine = parts.contains(.paragraphPerLine)
            return post
        }
    }
}
