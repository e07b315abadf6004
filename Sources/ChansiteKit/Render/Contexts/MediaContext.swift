import Foundation

/// What templates see of a post's media: one item per file, flagged by how a page shows it
/// (`isPhoto`, `isVideo`, `isAudio`, `isSticker`, `isFile`), or as not in the export.
struct MediaContext {
    private(set) var items: [[String: Any]] = []
    private(set) var photoCount = 0

    init(file media: [MediaFile], published: [PublishedMedia], strings: SiteStrings, from path: String) {
        for (index, file) in media.enumerated() where file.kind != "unknown" {
            let place = index < published.count ? published[index] : PublishedMedia()
            var item: [String: Any] = ["kind": file.kind, "label": strings.texts["media." + file.kind] ?? strings.text("media.file")]
            if let name = file.fileName { item["name"] = name }
            if let size = file.fileSize { item["size"] = Self.size(size) }
            if let seconds = file.durationSeconds { item["duration"] = Self.duration(seconds) }
            if file.spoiler { item["isSpoiler"] = true }
            guard let copied = place.path else {
                item["isMissing"] = true
                item["missingReason"] = strings.text(Self.reasonKey(file.unavailable))
                items.append(item)
                continue
            }
            item["fileURL"] = SitePaths.link(from: path, to: copied)
            item["download"] = file.fileName ?? (copied as NSString).lastPathComponent
            if let poster = place.posterPath { item["posterURL"] = SitePaths.link(from: path, to: poster) }
            switch file.kind {
            case "photo":
                if let thumbnail = place.thumbnailPath, let width = place.thumbnailWidth, let height = place.thumbnailHeight {
                    item["isPhoto"] = true
                    item["thumbURL"] = SitePaths.link(from: path, to: thumbnail)
                    item["width"] = width
                    item["height"] = height
                    photoCount += 1
                } else {
                    item["isFile"] = true
                }
            case "video_file", "animation", "video_message":
                item["isVideo"] = true
                if file.kind == "animation" { item["isAnimation"] = true }
                if file.kind == "video_message" { item["isRound"] = true }
                if let width = file.width, let height = file.height, width > 0, height > 0 {
                    item["width"] = width
                    item["height"] = height
                }
            case "voice_message", "audio_file":
                item["isAudio"] = true
                if let performer = file.performer { item["performer"] = performer }
                if let title = file.title { item["title"] = title }
            case "sticker":
                item["isSticker"] = true
                item["emoji"] = file.title ?? "🏷"
            default:
                item["isFile"] = true
            }
            items.append(item)
        }
    }

    /// Why a file is not in the export, as a strings key.
    static func reasonKey(_ unavailable: String?) -> String {
        switch unavailable {
        case let text? where text.hasPrefix("(File exceeds"): return "missing.tooLarge"
        case let text? where text.hasPrefix("(File unavailable"): return "missing.failed"
        case "missing": return "missing.missing"
        case "refused": return "missing.refused"
        default: return "missing.notExported"
        }
    }

    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return String(format: value < 10 ? "%.1f" : "%.0f", value) + " " + units[unit]
    }

    static func duration(_ seconds: Int) -> String {
        let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }
}
