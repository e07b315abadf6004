/// The lines of a dump a post came from, so later stages can still point at the source.
public struct SourceRange: Sendable, Hashable, Codable {
    public var path: String
    public var firstLine: Int
    public var lastLine: Int

    public init(path: String, firstLine: Int, lastLine: Int) {
        self.path = path
        self.firstLine = firstLine
        self.lastLine = lastLine
    }

    public var start: SourceLocation { SourceLocation(path: path, line: firstLine) }
}
