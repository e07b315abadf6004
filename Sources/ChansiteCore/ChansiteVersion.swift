import Foundation

/// chansite's version: printed by `--version`, and part of every output fingerprint, so a new
/// chansite re-renders everything once.
package enum ChansiteVersion {
    package static let current = "0.2.0"

    /// The version and the running binary's identity (size, mtime, inode): fingerprints built on
    /// this change whenever the program does, even without a new version number.
    package static let fingerprint: String = {
        var info = stat()
        // try?: without /proc the binary is found by its name; the fingerprint then still changes with it.
        let binary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        guard stat(binary, &info) == 0 else { return current }
        return "\(current) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }()
}
