import ChansiteKit
import Foundation

/// The last good build, held in memory and served from there, plus the error of the latest
/// failed rebuild. Serving from the build's own file map means nothing outside the site
/// (no `..`, no symlink in the output folder) can ever be served.
actor SiteStore {
    struct Entry: Sendable {
        var contents: Data
        var etag: String
    }

    private(set) var files: [String: Entry] = [:]
    /// Folders of the site (`channels/x`), for trailing-slash redirects.
    private(set) var folders: Set<String> = []
    /// The current build error as shown in the overlay; nil after a good build.
    private(set) var error: String?

    func replace(with result: BuildResult) {
        var files: [String: Entry] = [:]
        var folders: Set<String> = [""]
        for file in result.files {
            files[file.path] = Entry(contents: file.contents, etag: "\"" + Slug.hash(String(decoding: file.contents, as: UTF8.self), length: 16) + "\"")
            var folder = (file.path as NSString).deletingLastPathComponent
            while !folder.isEmpty {
                folders.insert(folder)
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        self.files = files
        self.folders = folders
        self.error = nil
    }

    func fail(_ message: String) {
        error = message
    }
}
