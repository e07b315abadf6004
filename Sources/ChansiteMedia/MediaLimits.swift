import ChansiteCore
import Foundation

/// What a media file must be before it is copied into the site, so the output never grows
/// faster than the input: its real bytes (not a sparse file's holes), no larger than the
/// export says it is, and no larger than the configured limit.
struct MediaLimits: Sendable {
    /// The largest file copied (`maxMediaFileSize`; Telegram's own limit is 4 GB).
    var maxBytes: Int

    /// Slack over the size the export states: the client's figure is exact, but a re-saved
    /// photo may differ a little.
    static let slack = 1 << 20

    /// Why the file at `path` may not be copied; nil when it may.
    func problem(_ path: String, stated: Int?) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return "it cannot be read (\(FileSystem.lastError))" }
        let size = Int(info.st_size)
        if size > maxBytes {
            return "it is \(MediaLimits.describe(size)), over the limit of \(MediaLimits.describe(maxBytes)) ('maxMediaFileSize')"
        }
        if let stated, size > stated + Self.slack {
            return "it is \(MediaLimits.describe(size)) on disk but the export says \(MediaLimits.describe(stated))"
        }
        // A sparse file's size is not its bytes: holes would be written out as zeros.
        if size > Self.slack, Int(info.st_blocks) * 512 < size / 2 {
            return "it is a sparse file (\(MediaLimits.describe(size)) with \(MediaLimits.describe(Int(info.st_blocks) * 512)) of data)"
        }
        return nil
    }

    static func describe(_ bytes: Int) -> String {
        bytes < 1 << 20 ? Counted.of(bytes, "byte") : String(format: "%.1f MB", Double(bytes) / Double(1 << 20))
    }
}
