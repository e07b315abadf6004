import ChansiteCore
import ChansiteModel

/// Finds albums among an export's messages. An export has no album key: an album is a run of
/// consecutive messages with consecutive ids, the same sender and the same `date_unixtime`,
/// each holding one photo or video, with at most one caption.
enum ExportAlbums {
    /// A run of messages that make one post, with what was given beside its first.
    struct Run<Tag> {
        var messages: [ExportJSON.Message]
        var first: Tag
    }

    /// Groups messages as they come: each finished run is handed back as soon as a message
    /// that cannot join it arrives, so only the open run is held.
    struct Runs<Tag> {
        private var open: Run<Tag>?
        private var captions = 0

        /// Adds the next message; returns the run it closed, if any.
        mutating func add(_ message: ExportJSON.Message, _ tag: Tag) -> Run<Tag>? {
            let caption = message.text.isEmpty ? 0 : 1
            if let last = open?.messages.last, ExportAlbums.continues(last, with: message), captions + caption <= 1 {
                open?.messages.append(message)
                captions += caption
                return nil
            }
            let closed = open
            open = Run(messages: [message], first: tag)
            captions = caption
            return closed
        }

        /// The run still open at the end.
        mutating func finish() -> Run<Tag>? {
            defer { open = nil }
            return open
        }
    }

    /// The messages split into runs, in order: an album's messages together, every other
    /// message alone.
    static func group(_ messages: [ExportJSON.Message]) -> [Range<Int>] {
        var runs = Runs<Int>()
        var groups: [Range<Int>] = []
        for (index, message) in messages.enumerated() {
            if let run = runs.add(message, index) { groups.append(run.first..<run.first + run.messages.count) }
        }
        if let run = runs.finish() { groups.append(run.first..<run.first + run.messages.count) }
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
