import Foundation

/// Copies a file's bytes through one descriptor: the source is opened once (a symlink is
/// followed to the file the resolver checked, and that file's content is what is copied), the
/// target is always a new regular file (never a symlink, never written through a link into the
/// current output), and no more bytes are copied than the source had when it was opened.
package enum FileCopy {
    /// Why the copy failed, or nil.
    package static func copy(from source: String, to target: String) -> String? {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return FileSystem.lastError }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0 else { return FileSystem.lastError }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return "not a regular file" }
        let output = createFresh(target)
        guard output >= 0 else { return FileSystem.lastError }
        defer { close(output) }
        return copyBytes(input, output, count: Int(info.st_size))
    }

    /// A new, empty regular file at `path`, opened for writing (-1 on failure, `errno` says
    /// why): whatever was there (a link into the current output, a symlink) is replaced, never
    /// written through. Created exclusively; unlinked only when something is in the way.
    package static func createFresh(_ path: String) -> Int32 {
        var fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 && errno == EEXIST {
            unlink(path)
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        return fd
    }

    /// Copies `count` bytes: in the kernel where it can (`sendfile`), else by a buffer.
    private static func copyBytes(_ input: Int32, _ output: Int32, count: Int) -> String? {
        var left = count
        while left > 0 {
            let copied = sendfile(output, input, nil, min(left, 1 << 30))
            if copied > 0 {
                left -= copied
            } else if copied == 0 {
                return nil  // the file got shorter: what it has is copied
            } else if errno == EINTR {
                continue
            } else if errno == EXDEV || errno == ENOSYS || errno == EINVAL || errno == EOPNOTSUPP {
                return bufferedCopy(input, output, count: left)
            } else {
                return FileSystem.lastError
            }
        }
        return nil
    }

    private static func bufferedCopy(_ input: Int32, _ output: Int32, count: Int) -> String? {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var left = count
        while left > 0 {
            let read = buffer.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress, min(left, $0.count)) }
            if read < 0, errno == EINTR { continue }
            if read < 0 { return FileSystem.lastError }
            if read == 0 { return nil }
            var offset = 0
            while offset < read {
                let written = buffer.withUnsafeBytes { bytes -> Int in
                    guard let base = bytes.baseAddress else { return 0 }
                    return Foundation.write(output, base + offset, read - offset)
                }
                if written < 0, errno == EINTR { continue }
                if written < 0 { return FileSystem.lastError }
                offset += written
            }
            left -= read
        }
        return nil
    }
}
