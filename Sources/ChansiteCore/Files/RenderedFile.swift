import Foundation

/// One file of the finished site, held in memory until the writer stores it.
package struct RenderedFile: Sendable, Hashable {
    /// The path inside the output folder, with `/` separators (`channels/x/index.html`).
    package var path: String
    package var contents: Data

    package init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    package init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}
