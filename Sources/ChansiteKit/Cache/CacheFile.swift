import ChansiteCore
import Foundation

/// The build cache a finished build leaves in the work folder (`cache.bin`) for the next
/// process: values the stages made, each by a key that fingerprints all its inputs. Read
/// mapped, checked whole against its checksum before a byte is trusted, and dropped whole
/// when it was made by another chansite, configuration or set of templates.
///
/// Layout: the magic line; the identity (4-byte length, bytes); records of a kind (1 byte),
/// a key (2-byte length, bytes) and a value (4-byte length, bytes); then the end byte 0xFF,
/// the record count (8 bytes) and the SHA-256 of everything before it (32 hex digits).
/// Integers are little-endian.
struct CacheFile: Sendable {
    /// What a record holds; a key is unique within its kind.
    enum Kind: UInt8, Sendable, CaseIterable {
        /// A post's body HTML (`RenderCache.bodies`).
        case body = 1
        /// A post's rendered summary.
        case summary
        /// A post or listing page's fingerprint, by the fingerprint of its view's inputs.
        case pageFingerprint
        /// A post's words as numbers into the vocabulary, by its text (`IndexVocabulary`).
        case document
        /// The vocabulary's words and stems, in number order (key `words`).
        case vocabulary
    }

    static let magic = Array("chansite build cache 1\n".utf8)
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

    private let data: Data
    private let entries: [Kind: [String: Range<Int>]]

    /// Opens the cache at `path` if it was made with `identity` and is whole.
    static func open(_ path: String, identity: String) -> Opened {
        guard FileSystem.exists(path) else { return .missing }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            return .unusable("cannot read it: \(FileSystem.describe(error))")
        }
        return data.withUnsafeBytes { bytes in
            var reader = CacheRecordReader(bytes: bytes)
            guard reader.take(magic.count).map(Array.init) == magic else { return .unusable("it is not a chansite build cache") }
            guard let made = reader.takeBlock(lengthBytes: 4) else { return .unusable("it is cut short") }
            guard String(decoding: made, as: UTF8.self) == identity else {
                return .unusable("it was made by another chansite version, configuration or set of templates")
            }
            guard bytes.count >= reader.at + trailerSize else { return .unusable("it is cut short") }
            let end = bytes.count - trailerSize
            var hasher = ContentHasher()
            hasher.update(UnsafeRawBufferPointer(rebasing: bytes[..<(end + 9)]))
            let stored = String(decoding: bytes[(end + 9)...], as: UTF8.self)
            guard bytes[end] == endByte, hasher.hex == stored else { return .unusable("it is cut short or damaged (its checksum does not match)") }
            var entries: [Kind: [String: Range<Int>]] = [:]
            var count: UInt64 = 0
            while reader.at < end {
                guard let kindByte = reader.take(1)?.first, let kind = Kind(rawValue: kindByte),
                    let key = reader.takeBlock(lengthBytes: 2), let valueStart = Optional(reader.at + 4),
                    let value = reader.takeBlock(lengthBytes: 4), reader.at <= end
                else { return .unusable("a record is damaged") }
                entries[kind, default: [:]][String(decoding: key, as: UTF8.self)] = valueStart..<(valueStart + value.count)
                count += 1
            }
            guard reader.at == end, CacheRecordReader.integer(bytes, at: end + 1, size: 8) == count else {
                return .unusable("its record count does not match")
            }
            return .ready(CacheFile(data: data, entries: entries))
        }
    }

    /// The bytes stored for `key`.
    func value(_ kind: Kind, _ key: String) -> Data? {
        entries[kind]?[key].map { data[$0] }
    }

    /// How many records of `kind` it holds.
    func count(_ kind: Kind) -> Int { entries[kind]?.count ?? 0 }
}

/// Reads a cache file's fields in order, never past its end.
struct CacheRecordReader {
    let bytes: UnsafeRawBufferPointer
    var at = 0

    mutating func take(_ count: Int) -> UnsafeRawBufferPointer.SubSequence? {
        guard count >= 0, bytes.count - at >= count else { return nil }
        defer { at += count }
        return bytes[at..<(at + count)]
    }

    /// A length of `lengthBytes` bytes, then that many bytes.
    mutating func takeBlock(lengthBytes: Int) -> UnsafeRawBufferPointer.SubSequence? {
        guard let length = Self.integer(bytes, at: at, size: lengthBytes), length <= UInt64(Int.max) else { return nil }
        at += lengthBytes
        return take(Int(length))
    }

    static func integer(_ bytes: UnsafeRawBufferPointer, at: Int, size: Int) -> UInt64? {
        guard at >= 0, bytes.count - at >= size else { return nil }
        var value: UInt64 = 0
        for index in (0..<size).reversed() { value = value << 8 | UInt64(bytes[at + index]) }
        return value
    }
}
