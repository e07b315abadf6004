import Foundation
import SystemPackage

/// File-system helpers shared by the stages: path resolution and comparison, and the atomic
/// exchange of two folders. Plain POSIX underneath, so the behaviour is the kernel's, not
/// Foundation's.
package enum FileSystem {
    /// Joins a folder and a relative name with one `/`.
    package static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The absolute, symlink-free form of a path that may not exist yet: the longest existing
    /// prefix goes through `realpath`, the rest is appended as written (with `.`/`..` folded).
    package static func resolved(_ path: String, relativeTo base: String = FileManager.default.currentDirectoryPath) -> String {
        let absolute = path.hasPrefix("/") ? path : join(base, path)
        var components = (absolute as NSString).standardizingPath.split(separator: "/").map(String.init)
        var missing: [String] = []
        while true {
            let candidate = "/" + components.joined(separator: "/")
            if let real = realPath(candidate) {
                return missing.reversed().reduce(real) { join($0, $1) }
            }
            guard let last = components.popLast() else { return "/" }
            missing.append(last)
        }
    }

    /// `realpath(3)`, or nil when the path does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// True when `inner` is `outer` or lies inside it (both resolved, absolute).
    package static func contains(_ outer: String, _ inner: String) -> Bool {
        outer == "/" || inner == outer || inner.hasPrefix(outer + "/")
    }

    /// True when a path names a folder (following symlinks).
    package static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// True when a path names a regular file (following symlinks).
    package static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// True when anything (a file, folder or dangling link) is at the path.
    package static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// What went wrong in the last POSIX call.
    package static var lastError: String { String(cString: strerror(errno)) }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2`, looked up at run time: Swift's Glibc module does not export it, and
    /// an older C library or another kernel may lack it.
    private static let renameAt2: RenameAt2? = {
        guard ProcessInfo.processInfo.environment["CHANSITE_NO_EXCHANGE"] == nil,
            let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2")
        else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// The outcome of `exchange(_:_:)`.
    package enum ExchangeResult: Equatable, Sendable {
        /// Both paths now hold what the other held.
        case exchanged
        /// The system cannot exchange paths (no `renameat2`, or a file system without
        /// `RENAME_EXCHANGE`); nothing was changed.
        case unsupported
        /// The exchange failed; nothing was changed.
        case failed(Errno)
    }

    /// Swaps two existing paths in one step (`renameat2` with `RENAME_EXCHANGE`), so at every
    /// instant each path holds one complete tree.
    package static func exchange(_ first: String, _ second: String) -> ExchangeResult {
        guard let renameAt2 else { return .unsupported }
        let exchangeFlag: UInt32 = 1 << 1  // RENAME_EXCHANGE in <linux/fs.h>
        if renameAt2(AT_FDCWD, first, AT_FDCWD, second, exchangeFlag) == 0 { return .exchanged }
        if errno == EINVAL || errno == ENOSYS || errno == ENOTSUP { return .unsupported }
        return .failed(Errno(rawValue: errno))
    }

    /// `rename(2)`: atomic within one file system.
    package static func rename(_ from: String, to: String) throws(Errno) {
        guard Glibc.rename(from, to) == 0 else { throw Errno(rawValue: errno) }
    }

    /// Removes a tree without following symlinks out of it. Errors are ignored: this is cleanup
    /// of chansite's own scratch folders. The entries two levels down go on all cores first
    /// (unlinks in different folders run side by side: the previous site of 100k posts went in
    /// 0.29 s instead of 0.54 s), then what is left.
    package static func removeTree(_ path: String) {
        // A file, a symlink or an empty or unreadable folder goes as it is.
        let parts = entries(of: path).flatMap { child in
            let inner = entries(of: child)
            return inner.isEmpty ? [child] : inner
        }
        // try?: see above: chansite's own scratch, and a leftover is cleaned by the next recovery.
        Parallel.forEach(parts.count) { try? FileManager.default.removeItem(atPath: parts[$0]) }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The paths of a real folder's entries (none for a file, a symlink or a folder that
    /// cannot be read).
    private static func entries(of folder: String) -> [String] {
        guard isRealFolder(folder), let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.map { join(folder, $0) }
    }

    /// Whether `path` is a folder itself, not a symlink to one (`lstat`).
    private static func isRealFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}

extension FileSystem {
    /// A short reason for a Foundation file error: the POSIX message when there is one.
    package static func describe(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}

extension FileSystem {
    /// Recreates a tree at `target` with hard links to `source`'s files (`cp -al`): no bytes
    /// copied, inodes and mtimes kept. Falls back to copying a file that cannot be linked.
    package static func linkTree(_ source: String, to target: String) throws {
        var info = stat()
        guard lstat(source, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: source) {
                try linkTree(join(source, name), to: join(target, name))
            }
        case S_IFREG:
            if Glibc.link(source, target) != 0 { try FileManager.default.copyItem(atPath: source, toPath: target) }
        default:
            try FileManager.default.copyItem(atPath: source, toPath: target)  // symlinks stay symlinks
        }
    }

    /// A file's modification time in nanoseconds, as manifests and fingerprints record it.
    package static func modifiedNanoseconds(_ info: stat) -> Int64 {
        Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    package static func changedNanoseconds(_ info: stat) -> Int64 {
        Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }
}

extension FileSystem {
    /// A file's identity and state as `stat` tells it (device, inode, size, change and
    /// modification times to the nanosecond), or nil when it cannot be read, or when it changed
    /// in the last two seconds: the kernel's clock for file times ticks in milliseconds, so two
    /// writes in one tick could leave the same stamp ("racily clean", as git calls it). Any
    /// later write to the file, or a file put in its place, changes it; the change time cannot
    /// be set back.
    package static func stamp(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let changed = changedNanoseconds(info)
        let now = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        guard now - changed > 2_000_000_000 else { return nil }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(modifiedNanoseconds(info)):\(changed)"
    }
}
