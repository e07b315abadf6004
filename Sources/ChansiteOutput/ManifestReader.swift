import ChansiteCore
import Foundation

/// Reads a manifest's `files` table as `BuildManifest.encode` writes it, byte by byte:
/// `JSONDecoder` took half of a nothing-changed rebuild (0.12 s for 19,000 entries, seconds
/// for the 167,000 of 100k posts). The small rest (format, groups, inputs, replay) still goes
/// through `JSONDecoder`. Anything this reader does not expect (a hand edit, another writer)
/// gives nil, and the whole manifest is decoded by `JSONDecoder` as before.
struct ManifestReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static func read(_ data: Data) -> BuildManifest? {
        let parsed = data.withUnsafeBytes { raw -> (files: [String: BuildManifest.Entry], restStart: Int)? in
            var reader = ManifestReader(raw.bindMemory(to: UInt8.self))
            guard let files = reader.files() else { return nil }
            return (files, reader.index)
        }
        guard let parsed else { return nil }
        // The rest of the object, after the files, as an object of its own.
        var rest = Data("{\"files\":{}".utf8)
        rest.append(data.dropFirst(parsed.restStart))
        // try?: nil means the general decoder reads the whole file instead (BuildManifest.read).
        guard var manifest = try? JSONDecoder().decode(BuildManifest.self, from: rest) else { return nil }
        manifest.files = parsed.files
        return manifest
    }

    private mutating func files() -> [String: BuildManifest.Entry]? {
        guard literal("{\"files\":{") else { return nil }
        if literal("}") { return [:] }
        let starts = Self.chunkStarts(bytes, from: index)
        guard let chunks = Self.entries(bytes, starts: starts) ?? Self.entries(bytes, starts: [index]) else { return nil }
        var files: [String: BuildManifest.Entry] = [:]
        files.reserveCapacity(chunks.entries.reduce(0) { $0 + $1.count })
        // In file order, as one reader would (a path written twice keeps its last entry).
        for chunk in chunks.entries {
            for (path, entry) in chunk { files[path] = entry }
        }
        index = chunks.end
        return literal("}") ? files : nil
    }

    /// Where to start reading entries on each core: `start` (the table's first entry), then
    /// the first `},"` after each further share of the bytes, where an entry may begin (the
    /// bytes say so only once the entry before it is read up to there: `entries` checks).
    /// One start for a small table.
    static func chunkStarts(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> [Int] {
        let shares = min(16, (bytes.count - start) / 1_000_000)
        guard shares > 1 else { return [start] }
        var starts = [start]
        for share in 1..<shares {
            var at = max(starts[starts.count - 1] + 1, start + (bytes.count - start) * share / shares)
            while at + 2 < bytes.count, !(bytes[at] == 0x7D && bytes[at + 1] == 0x2C && bytes[at + 2] == 0x22) { at += 1 }
            guard at + 2 < bytes.count else { break }
            starts.append(at + 2)
        }
        return starts
    }

    /// The entries from each of `starts` to the next, read on all cores, and where the last
    /// left off (at the table's closing brace); nil unless each share's last entry ends just
    /// before the next share's start (so every start is truly an entry's, as one reader from
    /// the first would have found).
    static func entries(_ bytes: UnsafeBufferPointer<UInt8>, starts: [Int]) -> (entries: [[(String, BuildManifest.Entry)]], end: Int)? {
        let shared = Shared(bytes: bytes)
        let read = starts.indices.concurrentMap(chunk: 1) { n -> (entries: [(String, BuildManifest.Entry)], end: Int)? in
            var reader = ManifestReader(shared.bytes)
            reader.index = starts[n]
            let next = n + 1 < starts.count ? starts[n + 1] : nil
            var entries: [(String, BuildManifest.Entry)] = []
            while true {
                guard let entry = reader.entry() else { return nil }
                entries.append(entry)
                if let next, reader.index >= next - 1 { return reader.index == next - 1 && reader.literal(",") ? (entries, next) : nil }
                guard reader.literal(",") else { return next == nil ? (entries, reader.index) : nil }
            }
        }
        var chunks: [[(String, BuildManifest.Entry)]] = []
        for share in read {
            guard let share else { return nil }
            chunks.append(share.entries)
        }
        guard let end = read.last??.end else { return nil }
        return (chunks, end)
    }

    /// The manifest's bytes, read by every core while `read` holds them.
    struct Shared: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
    }

    /// One `"path":{…}` entry.
    private mutating func entry() -> (String, BuildManifest.Entry)? {
        guard let path = string(), literal(":{\"contentHash\":"), let contentHash = compact(), literal(",\"fingerprint\":"),
            let fingerprint = compact(), literal(",\"inode\":"), let inode = number()
        else { return nil }
        // A page's key, when it has one.
        var key: CompactText?
        if literal(",\"key\":") {
            guard let read = compact() else { return nil }
            key = read
        }
        guard literal(",\"modified\":"), let modified = number(signed: true), literal(",\"size\":"), let size = number(signed: true), literal("}")
        else { return nil }
        return (
            path,
            BuildManifest.Entry(
                packedFingerprint: fingerprint, packedContentHash: contentHash, packedKey: key, size: Int64(size), modified: Int64(modified),
                inode: UInt64(bitPattern: inode))
        )
    }

    /// Consumes `text` when the bytes continue with it.
    private mutating func literal(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
        index += count
        return true
    }

    /// A JSON string as `CompactText`: a digest's hex digits straight from the bytes, anything
    /// else through `string()`.
    private mutating func compact() -> CompactText? {
        guard index < bytes.count, bytes[index] == 0x22 else { return nil }
        var end = index + 1
        while end < bytes.count, end - index <= 33, bytes[end] != 0x22, bytes[end] != 0x5C { end += 1 }
        if end < bytes.count, bytes[end] == 0x22, let hex = CompactText(hexDigits: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])) {
            index = end + 1
            return hex
        }
        return string().map(CompactText.init)
    }

    /// A JSON string with the escapes `JSONText` writes (and `\b`, `\f`, surrogate pairs).
    private mutating func string() -> String? {
        guard index < bytes.count, bytes[index] == 0x22 else { return nil }
        index += 1
        let start = index
        // Most strings have no escape: made straight from their bytes.
        while index < bytes.count, bytes[index] != 0x22, bytes[index] != 0x5C { index += 1 }
        if index < bytes.count, bytes[index] == 0x22 {
            defer { index += 1 }
            return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }
        var decoded = Array(bytes[start..<index])
        while index < bytes.count, bytes[index] != 0x22 {
            if bytes[index] == 0x5C {
                guard unescape(into: &decoded) else { return nil }
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        guard index < bytes.count else { return nil }
        index += 1
        return String(validating: decoded, as: UTF8.self)
    }

    private mutating func unescape(into decoded: inout [UInt8]) -> Bool {
        guard index + 1 < bytes.count else { return false }
        let escaped = bytes[index + 1]
        index += 2
        switch escaped {
        case 0x22, 0x5C, 0x2F: decoded.append(escaped)
        case 0x6E: decoded.append(0x0A)
        case 0x72: decoded.append(0x0D)
        case 0x74: decoded.append(0x09)
        case 0x62: decoded.append(0x08)
        case 0x66: decoded.append(0x0C)
        case 0x75:
            guard var unit = hex4() else { return false }
            if (0xD800..<0xDC00).contains(unit) {
                guard literal("\\u"), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return false }
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(unit) else { return false }
            UTF8.encode(scalar) { decoded.append($0) }
        default: return false
        }
        return true
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Self.hexDigit(bytes[index]) else { return nil }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        default: nil
        }
    }

    /// A decimal integer (negative only when `signed`), as the bits of an `Int64`; nil when it
    /// does not fit.
    private mutating func number(signed: Bool = false) -> Int64? {
        let negative = signed && index < bytes.count && bytes[index] == 0x2D
        if negative { index += 1 }
        var value: UInt64 = 0
        let start = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times.addingReportingOverflow(UInt64(bytes[index] - 0x30))
            guard !overflow, !carry else { return nil }
            value = sum
            index += 1
        }
        guard index > start else { return nil }
        if negative { return value <= UInt64(Int64.max) ? -Int64(value) : nil }
        return signed ? (value <= UInt64(Int64.max) ? Int64(value) : nil) : Int64(bitPattern: value)
    }
}
