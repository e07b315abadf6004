import Foundation

/// One file of the finished site, held in memory until the writer stores it.
public struct RenderedFile: Sendable, Hashable {
    /// The path inside the output folder, with `/` separators (`channels/x/index.html`).
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}
