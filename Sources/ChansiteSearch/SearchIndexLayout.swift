/// Where each index file lives: defined here once for the builder and `SearchEngine`, and
/// written into the manifest (`filesPerFolder`, `buckets`, `formBuckets`) so the page's script computes the
/// same paths. No folder holds more than `filesPerFolder` files however large the archive (a
/// million posts make 1,000 document folders of 1,000 files), so no host or file system suffers.
package enum SearchIndexLayout {
    /// The most files in one folder of `docs/` or `postings/`.
    package static let filesPerFolder = 1000
    /// The folder of the whole index in the site.
    package static let folder = "search/"

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

    /// The word forms whose first three letters hash (FNV-1a) to `bucket`.
    package static func forms(_ bucket: Int) -> String {
        "forms/\(bucket / filesPerFolder)/\(bucket).js"
    }
}
