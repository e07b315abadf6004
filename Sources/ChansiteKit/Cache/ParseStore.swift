import ChansiteCore
import Foundation

/// Each input file's parse kept between `build`s as a file of its own in the work folder
/// (`parses/`), named by a fingerprint of chansite and the value's key (which fingerprints
/// every input of it): written once when made and then only read, never copied forward with
/// the rest of the build cache each build (an export of 20,000 posts parses to some 40 MB). A
/// file is checked whole (its `Checksum`) before it is decoded; one that fails the check or the
/// codec is made again. Once a build has finished with its cache, the files it did not use
/// go (`ParseFolder.sweep`).
final class ParseStore<Value: Sendable>: StageCache, @unchecked Sendable {
    let folder: ParseFolder
    private let kind: String
    private let encode: @Sendable (Value, inout ParseCodec.Writer) -> Bool
    private let decode: @Sendable (inout ParseCodec.Reader) -> Value?
    /// Values found (the build's account).
    let hits = LockedBox(0)

    init(
        _ kind: String, folder: ParseFolder, encode: @escaping @Sendable (Value, inout ParseCodec.Writer) -> Bool,
        decode: @escaping @Sendable (inout ParseCodec.Reader) -> Value?
    ) {
        self.kind = kind
        self.folder = folder
        self.encode = encode
        self.decode = decode
    }

    private func name(_ key: String) -> String {
        Fingerprint("parse store", kind, ChansiteVersion.fingerprint, key).hex + ParseFolder.suffix
    }

    func known(_ key: String) -> Value? {
        guard var reader = folder.read(name(key)) else { return nil }
        guard let value = decode(&reader) else {
            folder.damaged.mutate { $0 += 1 }
            return nil
        }
        hits.mutate { $0 += 1 }
        return value
    }

    func holds(_ key: String) -> Bool { folder.holds(name(key)) }

    /// Encoded and written beside the build (`ParseFolder.writeLater`): the parse of an edited
    /// export of 20,000 posts is a fifth of a second on one core, which the build need not wait
    /// for. Written as it is encoded, a megabyte at a time: at 100k exported posts the encoded
    /// parses held whole were 96 MB of the build's peak.
    func store(_ key: String, _ value: Value) {
        // A value the codec cannot keep is made again next build.
        folder.writeLater(name(key)) { [encode] writer in encode(value, &writer) }
    }

    func endBuild() {}
}

/// The folder `ParseStore`s keep their files in, and the names this build used.
final class ParseFolder: Sendable {
    let path: String
    private let used = LockedBox<Set<String>>([])
    /// Files being written beside the build (`writeLater`).
    private let writes = DispatchGroup()
    /// Files found but not whole or not readable (the build says so; their inputs are parsed again).
    let damaged = LockedBox(0)
    static let suffix = ".parse"
    private static let magic = Array("chansite parse 3\n".utf8)
    /// The magic, then the payload's checksum (`Checksum.hex`).
    private static let headerSize = magic.count + Checksum().hex.utf8.count

    init(path: String) {
        self.path = path
    }

    func holds(_ name: String) -> Bool {
        FileSystem.exists(FileSystem.join(path, name))
    }

    /// A reader at the payload of the file `name`, when it is whole and checks out.
    func read(_ name: String) -> ParseCodec.Reader? {
        used.mutate { _ = $0.insert(name) }
        // A missing file is no news (an input not met before); one that is there and fails is damage.
        guard let bytes = FileCopy.readFile(FileSystem.join(path, name)) else { return nil }
        guard Self.isWhole(bytes) else {
            damaged.mutate { $0 += 1 }
            return nil
        }
        return ParseCodec.Reader(bytes: bytes, at: Self.headerSize)
    }

    /// Whether `bytes` are a header (the magic, the payload's hash) and the payload it names.
    private static func isWhole(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= headerSize, bytes.starts(with: magic) else { return false }
        var hasher = Checksum()
        bytes.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[headerSize...])) }
        return String(decoding: bytes[magic.count..<headerSize], as: UTF8.self) == hasher.hex
    }

    /// Writes the file `name` as `write(_:_:)` does, on another thread.
    func writeLater(_ name: String, _ fill: @escaping @Sendable (inout ParseCodec.Writer) -> Bool) {
        used.mutate { _ = $0.insert(name) }
        DispatchQueue.global().async(group: writes) { self.write(name, fill) }
    }

    /// Returns once every file handed to `writeLater` is written (or failed).
    func waitForWrites() {
        writes.wait()
    }

    /// Writes the file `name` with the payload `fill` writes (false: none to keep), as it is
    /// made: a temporary file, its header's place left blank until the payload's checksum is
    /// known, renamed into place once whole (a reader never meets half a file). A write that
    /// fails leaves no file; the value is made again next build.
    func write(_ name: String, _ fill: (inout ParseCodec.Writer) -> Bool) {
        used.mutate { _ = $0.insert(name) }
        // try?: another core may make it at the same moment; whether it is there is what counts.
        if !FileSystem.exists(path) { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false) }
        guard FileSystem.isDirectory(path) else { return }
        let target = FileSystem.join(path, name)
        let temporary = target + ".partial"
        let fd = FileCopy.createFresh(temporary)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var hasher = Checksum()
        // try? (here and below): a write that fails leaves no file; the value is made again next build.
        var written = (try? FileCopy.writeAll(fd, Data(count: Self.headerSize))) != nil
        var writer = ParseCodec.Writer()
        writer.output = { bytes in
            guard written else { return }
            hasher.update(bytes)
            written = (try? FileCopy.writeAll(fd, bytes)) != nil
        }
        let filled = fill(&writer)
        writer.drain(force: true)
        if filled, written {
            let header = Data(Self.magic + Array(hasher.hex.utf8))
            written = lseek(fd, 0, SEEK_SET) == 0 && (try? FileCopy.writeAll(fd, header)) != nil
        }
        guard filled, written, (try? FileSystem.rename(temporary, to: target)) != nil else {
            unlink(temporary)
            return
        }
    }

    /// Removes every file in the folder this build did not use: parses of inputs that are
    /// gone or changed, and what an interrupted write left.
    func sweep() {
        waitForWrites()
        let used = used.value
        // try?: a folder that cannot be listed keeps its files until a build can.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        where !used.contains(name) && (name.hasSuffix(Self.suffix) || name.hasSuffix(Self.suffix + ".partial")) {
            unlink(FileSystem.join(path, name))
        }
    }
}
