import ChansiteCore
import Foundation

/// The build cache a finished build leaves in the work folder (`cache.bin`) for the next
/// process: values the stages made, each by a key that fingerprints all its inputs. Checked
/// whole against its checksum before a byte is trusted, and dropped whole when it was made by
/// another chansite, configuration or set of templates. Read with `pread`, never mapped: a
/// mapped cache's pages would count in the build's memory (a 100k-post cache is ~350 MB).
///
/// Layout: the magic line; the identity (4-byte length, bytes); records of a kind (1 byte),
/// a key (2-byte length, 16 bytes: `Key`) and a value (4-byte length, bytes); then the end byte 0xFF,
/// the record count (8 bytes) and the `Checksum` of everything before it (32 hex digits).
/// Integers are little-endian.
final class CacheFile: @unchecked Sendable {
    /// What a record holds; a key is unique within its kind.
    enum Kind: UInt8, Sendable, CaseIterable {
        /// A post's body HTML (`RenderCache.bodies`).
        case body = 1
        /// A post's rendered summary.
        case summary
        /// A post's words as numbers into the vocabulary, by its text (`IndexVocabulary`).
        case document
        /// The vocabulary's words and stems, in number order (key `words`).
        case vocabulary
        /// A post's view's fingerprint, by the post's key (`RenderCache.viewFingerprints`).
        case viewFingerprints
        /// What a channel's posts ask the rest of the site (`RenderCache.outside`).
        case outsideQueries
        /// A text channel's gallery items (`RenderCache.galleries`).
        case galleries
        /// A channel's posts' keys (`RenderCache.viewKeys`).
        case viewKeys
        /// A channel's lists of keys for the index (`IndexVocabulary.channelLists`).
        case channelLists
        /// The pages at URLs earlier builds published (`RenderCache.publishedURLs`).
        case publishedURLs
        /// What a channel's posts are known by (`RenderCache.pageIdentities`).
        case pageIdentities
        /// A block of posts' segment of the search index (`IndexVocabulary.segments`).
        case indexSegment
    }

    static let magic = Array("chansite build cache 2\n".utf8)
    static let endByte: UInt8 = 0xFF
    /// End byte, record count, checksum.
    static let trailerSize = 1 + 8 + 32

    /// How opening a cache file went.
    enum Opened: Sendable {
        case missing
        /// Present but not to be used: why, for the note.
        case unusable(String)
        case ready(CacheFile)
    }

    /// A record's kind and key, the key held as the first 128 bits of its SHA-256 (keys are
    /// fingerprints already, 32 to 64 hex digits; held as text, 400,000 of them took 70 MB).
    struct Key: Hashable, Sendable {
        let kind: Kind
        let high: UInt64
        let low: UInt64

        init(_ kind: Kind, _ text: String) {
            var hasher = ContentHasher()
            var text = text
            text.withUTF8 { hasher.update(UnsafeRawBufferPointer($0)) }
            self.kind = kind
            (high, low) = hasher.words
        }

        /// The key as stored: 16 bytes.
        init?(_ kind: Kind, stored bytes: ArraySlice<UInt8>) {
            guard bytes.count == 16 else { return nil }
            self.kind = kind
            high = bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
            low = bytes.suffix(8).reduce(0) { $0 << 8 | UInt64($1) }
        }

