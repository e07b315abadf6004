/// Where each index file lives: defined here once for the builder and `SearchEngine`, and
/// written into the manifest (`filesPerFolder`, `formFolders`) so the page's script computes the
/// same paths. No folder holds more than `filesPerFolder` files however large the archive (a
/// million posts make 1,000 document folders of 1,000 files), so no host or file system suffers.
package enum SearchIndexLayout {
    /// The most files in one folder of `docs/` or `postings/`.
    package static let filesPerFolder = 1000
    /// The folder of the whole index in the site.
    package static let folder = "search/"
    /// `forms/` is split into this many folders by a hash of the form key.
    package static let formFolders = 64

    package static func docs(_ chunk: Int) -> String {
        "docs/\(chunk / filesPerFolder)/\(chunk).js"
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

    package static func forms(_ key: String) -> String {
        "forms/\(SearchIndexBuilder.bucket(of: key, count: formFolders))/\(SearchIndexBuilder.fileName(forShard: key)).js"
    }
}
