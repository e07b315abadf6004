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
          - text copies of channel pages (*.txt)
        """

    /// `chansite.json` with every key at its default.
    package static let configuration = """
        {
          "title": "\(SiteConfig().title)",
          "description": "\(SiteConfig().description)",
          "baseURL": null,
          "language": "\(SiteConfig().language)",
          "postsPerPage": \(SiteConfig().postsPerPage),
          "homePostsPerChannel": \(SiteConfig().homePostsPerChannel),
          "timeZone": "\(SiteConfig().timeZone)",
          "channelOrder": "\(SiteConfig().channelOrder.rawValue)",
          "exportChatTypes": [\(SiteConfig().exportChatTypes.map { "\"\($0)\"" }.joined(separator: ", "))],
          "channelHandles": {},
          "postsPerFolder": \(SiteConfig().postsPerFolder),
          "maxMediaFileSize": \(SiteConfig().maxMediaFileSize)
        }

        """

    /// The built-in templates and assets, by path inside `Templates/`.
    package static var templates: [(name: String, text: String)] {
        BuiltinTemplates.files.keys.sorted().map { ($0, BuiltinTemplates.files[$0] ?? "") }
    }
}
