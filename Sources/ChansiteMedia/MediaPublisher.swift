import ChansiteCore
import ChansiteModel
import Foundation

/// Puts every media file of an export into the site: each distinct file copied once (streamed,
/// never read into memory) under `media/<channel>/<message>-<n>.<ext>`, a name no two files share
/// and that cannot leave the output, and each photo given a JPEG thumbnail made with libvips.
/// Files are published only as passive content (`MediaPolicy`) and only as large as their
/// input really is (`MediaLimits`). Runs on all cores; a file or thumbnail whose source is
/// unchanged is carried over by the sink.
package struct MediaPublisher: Sendable {
    /// Thumbnails fit in this many pixels each way: the page's column at twice its density.
    package static let thumbnailBox = 960
    /// Smaller thumbnails for `srcset` (an album's tiles, phones), made when the image is larger.
    static let smallerBoxes = [320, 640]
    /// A channel's picture: shown at 64 CSS pixels, at up to three times the density.
    static let avatarBox = 192
    /// Images with more pixels than this get no thumbnail: decoding one would take minutes and
    /// gigabytes (a small file can claim a huge image).
    static let maxThumbnailPixels = 250_000_000

    package let site: Site
    let limits: MediaLimits
    /// Told how many files are done, now and then, from any thread (a progress line: copies and
    /// thumbnails can take most of an export's first build).
    package var progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }

    package init(site: Site) {
        self.site = site
        self.limits = MediaLimits(maxBytes: site.config.maxMediaFileSize)
    }

    /// One file to publish: its first use names it; later uses of the same file share it, so a
    /// file referenced by many messages is copied once (output never grows faster than input).
    struct Job {
        var file: MediaFile
        var name: String
        var channel: String
        var location: SourceLocation
        /// Where the file's poster (a video's thumbnail from the export) is published, by `posters`.
        var poster: Int?
    }

    /// A poster to copy once, however many files share it.
    struct Poster {
        var source: String
        var path: String
        var location: SourceLocation
    }

    /// Publishes every post's media into `sink`; returns post id → its media's places, and a
    /// warning for each file that could not be used.
    package func publish(into sink: any OutputSink) -> (media: [String: [PublishedMedia]], diagnostics: [Diagnostic]) {
        let (jobs, posters, uses) = plan()
        // Posters first (a video's page names its poster only when it was copied); each
        // result, and each warning, in its job's place, so the report's order is the site's.
        let posterProblems = posters.concurrentMap(chunk: 1) { poster -> Diagnostic? in
            do {
                if let problem = limits.problem(poster.source, stated: nil) { throw DiagnosticError(.error(problem)) }
                try sink.copy(poster.path, from: poster.source)
                return nil
            } catch {
                let reason = (error as? DiagnosticError)?.diagnostics.first?.message ?? FileSystem.describe(error)
                return .warning("no poster from '\(poster.source)': \(reason)", at: poster.location)
            }
        }
        let finished = LockedBox(0)
        let done = jobs.concurrentMap(chunk: 1) { job -> (published: PublishedMedia, diagnostics: [Diagnostic]) in
            let count = finished.mutate { count -> Int in
                count += 1
                return count
            }
            if count % 100 == 0 { progress(count, jobs.count) }
            var diagnostics: [Diagnostic] = []
            var published = publish(job.file, name: job.name, channel: job.channel, into: sink, at: job.location, diagnostics: &diagnostics)
            if published.path != nil, let poster = job.poster, posterProblems[poster] == nil { published.posterPath = posters[poster].path }
            return (published, diagnostics)
        }
        var media: [String: [PublishedMedia]] = [:]
        for use in uses { media[use.post] = use.jobs.map { $0.map { done[$0].published } ?? PublishedMedia() } }
        return (media, done.flatMap(\.diagnostics) + posterProblems.compactMap { $0 })
    }

    /// Every distinct file to publish, and each post's media as indices into them (nil: not in
    /// the export); in site order, so the first use of a file names it in every build.
    func plan() -> (jobs: [Job], posters: [Poster], uses: [(post: String, jobs: [Int?])]) {
        var jobs: [Job] = []
        var posters: [Poster] = []
        var jobOfFile: [String: Int] = [:]
        var posterOfFile: [String: Int] = [:]
        var uses: [(post: String, jobs: [Int?])] = []
        // Each post looked at in place, and copied out of its channel only when it has files:
        // copying every post cost more than planning the few with files.
        for channel in site.channels {
            for p in channel.posts.indices where channel.posts[p].post.media.contains(where: { $0.sourcePath != nil }) {
                let post = channel.posts[p]
                let indices = post.post.media.enumerated().map { n, file -> Int? in
                    guard let source = file.sourcePath else { return nil }
                    let key = Self.identity(of: source) + (file.kind == .photo ? "|photo" : "")
                    if let known = jobOfFile[key] { return known }
                    let name = "\(post.slug)-\(n + 1)"
                    var job = Job(file: file, name: name, channel: post.channelSlug, location: post.post.source.start)
                    if let poster = file.thumbnailPath {
                        let posterKey = Self.identity(of: poster)
                        job.poster =
                            posterOfFile[posterKey]
                            ?? {
                                posters.append(Poster(source: poster, path: "media/\(post.channelSlug)/\(name)-poster.jpg", location: job.location))
                                posterOfFile[posterKey] = posters.count - 1
                                return posters.count - 1
                            }()
                    }
                    jobs.append(job)
                    jobOfFile[key] = jobs.count - 1
                    return jobs.count - 1
                }
                uses.append((post.id, indices))
            }
        }
        return (jobs, posters, uses)
    }

    /// The file's identity on disk (device and inode, so links and symlinks to one file are one);
    /// its path when it cannot be read (the copy then says why).
    static func identity(of path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "path:" + path }
        return "\(info.st_dev):\(info.st_ino)"
    }

    func publish(
        _ file: MediaFile, name: String, channel: String, into sink: any OutputSink, at location: SourceLocation,
        diagnostics: inout [Diagnostic]
    ) -> PublishedMedia {
        var published = PublishedMedia()
        guard let source = file.sourcePath else { return published }
        let shown = file.path ?? source
        if let problem = limits.problem(source, stated: file.fileSize) {
            diagnostics.append(.warning("'\(shown)' is not published: \(problem)", at: location))
            published.problem = "refused"
            return published
        }
        let base = "media/\(channel)/\(name)"
        let path = base + "." + MediaPolicy.publishedExtension(of: source)
        do {
            try sink.copy(path, from: source)
            published.path = path
        } catch {
            diagnostics.append(.warning("cannot copy '\(shown)': \(FileSystem.describe(error))", at: location))
            published.problem = "unreadable"
            return published
        }
        // Photos, and images sent as files (a scan, a drawing: SVG is rasterized), get previews.
        let ext = PathName.extension(source).lowercased()
        guard file.kind == .photo || (file.kind == .file && (MediaPolicy.images.contains(ext) || ext == "svg")) else { return published }
        addThumbnail(of: source, shown: shown, base: base, into: sink, at: location, to: &published, diagnostics: &diagnostics)
        return published
    }

    /// A photo's thumbnails, made with libvips (SVG included: rasterized, so a drawing's script
    /// never reaches the page), or a warning saying why there is none.
    func addThumbnail(
        of source: String, shown: String, base: String, into sink: any OutputSink, at location: SourceLocation,
        to published: inout PublishedMedia, diagnostics: inout [Diagnostic]
    ) {
        let size: (width: Int, height: Int)
        switch Self.previewSize(of: source) {
        case .success(let found): size = found
        case .failure(.unreadable):
            diagnostics.append(.warning("'\(shown)' is not an image chansite can read; linked without a preview", at: location))
            return
        case .failure(.tooLarge(let width, let height)):
            diagnostics.append(.warning("'\(shown)' is \(width)×\(height) pixels, too large to preview; linked without one", at: location))
            return
        }
        let fit = ImageThumbnailer.fit(width: size.width, height: size.height, in: Self.thumbnailBox)
        let thumbnail = base + "-thumb.jpg"
        do {
            let made = try Self.storeThumbnail(of: source, at: thumbnail, size: fit, into: sink)
            published.thumbnailPath = thumbnail
            published.thumbnailWidth = fit.width
            published.thumbnailHeight = fit.height
            for box in Self.smallerBoxes where max(fit.width, fit.height) > box {
                let small = ImageThumbnailer.fit(width: size.width, height: size.height, in: box)
                let path = base + "-\(box).jpg"
                // From the large thumbnail just made when there is one: the source is read once.
                try Self.storeThumbnail(of: source, from: made, at: path, size: small, into: sink)
                published.smallerThumbnails.append(PublishedMedia.Variant(path: path, width: small.width, height: small.height))
            }
        } catch {
            let reason = (error as? DiagnosticError)?.diagnostics.first?.message ?? "\(error)"
            diagnostics.append(.warning("no preview for '\(shown)': \(reason)", at: location))
        }
    }

    /// Why an image gets no preview.
    enum PreviewProblem: Error {
        case unreadable
        case tooLarge(width: Int, height: Int)
    }

    /// The size of the image at `source` as shown, when a preview can be made of it: libvips reads
    /// it, and its pixels are within what decoding can afford.
    static func previewSize(of source: String) -> Result<(width: Int, height: Int), PreviewProblem> {
        guard let size = ImageThumbnailer.size(of: source) else { return .failure(.unreadable) }
        guard size.width.multipliedReportingOverflow(by: size.height).partialValue <= maxThumbnailPixels,
            size.width <= InputRange.pixels.upperBound, size.height <= InputRange.pixels.upperBound
        else { return .failure(.tooLarge(width: size.width, height: size.height)) }
        return .success(size)
    }

    /// Stores a `size` JPEG of `source` at `path`, unless the last build's is carried over (same
    /// source, same size); made from `larger` (a bigger thumbnail's bytes) when given. Returns
    /// the bytes it made, nil when carried over.
    @discardableResult
    static func storeThumbnail(
        of source: String, from larger: Data? = nil, at path: String, size: (width: Int, height: Int), into sink: any OutputSink
    ) throws -> Data? {
        let fingerprint = thumbnailFingerprint(source: source, width: size.width, height: size.height)
        guard !sink.reuse(path, fingerprint: fingerprint) else { return nil }
        let made =
            try larger.map { try ImageThumbnailer.thumbnail(ofJPEG: $0, width: size.width, height: size.height) }
            ?? ImageThumbnailer.thumbnail(of: source, width: size.width, height: size.height)
        try sink.write(path, contents: made.jpeg, fingerprint: fingerprint)
        return made.jpeg
    }

    /// The source's identity (path, size, time, inode) and the thumbnail's size: a photo replaced
    /// or a new size makes a new thumbnail.
    static func thumbnailFingerprint(source: String, width: Int, height: Int) -> String {
        var info = stat()
        _ = stat(source, &info)
        return Fingerprint(
            "thumbnail", ChansiteVersion.fingerprint, source, String(info.st_size), String(FileSystem.modifiedNanoseconds(info)),
            String(info.st_ino), "\(width)x\(height)"
        ).hex
    }

    /// Each channel's picture, as a small square-fitted JPEG (`media/<channel>/avatar.jpg`: a
    /// post's files are always named `<post>-<n>`), by channel slug; a warning for each picture
    /// that cannot be used.
    package func publishAvatars(into sink: any OutputSink) -> (avatars: [String: PublishedMedia.Variant], diagnostics: [Diagnostic]) {
        let channels = site.channels.filter { $0.info.avatar?.sourcePath != nil }
        let made = channels.concurrentMap(chunk: 1) { channel -> (PublishedMedia.Variant?, Diagnostic?) in
            guard let source = channel.info.avatar?.sourcePath else { return (nil, nil) }
            let location = SourceLocation(path: channel.sources.first ?? source)
            if let problem = limits.problem(source, stated: nil) {
                return (nil, .warning("the channel's photo is not published: \(problem)", at: location))
            }
            guard case .success(let size) = Self.previewSize(of: source) else {
                return (nil, .warning("the channel's photo is not an image chansite can read within its limits", at: location))
            }
            let fit = ImageThumbnailer.fit(width: size.width, height: size.height, in: Self.avatarBox)
            let path = "media/\(channel.slug)/avatar.jpg"
            do {
                try Self.storeThumbnail(of: source, at: path, size: fit, into: sink)
                return (PublishedMedia.Variant(path: path, width: fit.width, height: fit.height), nil)
            } catch {
                let reason = (error as? DiagnosticError)?.diagnostics.first?.message ?? "\(error)"
                return (nil, .warning("no picture from the channel's photo: \(reason)", at: location))
            }
        }
        var avatars: [String: PublishedMedia.Variant] = [:]
        for (channel, result) in zip(channels, made) { avatars[channel.slug] = result.0 }
        return (avatars, made.compactMap(\.1))
    }
}
