import ChansiteCore
import Foundation

/// Writes the next build cache (`CacheFile`'s layout) as a build makes and reuses values, from
/// many threads: records go out a megabyte at a time, so the cache is never held in memory.
/// A key is written once per kind however often it is met. Any failure stops the writing and
/// leaves no file; the build goes on without a cache for the next one.
final class CacheFileWriter: @unchecked Sendable {
    let path: String
    private let lock = NSLock()
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var hasher = Checksum()
    private var count: UInt64 = 0
    private var written: Set<CacheFile.Key> = []
    /// Why writing stopped, once it has.
    private(set) var failure: String?
    private static let flushSize = 1 << 20

    /// Creates (or empties) the file at `path`; nil when it cannot be made.
    init?(path: String, identity: String) {
        self.path = path
        descriptor = Foundation.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        buffer.reserveCapacity(Self.flushSize)
        buffer += CacheFile.magic
        CacheReader.append(UInt64(identity.utf8.count), size: 4, to: &buffer)
        buffer += Array(identity.utf8)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Adds a record unless one of `kind` with `key` is already written.
    func append(_ kind: CacheFile.Kind, _ key: String, _ value: some DataProtocol) {
        append(CacheFile.Key(kind, key), value)
    }

    /// `append(_:_:_:)` with the key already made (a value found in the last cache).
    func append(_ key: CacheFile.Key, _ value: some DataProtocol) {
        guard value.count <= 0xFFFF_FFFF else { return }
        lock.withLock {
            guard failure == nil, descriptor >= 0, written.insert(key).inserted else { return }
            buffer.append(key.kind.rawValue)
            CacheReader.append(16, size: 2, to: &buffer)
            key.append(to: &buffer)
            CacheReader.append(UInt64(value.count), size: 4, to: &buffer)
            count += 1
            guard value.count < Self.flushSize else {
                // Written as it is: copied in, it would leave the buffer that large for the rest
                // of the build (a 35 MB post's page kept 44 MB).
                flush()
                for region in value.regions { region.withUnsafeBytes(write) }
                return
            }
            buffer.append(contentsOf: value)
            if buffer.count >= Self.flushSize { flush() }
        }
    }

    /// Writes the trailer and closes the file. Returns why it failed (the file is then gone).
    func finish() -> String? {
        lock.withLock {
            guard failure == nil else { return failure }
            buffer.append(CacheFile.endByte)
            CacheReader.append(count, size: 8, to: &buffer)
            flush()
            buffer += Array(hasher.hex.utf8)
            flush()
            if failure == nil, fsync(descriptor) != 0 { failure = FileSystem.lastError }
            close(descriptor)
            descriptor = -1
            if failure != nil { unlink(path) }
            return failure
        }
    }

    /// Stops writing and removes the file (a build that failed).
    func discard() {
        lock.withLock {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            failure = failure ?? "the build did not finish"
            unlink(path)
        }
    }

    /// Hashes and writes the buffer (under the lock).
    private func flush() {
        buffer.withUnsafeBytes(write)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Hashes and writes `bytes` unless writing has stopped (under the lock).
    private func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        do {
            hasher.update(bytes)
            try FileCopy.writeAll(descriptor, bytes)
        } catch {
            failure = "\(error)"
        }
    }
}
