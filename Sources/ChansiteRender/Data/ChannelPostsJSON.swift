import ChansiteCore
import ChansiteMedia
import ChansiteModel
import Foundation

/// `channels/<channel>/posts.json`: the channel's posts as data, for other tools
/// (docs/posts-json.md). Stable ids, dates, the text with its formatting, media as the site
/// published them and each post's earlier versions; what the privacy pass withheld is not
/// there. Written a post at a time (never a whole tree in memory); keys in a fixed order.
package struct ChannelPostsJSON: Sendable {
    package static let version = 1
    package let site: Site
    let media: [String: [PublishedMedia]]

    package init(site: Site, media: [String: [PublishedMedia]] = [:]) {
        self.site = site
        self.media = media
    }

    /// Each channel's file, made and written one channel at a time: a large channel's file is
    /// most of its text again, so it goes to disk a megabyte at a time as it is made (a
    /// `StreamedFile` beside the staging folder) and is never whole in memory; a sink without
    /// a scratch folder (memory builds, the preview) gets it whole.
    package func write(into sink: any OutputSink) throws {
        let failures = site.channels.map { channel -> [Diagnostic] in
            let path = SitePaths.channelPostsJSON(channel.slug)
            let fingerprint = fingerprint(of: channel)
            if let fingerprint, sink.reuse(path, fingerprint: fingerprint) { return [] }
            do {
                if let folder = sink.scratchFolder, let streamed = StreamedFile(in: folder) {
                    do {
                        try write(channel) { try streamed.append($0) }
                    } catch {
                        streamed.close()
                        throw DiagnosticError(.error("cannot write '\(path)': \(error)"))
                    }
                    try sink.write(path, streamed: streamed, fingerprint: fingerprint)
                } else {
                    try sink.write(path, contents: file(of: channel), fingerprint: fingerprint)
                }
                return []
            } catch let error as DiagnosticError {
                return error.diagnostics
            } catch {
                return [.error("cannot write '\(path)': \(error)")]
            }
        }.flatMap { $0 }
        if !failures.isEmpty { throw DiagnosticError(failures) }
    }

    /// Everything a channel's file is made from, when the channel has a key (its inputs, the
    /// configuration and the interface words): with its media as published, a file the last
    /// build wrote from the same is carried over, not made again.
    func fingerprint(of channel: Channel) -> String? {
        guard let key = channel.cacheKey else { return nil }
        var fingerprint = Fingerprint("posts.json", String(Self.version), key)
        PublishedMedia.add(media, of: channel.posts.lazy.map(\.id), to: &fingerprint)
        return fingerprint.hex
    }

    func file(of channel: Channel) -> Data {
        var data = Data()
        write(channel) { data.append($0) }
        return data
    }

    /// The channel's file, handed to `emit` in pieces of about a megabyte, in order.
    func write<Failure: Error>(_ channel: Channel, _ emit: (Data) throws(Failure) -> Void) throws(Failure) {
        var json = JSONText()
        json.raw("{\"version\":\(Self.version),\"channel\":{\"slug\":")
        json.string(channel.slug)
        field(&json, "title", channel.info.title)
        field(&json, "handle", channel.info.handle)
        field(&json, "exportID", channel.info.channelID)
        field(&json, "description", channel.info.description)
        json.raw("},\"posts\":[")
        // In time order, whichever order the pages show.
        let posts = site.config.channelOrder == .newest ? Array(channel.posts.reversed()) : channel.posts
        for (n, post) in posts.enumerated() {
            json.raw(n == 0 ? "\n" : ",\n")
            write(post, into: &json)
            if json.count >= 1 << 20 { try emit(json.take()) }
        }
        json.raw("\n]}\n")
        try emit(json.take())
    }

    func write(_ sitePost: SitePost, into json: inout JSONText) {
        let post = sitePost.post
        let details = post.details
        json.raw("{\"id\":")
        json.string(post.messageID ?? sitePost.slug)
        field(&json, "messageID", post.messageID)
        field(&json, "url", sitePost.path)
        field(&json, "date", post.date.map(Self.iso))
        // Written by the exporting machine's clock, zone unknown: read as if UTC.
        if details?.dateIsLocal == true { json.raw(",\"dateIsLocal\":true") }
        field(&json, "dateText", post.date == nil ? post.dateText : nil)
        field(&json, "edited", details?.edited.map(Self.iso))
        field(&json, "deletedAfter", details?.deletedAfter.map(Self.iso))
        field(&json, "title", post.title)
        json.raw(",\"text\":")
        json.string(post.text)
        if let spans = post.spans, spans.contains(where: { $0.kind != "plain" }) {
            // As Telegram's API writes them: a range of the text in UTF-16 code units, so the
            // text is not written twice.
            json.raw(",\"entities\":[")
            var offset = 0
            var first = true
            for span in spans {
                let length = span.text.utf16Length
                defer { offset += length }
                guard span.kind != "plain" else { continue }
                json.raw(first ? "{\"type\":" : ",{\"type\":")
                first = false
                json.string(span.kind)
                json.raw(",\"offset\":")
                json.number(Int64(offset))
                json.raw(",\"length\":")
                json.number(Int64(length))
                field(&json, "href", span.href)
                field(&json, "language", span.language)
                if span.collapsed { json.raw(",\"collapsed\":true") }
                json.raw("}")
            }
            json.raw("]")
        }
        list(&json, "hashtags", post.hashtags)
        field(&json, "forwardedFrom", post.forwardedFrom)
        field(&json, "author", details?.author)
        field(&json, "replyTo", post.replyTo)
        if let reactions = post.reactions, !reactions.isEmpty {
            json.raw(",\"reactions\":[")
            for (n, reaction) in reactions.enumerated() {
                json.raw(n == 0 ? "{\"emoji\":" : ",{\"emoji\":")
                json.string(reaction.emoji)
                json.raw(",\"count\":")
                json.number(Int64(reaction.count))
                json.raw("}")
            }
            json.raw("]")
        }
        writeMedia(post.media, published: media[sitePost.id] ?? [], into: &json)
        if let versions = details?.versions, !versions.isEmpty {
            json.raw(",\"versions\":[")
            for (n, version) in versions.enumerated() {
                json.raw(n == 0 ? "{\"text\":" : ",{\"text\":")
                json.string(version.text)
                field(&json, "seen", version.seen.map(Self.iso))
                field(&json, "edited", version.edited.map(Self.iso))
                json.raw("}")
            }
            json.raw("]")
        }
        if let comments = details?.comments, !comments.isEmpty {
            json.raw(",\"comments\":[")
            for (n, comment) in comments.enumerated() {
                json.raw(n == 0 ? "{\"author\":" : ",{\"author\":")
                json.string(comment.author)
                field(&json, "date", comment.date.map(Self.iso))
                field(&json, "text", comment.text)
                json.raw("}")
            }
            json.raw("]")
        }
        json.raw("}")
    }

    func writeMedia(_ files: [MediaFile], published: [PublishedMedia], into json: inout JSONText) {
        guard !files.isEmpty else { return }
        json.raw(",\"media\":[")
        for (n, file) in files.enumerated() {
            let site = n < published.count ? published[n] : nil
            json.raw(n == 0 ? "{\"kind\":" : ",{\"kind\":")
            json.string(file.kind.name)
            field(&json, "file", site?.path)
            field(&json, "thumbnail", site?.thumbnailPath ?? site?.posterPath)
            field(&json, "fileName", file.fileName)
            field(&json, "mimeType", file.mimeType)
            number(&json, "width", file.width)
            number(&json, "height", file.height)
            number(&json, "durationSeconds", file.durationSeconds)
            field(&json, "unavailable", file.unavailable?.rawValue)
            json.raw("}")
        }
        json.raw("]")
    }

    func field(_ json: inout JSONText, _ key: String, _ value: String?) {
        guard let value else { return }
        json.raw(",\"\(key)\":")
        json.string(value)
    }

    func number(_ json: inout JSONText, _ key: String, _ value: Int?) {
        guard let value else { return }
        json.raw(",\"\(key)\":")
        json.number(Int64(value))
    }

    func list(_ json: inout JSONText, _ key: String, _ values: [String]) {
        guard !values.isEmpty else { return }
        json.raw(",\"\(key)\":[")
        for (n, value) in values.enumerated() {
            if n > 0 { json.raw(",") }
            json.string(value)
        }
        json.raw("]")
    }

    static func iso(_ date: Date) -> String { date.formatted(.iso8601) }
}
