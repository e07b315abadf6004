import Foundation

/// An append-only file of texts a build makes once and reads back a few times (the posts'
/// rendered summaries), so they wait on disk, in the page cache, instead of in the process's
/// memory. Unlinked as soon as it is opened: nothing is left behind, even by a killed build.
/// Appends and reads may come from many threads at once.
package final class ScratchFile: @unchecked Sendable {
    /// Where a text lies in the file.
    package struct Slice: Sendable {
        package let offset: Int
        package let count: Int

        package init(offset: Int, count: Int) {
            self.offset = offset
            self.count = count
        }
    }

    private let descriptor: Int32
    /// Names this file among all the process opens (`RecentReads`; an address may be reused).
    private let serial = ScratchFile.serials.mutate {
        $0 += 1
        return $0
    }
    private static let serials = LockedBox<UInt64>(0)
    private let end = LockedBox(0)
    /// How many reads could not be read back whole (a failing disk); the texts they gave were
    /// empty, so the build that used them must fail rather than publish them (`check()`).
    private let failedReads = LockedBox(0)
    /// Set by `CHANSITE_FAULT=scratch-read`, or the file's own `fault` point (tests): every
    /// read fails, as on a failing disk.
    private let readsFail: Bool

    /// Opens a new scratch file in `folder`; nil when the folder takes no new file (the caller
    /// keeps its texts in memory instead). `fault`: a `FaultPoint` that fails this file's
    /// reads alone.
    package init?(in folder: String, fault: String? = nil) {
        readsFail = FaultPoint.isArmed("scratch-read") || fault.map(FaultPoint.isArmed) == true
        let path = FileSystem.join(folder, "scratch-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        unlink(path)
    }

    deinit { close(descriptor) }

    /// Appends `text`; nil when it cannot be written (the caller keeps it in memory).
    package func append(_ text: String) -> Slice? {
        var text = text
        return text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends `texts` in one write: each one's slice, or nil when they cannot be written (the
    /// caller keeps them in memory).
    package func append(texts: [String]) -> [Slice]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count })
        for text in texts { bytes.append(contentsOf: text.utf8) }
        guard let whole = bytes.withUnsafeBytes({ append($0) }) else { return nil }
        var offset = whole.offset
        return texts.map { text in
            defer { offset += text.utf8.count }
            return Slice(offset: offset, count: text.utf8.count)
        }
    }

    /// Appends `bytes`; nil when they cannot be written (the caller keeps them in memory).
    /// Read them back with `bytes(_:)` or `window`: `read` takes only what was appended as text.
    package func append(_ bytes: [UInt8]) -> Slice? {
        bytes.withUnsafeBytes { append($0) }
    }

    private func append(_ bytes: UnsafeRawBufferPointer) -> Slice? {
        guard let base = bytes.baseAddress else { return Slice(offset: 0, count: 0) }
        var offset = 0
        end.mutate {
            offset = $0
            $0 += bytes.count
        }
        var done = 0
        while done < bytes.count {
            let written = pwrite(descriptor, base + done, bytes.count - done, off_t(offset + done))
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return nil }
            done += written
        }
        return Slice(offset: offset, count: bytes.count)
    }

    /// The bytes at `slice`; empty if they cannot be read back (as `read`; `check` then fails).
    package func bytes(_ slice: Slice) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: slice.count) { buffer, initialized in
            initialized = buffer.baseAddress.map { fill($0, slice) } ?? 0
        }
    }

    /// Up to `count` bytes from `offset`: fewer at the file's end, none when they cannot be
    /// read. A window over many slices, for a pass that reads them in order (one `pread` for
    /// hundreds); a slice the window does not hold whole is read by `bytes(_:)`, which counts a
    /// failure for `check`.
    package func window(at offset: Int, count: Int) -> [UInt8] {
        let available = Swift.min(count, end.value - offset)
        guard !readsFail, offset >= 0, available > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: available) { buffer, initialized in
            initialized = FileCopy.readAll(descriptor, into: UnsafeMutableRawBufferPointer(buffer), at: offset) ?? 0
        }
    }

    /// The text at `slice`; empty if it cannot be read back (the file is the process's own, so
    /// only a failing disk gets there), and `check` then fails the build.
    /// `slice` must be one that an append of text gave. The thread's last few reads are
    /// answered again without reading (`RecentReads`).
    package func read(_ slice: Slice) -> String {
        guard slice.count > 0 else { return "" }
        let recent = RecentReads.current
        if let text = recent.text(file: serial, offset: slice.offset) { return text }
        let read = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: slice.count) { buffer -> String? in
            guard let base = buffer.baseAddress, fill(base, slice) == slice.count else { return nil }
            // Not validated again: the file is this process's own, unlinked, and holds only
            // what `append` wrote from whole strings, so a slice is valid UTF-8 (validating
            // every read back was a twentieth of a 100k-post build's CPU).
            return String(copying: UTF8Span(unchecked: UnsafeBufferPointer(buffer).span))
        }
        guard let read else { return "" }
        recent.add(read, file: serial, offset: slice.offset)
        return read
    }

    /// Throws when a read could not be read back whole: what was built from it is wrong.
    /// - Throws: `DiagnosticError` naming what failed.
    package func check(_ what: String) throws {
        let failed = failedReads.value
        guard failed > 0 else { return }
        throw DiagnosticError(
            .error(
                "cannot read back \(Counted.of(failed, "piece")) of \(what) from the build's scratch file (a failing disk?); nothing was published"))
    }

    /// Reads `slice` into `base`: its length, or 0 when it cannot be read whole.
    private func fill(_ base: UnsafeMutablePointer<UInt8>, _ slice: Slice) -> Int {
        let done = readWhole(base, slice)
        if done != slice.count { failedReads.mutate { $0 += 1 } }
        return done
    }

    private func readWhole(_ base: UnsafeMutablePointer<UInt8>, _ slice: Slice) -> Int {
        guard !readsFail else { return 0 }
        let got = FileCopy.readAll(descriptor, into: UnsafeMutableRawBufferPointer(start: base, count: slice.count), at: slice.offset)
        return got == slice.count ? slice.count : 0
    }
}
