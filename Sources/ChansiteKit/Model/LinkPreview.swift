/// A link-preview card under a post: the linked site's name, page title and description.
public struct LinkPreview: Sendable, Hashable, Codable {
    public var site: String
    public var title: String
    public var description: String
    /// The URL from the post body the card belongs to, when one matches.
    public var url: String?

    public init(site: String, title: String, description: String, url: String? = nil) {
        self.site = site
        self.title = title
        self.description = description
        self.url = url
    }
}
