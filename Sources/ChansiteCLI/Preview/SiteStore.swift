import ChansiteKit
import Foundation

/// The last good build, served from the output folder by the build's own list of files (a
/// rebuild's new files from memory until they are in place), plus the error of the latest
/// failed rebuild. Only paths the build wrote are ever opened, so
/// nothing outside the site (no `..`, no symlink put into the output folder) can be served;
/// ETags are the hashes the build recorded, never recomputed per request.
actor SiteStore {
    struct Entry: Sendable {
        var path: String
        var etag: String
        /// The file's bytes when the build has not put it in place yet.
        var made: Data?
    }

    private(set) var root = ""
    private(set) var files: [String: Entry] = [:]
    /// Folders of the site (`channels/x`), for trailing-slash redirects.
    private(set) var folders: Set<String> = []
    /// The current build error as shown in the overlay; nil after a good build.
    private(set) var error: String?

    /// Serves `result`'s files: those in `made` from memory (a build whose other files are
    /// still the current output's, with the same bytes), the rest from the output folder.
    func replace(with result: BuildResult, output: String, made: [String: Data] = [:]) {
        relist(result, output: output, made: made)
        error = nil
    }

    /// Serves `result`'s files as `replace` does, keeping the error shown (the same build,
    /// now in place: its errors stand).
    func relist(_ result: BuildResult, output: String, made: [String: Data] = [:]) {
        root = FileSystem.resolved(output)
        var files: [String: Entry] = [:]
        files.reserveCapacity(result.outputFiles.count)
        var folders: Set<String> = [""]
        for (path, hash) in result.outputFiles {
            files[path] = Entry(path: FileSystem.join(root, path), etag: "\"" + hash + "\"", made: made[path])
            // Each folder above the file, by its slashes, until one is known already.
            var folder = Substring(path)
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<slash]
                if !folders.insert(String(folder)).inserted { break }
            }
        }
        self.files = files
        self.folders = folders
    }

    /// A file's bytes, read without following a symlink at its last step.
    nonisolated static func contents(of entry: Entry) -> Data? {
        if let made = entry.made { return made }
        let fd = open(entry.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        return try? handle.readToEnd() ?? Data()
    }

    func fail(_ message: String) {
        error = message
    }
}
