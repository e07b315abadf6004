import Algorithms
import ChansiteCore
import Foundation

/// `search/manifest.js`: what a reader of the index needs before any shard. The builder writes
/// it, `SearchEngine` (`chansite search`) and the page's script (`assets/search.js`,
/// `validManifest`) read it; all three go by this one shape.
package struct SearchManifest: Codable, Equatable, Sendable {
    /// A channel's documents: numbers `first..<end`. Written as `[name, first, end, slug, handle]`
    /// so the page's script can index it without key names in every entry.
    package struct Channel: Codable, Equatable, Sendable {
        package var name: String
        package var first: Int
        package var end: Int
        package var slug: String
        /// Empty when the channel has no public handle.
        package var handle: String

        package init(name: String, first: Int, end: Int, slug: String, handle: String) {
            (self.name, self.first, self.end, self.slug, self.handle) = (name, first, end, slug, handle)
        }

        package init(from decoder: any Decoder) throws {
            var row = try decoder.unkeyedContainer()
            name = try row.decode(String.self)
            first = try row.decode(Int.self)
            end = try row.decode(Int.self)
            // Indexes written before slugs and handles were added have three entries.
            slug = row.isAtEnd ? "" : try row.decode(String.self)
            handle = row.isAtEnd ? "" : try row.decode(String.self)
            guard first >= 0, first <= end else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a channel's range is reversed"))
            }
        }

        package func encode(to encoder: any Encoder) throws {
            var row = encoder.unkeyedContainer()
            try row.encode(name)
            try row.encode(first)
            try row.encode(end)
            try row.encode(slug)
            try row.encode(handle)
        }
    }

    /// A hashtag: `[name, key, posts]`.
    package struct Tag: Codable, Equatable, Sendable {
        package var name: String
        package var key: String
        package var posts: Int

        package init(name: String, key: String, posts: Int) {
            (self.name, self.key, self.posts) = (name, key, posts)
        }

        package init(from decoder: any Decoder) throws {
            var row = try decoder.unkeyedContainer()
            name = try row.decode(String.self)
            key = try row.decode(String.self)
            posts = try row.decode(Int.self)
        }

        package func encode(to encoder: any Encoder) throws {
            var row = encoder.unkeyedContainer()
            try row.encode(name)
            try row.encode(key)
            try row.encode(posts)
        }
    }

    package var version: Int
    package var docCount: Int
    package var docsPerChunk: Int
    package var buckets: Int
    package var filesPerFolder: Int
    /// How many `forms/` files the word forms are hashed into (by their first three letters).
    package var formBuckets: Int
    package var formKeyLength: Int
    package var channels: [Channel]
    package var tags: [Tag]
    /// Each document's month, as runs: `[first doc, yyyymm, first doc, yyyymm, …]`, the first
    /// docs increasing from 0 (`yyyymm` 0: undated), so a `year:` filter, a date sort and the
    /// years' counts need no document file. Absent in indexes written before them.
    package var monthRuns: [Int]?
    /// True when a channel's documents run newest first (`channelOrder`), which a date sort
    /// needs within a month.
    package var newestFirst: Bool?
    /// The kinds a `has:` filter can name, each with its file (`PostKindBits`).
    package var kinds: [String]?

    /// The layout this version of chansite writes and reads (5: a channel's documents in a
    /// folder of its own, rows without a channel number).
    package static let version = 5

    package init(
        docCount: Int, docsPerChunk: Int, buckets: Int, formBuckets: Int, formKeyLength: Int, channels: [Channel], tags: [Tag],
        monthRuns: [Int]? = nil,
        newestFirst: Bool? = nil, kinds: [String]? = nil
    ) {
        self.kinds = kinds
        self.monthRuns = monthRuns
        self.newestFirst = newestFirst
        version = Self.version
        self.docCount = docCount
        self.docsPerChunk = docsPerChunk
        self.buckets = buckets
        filesPerFolder = SearchIndexLayout.filesPerFolder
        self.formBuckets = formBuckets
        self.formKeyLength = formKeyLength
        self.channels = channels
        self.tags = tags
    }

    /// The manifest's JSON, keys sorted (the bytes are part of the site: the same input gives
    /// the same file).
    package func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(self)
    }

    /// Whether a reader of this version can use an index with this manifest: the layout is this
    /// version's, counts a reader divides by are positive, the folder layout is the one it
    /// computes paths with, and each channel's slug is a folder name a path can hold.
    package var isReadable: Bool {
        version == Self.version && buckets >= 1 && docsPerChunk >= 1 && filesPerFolder == SearchIndexLayout.filesPerFolder
            && formBuckets >= 1 && (monthRuns.map(Self.validRuns) ?? true) && channels.allSatisfy { Self.isFolderName($0.slug) }
    }

    /// A channel folder's name as chansite makes it: ASCII letters, digits, `_` and `-`, so a
    /// `docs/` path built from it stays in the index.
    static func isFolderName(_ slug: String) -> Bool {
        !slug.isEmpty
            && slug.utf8.allSatisfy { byte in
                (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x5F || byte == 0x2D
            }
    }

    /// Runs in pairs, starting at document 0, their first documents increasing, months 0 or
    /// `yyyymm` with a month of 1–12.
    static func validRuns(_ runs: [Int]) -> Bool {
        guard runs.count % 2 == 0, runs.first ?? 0 == 0 else { return false }
        var previous = -1
        for pair in runs.chunks(ofCount: 2) {
            let (doc, month) = (pair[pair.startIndex], pair[pair.startIndex + 1])
            guard doc > previous, month == 0 || ((1...9999).contains(month / 100) && (1...12).contains(month % 100)) else { return false }
            previous = doc
        }
        return true
    }

    /// The month (`yyyymm`, 0 when undated or unknown) of document `doc`.
    package func month(of doc: Int) -> Int {
        guard let runs = monthRuns, !runs.isEmpty else { return 0 }
        // The last run starting at or before `doc`.
        var low = 0
        var high = runs.count / 2
        while high - low > 1 {
            let middle = (low + high) / 2
            if runs[middle * 2] <= doc { low = middle } else { high = middle }
        }
        return runs[low * 2] <= doc ? runs[low * 2 + 1] : 0
    }
}
