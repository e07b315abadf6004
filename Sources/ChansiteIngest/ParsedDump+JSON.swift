import ChansiteCore
import ChansiteModel
import Foundation

/// The `inspect --json` contract (docs/inspect-json.md).
extension ParsedDump {
    struct JSONChannel: Encodable {
        var title: String?
        var handle: String?
        var subscribers: String?
        var description: String?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(title, forKey: .title)
            try c.encode(handle, forKey: .handle)
            try c.encode(subscribers, forKey: .subscribers)
            try c.encode(description, forKey: .description)
        }

        enum CodingKeys: String, CodingKey { case title, handle, subscribers, description }
    }

    struct JSONPost: Encodable {
        var title: String?
        var text: String
        var hashtags: [String]
        var forwardedFrom: String?
        var reactions: [String: Int]?
        var dateText: String?
        var hasMedia: Bool
        var lines: [Int]
        var linkPreviews: [LinkPreview]
        var replyQuote: ReplyQuote?
        var learnedSeam: JSONLearnedSeam?

        enum CodingKeys: String, CodingKey {
            case title, text, hashtags
            case forwardedFrom = "forwarded_from"
            case reactions
            case dateText = "date_text"
            case hasMedia = "has_media"
            case lines
            case linkPreviews = "link_previews"
            case replyQuote = "reply_quote"
            case learnedSeam = "learned_seam"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(title, forKey: .title)
            try c.encode(text, forKey: .text)
            try c.encode(hashtags, forKey: .hashtags)
            try c.encode(forwardedFrom, forKey: .forwardedFrom)
            try c.encode(reactions, forKey: .reactions)
            try c.encode(dateText, forKey: .dateText)
            try c.encode(hasMedia, forKey: .hasMedia)
            try c.encode(lines, forKey: .lines)
            try c.encode(linkPreviews, forKey: .linkPreviews)
            // Only where a copy shows one, so the contract's other posts read as before.
            try c.encodeIfPresent(replyQuote, forKey: .replyQuote)
            try c.encodeIfPresent(learnedSeam, forKey: .learnedSeam)
        }
    }

    /// Why a post starts where no marker showed a seam (only on such posts).
    struct JSONLearnedSeam: Encodable {
        var reason: String
        var score: Double
    }

    struct JSONDiagnostic: Encodable {
        var severity: String
        var line: Int?
        var message: String

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(severity, forKey: .severity)
            try c.encode(line, forKey: .line)
            try c.encode(message, forKey: .message)
        }

        enum CodingKeys: String, CodingKey { case severity, line, message }
    }

    struct JSONDump: Encodable {
        var file: String
        var format: String
        var channel: JSONChannel
        var posts: [JSONPost]
        var diagnostics: [JSONDiagnostic]
        var droppedLines: [Int]

        enum CodingKeys: String, CodingKey {
            case file, format, channel, posts, diagnostics
            case droppedLines = "dropped_lines"
        }
    }

    /// The parse as the JSON object `chansite inspect --json` prints (keys sorted, so output is stable).
    package func jsonData() throws -> Data {
        let learned = Dictionary(learnedSeams.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        let dump = JSONDump(
            file: path,
            format: format,
            channel: JSONChannel(
                title: channel.title, handle: channel.handle, subscribers: channel.subscribers,
                description: channel.description),
            posts: posts.map { post in
                JSONPost(
                    title: post.title, text: post.text, hashtags: post.hashtags, forwardedFrom: post.forwardedFrom,
                    reactions: post.reactions.map { Dictionary($0.map { ($0.emoji, $0.count) }, uniquingKeysWith: +) },
                    dateText: post.dateText, hasMedia: post.hasMediaPlaceholder || !post.media.isEmpty,
                    lines: [post.source.firstLine, post.source.lastLine], linkPreviews: post.linkPreviews, replyQuote: post.replyQuote,
                    learnedSeam: learned[post.source.firstLine].map { JSONLearnedSeam(reason: $0.reason, score: ($0.score * 100).rounded() / 100) })
            },
            diagnostics: (diagnostics + learnedSeamNotes + droppedLineNotes).map {
                JSONDiagnostic(severity: $0.severity.rawValue, line: $0.location?.line, message: $0.message)
            },
            droppedLines: droppedLines.map(\.line).sorted()
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(dump)
    }
}
