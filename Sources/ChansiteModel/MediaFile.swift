import ChansiteCore

/// A media file attached to a post. Text dumps only know that media existed; exports
/// (Telegram Desktop JSON) name the files and describe them.
package struct MediaFile: Sendable, Hashable, Codable {
    /// What kind of media this is.
    package var kind: Kind
    /// The file's path as the export names it (relative to the export folder).
    package var path: String?
    /// The file on disk, checked to lie inside its export; nil when it is not in the export.
    package var sourcePath: String?
    /// The export's thumbnail of a video or file, on disk, checked like `sourcePath`.
    package var thumbnailPath: String?
    /// Why the file is not in the site, when it is not.
    package var unavailable: Unavailable?
    package var fileName: String?
    package var fileSize: Int?
    package var mimeType: String?
    package var width: Int?
    package var height: Int?
    package var durationSeconds: Int?
    /// A performer and title of an audio file, or a sticker's emoji in `title`.
    package var performer: String?
    package var title: String?
    /// True when the sender hid the media behind a spoiler.
    package var spoiler: Bool

    package init(
        kind: Kind, path: String? = nil, sourcePath: String? = nil, thumbnailPath: String? = nil, unavailable: Unavailable? = nil,
        fileName: String? = nil, fileSize: Int? = nil, mimeType: String? = nil, width: Int? = nil, height: Int? = nil,
        durationSeconds: Int? = nil, performer: String? = nil, title: String? = nil, spoiler: Bool = false
    ) {
        self.kind = kind
        self.path = path
        self.sourcePath = sourcePath
        self.thumbnailPath = thumbnailPath
        self.unavailable = unavailable
        self.fileName = fileName
        self.fileSize = fileSize
        self.mimeType = mimeType
        self.width = width
        self.height = height
        self.durationSeconds = durationSeconds
        self.performer = performer
        self.title = title
        self.spoiler = spoiler
    }

    /// True for kinds a page shows as a picture.
    package var isImage: Bool { kind == .photo || (kind == .sticker && mimeType == "image/webp") }

    /// Why a file is not in the site. The raw value names the interface string
    /// (`missing.<raw value>`) that tells readers.
    package enum Unavailable: String, Sendable, Hashable, Codable {
        /// Left out of the export: larger than its settings allowed.
        case tooLarge
        /// The client could not download it while exporting.
        case failed
        /// Left out of the export by its settings.
        case notExported
        /// Named by the export, but not in its folder.
        case missing
        /// Its path leads outside the export.
        case refused
        /// A saved web page names it only by an address on Telegram's servers.
        case remote

        /// The reason a Telegram Desktop export gives in place of a file's path
        /// (`(File exceeds maximum size. …)`).
        package init(exportSentence sentence: String) {
            if sentence.hasPrefix("(File exceeds") {
                self = .tooLarge
            } else if sentence.hasPrefix("(File unavailable") {
                self = .failed
            } else {
                self = .notExported
            }
        }
    }

    /// The kinds of media a post can have, by the export's `media_type` names.
    package enum Kind: Sendable, Hashable, Codable {
        case photo, videoFile, animation, videoMessage, voiceMessage, audioFile, sticker, file
        /// A text dump's media placeholder: media existed, nothing more is known.
        case placeholder
        /// A `media_type` this version does not know, kept by its name (shown as a file).
        case other(String)

        private static let named: [String: Kind] = [
            "photo": .photo, "video_file": .videoFile, "animation": .animation, "video_message": .videoMessage,
            "voice_message": .voiceMessage, "audio_file": .audioFile, "sticker": .sticker, "file": .file,
        ]

        /// The kind an export's `media_type` names; a file when it names none, or something
        /// that is not a type's name (a type name is a short word of `a`–`z`, digits and `_`:
        /// it becomes an interface word's key and a heading).
        package init(exportType: String?) {
            guard let exportType else {
                self = .file
                return
            }
            if let known = Self.named[exportType] {
                self = known
            } else if (1...32).contains(exportType.utf8.count),
                exportType.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F })
            {
                self = .other(exportType)
            } else {
                self = .file
            }
        }

        /// The export's name (`video_file`): templates' `kind`, and the interface word `media.<name>`.
        package var name: String {
            switch self {
            case .photo: "photo"
            case .videoFile: "video_file"
            case .animation: "animation"
            case .videoMessage: "video_message"
            case .voiceMessage: "voice_message"
            case .audioFile: "audio_file"
            case .sticker: "sticker"
            case .file: "file"
            case .placeholder: "unknown"
            case .other(let name): name
            }
        }

        package init(from decoder: any Decoder) throws {
            let name = try decoder.singleValueContainer().decode(String.self)
            self = name == "unknown" ? .placeholder : Kind(exportType: name)
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(name)
        }
    }
}
