/// A count with its English noun, as chansite's messages print them: "1 post", "2 posts",
/// "1 service message is". The command line speaks English whatever the site's language.
package enum Counted {
    /// `count` and the noun in its number: the plural adds "s" unless another is given.
    package static func of(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }

    /// "is" or "are", as the count asks.
    package static func verb(_ count: Int) -> String { count == 1 ? "is" : "are" }

    /// "was" or "were", as the count asks.
    package static func pastVerb(_ count: Int) -> String { count == 1 ? "was" : "were" }
}
