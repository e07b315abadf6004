/// A media file attached to a post. Text dumps only know that media existed; exports
/// (Telegram Desktop JSON) name the files and describe them.
public struct MediaFile: Sendable, Hashable, Codable {
    /// What kind of media this is: `photo`, `video`, `animation`, `video_message`,
    /// `voice_message`, `audio_file`, `sticker`, `file`, or `unknown` when a text dump only
    /// shows a placeholder.
    public var kind: String
    /// The file's path as the export names it (relative to the export folder).
    public var path: String?
    /// The file on disk, checked to lie inside its export; nil when it is not in the export.
    public var sourcePath: String?
    /// The export's thumbnail of a video or file, on disk, checked like `sourcePath`.
    public var thumbnailPath: String?
    /// Why the file is not in the export (the export's own sentence, or "missing"), when it is not.
    public var unavailable: String?
    public var fileName: String?
    public var fileSize: Int?
    public var mimeType: String?
    public var width: Int?
    public var height: Int?
    public var durationSeconds: Int?
    /// A performer and title of an audio file, or a sticker's emoji in `title`.
    public var performer: String?
    public var title: String?
    /// True when the sender hid the media behind a spoiler.
    public var spoiler: Bool

    public init(
        kind: String, path: String? = nil, sourcePath: String? = nil, thumbnailPath: String? = nil, unavailable: String? = nil,
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
    public var isImage: Bool { kind == "photo" || (kind == "sticker" && mimeType == "image/webp") }
}
