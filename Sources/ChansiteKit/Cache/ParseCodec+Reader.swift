import ChansiteCore
import ChansiteModel
import Foundation

extension ParseCodec {
    /// Reads what `Writer` wrote; every read gives nil on bytes it did not write (the record is
    /// then a miss). A part that may be missing reads as `.some(nil)` when it is.
    struct Reader {
        let bytes: [UInt8]
        var at: Int
        /// Where the value being read ends (a channel within an export's read ends before the bytes do).
        var end: Int

        init(bytes: [UInt8], at: Int = 0) {
            self.bytes = bytes
            self.at = at
            end = bytes.count
        }

        var atEnd: Bool { at == end }

        mutating func integer() -> Int? {
            guard at + 8 <= end else { return nil }
            var value: UInt64 = 0
            for k in 0..<8 { value |= UInt64(bytes[at + k]) << (8 * UInt64(k)) }
            at += 8
            return Int(Int64(bitPattern: value))
        }

        mutating func blob() -> ArraySlice<UInt8>? {
            guard let count = integer(), count >= 0, count <= end - at else { return nil }
            defer { at += count }
            return bytes[at..<(at + count)]
        }

        mutating func string() -> String? {
            blob().map { String(decoding: $0, as: UTF8.self) }
        }

        mutating func flag() -> Bool? {
            guard at < end, bytes[at] <= 1 else { return nil }
            defer { at += 1 }
            return bytes[at] == 1
        }

        mutating func date() -> Date? {
            integer().map { Date(timeIntervalSinceReferenceDate: Double(bitPattern: UInt64(UInt(bitPattern: $0)))) }
        }

        mutating func optionalString() -> String?? {
            guard at + 8 <= end else { return nil }
            if bytes[at..<(at + 8)].allSatisfy({ $0 == 0xFF }) {
                at += 8
                return .some(nil)
            }
            return string().map(Optional.some)
        }

        mutating func optionalInteger() -> Int?? {
            guard let present = flag() else { return nil }
            guard present else { return .some(nil) }
            return integer().map(Optional.some)
        }

        mutating func optionalDate() -> Date?? {
            guard let present = flag() else { return nil }
            guard present else { return .some(nil) }
            return date().map(Optional.some)
        }

        mutating func json<T: Decodable>(_ type: T.Type) -> T? {
            // try?: a value that does not decode is a miss; the file is parsed again.
            blob().flatMap { try? JSONDecoder().decode(type, from: Data($0)) }
        }

        /// A list of `count` read by `item`, nil when the count cannot be right.
        mutating func list<T>(_ item: (inout Reader) -> T?) -> [T]? {
            guard let count = integer(), count >= 0, count <= end - at else { return nil }
            var items: [T] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                guard let next = item(&self) else { return nil }
                items.append(next)
            }
            return items
        }

        mutating func post() -> Post? {
            guard let raw = integer(), let flags = UInt16(exactly: raw) else { return nil }
            let parts = Parts(rawValue: flags)
            guard let text = string(), let hashtags = list({ $0.string() }), let path = string(), let first = integer(), let last = integer()
            else { return nil }
            var post = Post(text: text, hashtags: hashtags, source: SourceRange(path: path, firstLine: first, lastLine: last))
            if parts.contains(.title) {
                guard let title = string() else { return nil }
                post.title = title
            }
            if parts.contains(.forwardedFrom) {
                guard let from = string() else { return nil }
                post.forwardedFrom = from
            }
            if parts.contains(.reactions) {
                guard
                    let reactions = list({ reader -> Reaction? in
                        guard let emoji = reader.string(), let count = reader.integer() else { return nil }
                        return Reaction(emoji: emoji, count: count)
                    })
                else { return nil }
                post.reactions = reactions
            }
            if parts.contains(.dateText) {
                guard let dateText = string() else { return nil }
                post.dateText = dateText
            }
            if parts.contains(.date) {
                guard let date = date() else { return nil }
                post.date = date
            }
            post.hasMediaPlaceholder = parts.contains(.mediaPlaceholder)
            if parts.contains(.media) {
                guard let media = list({ $0.media() }) else { return nil }
                post.media = media
            }
            if parts.contains(.linkPreviews) {
                guard let cards = json([LinkPreview].self) else { return nil }
                post.linkPreviews = cards
            }
            if parts.contains(.messageID) {
                guard let id = string() else { return nil }
                post.messageID = id
            }
            if parts.contains(.replyTo) {
                guard let replyTo = string() else { return nil }
                post.replyTo = replyTo
            }
            if parts.contains(.replyQuote) {
                guard let author = string(), let text = string() else { return nil }
                post.replyQuote = ReplyQuote(author: author, text: text)
            }
            if parts.contains(.details) {
                guard let details = compactDetails() else { return nil }
                post.details = details
            } else if parts.contains(.detailsJSON) {
                guard let details = json(PostDetails.self) else { return nil }
                post.details = details
            }
            post.paragraphPerLine = parts.contains(.paragraphPerLine)
            if parts.contains(.runs) {
                guard let runs = list({ $0.run() }) else { return nil }
                post.formatRuns = runs
            }
            return post
        }

        mutating func run() -> TextRun? {
            guard let kind = string(), let raw = integer(), let length = UInt32(exactly: raw), let attribute = optionalString(),
                let collapsed = flag()
            else { return nil }
            return TextRun(kind: kind, length: length, attribute: attribute, collapsed: collapsed)
        }

        mutating func media() -> MediaFile? {
            guard let name = string(), let path = optionalString(), let sourcePath = optionalString(), let thumbnailPath = optionalString(),
                let unavailable = optionalString(), let fileName = optionalString(), let fileSize = optionalInteger(),
                let mimeType = optionalString(), let width = optionalInteger(), let height = optionalInteger(),
                let duration = optionalInteger(), let performer = optionalString(), let title = optionalString(), let spoiler = flag()
            else { return nil }
            var reason: MediaFile.Unavailable?
            if let unavailable {
                guard let known = MediaFile.Unavailable(rawValue: unavailable) else { return nil }
                reason = known
            }
            return MediaFile(
                kind: name == MediaFile.Kind.placeholder.name ? .placeholder : MediaFile.Kind(exportType: name), path: path,
                sourcePath: sourcePath, thumbnailPath: thumbnailPath, unavailable: reason, fileName: fileName, fileSize: fileSize,
                mimeType: mimeType, width: width, height: height, durationSeconds: duration, performer: performer, title: title,
                spoiler: spoiler)
        }

        /// What `Writer.compact` wrote.
        mutating func compactDetails() -> PostDetails? {
            guard let edited = optionalDate(), let author = optionalString(), let sender = optionalString(), let viaBot = optionalString(),
                let forwardedFromID = optionalString(), let forwardedDate = optionalDate(), let pinned = flag(),
                let albumIDs = list({ $0.string() }), let dateIsLocal = flag(), let repliesElsewhere = flag(),
                let paidStars = optionalInteger(), let deletedAfter = optionalDate()
            else { return nil }
            var details = PostDetails()
            details.edited = edited
            details.author = author
            details.sender = sender
            details.viaBot = viaBot
            details.forwardedFromID = forwardedFromID
            details.forwardedDate = forwardedDate
            details.pinned = pinned
            details.albumIDs = albumIDs
            details.dateIsLocal = dateIsLocal
            details.repliesElsewhere = repliesElsewhere
            details.paidStars = paidStars
            details.deletedAfter = deletedAfter
            return details
        }
    }
}
