/// A media file attached to a post. Text dumps only know that media existed; exports
/// (Telegram Desktop JSON) name the files, which the site model can then carry.
public struct MediaFile: Sendable, Hashable, Codable {
    /// What kind of media this is (`photo`, `video`, `file`, or `unknown` when the dump only shows a placeholder).
    public var kind: String
    /// The file's path relative to the dump, when the source provides one.
    public var path: String?

    public init(kind: String, path: String? = nil) {
        self.kind = kind
        self.path = path
    }
}
