/// Finds albums among an export's messages. An export has no album key: an album is a run of
/// consecutive messages with consecutive ids, the same sender and the same `date_unixtime`,
/// each holding one photo or video, with at most one caption.
enum ExportAlbums {
    /// The messages split into runs, in order: an album's messages together, every other
    /// message alone.
    static func group(_ messages: [ExportJSON.Message]) -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var start = 0
        var captions = 0
        for index in messages.indices {
            let message = messages[index]
            if index > start, continues(messages[index - 1], with: message), captions + (message.text.isEmpty ? 0 : 1) <= 1 {
                captions += message.text.isEmpty ? 0 : 1
                continue
            }
            if index > start { groups.append(start..<index) }
            start = index
            captions = message.text.isEmpty ? 0 : 1
        }
        if start < messages.count { groups.append(start..<messages.count) }
        return groups
    }

    static func continues(_ previous: ExportJSON.Message, with next: ExportJSON.Message) -> Bool {
        guard isAlbumItem(previous), isAlbumItem(next), let time = next.dateUnixtime ?? next.date,
            time == (previous.dateUnixtime ?? previous.date), next.fromID == previous.fromID, next.forwardedFrom == previous.forwardedFrom,
            let a = Int(previous.id), let b = Int(next.id), b == a + 1
        else { return false }
        return true
    }

    /// A photo, a video or a file: the media Telegram lets an album hold.
    static func isAlbumItem(_ message: ExportJSON.Message) -> Bool {
        let hasFile = message.file != nil && (message.mediaType == nil || message.mediaType == "video_file" || message.mediaType == "audio_file")
        return (message.photo != nil) != hasFile && message.poll == nil
    }
}
