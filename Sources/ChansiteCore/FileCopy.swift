import Foundation
import SystemPackage

/// Copies a file's bytes through one descriptor: the source is opened once (a symlink is
/// followed to the file the resolver checked, and that file's content is what is copied), the
/// target is always a new regular file (never a symlink, never written through a link into the
/// current output), and no more bytes are copied than the source had when it was opened.
package enum FileCopy {
    /// Why a copy failed.
    package enum Failure: Error, CustomStringConvertible {
        case system(Errno)
        case notRegularFile

        package var description: String {
            switch self {
            case .system(let errno): errno.description
            case .notRegularFile: "not a regular file"
            }
        }
    }

    package static func copy(from source: String, to target: String) throws(Failure) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw .system(Errno(rawValue: errno)) }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0 else { throw .system(Errno(rawValue: errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notRegularFile }
        let output = createFresh(target)
        guard output >= 0 else { throw .system(Errno(rawValue: errno)) }
        defer { close(output) }
        do {
            try copyBytes(input, output, count: Int(info.st_size))
        } catch {
            throw .system(error)
        }
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

    /// Copies `count` bytes from `input`'s position: in the kernel where it can (`sendfile`),
    /// else by a buffer.
    package static func copyBytes(_ input: Int32, _ output: Int32, count: Int) throws(Errno) {
        var left = count
        while left > 0 {
            let copied = sendfile(output, input, nil, min(left, 1 << 30))
            if copied > 0 {
                left -= copied
            } else if copied == 0 {
                return  // the file got shorter: what it has is copied
            } else if errno == EINTR {
                continue
            } else if errno == EXDEV || errno == ENOSYS || errno == EINVAL || errno == EOPNOTSUPP {
                return try bufferedCopy(input, output, count: left)
            } else {
                throw Errno(rawValue: errno)
            }
        }
    }

    /// Writes all of `data` to `fd`, past short writes and interruptions.
    package static func writeAll(_ fd: Int32, _ data: Data) throws(Errno) {
        if let failure = data.withUnsafeBytes({ write(fd, $0) }) { throw failure }
    }

    /// Writes all of `bytes` to `fd`, past short writes and interruptions.
    package static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(Errno) {
        if let failure = write(fd, bytes) { throw failure }
    }

    /// Reads into `buffer` from `fd` at `offset` until it is full or the file ends, past short
    /// reads and interruptions: the count read, nil when reading failed.
    package static func readAll(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int? {
        guard let base = buffer.baseAddress else { return 0 }
        var done = 0
        while done < buffer.count {
            let got = pread(fd, base + done, buffer.count - done, off_t(offset + done))
            if got < 0, errno == EINTR { continue }
            if got < 0 { return nil }
            if got == 0 { break }
            done += got
        }
        return done
    }

    /// The bytes of the regular file at `path`, read straight into one array (no `Data` to copy
    /// from); nil when it cannot be opened or read, or is not a regular file. A file that grows
    /// while it is read gives the bytes it had when opened.
    package static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size >= 0 else { return nil }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { buffer, count in
            guard let read = readAll(fd, into: UnsafeMutableRawBufferPointer(buffer), at: 0) else {
                failed = true
                count = 0
                return
            }
            count = read
        }
        return failed ? nil : bytes
    }

    /// Writes all of `bytes`: nil when done, else why it could not.
    private static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Errno? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(fd, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return Errno(rawValue: errno)
            }
            offset += written
        }
        return nil
    }

    private static func bufferedCopy(_ input: Int32, _ output: Int32, count: Int) throws(Errno) {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var left = count
        while left > 0 {
            let read = buffer.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress, min(left, $0.count)) }
            if read < 0, errno == EINTR { continue }
            if read < 0 { throw Errno(rawValue: errno) }
            if read == 0 { return }
            if let failure = buffer.withUnsafeBytes({ write(output, UnsafeRawBufferPointer(rebasing: $0[..<read])) }) { throw failure }
            left -= read
        }
    }
}
