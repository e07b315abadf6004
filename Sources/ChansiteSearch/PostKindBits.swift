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
    enum Kind: String, CaseIterable {
        case file, link, photo, poll, video
    }

    /// The kinds' names, as the manifest lists them and a query writes them.
    package static let kinds = Kind.allCases.map(\.rawValue)

    static func has(_ post: Post, _ kind: Kind) -> Bool {
        switch kind {
        case .photo: post.media.contains { $0.kind == .photo }
        case .video: post.media.contains { [.videoFile, .animation, .videoMessage].contains($0.kind) }
        case .file: post.media.contains { [.file, .audioFile, .voiceMessage].contains($0.kind) }
        case .link: !post.linkPreviews.isEmpty || post.hasSpan(of: TextSpan.linkKinds) || !Links.find(in: post.text).isEmpty
        case .poll: post.details?.poll != nil
        }
    }

    /// Each kind's documents as bits (document `d` is bit `d % 8` of byte `d / 8`, documents
    /// in site order), base64, in `Kind.allCases`' order: each post's kinds found on all cores
    /// (a link is looked for in its whole text), then set in one pass. `memo` keeps a channel's
    /// kinds under its key (`masks`).
    static func bits(of site: Site, memo: (any StageCache<[String]>)? = nil) -> [(kind: Kind, base64: String)] {
        let kinds = site.channels.flatMap { channel -> [UInt8] in
            // Each post read in place (`posts[p].post`), not copied out of its channel.
            let make = { channel.posts.indices.concurrentMap(chunk: 256) { kindMask(of: channel.posts[$0].post) } }
            let kept = channel.keptList("post kinds", count: 1, in: memo) { [masks(make())] }
            // `keptList` hands back exactly one text: the masks, read back whole or made again.
            return masks(kept[0], count: channel.posts.count) ?? make()
        }
        var bytes = [[UInt8]](repeating: [UInt8](repeating: 0, count: (kinds.count + 7) / 8), count: Kind.allCases.count)
        for (doc, mask) in kinds.enumerated() where mask != 0 {
            for k in Kind.allCases.indices where mask & 1 << k != 0 {
                bytes[k][doc / 8] |= 1 << UInt8(doc % 8)
            }
        }
        return zip(Kind.allCases, bytes).map { ($0, Data($1).base64EncodedString()) }
    }

    /// Masks as a text to keep (a letter each: `@` + the mask), and back (nil unless it holds
    /// `count` of them).
    static func masks(_ masks: [UInt8]) -> String {
        String(decoding: masks.map { 0x40 + $0 }, as: UTF8.self)
    }

    static func masks(_ text: String, count: Int) -> [UInt8]? {
        let masks = text.utf8.map { $0 &- 0x40 }
        return masks.count == count && masks.allSatisfy({ $0 < 1 << Kind.allCases.count }) ? masks : nil
    }

    /// The kinds `post` has, bit `k` for `Kind.allCases[k]`.
    static func kindMask(of post: Post) -> UInt8 {
        var mask: UInt8 = 0
        for (k, kind) in Kind.allCases.enumerated() where has(post, kind) { mask |= 1 << k }
        return mask
    }

    /// Whether document `doc` is set in base64 `bits` (false past the end or when damaged).
    package static func isSet(_ doc: Int, in bytes: [UInt8]) -> Bool {
        doc >= 0 && doc / 8 < bytes.count && bytes[doc / 8] & (1 << UInt8(doc % 8)) != 0
    }
}
