import ChansiteCore
import ChansiteModel
import Foundation

/// A JSON Feed 1.1 (jsonfeed.org): the same entries as the RSS and Atom feeds, as JSON.
struct JSONFeed {
    struct Document: Encodable {
        var version = "https://jsonfeed.org/version/1.1"
        var title: String
        var description: String
        var homePageURL: String
        var feedURL: String
        var language: String
        var items: [Item]

        enum CodingKeys: String, CodingKey {
            case version, title, description, language, items
            case homePageURL = "home_page_url"
            case feedURL = "feed_url"
        }
    }

    struct Item: Encodable {
        var id: String
        var url: String
        var title: String
        /// One of the two is there, as JSON Feed asks: the text when the HTML is left out.
        var contentHTML: String?
        var contentText: String?
        var summary: String
        var datePublished: String?
        var dateModified: String?
        var tags: [String]?
        var attachments: [Attachment]?

        enum CodingKeys: String, CodingKey {
            case id, url, title, summary, tags, attachments
            case contentHTML = "content_html"
            case contentText = "content_text"
            case datePublished = "date_published"
            case dateModified = "date_modified"
        }
    }

    struct Attachment: Encodable {
        var url: String
        var mimeType: String
        var sizeInBytes: Int?
        var durationInSeconds: Int?

        enum CodingKeys: String, CodingKey {
            case url
            case mimeType = "mime_type"
            case sizeInBytes = "size_in_bytes"
            case durationInSeconds = "duration_in_seconds"
        }
    }

    let writer: FeedWriter
    let path: String

    func data(_ spec: Feeds.Spec) throws -> Data {
        let items = spec.posts.map { post in
            let entry = writer.entry(post)
            let edited = post.post.details?.edited
            let content = writer.content(entry, of: post, in: spec, path: path)
            return Item(
                id: writer.id(post.path, from: path), url: writer.url(post.path, from: path), title: post.heading,
                contentHTML: content, contentText: content == nil ? entry.summary : nil, summary: entry.summary,
                datePublished: post.post.date.map(AtomFeed.instant), dateModified: edited.map(AtomFeed.instant),
                tags: post.post.hashtags.isEmpty ? nil : Array(post.post.hashtags.prefix(PostView.summaryTagLimit)),
                attachments: entry.attachments.isEmpty
                    ? nil
                    : entry.attachments.map {
                        Attachment(url: writer.url($0.path, from: path), mimeType: $0.type, sizeInBytes: $0.size, durationInSeconds: $0.duration)
                    })
        }
        let document = Document(
            title: spec.title, description: spec.description, homePageURL: writer.url(spec.page, from: path), feedURL: writer.url(path, from: path),
            language: writer.site.config.language, items: items)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }
}
