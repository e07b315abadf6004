import Foundation

/// Notices a site put into the output folder by another process (a `chansite build` run
/// beside `serve`): every build replaces the output's manifest, so a manifest that is not the
/// one `serve`'s own last build left means the served list no longer matches the files.
final class ManifestWatch: @unchecked Sendable {
    let path: String
    private let lock = NSLock()
    private var known: String?

    init(path: String) { self.path = path }

    /// The manifest's identity (inode and modification time), nil when there is none.
    func stamp() -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_ino)@\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// Remembers the manifest as `serve`'s own (after each of its builds).
    func recordOwn() {
        let current = stamp()
        lock.withLock { known = current }
    }

    /// True when the manifest changed since `serve`'s last build.
    func changedElsewhere() -> Bool {
        let current = stamp()
        return lock.withLock { current != known }
    }
}
