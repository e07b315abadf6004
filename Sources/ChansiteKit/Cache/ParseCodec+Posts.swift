import ChansiteCore
import ChansiteModel
import Foundation

extension ParseCodec {
    /// Which of a post's optional parts follow, one bit each.
    struct Parts: OptionSet {
        let rawValue: UInt16
        static let title = Parts(rawValue: 1 << 0)
        static let forwardedFrom = Parts(rawValue: 1 << 1)
        static let reactions = Parts(rawValue: 1 << 2)
        static let dateText = Parts(rawValue: 1 << 3)
        static let date = Parts(rawValue: 1 << 4)
        static let mediaPlaceholder = Parts(rawValue: 1 << 5)
        static let media = Parts(rawValue: 1 << 6)
        static let linkPreviews = Parts(rawValue: 1 << 7)
        static let messageID = Parts(rawValue: 1 << 8)
        static let replyTo = Parts(rawValue: 1 << 9)
        static let replyQuote = Parts(rawValue: 1 << 10)
        /// Details in the compact form (`Writer.details`).
        static let details = Parts(rawValue: 1 << 11)
        static let paragraphPerLine = Parts(rawValue: 1 << 12)
        /// The text's formatting, as runs.
        static let runs = Parts(rawValue: 1 << 13)
        /// Details the compact form cannot hold (polls, comments, earlier versions …), as JSON.
        static let detailsJSON = Parts(rawValue: 1 << 14)
    }

    struct Writer {
        var bytes: [UInt8] = []
        /// Where the bytes go once `drainSize` have gathered (`drain()`; a file being written,
        /// `ParseFolder.write`); without it they all stay in `bytes`.
        var output: ((UnsafeRawBufferPointer) -> Void)?
        static let drainSize = 1 << 20

        /// Hands the gathered bytes to `output`, if there is one, once there are enough
        /// (`force`: whatever there is).
        mutating func drain(force: Bool = false) {
            guard let output, force || bytes.count >= Self.drainSize else { return }
            bytes.withUnsafeBytes(output)
            bytes.removeAll(keepingCapacity: true)
        }

        mutating func integer(_ value: Int) {
            withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func blob(_ value: [UInt8]) {
            integer(value.count)
            bytes += value
        }

        mutating func string(_ value: String) {
            integer(value.utf8.count)
            bytes += value.utf8
        }

        mutating func flag(_ value: Bool) {
            bytes.append(value ? 1 : 0)
        }

        mutating func date(_ value: Date) {
            integer(Int(bitPattern: UInt(value.timeIntervalSinceReferenceDate.bitPattern)))
        }

        /// A text that may be missing: its length -1 when it is.
        mutating func optional(_ value: String?) {
            guard let value else { return integer(-1) }
            string(value)
        }

        mutating func optional(_ value: Int?) {
            flag(value != nil)
            if let value { integer(value) }
        }

        mutating func optional(_ value: Date?) {
            flag(value != nil)
            if let value { date(value) }
        }

        mutating func json(_ value: some Encodable) -> Bool {
            // try?: a value that cannot be encoded leaves the file uncached.
            guard let data = try? JSONEncoder().encode(value) else { return false }
            blob(Array(data))
            return true
        }

        /// False when a part of `post` cannot be written.
        mutating func post(_ post: Post) -> Bool {
            var parts: Parts = []
            if post.title != nil { parts.insert(.title) }
            if post.forwardedFrom != nil { parts.insert(.forwardedFrom) }
            if post.reactions != nil { parts.insert(.reactions) }
            if post.dateText != nil { parts.insert(.dateText) }
            if post.date != nil { parts.insert(.date) }
            if post.hasMediaPlaceholder { parts.insert(.mediaPlaceholder) }
            if !post.media.isEmpty { parts.insert(.media) }
            if !post.linkPreviews.isEmpty { parts.insert(.linkPreviews) }
            if post.messageID != nil { parts.insert(.messageID) }
            if post.replyTo != nil { parts.insert(.replyTo) }
            if post.replyQuote != nil { parts.insert(.replyQuote) }
            // Most details (an edit date, a signature) fit the compact form; the rest goes as JSON.
            let compact = post.details.flatMap(Self.compact)
            if compact != nil { parts.insert(.details) } else if post.details != nil { parts.insert(.detailsJSON) }
            if post.paragraphPerLine { parts.insert(.paragraphPerLine) }
            if post.formatRuns != nil { parts.insert(.runs) }
            integer(Int(parts.rawValue))
            string(post.text)
            integer(post.hashtags.count)
            for tag in post.hashtags { string(tag) }
            string(post.source.path)
            integer(post.source.firstLine)
            integer(post.source.lastLine)
            if let title = post.title { string(title) }
            if let from = post.forwardedFrom { string(from) }
            if let reactions = post.reactions {
                integer(reactions.count)
                for reaction in reactions {
                    string(reaction.emoji)
                    integer(reaction.count)
                }
            }
            if let dateText = post.dateText { string(dateText) }
            if let date = post.date { self.date(date) }
            if !post.media.isEmpty {
                integer(post.media.count)
                for file in post.media { media(file) }
            }
            if !post.linkPreviews.isEmpty, !json(post.linkPreviews) { return false }
            if let id = post.messageID { string(id) }
            if let replyTo = post.replyTo { string(replyTo) }
            if let quote = post.replyQuote {
                string(quote.author)
                string(quote.text)
            }
            if let compact { bytes += compact } else if let details = post.details, !json(details) { return false }
            if let runs = post.formatRuns {
                integer(runs.count)
                for run in runs {
                    string(run.kind)
                    integer(Int(run.length))
                    optional(run.attribute)
                    flag(run.collapsed)
                }
            }
            return true
        }

        mutating func media(_ file: MediaFile) {
            string(file.kind.name)
            optional(file.path)
            optional(file.sourcePath)
            optional(file.thumbnailPath)
            optional(file.unavailable?.rawValue)
            optional(file.fileName)
            optional(file.fileSize)
            optional(file.mimeType)
            optional(file.width)
            optional(file.height)
            optional(file.durationSeconds)
            optional(file.performer)
            optional(file.title)
            flag(file.spoiler)
        }

        /// The details' common fields, or nil when they are not all it has (it would not read
        /// back the same).
        static func compact(_ details: PostDetails) -> [UInt8]? {
            var writer = Writer()
            writer.optional(details.edited)
            writer.optional(details.author)
            writer.optional(details.sender)
            writer.optional(details.viaBot)
            writer.optional(details.forwardedFromID)
            writer.optional(details.forwardedDate)
            writer.flag(details.pinned)
            writer.integer(details.albumIDs.count)
            for id in details.albumIDs { writer.string(id) }
            writer.flag(details.dateIsLocal)
            writer.flag(details.repliesElsewhere)
            writer.optional(details.paidStars)
            writer.optional(details.deletedAfter)
            var reader = Reader(bytes: writer.bytes)
            guard reader.compactDetails() == details, reader.atEnd else { return nil }
            return writer.bytes
        }
    }
}
