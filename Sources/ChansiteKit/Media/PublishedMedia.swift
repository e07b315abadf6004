/// Where a post's media file went in the site (paths from the site root) and what a page needs
/// to show it; aligned with `Post.media`.
public struct PublishedMedia: Sendable, Hashable {
    /// The copied file; nil when it is not in the export (see `MediaFile.unavailable`).
    public var path: String?
    /// A photo's thumbnail and its size.
    public var thumbnailPath: String?
    public var thumbnailWidth: Int?
    public var thumbnailHeight: Int?
    /// A video's poster (the export's own thumbnail).
    public var posterPath: String?
    /// Why a file the export names is not shown, when it is not.
    public var problem: String?
}
