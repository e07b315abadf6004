import ChansiteCore
import ChansiteOutput
import Foundation

/// The last good build, served from the output folder by the build's own list of files (a
/// rebuild's new files from memory until they are in place), plus the error of the latest
/// failed rebuild. Only paths the build wrote are ever opened, so nothing outside the site (no
/// `..`, no symlink put into the output folder) can be served; ETags are the hashes the build
/// recorded, never recomputed per request.
///
/// The list and the files always agree: a request looks its entry up and opens the file under
/// one lock, and a rebuild swaps the output folder and installs the new list under the same
/// lock (`swap(_:to:)`), so no request sees the new files under the old list or the reverse.
final class SiteStore: @unchecked Sendable {
    struct Entry: Sendable {
        var path: String
        var etag: String
        /// The file's bytes when the build has not put it in place yet.
        var made: Data?
    }

    /// A build's files and folders, made before the lock is taken.
    struct Listing: Sendable {
        var files: [String: Entry] = [:]
        /// Folders of the site (`channels/x`), for trailing-slash redirects.
        var folders: Set<String> = []
    }

    /// What a request gets: the entry, and its bytes (read from the descriptor opened under
    /// the lock, so they are the listed build's).
    struct Found {
        var entry: Entry
        var contents: Data?
    }

    private let lock = NSLock()
    private var listing = Listing()
    /// Pages a rebuild made ahead of its other files (the pages open in a browser), served in
    /// their place until the rebuild's listing is installed (or it fails).
    private var early: [String: Entry] = [:]
    private var currentError: String?

    /// The current build error as shown in the overlay; nil after a good build.
    var error: String? { lock.withLock { currentError } }

    /// Serves `result`'s files: those in `made` from memory (a build whose other files are
    /// still the current output's, with the same bytes), the rest from the output folder.
    func replace(with result: BuildResult, output: String, made: [String: Data] = [:]) {
        let new = Self.listing(result, output: output, made: made)
        lock.withLock {
            listing = new
            early = [:]
            currentError = nil
        }
    }

    /// Serves `pages` (a rebuild's first pages, by path) before the rest of their build; returns
    /// those whose bytes differ from what was served, with the hash of their bytes.
    func showEarly(_ pages: [String: Data]) -> [String: String] {
        let hashes = pages.mapValues(Fingerprint.contentHash(of:))
        return lock.withLock {
            var changed: [String: String] = [:]
            for (path, contents) in pages {
                guard let hash = hashes[path] else { continue }
                let etag = "\"" + hash + "\""
                guard (early[path] ?? listing.files[path])?.etag != etag else { continue }
                early[path] = Entry(path: path, etag: etag, made: contents)
                changed[path] = hash
            }
            return changed
        }
    }

    /// Serves `result`'s files as `replace` does, keeping the error shown (the same build,
    /// now in place: its errors stand).
    func relist(_ result: BuildResult, output: String) {
        let new = Self.listing(result, output: output, made: [:])
        lock.withLock {
            listing = new
            early = [:]
        }
    }

    /// Runs `swap` (which puts a new site into the output folder) and installs `listing` in
    /// one step for every request.
    func swap(_ swap: () throws -> Void, to new: Listing) rethrows {
        try lock.withLock {
            try swap()
            listing = new
            early = [:]
        }
    }

    static func listing(_ result: BuildResult, output: String, made: [String: Data]) -> Listing {
        let root = FileSystem.resolved(output)
        var listing = Listing()
        listing.files.reserveCapacity(result.outputFiles.count)
        listing.folders = [""]
        for (path, hash) in result.outputFiles {
            listing.files[path] = Entry(path: FileSystem.join(root, path), etag: "\"" + hash + "\"", made: made[path])
            // Each folder above the file, by its slashes, until one is known already.
            var folder = Substring(path)
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<slash]
                if !listing.folders.insert(String(folder)).inserted { break }
            }
        }
        return listing
    }

    /// The entry at `path` with its bytes (`readContents`), or nil when the site has none.
    func find(_ path: String, readContents: Bool = true) -> Found? {
        let (entry, descriptor) = lock.withLock { () -> (Entry?, Int32) in
            guard let entry = early[path] ?? listing.files[path] else { return (nil, -1) }
            guard readContents, entry.made == nil else { return (entry, -1) }
            return (entry, open(entry.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC))
        }
        guard let entry else { return nil }
        if let made = entry.made { return Found(entry: entry, contents: made) }
        guard descriptor >= 0 else { return Found(entry: entry, contents: nil) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        // A file that cannot be read is answered as missing (the caller sends the 404 page).
        return Found(entry: entry, contents: try? handle.readToEnd() ?? Data())
    }

    /// Whether `path` is a folder of the site.
    func isFolder(_ path: String) -> Bool { lock.withLock { listing.folders.contains(path) } }

    /// Shows `message` over the pages, which are the last good build's again.
    func fail(_ message: String) {
        lock.withLock {
            currentError = message
            early = [:]
        }
    }
}
