/// Where a post's media file went in the site (paths from the site root) and what a page needs
/// to show it; aligned with `Post.media`.
package struct PublishedMedia: Sendable, Hashable {
    /// The copied file; nil when it is not in the export (see `MediaFile.unavailable`).
    package var path: String?
    /// A photo's thumbnail and its size.
    package var thumbnailPath: String?
    package var thumbnailWidth: Int?
    package var thumbnailHeight: Int?
    /// A video's poster (the export's own thumbnail).
    package var posterPath: String?
    /// Why a file the export names is not shown, when it is not.
    package var problem: String?

    package init(
        path: String? = nil, thumbnailPath: String? = nil, thumbnailWidth: Int? = nil, thumbnailHeight: Int? = nil, posterPath: String? = nil,
        problem: String? = nil
    ) {
        self.path = path
        self.thumbnailPath = thumbnailPath
        self.thumbnailWidth = thumbnailWidth
        self.thumbnailHeight = thumbnailHeight
        self.posterPath = posterPath
        self.problem = problem
    }
}
