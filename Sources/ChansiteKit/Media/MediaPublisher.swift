import Foundation

/// Puts every media file of an export into the site: each copied by path (streamed, never read
/// into memory) under `media/<channel>/<message>-<n>.<ext>`, a name no two files share and that
/// cannot leave the output, and each photo given a JPEG thumbnail made with libvips. Runs on all
/// cores; a file or thumbnail whose source is unchanged is carried over by the sink.
public struct MediaPublisher: Sendable {
    /// Thumbnails fit in this many pixels each way: the page's column at twice its density.
    public static let thumbnailBox = 960

    public let site: Site

    public init(site: Site) {
        self.site = site
    }

    /// Publishes every post's media into `sink`; returns post id → its media's places, and a
    /// warning for each file that could not be used.
    public func publish(into sink: any OutputSink) -> (media: [String: [PublishedMedia]], diagnostics: [Diagnostic]) {
        let posts = site.allPosts.filter { $0.post.media.contains { $0.sourcePath != nil } }
        let results = LockedBox<[String: [PublishedMedia]]>([:])
        let problems = LockedBox<[Int: [Diagnostic]]>([:])
        DispatchQueue.concurrentPerform(iterations: posts.count) { index in
            let post = posts[index]
            var diagnostics: [Diagnostic] = []
            let published = post.post.media.enumerated().map { n, file in
                publish(
                    file, name: "\(post.slug)-\(n + 1)", channel: post.channelSlug, into: sink, at: post.post.source.start, diagnostics: &diagnostics)
            }
            results.mutate { $0[post.id] = published }
            if !diagnostics.isEmpty { problems.mutate { $0[index] = diagnostics } }
        }
        return (results.value, problems.value.keys.sorted().flatMap { problems.value[$0] ?? [] })
    }

    func publish(
        _ file: MediaFile, name: String, channel: String, into sink: any OutputSink, at location: SourceLocation,
        diagnostics: inout [Diagnostic]
    ) -> PublishedMedia {
        var published = PublishedMedia()
        guard let source = file.sourcePath else { return published }
        let base = "media/\(channel)/\(name)"
        let path = base + "." + Self.fileExtension(of: source)
        do {
            try sink.copy(path, from: source)
            published.path = path
            if let poster = file.thumbnailPath {
                try sink.copy(base + "-poster.jpg", from: poster)
                published.posterPath = base + "-poster.jpg"
            }
        } catch {
            diagnostics.append(.warning("cannot copy '\(source)': \(FileSystem.describe(error))", at: location))
            published.problem = "unreadable"
            return published
        }
        guard file.kind == "photo" else { return published }
        guard let size = ImageThumbnailer.size(of: source) else {
            diagnostics.append(.warning("'\(file.path ?? source)' is not an image chansite can read; linked without a preview", at: location))
            return published
        }
        let fit = ImageThumbnailer.fit(width: size.width, height: size.height, in: Self.thumbnailBox)
        let thumbnail = base + "-thumb.jpg"
        let fingerprint = Self.thumbnailFingerprint(source: source, width: fit.width, height: fit.height)
        do {
            if !sink.reuse(thumbnail, fingerprint: fingerprint) {
                let made = try ImageThumbnailer.thumbnail(of: source, width: fit.width, height: fit.height)
                try sink.write(thumbnail, contents: made.jpeg, fingerprint: fingerprint)
            }
            published.thumbnailPath = thumbnail
            published.thumbnailWidth = fit.width
            published.thumbnailHeight = fit.height
        } catch {
            diagnostics.append(
                .warning(
                    "no preview for '\(file.path ?? source)': \((error as? DiagnosticError)?.diagnostics.first?.message ?? "\(error)")", at: location)
            )
        }
        return published
    }

    /// The source's identity (path, size, time, inode) and the thumbnail's size: a photo replaced
    /// or a new size makes a new thumbnail.
    static func thumbnailFingerprint(source: String, width: Int, height: Int) -> String {
        var info = stat()
        _ = stat(source, &info)
        return Fingerprint(
            "thumbnail", ChansiteVersion.fingerprint, source, String(info.st_size), String(BuildManifest.modifiedNanoseconds(info)),
            String(info.st_ino), "\(width)x\(height)"
        ).hex
    }

    /// The source's extension, lower-cased, when it is short and plain ASCII; else `bin`.
    static func fileExtension(of path: String) -> String {
        let ext = PathName.extension(path).lowercased()
        let plain = !ext.isEmpty && ext.count <= 8 && ext.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
        return plain ? ext : "bin"
    }
}
