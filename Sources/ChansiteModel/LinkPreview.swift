/// A link-preview card under a post: the linked site's name, page title and description.
package struct LinkPreview: Sendable, Hashable, Codable {
    package var site: String
    package var title: String
    package var description: String
    /// The URL from the post body the card belongs to, when one matches.
    package var url: String?

    package init(site: String, title: String, description: String, url: String? = nil) {
        self.site = site
        self.title = title
        self.description = description
        self.url = url
    }
}
