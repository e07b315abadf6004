import Foundation
import SystemPackage

/// A file written a piece at a time and hashed as it goes, so a large output file (a channel's
/// `posts.json`) is never whole in memory. It has no name until an `OutputSink` gives it one
/// (`O_TMPFILE`): a build killed while writing it leaves nothing behind.
package final class StreamedFile: @unchecked Sendable {
    private var descriptor: Int32
    private var hasher = ContentHasher()
    /// The bytes written so far.
    package private(set) var size = 0

    /// A new unnamed file on the file system of `folder`; nil when that file system makes none
    /// (the caller then makes the file in memory).
    package init?(in folder: String) {
        descriptor = open(folder, Self.temporaryFile | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
    }

    deinit { close() }

    /// Linux's `O_TMPFILE`, a C macro Swift does not import: `__O_TMPFILE` (020000000, Linux's
    /// generic value, which x86-64 and arm64 use) with `O_DIRECTORY` (which differs by architecture).
    private static let temporaryFile: Int32 = 0o2000_0000 | O_DIRECTORY

    package func append(_ data: Data) throws(Errno) {
        data.withUnsafeBytes { hasher.update($0) }
        try FileCopy.writeAll(descriptor, data)
        size += data.count
    }

    /// The hash of everything written (`Fingerprint.contentHash` of the same bytes).
    package var contentHash: String { hasher.hex }

    /// Gives the file the name `path` (which must not exist), on the same file system; where
    /// that cannot be done (no `/proc` in a container), copies its bytes to a new file there.
    package func link(to path: String) throws(Errno) {
        if linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 { return }
        try copy(to: path)
    }

    /// Copies the file's bytes to a new file at `path`.
    package func copy(to path: String) throws(Errno) {
        let output = FileCopy.createFresh(path)
        guard output >= 0 else { throw Errno(rawValue: errno) }
        defer { Foundation.close(output) }
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw Errno(rawValue: errno) }
        try FileCopy.copyBytes(descriptor, output, count: size)
    }

    /// Closes the file; unnamed, it is gone.
    package func close() {
        guard descriptor >= 0 else { return }
        Foundation.close(descriptor)
        descriptor = -1
    }
}
