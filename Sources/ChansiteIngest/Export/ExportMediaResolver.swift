import ChansiteCore
import Foundation

/// Turns a media path from an export into a file on disk, or says why there is none. Paths are
/// relative to the folder holding `result.json`; one that is absolute, climbs out with `..` or
/// leads out through a symlink is refused, so an export cannot make chansite copy files from
/// elsewhere into a site.
struct ExportMediaResolver {
    enum Resolution: Equatable {
        case file(String)
        /// The export's sentence in place of a path (`(File not included. …)`).
        case notExported(String)
        case missing
        case refused(String)
    }

    let folder: String
    private let realFolder: String?

    init(folder: String) {
        self.folder = folder
        self.realFolder = FileSystem.realPath(folder)
    }

    func resolve(_ path: String) -> Resolution {
        if Self.isPlaceholder(path) { return .notExported(path) }
        if path.hasPrefix("/") || path.hasPrefix("\\") || path.hasPrefix("~") {
            return .refused("an absolute path")
        }
        let parts = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if parts.contains("..") { return .refused("a path that leaves the export with '..'") }
        let joined = FileSystem.join(folder, parts.joined(separator: "/"))
        guard let real = FileSystem.realPath(joined) else { return .missing }
        guard let realFolder, FileSystem.contains(realFolder, real) else {
            return .refused("a symlink that leads out of the export")
        }
        var info = stat()
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .missing }
        return .file(joined)
    }

    /// The client writes a sentence in parentheses where a file was left out of the export; media
    /// paths always name a file inside a folder, so they never look like this.
    static func isPlaceholder(_ path: String) -> Bool {
        path.hasPrefix("(") && path.hasSuffix(")") && !path.contains("/")
    }
}
