import ChansiteCore
import ChansiteModel

extension ExportChatReader {
    /// The media of one message: its photo, or its file (video, voice, sticker, …), each resolved
    /// inside the export or marked with why it is not there.
    mutating func mediaFiles(of message: ExportJSON.Message, line: Int) -> [MediaFile] {
        var files: [MediaFile] = []
        if let photo = message.photo {
            var file = MediaFile(kind: .photo, path: photo, fileSize: message.fileSize, width: message.width, height: message.height)
            file.spoiler = message.mediaSpoiler
            resolve(&file, message: message, line: line)
            files.append(file)
        }
        if let path = message.file {
            var file = MediaFile(
                kind: MediaFile.Kind(exportType: message.mediaType), path: path, fileName: message.fileName, fileSize: message.fileSize,
                mimeType: message.mimeType, width: message.width, height: message.height,
                durationSeconds: message.durationSeconds, performer: message.performer,
                title: message.mediaType == "sticker" ? message.stickerEmoji : message.title)
            file.spoiler = message.mediaSpoiler
            resolve(&file, message: message, line: line)
            if let thumbnail = message.thumbnail, case .file(let found) = media.resolve(thumbnail) {
                file.thumbnailPath = found
            }
            files.append(file)
        }
        return files
    }

    private mutating func resolve(_ file: inout MediaFile, message: ExportJSON.Message, line: Int) {
        guard let path = file.path else { return }
        switch media.resolve(path) {
        case .file(let found):
            file.sourcePath = found
        case .notExported(let sentence):
            file.unavailable = MediaFile.Unavailable(exportSentence: sentence)
        case .missing:
            file.unavailable = .missing
            notes.add(
                "message \(message.id): media file '\(path)' is not in the export folder; shown as not in this export", at: location(line),
                severity: .warning, once: false)
        case .refused(let why):
            file.unavailable = .refused
            notes.add("message \(message.id): media path '\(path)' refused (\(why))", at: location(line), severity: .warning, once: false)
        }
    }
}
