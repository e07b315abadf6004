import ChansiteCore
import ChansiteMedia
import ChansiteModel
import Foundation

/// What templates see of one of a post's media files, flagged by how a page shows it
/// (`isPhoto`, `isVideo`, `isAudio`, `isSticker`, `isFile`), or as not in the export.
struct MediaView: TemplateView {
    var kind: String
    var label: String
    var name: String?
    var size: String?
    var duration: String?
    var isSpoiler: Bool?
    var isMissing: Bool?
    var missingReason: String?
    var fileURL: String?
    var download: String?
    /// True when the file is published as `.bin` (not a passive type): every link to it downloads.
    var downloadOnly: Bool?
    var posterURL: String?
    var isPhoto: Bool?
    var thumbURL: String?
    /// Every size of the thumbnail (`url 320w, url 640w, url 960w`), when it has smaller ones.
    var srcset: String?
    var width: Int?
    var height: Int?
    var isVideo: Bool?
    var isAnimation: Bool?
    var isRound: Bool?
    var isAudio: Bool?
    var performer: String?
    var title: String?
    var isSticker: Bool?
    var emoji: String?
    /// A sticker's picture: the `.webp` itself, or an animated sticker's thumbnail.
    var stickerURL: String?
    var isFile: Bool?

    static let fields = ViewFields<Self>([
        "kind": { $0.kind }, "label": { $0.label }, "name": { $0.name }, "size": { $0.size }, "duration": { $0.duration },
        "isSpoiler": { $0.isSpoiler }, "isMissing": { $0.isMissing }, "missingReason": { $0.missingReason },
        "fileURL": { $0.fileURL }, "download": { $0.download }, "downloadOnly": { $0.downloadOnly }, "posterURL": { $0.posterURL },
        "isPhoto": { $0.isPhoto },
        "thumbURL": { $0.thumbURL }, "srcset": { $0.srcset }, "width": { $0.width }, "height": { $0.height }, "isVideo": { $0.isVideo },
        "isAnimation": { $0.isAnimation }, "isRound": { $0.isRound }, "isAudio": { $0.isAudio }, "performer": { $0.performer },
        "title": { $0.title }, "isSticker": { $0.isSticker }, "emoji": { $0.emoji }, "stickerURL": { $0.stickerURL }, "isFile": { $0.isFile },
    ])

    /// One view per file of the post (files of an unknown kind are left out), links root-relative.
    /// The photos of an album are told apart ("Photo 3 of 10"), for their alt texts; a post's one
    /// photo is described by the start of its caption, when it has one.
    static func views(of media: [MediaFile], published: [PublishedMedia], strings: SiteStrings, caption: String? = nil) -> [MediaView] {
        var views = media.enumerated().compactMap { index, file in
            file.kind == .placeholder
                ? nil : MediaView(file, published: index < published.count ? published[index] : PublishedMedia(), strings: strings)
        }
        let photos = views.indices.filter { views[$0].isPhoto == true }
        if photos.count > 1 {
            for (n, index) in photos.enumerated() {
                views[index].label = strings.text("media.photoOf", ["n": strings.number(n + 1), "total": strings.number(photos.count)])
            }
        } else if let index = photos.first, let caption, !caption.isEmpty {
            views[index].label = views[index].label + ": " + caption
        }
        return views
    }

    init(_ file: MediaFile, published place: PublishedMedia, strings: SiteStrings) {
        kind = file.kind.name
        label = strings.texts["media." + file.kind.name] ?? strings.text("media.file")
        name = file.fileName
        size = file.fileSize.map(Self.size)
        duration = file.durationSeconds.map(ClockDuration.text)
        if file.spoiler { isSpoiler = true }
        guard let copied = place.path else {
            isMissing = true
            missingReason = strings.text(Self.reasonKey(file.unavailable))
            return
        }
        fileURL = SitePaths.rootLink(to: copied)
        download = file.fileName ?? PathName.last(file.path ?? copied)
        posterURL = place.posterPath.map { SitePaths.rootLink(to: $0) }
        // A file that is not a passive type is only ever offered as a download (a preview of a
        // photo is still shown: its thumbnail is chansite's own JPEG).
        let passive = MediaPolicy.isPassive(extension: PathName.extension(copied))
        if !passive { downloadOnly = true }
        switch passive ? file.kind : file.kind == .photo ? .photo : .file {
        case .photo:
            if let thumbnail = place.thumbnailPath, let width = place.thumbnailWidth, let height = place.thumbnailHeight {
                isPhoto = true
                thumbURL = SitePaths.rootLink(to: thumbnail)
                self.width = width
                self.height = height
                if !place.smallerThumbnails.isEmpty {
                    let sizes = place.smallerThumbnails.map { ($0.path, $0.width) } + [(thumbnail, width)]
                    srcset = sizes.map { SitePaths.rootLink(to: $0.0) + " \($0.1)w" }.joined(separator: ", ")
                }
            } else {
                isFile = true
            }
        case .videoFile, .animation, .videoMessage:
            isVideo = true
            if file.kind == .animation { isAnimation = true }
            if file.kind == .videoMessage { isRound = true }
            if let width = file.width, let height = file.height, width > 0, height > 0 {
                self.width = width
                self.height = height
            }
        case .voiceMessage, .audioFile:
            isAudio = true
            performer = file.performer
            title = file.title
        case .sticker:
            isSticker = true
            emoji = file.title ?? "🏷"
            stickerURL = file.isImage && passive ? fileURL : posterURL
            if let width = file.width, let height = file.height, width > 0, height > 0 {
                self.width = width
                self.height = height
            }
        default:
            isFile = true
            // An image sent as a file has the preview a photo has.
            if let thumbnail = place.thumbnailPath, let width = place.thumbnailWidth, let height = place.thumbnailHeight {
                thumbURL = SitePaths.rootLink(to: thumbnail)
                self.width = width
                self.height = height
            }
        }
    }

    /// Why a file is not in the export, as a strings key.
    static func reasonKey(_ unavailable: MediaFile.Unavailable?) -> String {
        "missing." + (unavailable ?? .notExported).rawValue
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

}
