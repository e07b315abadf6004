import ChansiteCore

/// Where a post's media file went in the site (paths from the site root) and what a page needs
/// to show it; aligned with `Post.media`.
package struct PublishedMedia: Sendable, Hashable {
    /// The copied file; nil when it is not in the export (see `MediaFile.unavailable`).
    package var path: String?
    /// A photo's thumbnail and its size.
    package var thumbnailPath: String?
    package var thumbnailWidth: Int?
    package var thumbnailHeight: Int?
    /// Smaller copies of the thumbnail (320 and 640 pixels each way, those smaller than it),
    /// for `srcset`: a tile of an album loads the smallest.
    package var smallerThumbnails: [Variant] = []
    /// A video's poster (the export's own thumbnail).
    package var posterPath: String?
    /// Why a file the export names is not shown, when it is not.
    package var problem: String?

    /// One size of a thumbnail.
    package struct Variant: Sendable, Hashable {
        package var path: String
        package var width: Int
        package var height: Int

        package init(path: String, width: Int, height: Int) {
            self.path = path
            self.width = width
            self.height = height
        }
    }

    /// Adds where each of `posts` (by id) had its media published, for the key of what shows
    /// them: nothing for a post without media.
    package static func add(_ media: [String: [PublishedMedia]], of posts: some Sequence<String>, to fingerprint: inout Fingerprint) {
        guard !media.isEmpty else { return }
        for post in posts {
            guard let published = media[post] else { continue }
            fingerprint.add(post)
            for file in published { file.add(to: &fingerprint) }
        }
    }

    /// Adds every field, for the key of a view that shows it.
    package func add(to fingerprint: inout Fingerprint) {
        for text in [path, thumbnailPath, posterPath, problem] { fingerprint.add(text.map { "+" + $0 } ?? "-") }
        fingerprint.add(thumbnailWidth ?? -1)
        fingerprint.add(thumbnailHeight ?? -1)
        fingerprint.add(smallerThumbnails.count)
        for variant in smallerThumbnails {
            fingerprint.add(variant.path)
            fingerprint.add(variant.width)
            fingerprint.add(variant.height)
        }
    }

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
