import ChansiteCore
import ChansiteIngest
import ChansiteModel
import Foundation

/// Merges the exports of one channel (a re-export a year later overlaps the first), and its
/// saved web-preview pages, by message id: each message once, the newest export's copy winning (it has the latest edit), media the
/// newer export left out taken from an older one. Posts come out by date, then id.
enum ExportMerge {
    static func merge(_ exports: [ParsedDump]) -> (posts: [Post], diagnostics: [Diagnostic]) {
        guard exports.count > 1 else { return (exports.first.map { sorted($0.posts) } ?? [], []) }
        // Saved web pages first, then exports oldest first: a later copy replaces an earlier one,
        // so an export (which has the files) wins over a page, and the newest export over the rest.
        let ordered = exports.map { (rank: $0.isExport ? 1 : 0, newest: newest($0), export: $0) }
            .sorted { ($0.rank, $0.newest, $0.export.path) < ($1.rank, $1.newest, $1.export.path) }.map(\.export)
        var byID: [String: Post] = [:]
        var order: [String] = []
        var overlaps = 0
        for export in ordered {
            for post in export.posts {
                guard let id = post.messageID else { continue }
                if let older = byID[id] {
                    overlaps += 1
                    byID[id] = keepingMedia(of: older, in: post)
                } else {
                    byID[id] = post
                    order.append(id)
                }
            }
        }
        let note = Diagnostic.note(
            "\(Counted.of(exports.count, "export")) of this channel merged by message id: \(Counted.of(overlaps, "message")) \(Counted.pastVerb(overlaps)) in more than one; the newest copy is kept",
            at: SourceLocation(path: ordered.last?.path ?? ""))
        return (sorted(order.compactMap { byID[$0] }), overlaps > 0 ? [note] : [])
    }

    /// The latest instant an export knows of: its newest message or edit.
    static func newest(_ export: ParsedDump) -> Double {
        export.posts.map { max($0.date?.timeIntervalSince1970 ?? 0, $0.details?.edited?.timeIntervalSince1970 ?? 0) }.max() ?? 0
    }

    /// `newer`, with any media file it lacks taken from `older`'s copy of the same message.
    static func keepingMedia(of older: Post, in newer: Post) -> Post {
        var post = newer
        for index in post.media.indices where post.media[index].sourcePath == nil {
            if index < older.media.count, older.media[index].sourcePath != nil, older.media[index].kind == post.media[index].kind {
                post.media[index] = older.media[index]
            }
        }
        return post
    }

    static func sorted(_ posts: [Post]) -> [Post] {
        posts.enumerated().sorted { a, b in
            let (da, db) = (a.element.date ?? .distantPast, b.element.date ?? .distantPast)
            if da != db { return da < db }
            let (ia, ib) = (Int(a.element.messageID ?? "") ?? 0, Int(b.element.messageID ?? "") ?? 0)
            return ia != ib ? ia < ib : a.offset < b.offset
        }.map(\.element)
    }
}