        /// Appends the key as stored: 16 bytes, big-endian.
        func append(to bytes: inout [UInt8]) {
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: high >> UInt64(shift))) }
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: low >> UInt64(shift))) }
        }
    }

    /// Where a value lies: in the file, or (`held`) in `small`.
    struct Place: Sendable {
        let offset: Int
        let count: Int
        var held = false
    }

    /// Values this long or shorter (fingerprints: a post view's, a page's) are read with the
    /// index and held, so that each of the 100,000s a build asks for is not a read of its own.
    static let heldLength = 48

    private let descriptor: Int32
    private let entries: [Key: Place]
    /// The held values, one after another.
    private let small: [UInt8]

    private init(descriptor: Int32, entries: [Key: Place], small: [UInt8]) {
        self.descriptor = descriptor
        self.entries = entries
        self.small = small
    }

    deinit { close(descriptor) }

    /// Opens the cache at `path` if it was made with `identity` and is whole.
    static func open(_ path: String, identity: String) -> Opened {
        guard FileSystem.exists(path) else { return .missing }
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .unusable("cannot read it: \(FileSystem.lastError)") }
        var reader = CacheReader(descriptor: descriptor)
        guard let size = reader.size else {
            close(descriptor)
            return .unusable("cannot read it: \(FileSystem.lastError)")
        }
        switch index(&reader, size: size, identity: identity) {
        case .success(let (entries, small)): return .ready(CacheFile(descriptor: descriptor, entries: entries, small: small))
        case .failure(let why):
            close(descriptor)
            return .unusable(why.reason)
        }
    }

    struct Refusal: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// Checks the header, then the checksum while listing every record's place.
    private static func index(_ reader: inout CacheReader, size: Int, identity: String) -> Result<([Key: Place], [UInt8]), Refusal> {
        var at = 0
        guard reader.bytes(at: 0, count: magic.count).map(Array.init) == magic else { return .failure(Refusal("it is not a chansite build cache")) }
        at = magic.count
        guard let made = reader.block(at: &at, lengthBytes: 4) else { return .failure(Refusal("it is cut short")) }
        guard String(decoding: made, as: UTF8.self) == identity else {
            return .failure(Refusal("it was made by another chansite version, configuration or set of templates"))
        }
        guard size >= at + trailerSize else { return .failure(Refusal("it is cut short")) }
        let end = size - trailerSize
        guard let stored = reader.bytes(at: end + 9, count: 32), reader.bytes(at: end, count: 1)?.first == endByte,
            let count = reader.integer(at: end + 1, size: 8)
        else { return .failure(Refusal("it is cut short or damaged (its checksum does not match)")) }
        let expected = String(decoding: stored, as: UTF8.self)
        // The checksum (of ~80 MB at 100k posts) on one core while the records are
        // listed on the other: nothing listed is trusted unless both succeed.
        let descriptor = reader.descriptor
        let listing = reader
        let start = at
        let (hash, listed) = Parallel.both(
            { () -> String? in
                var hashing = CacheReader(descriptor: descriptor)
                return hashing.hash(upTo: end + 9)
            },
            { () -> Result<Listing, Refusal> in
                var listing = listing
                return records(&listing, from: start, to: end, count: count)
            })
        guard hash == expected else { return .failure(Refusal("it is cut short or damaged (its checksum does not match)")) }
        return listed.map { ($0.entries, $0.small) }
    }

    /// Every record's place, and the held values.
    struct Listing: Sendable {
        var entries: [Key: Place]
        var small: [UInt8]
    }

    /// Lists the records between `start` and `end`: `count` of them, as the trailer says (the
    /// table is sized from it, at most one entry per smallest record the bytes could hold).
    private static func records(_ reader: inout CacheReader, from start: Int, to end: Int, count expected: UInt64) -> Result<Listing, Refusal> {
        let smallest = 1 + 2 + 16 + 4
        var entries: [Key: Place] = [:]
        entries.reserveCapacity(Int(min(expected, UInt64((end - start) / smallest))))
        var small: [UInt8] = []
        var count: UInt64 = 0
        var at = start
        while at < end {
            guard let kindByte = reader.bytes(at: at, count: 1)?.first, let kind = Kind(rawValue: kindByte) else {
                return .failure(Refusal("a record is damaged"))
            }
            at += 1
            guard let stored = reader.block(at: &at, lengthBytes: 2), let key = Key(kind, stored: stored),
                let length = reader.integer(at: at, size: 4)
            else {
                return .failure(Refusal("a record is damaged"))
            }
            at += 4
            guard length <= UInt64(end - at) else { return .failure(Refusal("a record is damaged")) }
            if length <= UInt64(heldLength), let bytes = reader.bytes(at: at, count: Int(length)) {
                entries[key] = Place(offset: small.count, count: Int(length), held: true)
                small += bytes
            } else {
                entries[key] = Place(offset: at, count: Int(length))
            }
            at += Int(length)
            count += 1
        }
        guard at == end, count == expected else { return .failure(Refusal("its record count does not match")) }
        return .success(Listing(entries: entries, small: small))
    }

    /// The bytes stored for `key` (nil also when they cannot be read back: the value is then
    /// made again).
    func value(_ kind: Kind, _ key: String) -> Data? {
        value(Key(kind, key))
    }

    /// The value stored under `key`, read when asked.
    func value(_ key: Key) -> Data? {
        guard let place = entries[key] else { return nil }
        if place.held { return Data(small[place.offset..<place.offset + place.count]) }
        var data = Data(count: place.count)
        let read = data.withUnsafeMutableBytes { FileCopy.readAll(descriptor, into: $0, at: place.offset) }
        return read == place.count ? data : nil
    }

    /// Whether it lists a value for `key` (nothing read).
    func lists(_ key: Key) -> Bool { entries[key] != nil }

    /// How many records of `kind` it holds.
    func count(_ kind: Kind) -> Int { entries.keys.count { $0.kind == kind } }
}

