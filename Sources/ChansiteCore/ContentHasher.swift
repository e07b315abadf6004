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
}
