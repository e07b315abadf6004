import ChansiteCore
import Foundation

/// A walk over the content folder that cannot run forever: each real folder is entered once
/// (a symlink loop is reported, not followed), hidden entries are skipped, and every entry that
/// cannot be used is reported once.
struct ContentWalk {
    static let extensions: Set<String> = ["txt", "text", "md"]

    /// Resolved folders never read as content (the output and its work folder).
    let excluded: [String]
    private(set) var paths: [String] = []
    /// Each export file found (`result.json`, the pages of an HTML export, saved preview
    /// pages); an export's folder is not walked further (its media and files are not dumps).
    private(set) var exports: [ExportFile] = []
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
        let pages = htmlPages(in: folder, names: names)
        if names.contains("result.json"), FileSystem.isRegularFile(FileSystem.join(folder, "result.json")) {
            exports.append(ExportFile(path: FileSystem.join(folder, "result.json"), kind: .json))
            if !pages.export.isEmpty {
                diagnostics.append(
                    .note(
                        "this export is read once, from result.json; its \(pages.export.count) HTML pages hold the same messages",
                        at: SourceLocation(path: FileSystem.join(folder, "result.json"))))
            }
            return
        }
        // An export's folder is one export (its media folders are not content); chosen by what
        // its pages hold, not by their names.
        if !pages.export.isEmpty {
            exports += pages.export.map { ExportFile(path: $0, kind: .desktopPage) }
            return
        }
        // Saved web-preview pages are read together, whatever folders they are in.
        exports += pages.preview.map { ExportFile(path: $0, kind: .previewPage) }
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
            if ["html", "htm"].contains(PathName.extension(path).lowercased()) { return }  // judged with their folder
            guard Self.extensions.contains(PathName.extension(path).lowercased()) else { return }
            if isLink, let real = FileSystem.realPath(path), excluded.contains(where: { FileSystem.contains($0, real) }) { return }
            paths.append(path)
        default:
            if Self.extensions.contains(PathName.extension(path).lowercased()) {
                diagnostics.append(.warning("not a regular file (a device, socket or pipe); skipped", at: SourceLocation(path: path)))
            }
        }
    }

    /// The folder's `.html` files by what they are: pages of a Telegram Desktop export (sorted by
    /// name; the reader orders them by their messages), saved web-preview pages, and other HTML
    /// (a Matrix export names its pages alike), which is reported.
    mutating func htmlPages(in folder: String, names: [String]) -> (export: [String], preview: [String]) {
        var export: [String] = []
        var preview: [String] = []
        for name in names where !name.hasPrefix(".") && ["html", "htm"].contains(PathName.extension(name).lowercased()) {
            let path = FileSystem.join(folder, name)
            guard FileSystem.isRegularFile(path), let handle = FileHandle(forReadingAtPath: path) else { continue }
            // A file that cannot be read here is read (and its error reported) by the load stage.
            let head = (try? handle.read(upToCount: 262_144)) ?? Data()
            // try?: closing a file opened only for reading loses nothing.
            try? handle.close()
            if DesktopHTMLReader.isExportPage(head) {
                export.append(path)
            } else if WebPreviewReader.isPreviewPage(head) {
                preview.append(path)
            } else if name != "export_results.html", !folder.hasSuffix("/lists") {
                diagnostics.append(
                    .warning(
                        "an HTML file that is neither a page of a Telegram Desktop export nor a saved t.me page; skipped",
                        at: SourceLocation(path: path)))
            }
        }
        return (export, preview)
    }
}
