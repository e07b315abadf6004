import ChansiteCore
import ChansiteModel
import ChansiteRender

/// What `chansite init` writes: a short example dump, a configuration file with every key and
/// its default, and (on request) the built-in templates.
package enum StarterProject {
    /// A channel page copied from Telegram's web preview (`t.me/s/…`), two posts.
    package static let exampleDump = """
        Example Channel
        1.2K subscribers
        3 links
        An example channel: replace this file with your own dumps or Telegram Desktop export folders.
        Download Telegram
        Welcome to the archive. Every dump in Content/ becomes a channel with a page per post.
        Please open Telegram to view this post
        VIEW IN TELEGRAM
        Posts keep their links, like https://telegram.org, and their hashtags.

        #welcome #example
        Please open Telegram to view this post
        VIEW IN TELEGRAM

        """

    /// What `init` says about the content folder.
    package static let whereInputsGo = """
        Put your archives in Content/, each as it is:
          - a Telegram Desktop export folder: HTML (messages.html, messages2.html, … with photos/ and files/,
            the client's default) or JSON (result.json); a whole-account export too (its channels are published)
          - saved pages of a channel's web preview (t.me/s/<channel>, saved from a browser as .html)
          - text copies of channel pages (*.txt)
        """

    /// `chansite.json` with every key at its default, and the interface in `language`.
    package static func configuration(language: String) -> String {
        """
        {
          "title": "\(SiteConfig().title)",
          "description": "\(SiteConfig().description)",
          "baseURL": null,
          "language": "\(language)",
          "postsPerPage": \(SiteConfig().postsPerPage),
          "tagPostsPerPage": \(SiteConfig().tagPostsPerPage),
          "homePostsPerChannel": \(SiteConfig().homePostsPerChannel),
          "timeZone": "\(SiteConfig().timeZone)",
          "channelOrder": "\(SiteConfig().channelOrder.rawValue)",
          "exportChatTypes": [\(SiteConfig().exportChatTypes.map { "\"\($0)\"" }.joined(separator: ", "))],
          "channelHandles": {},
          "channelLanguages": {},
          "postsPerFolder": \(SiteConfig().postsPerFolder),
          "maxMediaFileSize": \(SiteConfig().maxMediaFileSize)
        }

        """
    }

    /// The interface language for a new project: the system locale's (`LC_ALL`, `LC_MESSAGES`,
    /// `LANG`, the first one set, as POSIX orders them) when the built-in templates speak it,
    /// else English. `C` and `POSIX` are no language.
    package static func language(environment: [String: String]) -> String {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let code = String(locale.prefix { $0.isLetter }).lowercased()
        let spoken = Set(
            BuiltinTemplates.files.keys.compactMap { name -> String? in
                guard name.hasPrefix("strings/"), name.hasSuffix(".json") else { return nil }
                return String(name.dropFirst("strings/".count).dropLast(".json".count))
            })
        return spoken.contains(code) ? code : "en"
    }

    /// The built-in templates and assets, by path inside `Templates/`.
    package static var templates: [(name: String, text: String)] {
        BuiltinTemplates.files.keys.sorted().map { ($0, BuiltinTemplates.files[$0] ?? "") }
    }
}
