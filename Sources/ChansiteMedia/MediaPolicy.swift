import ChansiteCore

/// Which files of an archive the site may publish under their own type. Anyone who could post
/// in an archived channel chose these files: one named `*.html` or `*.svg`, published as it is
/// under the site's origin, would run its script for every reader who opens it. Only passive
/// types keep their extension; everything else is published as `.bin` (every static host
/// serves that as `application/octet-stream`, a download) and linked with `download`.
package enum MediaPolicy {
    /// Extensions a browser shows without running anything, by kind.
    static let images: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "avif", "bmp", "heic", "heif", "tif", "tiff"]
    static let videos: Set<String> = ["mp4", "m4v", "webm", "mov", "mkv", "ogv", "3gp", "avi", "mpg", "mpeg"]
    static let audio: Set<String> = ["mp3", "m4a", "ogg", "oga", "opus", "wav", "flac", "aac", "weba", "mid", "midi"]
    /// Documents and archives: shown as text or as a PDF, or downloaded.
    static let documents: Set<String> = [
        "pdf", "txt", "csv", "zip", "7z", "rar", "gz", "tgz", "tar", "bz2", "xz", "doc", "docx", "xls", "xlsx", "ppt",
        "pptx", "odt", "ods", "odp", "rtf", "epub", "djvu", "fb2", "tgs",
    ]

    /// Whether a file with this extension (lower case, no dot) may be published as it is.
    package static func isPassive(extension ext: String) -> Bool {
        images.contains(ext) || videos.contains(ext) || audio.contains(ext) || documents.contains(ext)
    }

    /// The extension a source file is published with: its own, lower-cased, when passive;
    /// otherwise `bin`.
    package static func publishedExtension(of path: String) -> String {
        let ext = PathName.extension(path).lowercased()
        return isPassive(extension: ext) ? ext : "bin"
    }

    /// The media type a published file is served as, by its extension (`.bin` and anything
    /// unknown: `application/octet-stream`), for feeds' enclosures and the preview server.
    package static func mimeType(of path: String) -> String {
        let ext = PathName.extension(path).lowercased()
        return mimeTypes[ext] ?? "application/octet-stream"
    }

    static let mimeTypes: [String: String] = [
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp", "avif": "image/avif",
        "bmp": "image/bmp", "heic": "image/heic", "heif": "image/heif", "tif": "image/tiff", "tiff": "image/tiff",
        "mp4": "video/mp4", "m4v": "video/mp4", "webm": "video/webm", "mov": "video/quicktime", "mkv": "video/x-matroska",
        "ogv": "video/ogg", "3gp": "video/3gpp", "avi": "video/x-msvideo", "mpg": "video/mpeg", "mpeg": "video/mpeg",
        "mp3": "audio/mpeg", "m4a": "audio/mp4", "ogg": "audio/ogg", "oga": "audio/ogg", "opus": "audio/ogg", "wav": "audio/wav",
        "flac": "audio/flac", "aac": "audio/aac", "weba": "audio/webm", "mid": "audio/midi", "midi": "audio/midi",
        "pdf": "application/pdf", "txt": "text/plain; charset=utf-8", "csv": "text/csv; charset=utf-8", "zip": "application/zip",
        "epub": "application/epub+zip",
    ]
}
