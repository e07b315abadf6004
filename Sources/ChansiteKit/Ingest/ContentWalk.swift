import Foundation

/// A walk over the content folder that cannot run forever: each real folder is entered once
/// (a symlink loop is reported, not followed), hidden entries are skipped, and every entry that
/// cannot be used is reported once.
struct ContentWalk {
    static let extensions: Set<String> = ["txt", "text", "md"]

    /// Resolved folders never read as content (the output and its work folder).
    let excluded: [String]
    private(set) var paths: [String] = []
    /// `result.json` of each Telegram Desktop export found; an export's folder is not walked
    /// further (its media and files are not dumps).
    private(set) var exports: [String] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var entered = Set<String>()

    init(excluded: [String]) {
        self.excluded = excluded
    }

    mutating func visit(_ folder: String) {
        guard let real = FileSystem.realPath(folder), entered.insert(real).inserted else {
            diagnostics.append(.warning("symlink loop: this folder was already read; skipped", at: SourceLocation(path: folder)))
            return
        }
        if excluded.contains(where: { FileSystem.contains($0, real) }) { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            diagnostics.append(.warning("cannot read folder: \(FileSystem.describe(error)); skipped", at: SourceLocation(path: folder)))
            return
        }
        if names.contains("result.json"), FileSystem.isRegularFile(FileSystem.join(folder, "result.json")) {
            exports.append(FileSystem.join(folder, "result.json"))
            return
        }
        if names.contains("messages.html") {
            diagnostics.append(
                .warning(
                    "a Telegram Desktop export in HTML is not read: export again with \"Format: Machine-readable JSON\"; its folder is skipped",
                    at: SourceLocation(path: FileSystem.join(folder, "messages.html"))))
            return
        }
        for name in names where !name.hasPrefix(".") {
            visitEntry(FileSystem.join(folder, name))
        }
    }

    private mutating func visitEntry(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let isLink = (info.st_mode & S_IFMT) == S_IFLNK
        if isLink, stat(path, &info) != 0 {
            diagnostics.append(
                .warning("symlink to a missing or unreachable target (\(FileSystem.lastError)); skipped", at: SourceLocation(path: path)))
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            visit(path)
        case S_IFREG:
            guard Self.extensions.contains(PathName.extension(path).lowercased()) else { return }
            if isLink, let real = FileSystem.realPath(path), excluded.contains(where: { FileSystem.contains($0, real) }) { return }
            paths.append(path)
        default:
            if Self.extensions.contains(PathName.extension(path).lowercased()) {
                diagnostics.append(.warning("not a regular file (a device, socket or pipe); skipped", at: SourceLocation(path: path)))
            }
        }
    }
}