/// Reads a cache's fields at any offset: from a file through a window of a megabyte (a pass
/// over its records costs a read a megabyte, and the file is never mapped), or from bytes in
/// memory (a record's value). Never past the end.
struct CacheReader {
    /// The file read (-1: `window` holds all the bytes).
    let descriptor: Int32
    private var window: [UInt8] = []
    private var windowStart = 0
    static let windowSize = 1 << 20

    init(descriptor: Int32) { self.descriptor = descriptor }

    init(bytes: [UInt8]) {
        descriptor = -1
        window = bytes
    }

    var size: Int? {
        guard descriptor >= 0 else { return window.count }
        var info = stat()
        return fstat(descriptor, &info) == 0 ? Int(info.st_size) : nil
    }

    /// `count` bytes at `offset`; nil past the end or when they cannot be read.
    mutating func bytes(at offset: Int, count: Int) -> ArraySlice<UInt8>? {
        guard offset >= 0, count >= 0 else { return nil }
        if descriptor >= 0, offset < windowStart || offset + count > windowStart + window.count {
            var fresh = [UInt8](repeating: 0, count: max(count, Self.windowSize))
            guard let got = fresh.withUnsafeMutableBytes({ FileCopy.readAll(descriptor, into: $0, at: offset) }) else { return nil }
            window = Array(fresh.prefix(got))
            windowStart = offset
        }
        let from = offset - windowStart
        guard from + count <= window.count else { return nil }
        return window[from..<(from + count)]
    }

    /// A little-endian integer of `size` bytes at `offset`.
    mutating func integer(at offset: Int, size: Int) -> UInt64? {
        guard let bytes = bytes(at: offset, count: size) else { return nil }
        return bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// A length of `lengthBytes` bytes at `at`, then that many bytes; `at` moves past them.
    mutating func block(at offset: inout Int, lengthBytes: Int) -> ArraySlice<UInt8>? {
        guard let length = integer(at: offset, size: lengthBytes), length <= UInt64(Int32.max) else { return nil }
        guard let bytes = bytes(at: offset + lengthBytes, count: Int(length)) else { return nil }
        offset += lengthBytes + Int(length)
        return bytes
    }

    /// The checksum (`Checksum`) of the first `end` bytes, read a window at a time.
    mutating func hash(upTo end: Int) -> String? {
        var hasher = Checksum()
        var at = 0
        while at < end {
            let count = min(Self.windowSize, end - at)
            guard let chunk = bytes(at: at, count: count) else { return nil }
            chunk.withUnsafeBytes { hasher.update($0) }
            at += count
        }
        return hasher.hex
    }

    /// Appends `value` as a little-endian integer of `size` bytes (what `integer` reads).
    static func append(_ value: UInt64, size: Int, to bytes: inout [UInt8]) {
        for index in 0..<size { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
    }
}
