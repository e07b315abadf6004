/// A place in a project file, printed the way compilers print it so editors can jump there.
package struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The file's path as the user named it (relative to the working directory where possible).
    package var path: String
    /// The 1-based line, when the problem is on one line.
    package var line: Int?
    /// The 1-based column, when known.
    package var column: Int?

    package init(path: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
    }

    package var description: String {
        var text = path
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line ?? 0, lhs.column ?? 0) < (rhs.path, rhs.line ?? 0, rhs.column ?? 0)
    }
}
