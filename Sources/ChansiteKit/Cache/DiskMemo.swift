import ChansiteCore
import Foundation

/// A stage cache kept on disk between processes: values come from the last build's cache file
/// and every value this build uses (found or made) goes to the next one, so the file holds one
/// site's worth. Values are encoded by the caller's codec; one the codec cannot read back is
/// made again, never guessed.
final class DiskMemo<Value>: StageCache, @unchecked Sendable {
    let kind: CacheFile.Kind
    private let file: CacheFile?
    private let writer: CacheFileWriter
    private let encode: @Sendable (Value) -> [UInt8]
    private let decode: @Sendable (Data) -> Value?
    /// Values found in the last cache (the build's account).
    let hits = LockedBox(0)

    init(
        _ kind: CacheFile.Kind, file: CacheFile?, writer: CacheFileWriter, encode: @escaping @Sendable (Value) -> [UInt8],
        decode: @escaping @Sendable (Data) -> Value?
    ) {
        self.kind = kind
        self.file = file
        self.writer = writer
        self.encode = encode
        self.decode = decode
    }

    func known(_ key: String) -> Value? {
        // Made once for the lookup and the next file (hashing each key twice was a tenth of
        // carrying a large cache over).
        let key = CacheFile.Key(kind, key)
        guard let bytes = file?.value(key), let value = decode(bytes) else { return nil }
        writer.append(key, bytes)
        hits.mutate { $0 += 1 }
        return value
    }

    /// Whether the last cache lists `key` (not read: a value that cannot be read back is still
    /// made when it is asked for).
    func holds(_ key: String) -> Bool {
        file?.lists(CacheFile.Key(kind, key)) ?? false
    }

    func store(_ key: String, _ value: Value) {
        writer.append(kind, key, encode(value))
    }

    /// Nothing to drop: the next file holds only what this build used.
    func endBuild() {}
}

extension DiskMemo where Value == String {
    /// Texts as UTF-8.
    convenience init(_ kind: CacheFile.Kind, file: CacheFile?, writer: CacheFileWriter) {
        self.init(kind, file: file, writer: writer, encode: { Array($0.utf8) }, decode: { String(decoding: $0, as: UTF8.self) })
    }
}
