/// Where each index file lives: defined here once for the builder and `SearchEngine`, and
/// written into the manifest (`filesPerFolder`, `formFolders`) so the page's script computes the
/// same paths. No folder holds more than `filesPerFolder` files however large the archive (a
/// million posts make 1,000 document folders of 1,000 files), so no host or file system suffers.
public enum SearchIndexLayout {
    /// The most files in one folder of `docs/` or `postings/`.
    public static let filesPerFolder = 1000
    /// The folder of the whole index in the site.
    public static let folder = "search/"
    /// `forms/` is split into this many folders by a hash of the form key.
    public static let formFolders = 64

    public static func docs(_ chunk: Int) -> String {
        "docs/\(chunk / filesPerFolder)/\(chunk).js"
    }

    public static func postings(_ bucket: Int) -> String {
        "postings/\(bucket / filesPerFolder)/\(bucket).js"
    }

    public static func forms(_ key: String) -> String {
        "forms/\(SearchIndexBuilder.bucket(of: key, count: formFolders))/\(SearchIndexBuilder.fileName(forShard: key)).js"
    }
}
