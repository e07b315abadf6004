import Algorithms
import ChansiteCore
import ChansiteModel
import Foundation

/// The `docs/` files: a result's title, URL, text and date for eight posts of a channel a file.
extension SearchIndexBuilder {
    /// Each `docs/` file, carried over when its fingerprint (everything it holds) is the last
    /// build's. A channel's documents are chunked from its oldest post, in its own folder, so an
    /// edit rewrites the one file holding the post, and posts appended to one channel (a
    /// re-export) rewrite that channel's last files, not every file after them. `memo` keeps a
    /// channel's files' fingerprints under its key.
    func writeDocs(
        reuse: (String, String) -> Bool, memo: (any StageCache<[String]>)? = nil, _ emit: (RenderedFile, String?) throws -> Void
    ) rethrows {
        let days = Self.dayFormatter(timeZone: site.config.timeZone)
        // Every chunk of every channel, oldest first in each (`SearchIndexLayout.docsPlace`).
        let byChannel = site.channels.indices.map { c in
            let count = site.channels[c].posts.count
            return stride(from: 0, to: count, by: Self.docsPerChunk).map { DocsChunk(channel: c, first: $0, end: min($0 + Self.docsPerChunk, count)) }
        }
        let chunks = byChannel.flatMap { $0 }
        // The channel's key holds its posts, its slug and the configuration (the time zone, the order).
        let fingerprints = site.channels.indices.flatMap { c in
            site.channels[c].keptList("docs fingerprints", count: byChannel[c].count, in: memo) { docsFingerprints(byChannel[c], days: days) }
        }
        let channels = site.channels
        let made = chunks.indices.filter { !reuse("search/" + chunks[$0].path(in: channels), fingerprints[$0]) }
        // A batch at a time, so memory holds a few dozen files, not the whole `docs/`.
        for batch in made.chunks(ofCount: 64) {
            try writeDocs(Array(batch), of: chunks, fingerprints: fingerprints, days: days, emit)
        }
    }

    /// The fingerprints of `chunks`' files, from the whole text (hashed a word at a time) on
    /// all cores; only the files not carried over are made (on all cores again) and the
    /// snippets cut.
    func docsFingerprints(_ chunks: [DocsChunk], days: Date.ISO8601FormatStyle) -> [String] {
        let channels = site.channels
        let newestFirst = site.config.channelOrder == .newest
        return chunks.concurrentMap(chunk: 16) { chunk in
            var fingerprint = Fingerprint(ChansiteVersion.fingerprint, chunk.name(in: channels))
            let posts = channels[chunk.channel].posts
            for p in chunk.positions(newestFirst: newestFirst, of: posts.count) {
                fingerprint.add(posts[p].heading)
                fingerprint.add(posts[p].path)
                fingerprint.add(posts[p].post.text)
                fingerprint.add(posts[p].post.dateText ?? "")
                fingerprint.add(Self.day(of: posts[p].post, days))
            }
            return fingerprint.hex
        }
    }

    /// The `docs/` files of `chunks[n]` for each `n` in `batch`, made on all cores, handed on in order.
    func writeDocs(
        _ batch: [Int], of chunks: [DocsChunk], fingerprints: [String], days: Date.ISO8601FormatStyle,
        _ emit: (RenderedFile, String?) throws -> Void
    ) rethrows {
        let channels = site.channels
        let newestFirst = site.config.channelOrder == .newest
        let files = batch.concurrentMap(chunk: 16) { n in
            let posts = channels[chunks[n].channel].posts
            let rows = chunks[n].positions(newestFirst: newestFirst, of: posts.count).map { p -> [JSONText.JSONScalar] in
                [
                    .string(posts[p].heading), .string(posts[p].path),
                    .string(Self.snippetText(of: posts[p].post.text)),
                    .string(posts[p].post.dateText ?? ""), .string(Self.day(of: posts[p].post, days)),
                ]
            }
            var json = JSONText()
            json.rows(rows)
            return Self.file(chunks[n].path(in: channels), name: chunks[n].name(in: channels), json: json.bytes)
        }
        for (n, file) in zip(batch, files) { try emit(file, fingerprints[n]) }
    }

    /// The posts of one `docs/` file: ages `first..<end` of channel `channel`'s posts.
    struct DocsChunk: Sendable {
        var channel: Int
        var first: Int
        var end: Int

        var number: Int { first / SearchIndexBuilder.docsPerChunk }

        func name(in channels: [Channel]) -> String {
            SearchIndexLayout.docsName(channel: channels[channel].slug, chunk: number)
        }

        func path(in channels: [Channel]) -> String {
            SearchIndexLayout.docs(channel: channels[channel].slug, chunk: number)
        }

        /// Its posts' places in their channel's `count` posts, oldest first: counted from the
        /// channel's end when its pages show the newest first.
        func positions(newestFirst: Bool, of count: Int) -> [Int] {
            (first..<end).map { age in newestFirst ? count - 1 - age : age }
        }
    }
}
