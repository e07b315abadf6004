import ChansiteCore
import ChansiteModel
import Foundation

/// What a `has:` filter asks of a post, one bit a document in a file of its own
/// (`search/has/<kind>.js`, base64): at 100k posts 17 KB a kind, loaded only by a query that
/// names it, so a filtered query costs a fixed, small download whatever its words.
package enum PostKindBits {
    /// The kinds a query can name: `has:photo`, `has:video`, `has:file` (documents, audio and
    /// voice messages), `has:link` (a link card, a link in the text or a formatted link),
    /// `has:poll`.
    package static let kinds = ["file", "link", "photo", "poll", "video"]

    static func has(_ post: Post, _ kind: String) -> Bool {
        switch kind {
        case "photo": return post.media.contains { $0.kind == .photo }
        case "video": return post.media.contains { [.videoFile, .animation, .videoMessage].contains($0.kind) }
        case "file": return post.media.contains { [.file, .audioFile, .voiceMessage].contains($0.kind) }
        case "link": return !post.linkPreviews.isEmpty || post.hasSpan(of: ["link", "text_link"]) || !Links.find(in: post.text).isEmpty
        case "poll": return post.details?.poll != nil
        default: return false
        }
    }

    /// The documents of `kind` as bits (document `d` is bit `d % 8` of byte `d / 8`), base64.
    static func bits(of posts: Site.AllPosts, _ kind: String) -> String {
        var bytes = [UInt8](repeating: 0, count: (posts.count + 7) / 8)
        for (doc, post) in posts.enumerated() where has(post.post, kind) { bytes[doc / 8] |= 1 << UInt8(doc % 8) }
        return Data(bytes).base64EncodedString()
    }

    /// Whether document `doc` is set in base64 `bits` (false past the end or when damaged).
    package static func isSet(_ doc: Int, in bytes: [UInt8]) -> Bool {
        doc >= 0 && doc / 8 < bytes.count && bytes[doc / 8] & (1 << UInt8(doc % 8)) != 0
    }
}
