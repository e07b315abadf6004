import Crypto
import Foundation

/// SHA-256 of bytes given a piece at a time, as `Fingerprint.contentHash` gives it for the
/// whole: the build cache's checksum, which a reader checks before it trusts a byte.
package struct ContentHasher: Sendable {
    private var hasher = SHA256()

    package init() {}

    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    /// The hash so far (the hasher itself is left as it was).
    package var hex: String { Fingerprint.hex(hasher.finalize()) }

    /// The hash's first 128 bits, as two integers (a compact key).
    package var words: (UInt64, UInt64) {
        let digest = Array(hasher.finalize())
        let word = { (from: Int) in digest[from..<(from + 8)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
        return (word(0), word(8))
    }
}
