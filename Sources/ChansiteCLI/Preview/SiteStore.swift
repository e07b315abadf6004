import ChansiteKit
import Foundation

/// The last good build, served from the output folder by the build's own list of files, plus
/// the error of the latest failed rebuild. Only paths the build wrote are ever opened, so
/// nothing outside the site (no `..`, no symlink put into the output folder) can be served;
/// ETags are the hashes the build recorded, never recomputed per request.
actor SiteStore {
    struct Entry: Sendable {
        var path: String
        var etag: String
    }

    private(set) var root = ""
    private(set) var files: [String: Entry] = [:]
    /// Folders of the site (`channels/x`), for trailing-slash redirects.
    private(set) var folders: Set<String> = []
    /// The current build error as shown in the overlay; nil after a good build.
    private(set) var error: String?

    func replace(with result: BuildResult, output: String) {
        root = FileSystem.resolved(output)
        var files: [String: Entry] = [:]
        var folders: Set<String> = [""]
        for (path, hash) in result.outputFiles {
            files[path] = Entry(path: FileSystem.join(root, path), etag: "\"" + hash + "\"")
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        self.files = files
        self.folders = folders
        self.error = nil
    }

    /// A file's bytes, read without following a symlink at its last step.
    nonisolated static func contents(of entry: Entry) -> Data? {
        let fd = open(entry.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        return try? handle.readToEnd() ?? Data()
    }

    func fail(_ message: String) {
        error = message
    }
}
