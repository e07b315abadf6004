import Algorithms
import ChansiteCore
import ChansiteIngest
import ChansiteModel
import Foundation

/// Merges the exports of one channel (a re-export a year later overlaps the first), and its
/// saved web-preview pages, by message id: each message once, the newest export's copy winning
/// (it has the latest edit), media the newer export left out taken from an older one. Posts
/// come out by date, then id.
///
/// The archive keeps what the channel lost: each text a message had in an earlier copy is a
/// `PostVersion` (a copy whose words are the same is no version, however its edit date moved:
/// the client marks a post edited when it gets a reaction), and a message an earlier export
/// had that a later export covering its id lacks is marked `deletedAfter` the last copy that
/// showed it.
enum ExportMerge {
    static func merge(_ exports: [ParsedDump]) -> (posts: [Post], diagnostics: [Diagnostic]) {
        guard exports.count > 1 else { return (exports.first.map { sorted($0.posts) } ?? [], []) }
        // Saved web pages first, then exports oldest first: a later copy replaces an earlier one,
        // so an export (which has the files) wins over a page, and the newest export over the rest.
        let ordered = exports.map { (rank: $0.isExport ? 1 : 0, asOf: asOf($0), export: $0) }
            .sorted { ($0.rank, $0.asOf, $0.export.path) < ($1.rank, $1.asOf, $1.export.path) }
        var byID: [String: Post] = [:]
        var seen: [String: Double] = [:]
        var versions: [String: [PostVersion]] = [:]
        var order: [String] = []
        var overlaps = 0
        for copy in ordered {
            for post in copy.export.posts {
                guard let id = post.messageID else { continue }
                if let older = byID[id] {
                    overlaps += 1
                    if SiteAssembler.comparableText(older.text) != SiteAssembler.comparableText(post.text) {
                        versions[id, default: []].append(
                            PostVersion(text: older.text, seen: seen[id].flatMap(date), edited: older.details?.edited))
                    }
                    byID[id] = keepingMedia(of: older, in: post)
                } else {
                    byID[id] = post
                    order.append(id)
                }
                seen[id] = max(seen[id] ?? 0, copy.asOf)
            }
        }
        let deleted = deletedIDs(ordered.map { ($0.export, $0.asOf) }, seen: seen)
        for id in Set(versions.keys).union(deleted.keys) {
            guard var post = byID[id] else { continue }
            var details = post.details ?? PostDetails()
            details.versions = versions[id] ?? []
            details.deletedAfter = deleted[id].flatMap(date)
            post.details = details
            byID[id] = post
        }
        var diagnostics: [Diagnostic] = []
        let location = SourceLocation(path: ordered.last?.export.path ?? "")
        if overlaps > 0 {
            diagnostics.append(
                .note(
                    "\(Counted.of(exports.count, "export")) of this channel merged by message id: \(Counted.of(overlaps, "message")) \(Counted.pastVerb(overlaps)) in more than one; the newest copy is kept",
                    at: location))
        }
        if !versions.isEmpty || !deleted.isEmpty {
            diagnostics.append(
                .note(
                    "history across exports: \(Counted.of(versions.count, "post")) edited (earlier texts kept), \(Counted.of(deleted.count, "post")) deleted from the channel since an earlier export (kept, marked)",
                    at: location))
        }
        return (sorted(order.compactMap { byID[$0] }), diagnostics)
    }

    static func date(_ seconds: Double) -> Date? { seconds > 0 ? Date(timeIntervalSince1970: seconds) : nil }

    /// When a copy was made: the date in its export folder's name (`ChatExport_2024-05-01`,
    /// `DataExport_2024-05-01`), else the latest instant it knows of (its newest message or edit).
    static func asOf(_ export: ParsedDump) -> Double {
        folderDate(export.path) ?? newest(export)
    }

    /// The date Telegram Desktop puts in an export folder's name, as seconds (UTC midnight).
    static func folderDate(_ path: String) -> Double? {
        for component in path.split(separator: "/").reversed() {
            for prefix in ["ChatExport_", "DataExport_"] where component.hasPrefix(prefix) {
                let digits = component.dropFirst(prefix.count).prefix(10)
                let parts = digits.split(separator: "-").compactMap { Int($0) }
                guard digits.count == 10, parts.count == 3, (1...9999).contains(parts[0]), (1...12).contains(parts[1]),
                    (1...31).contains(parts[2])
                else { continue }
                var components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
                components.timeZone = TimeZone(identifier: "UTC")
                if let date = Calendar(identifier: .gregorian).date(from: components) { return date.timeIntervalSince1970 }
            }
        }
        return nil
    }

    /// The latest instant an export knows of: its newest message or edit.
    static func newest(_ export: ParsedDump) -> Double {
        export.posts.map { max($0.date?.timeIntervalSince1970 ?? 0, $0.details?.edited?.timeIntervalSince1970 ?? 0) }.max() ?? 0
    }

    /// Messages deleted from the channel: the latest export (not a saved page, which shows only
    /// what the preview shows) whose range of ids covers a message was made after the last copy
    /// that had it. Each id's latest covering export is found in one sweep from the newest
    /// export down, each id assigned once (`NextFree`), so many exports cost no more than one.
    /// - Returns: id → the date of the last copy that had it.
    static func deletedIDs(_ copies: [(export: ParsedDump, asOf: Double)], seen: [String: Double]) -> [String: Double] {
        let ids = seen.keys.compactMap { id in Int(id).map { ($0, id) } }.sorted { $0.0 < $1.0 }
        guard !ids.isEmpty else { return [:] }
        let numbers = ids.map(\.0)
        var cover = [Double](repeating: -1, count: ids.count)
        var free = NextFree(count: ids.count)
        for copy in copies.filter({ $0.export.isExport }).sorted(by: { $0.asOf > $1.asOf }) {
            let held = copy.export.posts.flatMap { post in
                ((post.messageID.map { [$0] } ?? []) + (post.details?.albumIDs ?? [])).compactMap { Int($0) }
            }
            guard let low = held.min(), let high = held.max() else { continue }
            var index = free.next(from: lowerBound(numbers, low))
            let end = lowerBound(numbers, high + 1)
            while index < end {
                cover[index] = copy.asOf
                free.take(index)
                index = free.next(from: index + 1)
            }
        }
        var deleted: [String: Double] = [:]
        for (index, (_, id)) in ids.enumerated() {
            guard let last = seen[id], cover[index] > last else { continue }
            deleted[id] = last
        }
        return deleted
    }

    /// The first index whose number is at least `value`.
    static func lowerBound(_ numbers: [Int], _ value: Int) -> Int {
        numbers.partitioningIndex { $0 >= value }
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

/// Indices not yet taken, each found in near-constant time (a union-find that skips runs of
/// taken ones): a sweep over overlapping ranges touches each index once.
struct NextFree {
    private var parent: [Int]

    init(count: Int) { parent = Array(0...count) }

    /// The first index at or after `index` not taken (`count` when none).
    mutating func next(from index: Int) -> Int {
        var root = index
        while parent[root] != root { root = parent[root] }
        var node = index
        while parent[node] != root {
            let up = parent[node]
            parent[node] = root
            node = up
        }
        return root
    }

    mutating func take(_ index: Int) { parent[index] = index + 1 }
}
