/// Where each index file lives: defined here once for the builder and `SearchEngine`, and
/// written into the manifest (`filesPerFolder`, `buckets`, `formBuckets`) so the page's script computes the
/// same paths. No folder holds more than `filesPerFolder` files however large a channel (one of a
/// million posts makes 125 document folders of 1,000 files; `docs/` holds a folder per channel),
/// so no host or file system suffers.
package enum SearchIndexLayout {
    /// The most files in one folder of `docs/` or `postings/`.
    package static let filesPerFolder = 1000
    /// The folder of the whole index in the site.
    package static let folder = "search/"

    /// The documents of chunk `chunk` of a channel's posts (`docsPlace`), in a folder of the
    /// channel's own: `slug` is a channel folder's name (ASCII letters, digits, `_` and `-`;
    /// `SearchManifest.isReadable` checks it), so it is safe in a path and a URL as it is.
    package static func docs(channel slug: String, chunk: Int) -> String {
        "docs/\(slug)/\(chunk / filesPerFolder)/\(chunk).js"
    }

    /// Where document `local` of a channel's `count` is kept: chunks count from the channel's
    /// oldest post whichever order its pages show, so posts appended by a re-export land in the
    /// last chunks and leave the others as they were.
    package static func docsPlace(local: Int, count: Int, newestFirst: Bool, perChunk: Int) -> (chunk: Int, row: Int) {
        let age = newestFirst ? count - 1 - local : local
        return (age / perChunk, age % perChunk)
    }

    /// The name a `docs/` file hands its rows on with.
    package static func docsName(channel slug: String, chunk: Int) -> String {
        "docs:\(slug):\(chunk)"
    }

    package static func postings(_ bucket: Int) -> String {
        "postings/\(bucket / filesPerFolder)/\(bucket).js"
    }

    /// The slots of the postings in `postings(bucket)`, for phrase queries.
    package static func positions(_ bucket: Int) -> String {
        "positions/\(bucket / filesPerFolder)/\(bucket).js"
    }

    /// The documents that have one kind of content (`PostKindBits`).
    package static func kind(_ name: String) -> String {
        "has/\(name).js"
    }

    /// The word forms whose first three letters hash (FNV-1a) to `bucket`.
    package static func forms(_ bucket: Int) -> String {
        "forms/\(bucket / filesPerFolder)/\(bucket).js"
    }
}
