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
}
