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
    package var formFolders: Int
    package var formKeyLength: Int
    package var channels: [Channel]
    package var tags: [Tag]

    /// The layout this version of chansite writes and reads.
    package static let version = 3

    package init(
        docCount: Int, docsPerChunk: Int, buckets: Int, formKeyLength: Int, channels: [Channel], tags: [Tag]
    ) {
        version = Self.version
        self.docCount = docCount
        self.docsPerChunk = docsPerChunk
        self.buckets = buckets
        filesPerFolder = SearchIndexLayout.filesPerFolder
        formFolders = SearchIndexLayout.formFolders
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

    /// Whether a reader of this version can use an index with this manifest: counts a reader
    /// divides by are positive, and the folder layout is the one it computes paths with.
    package var isReadable: Bool {
        buckets >= 1 && docsPerChunk >= 1 && filesPerFolder == SearchIndexLayout.filesPerFolder
            && formFolders == SearchIndexLayout.formFolders
    }
}
