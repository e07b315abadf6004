import ChansiteCore
import Foundation

/// The site an earlier build swapped out, kept in the work folder and taken as the next build's
/// staging folder, so a rebuild touches only what changed instead of hard-linking every file it
/// carries over into an empty folder (and removing the swapped-out site's links after the swap):
/// at 100k posts that is 120,000 links made and 120,000 removed for a build that writes a few
/// thousand files.
///
/// Nothing in it is trusted: it is listed once (`readdir`, which names each entry's inode
/// without a `stat`), and a file the build carries over stays only when it is the current
/// output's very file (the same inode, which the sink has just checked against the manifest);
/// every other file in the way is replaced, and whatever the build did not claim is removed
/// before the swap (`dropLeftovers`). So any tree chansite left there — the last site, or the
/// staging folder of a build that failed — makes the same site as an empty folder.
package struct SpareSite: Sendable {
    /// Every file under the folder that the current output also has (by path), with its inode:
    /// keyed by the manifest's own path texts, so the listing costs no text of its own (a
    /// hundred thousand paths would be 14 MB). A file the current output does not have is
    /// never carried over from it and is removed as the folder is listed.
    private let files: [String: UInt64]
    /// Every folder under it by its site path.
    private let folders: Set<[UInt8]>

    /// Lists `root`, first removing what a site never holds there: top-level hidden entries
    /// (the last site's marker and the output's hidden entries, which the build links again
    /// from the current output; the partial marker of the build listing it stays), anything neither a folder nor a regular file, and files at
    /// paths the current output (`current`, its manifest) does not have.
    package init(taking root: String, current: [String: BuildManifest.Entry]) {
        var files: [String: UInt64] = [:]
        var folders: Set<[UInt8]> = []
        var pending = [""]
        while let folder = pending.popLast() {
            for entry in Self.entries(of: FileSystem.join(root, folder)) {
                let path = FileSystem.join(folder, entry.name)
                let full = FileSystem.join(root, path)
                if folder.isEmpty && entry.name.hasPrefix(".") {
                    // The build's own marker (listed after the build began) stays.
                    if entry.name != OutputMarker.partial { FileSystem.removeTree(full) }
                } else if entry.kind == .folder {
                    folders.insert(Array(path.utf8))
                    pending.append(path)
                } else if entry.kind == .file, let known = current.index(forKey: path),
                    current[known].key.utf8.elementsEqual(path.utf8)
                {
                    files[current[known].key] = entry.inode
                } else {
                    FileSystem.removeTree(full)
                }
            }
        }
        self.files = files
        self.folders = folders
    }

    /// The inode of the file at `path`, if the spare has one there. Paths are compared as
    /// bytes, as the file system names them: Swift's `String` equality would take a name in
    /// another Unicode normal form for the same file.
    func inode(of path: String) -> UInt64? {
        guard let index = files.index(forKey: path), files[index].key.utf8.elementsEqual(path.utf8) else { return nil }
        return files[index].value
    }

    /// Whether the spare has something at `path` (a file or a folder).
    func has(_ path: String) -> Bool { files.index(forKey: path) != nil || folders.contains(Array(path.utf8)) }

    /// Removes the folder the spare has where the build puts a file (a site path is either a
    /// file or a folder), unless the build has put files in it (`madeInside`): two of its own
    /// paths clash, and that stays the error it is without a spare.
    func clearFolder(at path: String, in root: String, unless madeInside: (String) -> Bool) {
        guard folders.contains(Array(path.utf8)), !madeInside(path) else { return }
        FileSystem.removeTree(FileSystem.join(root, path))
    }

    /// Removes the files the spare has where the build makes `folder` or a folder above it,
    /// unless the build has put its own file there (`claimed`).
    func clearFiles(along folder: String, in root: String, unless claimed: (String) -> Bool) {
        var folder = folder
        while !folder.isEmpty {
            if inode(of: folder) != nil, !claimed(folder) { unlink(FileSystem.join(root, folder)) }
            folder = PathName.parent(folder)
        }
    }

    /// Removes every file of the spare the build did not claim, then the folders left empty
    /// (deepest first; a folder still holding files stays).
    func dropLeftovers(in root: String, claimed: Set<String>) {
        // Looked up on all cores: a rebuild at 100k posts asks about every file of the site.
        let paths = Array(files.keys)
        let isLeftover = paths.concurrentMap(chunk: 4096) { path in
            guard let index = claimed.firstIndex(of: path) else { return true }
            return !claimed[index].utf8.elementsEqual(path.utf8)
        }
        let leftovers = paths.indices.filter { isLeftover[$0] }.map { paths[$0] }
        Parallel.forEach(leftovers.count) { unlink(FileSystem.join(root, leftovers[$0])) }
        guard !leftovers.isEmpty else { return }
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(FileSystem.join(root, String(decoding: folder, as: UTF8.self))) }
    }

    private enum Kind { case file, folder, other }

    /// A folder's entries with their kinds and inodes, as `readdir` gives them (`lstat` only
    /// where the file system does not say the kind).
    private static func entries(of folder: String) -> [(name: String, kind: Kind, inode: UInt64)] {
        guard let stream = opendir(folder) else { return [] }
        defer { closedir(stream) }
        var result: [(name: String, kind: Kind, inode: UInt64)] = []
        while let entry = readdir(stream) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard bytes != [0x2E], bytes != [0x2E, 0x2E] else { continue }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                // Never a site's name: renamed to one a path can hold, then listed as a stray.
                let stray = ".stray-\(result.count)-\(UInt32.random(in: 0...UInt32.max))"
                _ = bytes.withUnsafeBufferPointer { raw in
                    raw.withMemoryRebound(to: CChar.self) { name in
                        renameat(dirfd(stream), Array(name) + [0], dirfd(stream), stray)
                    }
                }
                result.append((stray, .other, 0))
                continue
            }
            var kind: Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_UNKNOWN): kind = Self.kind(at: FileSystem.join(folder, name))
            default: kind = .other
            }
            result.append((name, kind, UInt64(entry.pointee.d_ino)))
        }
        return result
    }

    private static func kind(at path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }
}
