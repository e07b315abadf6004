import Foundation

/// An exclusive, advisory lock on a file (`flock`), released by the kernel when the process
/// ends however it ends, so a killed build never leaves a stale lock. The holder's process id
/// is written into the file for the message a second process shows.
package final class FileLock: @unchecked Sendable {
    private let descriptor: Int32
    package let path: String

    /// Why the lock could not be taken.
    package enum Failure: Error, Sendable {
        /// Another process holds it; its process id when it wrote one.
        case held(by: Int32?)
        /// The lock file could not be opened.
        case unavailable(String)
    }

    /// Takes the lock without waiting.
    /// - Throws: `Failure.held` when another process holds it.
    package init(path: String) throws(Failure) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unavailable(FileSystem.lastError) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.readPID(fd)
            close(fd)
            throw .held(by: holder)
        }
        descriptor = fd
        self.path = path
        let pid = Data("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
