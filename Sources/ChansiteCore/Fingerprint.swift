import Crypto
import Foundation

/// A deterministic 128-bit hash of structured values (SHA-256, truncated), for the inputs of
/// output files: whether a page is stale is decided by it, so it must not collide even when an
/// archive's author tries to make it. Swift's `Hasher` is seeded per process, so it cannot name
/// inputs across builds. Values are written with a kind and a length, so no two different
/// sequences of values give the same bytes.
package struct Fingerprint: Sendable {
    private var hasher = SHA256()
    /// Small writes (most are a kind, a length and a short text) gathered and hashed in blocks.
    private var pending: [UInt8] = []

    package init() {}

    package init(_ parts: String...) {
        for part in parts { add(part) }
    }

    private mutating func byte(_ value: UInt8) {
        pending.append(value)
    }

    private mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { pending.append(contentsOf: $0) }
        if pending.count >= Self.block { flush() }
    }

    private mutating func add(buffer: UnsafeRawBufferPointer) {
        guard buffer.count > Self.block else {
            pending.append(contentsOf: buffer)
            if pending.count >= Self.block { flush() }
            return
        }
        flush()
        hasher.update(bufferPointer: buffer)
    }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        pending.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        pending.removeAll(keepingCapacity: true)
    }

    private static let block = 1024

    package mutating func add(_ text: String) {
        tag(0x73, length: text.utf8.count)
        if text.utf8.withContiguousStorageIfAvailable({ add(buffer: UnsafeRawBufferPointer($0)) }) == nil {
            var copy = text
            copy.withUTF8 { add(buffer: UnsafeRawBufferPointer($0)) }
        }
    }

    /// Adds raw bytes (a file's contents).
    package mutating func add(bytes: Data) {
        bytes.withUnsafeBytes { add(bytes: $0) }
    }

    /// Adds raw bytes, as `add(bytes:)` of the same bytes as `Data` does.
    package mutating func add(bytes: UnsafeRawBufferPointer) {
        tag(0x42, length: bytes.count)
        add(buffer: bytes)
    }

    package mutating func add(_ number: Int) {
        tag(0x69, length: number)
    }

    private mutating func tag(_ kind: UInt8, length: Int) {
        byte(kind)
        word(UInt64(bitPattern: Int64(length)))
    }

    /// Adds texts: the bytes `add(any:)` gives the same list, without its casts (on every
    /// post's key, bridging the list to `[Any]` and casting each item cost more than hashing it).
    package mutating func add(_ texts: [String]) {
        tag(0x61, length: texts.count)
        for text in texts { add(text) }
    }

    /// Adds a list of lists of texts, as `add(any:)` does.
    package mutating func add(_ lists: [[String]]) {
        tag(0x61, length: lists.count)
        for list in lists { add(list) }
    }

    /// Adds "nothing", as `add(any: nil)` does.
    package mutating func addNil() {
        tag(0x6E, length: 0)
    }

    /// Adds a template context: strings, numbers, booleans, arrays and dictionaries (keys sorted).
    package mutating func add(any value: Any?) {
        switch value {
        case let text as String: add(text)
        case let number as Int: add(number)
        case let flag as Bool: tag(0x62, length: flag ? 1 : 0)
        case let number as Double: add(String(number))
        case let list as [Any]:
            tag(0x61, length: list.count)
            for item in list { add(any: item) }
        case let map as [String: Any]:
            tag(0x64, length: map.count)
            for key in map.keys.sorted() {
                add(key)
                add(any: map[key])
            }
        case nil: tag(0x6E, length: 0)
        case let other?: add(String(describing: other))
        }
    }

    /// The content hash of an output file (SHA-256, truncated to 128 bits, as hex): whether a
    /// page made again is the file already in the output, and is linked rather than written, is
    /// decided by it and the size, so it must not collide even when an archive's author tries.
    /// It is also the preview's ETag.
    package static func contentHash(of bytes: Data) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The first 128 bits of `digest`, as 32 hex digits.
    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(32)
        for byte in digest.prefix(16) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The fingerprint: the first 128 bits of the digest of everything added, as 32 hex digits.
    package var hex: String {
        var copy = self
        copy.flush()
        return Self.hex(copy.hasher.finalize())
    }
}
