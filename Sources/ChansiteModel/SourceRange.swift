import ChansiteCore

/// The lines of a dump a post came from, so later stages can still point at the source.
package struct SourceRange: Sendable, Hashable, Codable {
    package var path: String
    package var firstLine: Int
    package var lastLine: Int

    package init(path: String, firstLine: Int, lastLine: Int) {
        self.path = path
        self.firstLine = firstLine
        self.lastLine = lastLine
    }

    package var start: SourceLocation { SourceLocation(path: path, line: firstLine) }
}
