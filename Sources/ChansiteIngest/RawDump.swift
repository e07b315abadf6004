import ChansiteCore

/// A dump file read into lines, before any format is known.
package struct RawDump: Sendable {
    /// The path as shown in diagnostics (relative to the working directory where possible).
    package var path: String
    /// The file's lines without line terminators; `lines[0]` is line 1.
    package var lines: [String]
    /// What the loader noticed while decoding (invalid UTF-8, a BOM, …).
    package var diagnostics: [Diagnostic]

    package init(path: String, lines: [String], diagnostics: [Diagnostic] = []) {
        self.path = path
        self.lines = lines
        self.diagnostics = diagnostics
    }

    /// Builds a dump from text, as the loader would after decoding (handy for tests and tools).
    package init(path: String, text: String) {
        self.init(path: path, lines: RawDump.splitLines(text))
    }

    /// The location of a 1-based line of this dump.
    package func location(_ line: Int?) -> SourceLocation {
        SourceLocation(path: path, line: line)
    }

    /// Splits on LF, CRLF and lone CR; a final line terminator does not make an empty last line.
    static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(String(Substring(bytes[start..<index])))
                var next = bytes.index(after: index)
                if byte == 0x0D, next < bytes.endIndex, bytes[next] == 0x0A { next = bytes.index(after: next) }
                start = next
                index = next
            } else {
                index = bytes.index(after: index)
            }
        }
        if start < bytes.endIndex { lines.append(String(Substring(bytes[start..<bytes.endIndex]))) }
        return lines
    }
}
